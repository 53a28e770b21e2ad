using System.Text.Json;

namespace Ceseda.Host.Tests;

public sealed class EvaluateCommandTest
{
    private const string Requests = """
        {"id": "c1", "rule": "retention.appeal", "territory": "metropole", "facts": {"start": "2017-01-20T17:20+01:00", "act": "2017-01-23T09:01+01:00"}}
        this is not json

        {"id": "c3", "rule": "cpc.deadline", "territory": "la-reunion", "facts": {"start": "2005-07-28", "months": 1}}
        {"id": "c4", "rule": "no.such.rule", "territory": "metropole", "facts": {}}
        {"id": "c5", "rule": "administrative.recourse", "territory": "metropole", "facts": {"start": "2017-08-23"}}
        """;

    [Fact]
    public async Task Evaluate_MixedLines_AnswersEachInOrderAndSkipsBlankLines()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync(Requests.Replace("\n", "\r\n", StringComparison.Ordinal), "evaluate");
        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        var answers = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal("2017-01-23T17:20:00+01:00", answers[0].GetProperty("result").GetProperty("expiresAt").GetString());
        Assert.True(answers[0].GetProperty("result").GetProperty("timely").GetBoolean());
        Assert.Equal("invalid-json", answers[1].GetProperty("error").GetProperty("code").GetString());
        // Sunday 28 August 2005 -> Monday 29 August at 24:00, La Réunion (Cass. 2e civ., 1er oct. 2009, n° 08-20.930).
        Assert.Equal("2005-08-30T00:00:00+04:00", answers[2].GetProperty("result").GetProperty("expiresAt").GetString());
        Assert.Equal("unknown-rule", answers[3].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("c4", answers[3].GetProperty("id").GetString());
        // Franc: 23 October + 1 = Tuesday 24 October 2017 at 24:00.
        Assert.Equal("2017-10-25T00:00:00+02:00", answers[4].GetProperty("result").GetProperty("expiresAt").GetString());
    }

    [Fact]
    public async Task Evaluate_LastLineWithoutNewline_IsAnswered()
    {
        var (_, stdout, _) = await CliRunner.RunAsync("""{"id": 1, "rule": "cpc.deadline", "territory": "metropole", "facts": {"start": "2004-05-21", "days": 15}}""", "evaluate");
        Assert.Contains("\"expiresAt\":\"2004-06-08T00:00:00+02:00\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_ManyLines_KeepsOrder()
    {
        var input = string.Join("\n", Enumerable.Range(0, 5000).Select(i =>
            "{\"id\": " + i + ", \"rule\": \"cpc.deadline\", \"territory\": \"metropole\", \"facts\": {\"start\": \"2004-05-21\", \"days\": " + ((i % 40) + 1) + "}}"));
        var (_, stdout, _) = await CliRunner.RunAsync(input, "evaluate");
        var ids = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt32());
        Assert.Equal(Enumerable.Range(0, 5000), ids);
    }

    [Fact]
    public async Task Evaluate_OtherMachineZoneAndCulture_WritesTheSameBytes()
    {
        var invariant = await CliRunner.RunProcessAsync(Requests, new Dictionary<string, string>(), "evaluate");
        var other = await CliRunner.RunProcessAsync(Requests, new Dictionary<string, string>
        {
            ["TZ"] = "Asia/Kathmandu",
            ["LANG"] = "tr_TR.UTF-8",
            ["LC_ALL"] = "tr_TR.UTF-8",
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "false",
        }, "evaluate");
        Assert.Equal(0, other.Exit);
        Assert.Equal(invariant.Stdout, other.Stdout);
        Assert.Equal(5, other.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
