using System.Text;
using System.Text.Json;
using Ceseda.Rules.Evaluation;

namespace Ceseda.Rules.Tests.Evaluation;

public sealed class EvaluationJsonTest
{
    private static JsonElement Answer(string line)
    {
        var response = Evaluator.Evaluate(EvaluationJson.ReadRequest(Encoding.UTF8.GetBytes(line)));
        return JsonDocument.Parse(EvaluationJson.Serialize(response)).RootElement;
    }

    private static (string Code, string? Field, string Message) Error(string line)
    {
        var error = Answer(line).GetProperty("error");
        return (error.GetProperty("code").GetString()!, error.GetProperty("field").GetString(), error.GetProperty("message").GetString()!);
    }

    [Fact]
    public void Evaluate_DesignContractExample_AnswersEveryField()
    {
        var answer = Answer("""{"id": "c1", "rule": "retention.appeal", "territory": "metropole", "facts": {"start": "2017-01-20T17:20+01:00", "act": "2017-01-23T09:01+01:00"}, "options": {"readings": {"prorogation-end": "same-hour"}}}""");
        Assert.Equal("c1", answer.GetProperty("id").GetString());
        Assert.Equal("retention.appeal", answer.GetProperty("rule").GetString());
        Assert.Equal("2008-08-24", answer.GetProperty("version").GetString());
        Assert.Equal("CESEDA art. R.552-12 al. 1 (numérotation 2009)", answer.GetProperty("citations")[0].GetString());
        Assert.Equal("2017-01-23T17:20:00+01:00", answer.GetProperty("result").GetProperty("expiresAt").GetString());
        Assert.True(answer.GetProperty("result").GetProperty("timely").GetBoolean());
        var divergent = Assert.Single(answer.GetProperty("divergentReadings").EnumerateArray());
        Assert.Equal("prorogation-end", divergent.GetProperty("reading").GetString());
        Assert.Equal("end-of-day", divergent.GetProperty("option").GetString());
        Assert.Equal("2017-01-24T00:00:00+01:00", divergent.GetProperty("expiresAt").GetString());
        Assert.True(answer.GetProperty("explanation").GetArrayLength() >= 4);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("error").ValueKind);
    }

    [Fact]
    public void Evaluate_NumericIdAndNoAct_EchoesIdAndTimelyIsNull()
    {
        var answer = Answer("""{"id": 42, "rule": "cpc.deadline", "territory": "metropole", "facts": {"start": "2004-05-21", "days": 15}}""");
        Assert.Equal(42, answer.GetProperty("id").GetInt32());
        Assert.Equal("2004-06-08T00:00:00+02:00", answer.GetProperty("result").GetProperty("expiresAt").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("result").GetProperty("timely").ValueKind);
    }

    [Fact]
    public void Evaluate_ExplainFalse_OmitsTheSteps()
    {
        var answer = Answer("""{"rule": "cpc.deadline", "territory": "metropole", "facts": {"start": "2004-05-21", "days": 15}, "options": {"explain": false}}""");
        Assert.Equal(0, answer.GetProperty("explanation").GetArrayLength());
    }

    [Theory]
    [InlineData("""not json""", "invalid-json", null)]
    [InlineData("""[1, 2]""", "invalid-json", null)]
    [InlineData("""{"rule": "retention.appeal", "territory": "metropole", "facts": {"start": "2017-01-20T17:20+01:00"}} {}""", "invalid-json", null)]
    [InlineData("""{"territory": "metropole", "facts": {}}""", "missing-field", "rule")]
    [InlineData("""{"rule": "retention.appel", "territory": "metropole", "facts": {}}""", "unknown-rule", "rule")]
    [InlineData("""{"rule": "retention.appeal", "facts": {"start": "2017-01-20T17:20+01:00"}}""", "missing-field", "territory")]
    [InlineData("""{"rule": "retention.appeal", "territory": "paris", "facts": {}}""", "unknown-territory", "territory")]
    [InlineData("""{"rule": "retention.appeal", "territory": "metropole", "facts": {}}""", "missing-fact", "facts.start")]
    [InlineData("""{"rule": "retention.appeal", "territory": "metropole", "facts": {"start": "2017-01-20T17:20+01:00", "acte": "2017-01-21T10:00+01:00"}}""", "unknown-fact", "facts.acte")]
    [InlineData("""{"rule": "retention.appeal", "territory": "metropole", "facts": {"start": "20/01/2017 17:20"}}""", "malformed-fact", "facts.start")]
    [InlineData("""{"rule": "retention.appeal", "territory": "metropole", "facts": {"start": 1484929200}}""", "malformed-fact", "facts.start")]
    [InlineData("""{"rule": "retention.appeal", "territory": "metropole", "facts": {"start": "2017-01-20"}}""", "malformed-fact", "facts.start")]
    [InlineData("""{"rule": "retention.appeal", "territory": "metropole", "facts": {"start": "2017-01-20T17:20+01:00", "act": "2017-01-21"}}""", "malformed-fact", "facts.act")]
    [InlineData("""{"rule": "retention.appeal", "territory": "metropole", "facts": {"start": "2023-02-29T10:00+01:00"}}""", "impossible-date", "facts.start")]
    [InlineData("""{"rule": "retention.appeal", "territory": "metropole", "facts": {"start": "2023-02-28T24:00+01:00"}}""", "impossible-date", "facts.start")]
    [InlineData("""{"rule": "retention.appeal", "territory": "metropole", "facts": {"start": "2025-03-30T02:30"}}""", "dst-gap", "facts.start")]
    [InlineData("""{"rule": "retention.appeal", "territory": "metropole", "facts": {"start": "2025-10-26T02:30"}}""", "dst-ambiguous", "facts.start")]
    [InlineData("""{"rule": "retention.appeal", "territory": "metropole", "facts": {"start": "2001-10-26T10:30+02:00"}}""", "no-version", "facts.start")]
    [InlineData("""{"rule": "cpc.deadline", "territory": "metropole", "facts": {"start": "2004-05-21"}}""", "missing-fact", "facts")]
    [InlineData("""{"rule": "cpc.deadline", "territory": "metropole", "facts": {"start": "2004-05-21", "days": -3}}""", "malformed-fact", "facts.days")]
    [InlineData("""{"rule": "cpc.deadline", "territory": "metropole", "facts": {"start": "2004-05-21", "days": 1.5}}""", "malformed-fact", "facts.days")]
    [InlineData("""{"rule": "cpc.deadline", "territory": "metropole", "facts": {"start": "2199-05-21", "years": 5}}""", "out-of-range", "facts.start")]
    [InlineData("""{"rule": "visa.refusal-appeal", "territory": "metropole", "facts": {"start": "2023-01-03"}}""", "missing-fact", "facts.refusalDate")]
    [InlineData("""{"rule": "retention.appeal", "territory": "metropole", "facts": {"start": "2017-01-20T17:20+01:00"}, "options": {"readings": {"prorogation": "same-hour"}}}""", "unknown-reading", "options.readings.prorogation")]
    [InlineData("""{"rule": "retention.appeal", "territory": "metropole", "facts": {"start": "2017-01-20T17:20+01:00"}, "options": {"readings": {"prorogation-end": "midnight"}}}""", "unknown-reading-option", "options.readings.prorogation-end")]
    [InlineData("""{"rule": "retention.appeal", "territory": "metropole", "facts": {"start": "2017-01-20T17:20+01:00"}, "options": {"goodFriday": "yes"}}""", "invalid-option", "options.goodFriday")]
    [InlineData("""{"rule": "retention.appeal", "territory": "metropole", "facts": {"start": "2017-01-20T17:20+01:00"}, "options": {"timezone": "UTC"}}""", "invalid-option", "options.timezone")]
    [InlineData("""{"rule": "retention.appeal", "territory": "metropole", "fact": {"start": "2017-01-20T17:20+01:00"}}""", "unknown-field", "fact")]
    public void Evaluate_BadInput_AnswersAStructuredErrorNamingTheField(string line, string code, string? field)
    {
        var (actualCode, actualField, message) = Error(line);
        Assert.Equal(code, actualCode);
        Assert.Equal(field, actualField);
        Assert.False(string.IsNullOrWhiteSpace(message));
        if (field is not null && field.StartsWith("facts.", StringComparison.Ordinal))
        {
            Assert.Contains(field, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Evaluate_LocalTimeWithResolution_UsesTheChosenOccurrence()
    {
        var later = Answer("""{"rule": "retention.appeal-ruling", "territory": "metropole", "facts": {"start": "2025-10-26T02:30"}, "options": {"resolveLocalTime": "later"}}""");
        var earlier = Answer("""{"rule": "retention.appeal-ruling", "territory": "metropole", "facts": {"start": "2025-10-26T02:30"}, "options": {"resolveLocalTime": "earlier"}}""");
        // Sunday 26 October 2025 02:30 + 48 h = Tuesday 28 October 02:30 (+01:00) on the clock, either way.
        Assert.Equal("2025-10-28T02:30:00+01:00", later.GetProperty("result").GetProperty("expiresAt").GetString());
        Assert.Equal("2025-10-28T02:30:00+01:00", earlier.GetProperty("result").GetProperty("expiresAt").GetString());
        var elapsedLater = Answer("""{"rule": "retention.appeal-ruling", "territory": "metropole", "facts": {"start": "2025-10-26T02:30"}, "options": {"resolveLocalTime": "earlier", "readings": {"hour-counting": "elapsed"}}}""");
        Assert.Equal("2025-10-28T01:30:00+01:00", elapsedLater.GetProperty("result").GetProperty("expiresAt").GetString());
    }

    [Fact]
    public void Evaluate_LocalTimeUnambiguous_IsAccepted()
    {
        var answer = Answer("""{"rule": "retention.appeal", "territory": "guyane", "facts": {"start": "2024-06-09T08:00"}}""");
        // Sunday 9 June 2024 08:00 + 24 h = Monday 10 June, abolition day in Guyane -> Tuesday 11 June 08:00.
        Assert.Equal("2024-06-11T08:00:00-03:00", answer.GetProperty("result").GetProperty("expiresAt").GetString());
    }

    [Fact]
    public void Evaluate_ErrorLine_KeepsTheIdAndRule()
    {
        var answer = Answer("""{"id": "x7", "rule": "retention.appeal", "territory": "metropole", "facts": {"start": "nope"}}""");
        Assert.Equal("x7", answer.GetProperty("id").GetString());
        Assert.Equal("retention.appeal", answer.GetProperty("rule").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("result").ValueKind);
    }
}
