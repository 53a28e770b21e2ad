using System.Text.Json;

namespace Ceseda.Host.Tests;

public sealed class ExplainAndRulesCommandTest
{
    [Fact]
    public async Task Explain_DesignExample_PrintsTheResultAndStepsInFrench()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("", "explain", "retention.appeal", "--territory", "metropole",
            "--start", "2017-01-20T17:20+01:00", "--act", "2017-01-23T09:01+01:00");
        Assert.Equal(0, exit);
        Assert.Contains("Échéance : lundi 23 janvier 2017 à 17 h 20 (UTC+01:00)", stdout, StringComparison.Ordinal);
        Assert.Contains("Acte dans le délai : oui", stdout, StringComparison.Ordinal);
        Assert.Contains("[CPC art. 642 al. 2]", stdout.Replace("Cass. 2e civ., 30 nov. 2000, n° 99-50.044", "CPC art. 642 al. 2", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("prorogation-end = end-of-day", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_JsonFormatAndReadingOption_AnswersTheContract()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("", "explain", "retention.appeal", "--territory", "metropole",
            "--start", "2017-01-20T17:20+01:00", "--reading", "prorogation-end=end-of-day", "--format", "json");
        Assert.Equal(0, exit);
        var answer = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("2017-01-24T00:00:00+01:00", answer.GetProperty("result").GetProperty("expiresAt").GetString());
        Assert.Equal("same-hour", answer.GetProperty("divergentReadings")[0].GetProperty("option").GetString());
    }

    [Fact]
    public async Task Explain_FactsForCpc_ReadsNumbers()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("", "explain", "cpc.deadline", "--territory", "metropole",
            "--start", "2018-02-20", "--fact", "months=3", "--format", "markdown");
        Assert.Equal(0, exit);
        Assert.Contains("Lundi de Pentecôte", stdout, StringComparison.Ordinal);
        Assert.Contains("**Échéance** : mercredi 23 mai 2018 à 0 h", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_BadFact_ExitsOneWithTheFieldNamed()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("", "explain", "retention.appeal", "--territory", "metropole", "--start", "2017-01-20");
        Assert.Equal(1, exit);
        Assert.Contains("malformed-fact", stdout, StringComparison.Ordinal);
        Assert.Contains("facts.start", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_UnknownReading_IsAUsageError()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("", "explain", "retention.appeal", "--reading", "nope=x");
        Assert.Equal(2, exit);
        Assert.Contains("'nope' is not a reading", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_Json_ListsEveryRuleWithFactsVersionsAndCitations()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("", "rules", "--json");
        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(stdout).RootElement;
        var rules = root.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        foreach (var id in new[]
                 {
                     "retention.appeal", "retention.prosecutor-suspensive-appeal", "retention.suspensive-observations", "retention.appeal-ruling",
                     "waiting-zone.appeal", "waiting-zone.prosecutor-suspensive-appeal", "waiting-zone.suspensive-observations", "waiting-zone.appeal-ruling",
                     "attestation.mayor-silence", "attestation.prefect-silence", "attestation.prefect-appeal", "visa.refusal-appeal",
                     "adhoc-administrator.radiation-appeal", "cpc.deadline", "administrative.silence", "administrative.recourse",
                     "administrative.removal-order-recourse-48h",
                 })
        {
            Assert.True(rules.ContainsKey(id), id);
            Assert.NotEqual(0, rules[id].GetProperty("facts").GetArrayLength());
            Assert.All(rules[id].GetProperty("versions").EnumerateArray(), v => Assert.NotEqual(0, v.GetProperty("citations").GetArrayLength()));
        }

        var prosecutor = rules["retention.prosecutor-suspensive-appeal"].GetProperty("versions").EnumerateArray()
            .Select(v => $"{v.GetProperty("from").GetString()} {v.GetProperty("delay").GetString()}");
        Assert.Equal(["2005-03-01 4 heures", "2011-07-18 6 heures", "2019-01-01 10 heures", "2021-05-01 10 heures", "2024-07-15 24 heures"], prosecutor);
        Assert.Equal(13, root.GetProperty("territories").GetArrayLength());
        Assert.Contains(root.GetProperty("readings").EnumerateArray(), r => r.GetProperty("id").GetString() == "prorogation-end" && r.GetProperty("default").GetString() == "same-hour");
    }

    [Fact]
    public async Task UnknownVerb_ExitsTwoWithUsageHint()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("", "serve-me");
        Assert.Equal(2, exit);
        Assert.Contains("'serve-me' is not a command", stderr, StringComparison.Ordinal);
    }
}
