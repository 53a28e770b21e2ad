using System.Text.Json;
using Ceseda.Host.Serve;
using NodaTime;

namespace Ceseda.Host.Tests.Serve;

/// <summary><c>ceseda serve</c>'s HTTP API, in memory on a SQLite file, with a test clock.</summary>
public sealed class ServeApiTest
{
    // Wednesday 12 March 2025, 10:00 in Paris.
    private static readonly Instant Now = Instant.FromUtc(2025, 3, 12, 9, 0);

    private const string Appeal = "retention.ordinance-appeal";

    private static string NewCase(string caseId) =>
        $$"""{"procedure": "{{Appeal}}", "territory": "metropole", "court": "CA Lyon", "caseId": "{{caseId}}"}""";

    private static string Act(string trigger, string at, long expectedVersion, string facts = "{}") =>
        $$"""{"trigger": "{{trigger}}", "at": "{{at}}", "facts": {{facts}}, "expectedVersion": {{expectedVersion}}}""";

    private const string Extending = """{"endsMeasure": false, "foreignerPresent": true}""";

    [Fact]
    public async Task Start_EmptyStore_SeedsTheDemoCasesOnce_ASecondStartSeedsNothing()
    {
        using var database = new TempDatabase();
        await using (var first = await ApiHost.StartAsync(database, new TestClock(Now)))
        {
            Assert.Equal(0, first.Demo.Held);
            Assert.Equal(["demo-retention-appeal-window", "demo-retention-ruling", "demo-retention-suspensive-appeal", "demo-waiting-zone-holding",
                "demo-attestation"], first.Demo.Seeded);
        }

        await using var second = await ApiHost.StartAsync(database, new TestClock(Now + Duration.FromHours(1)));
        Assert.Equal(5, second.Demo.Held);
        Assert.Empty(second.Demo.Seeded);
        var (status, body) = await second.GetAsync("/api/cases/demo-retention-ruling");
        Assert.Equal(200, status);
        Assert.Equal(3, body.Long("version"));
        Assert.Equal("AwaitingRuling", body.Str("state"));
    }

    [Fact]
    public async Task Start_NoDemo_SeedsNothing()
    {
        using var database = new TempDatabase();
        await using var host = await ApiHost.StartAsync(database, new TestClock(Now), demo: false);
        Assert.Empty(host.Demo.Seeded);
        Assert.Equal(404, (await host.GetAsync("/api/cases/demo-retention-ruling")).Status);
    }

    [Fact]
    public async Task Due_DemoCases_LiveDeadlinesOfTheCourt_ByInstant()
    {
        using var database = new TempDatabase();
        await using var host = await ApiHost.StartAsync(database, new TestClock(Now));
        var (status, body) = await host.GetAsync("/api/courts/CA%20Paris/due?from=2025-03-12T10:00%2B01:00&until=2025-03-15T00:00%2B01:00");
        Assert.Equal(200, status);
        Assert.Equal("CA Paris", body.Str("court"));
        var deadlines = body.Items("items").Where(i => i.Str("kind") == "deadline").Select(i => (i.Str("caseId"), i.Str("name"), i.Str("due"))).ToList();
        Assert.Equal(
        [
            // Appeal notified at 09:20: two hours for observations (R.743-12).
            ("demo-retention-suspensive-appeal", "observations-window", "2025-03-12T11:20:00+01:00"),
            // Extension pronounced at 07:00: 24 hours to appeal (R.743-10).
            ("demo-retention-appeal-window", "appeal-window", "2025-03-13T07:00:00+01:00"),
            // Appeal lodged at 05:00: 48 hours to rule (L.743-21).
            ("demo-retention-ruling", "ruling-deadline", "2025-03-14T05:00:00+01:00"),
            // Prosecutor's appeal at 08:50: 48 hours to rule.
            ("demo-retention-suspensive-appeal", "ruling-deadline", "2025-03-14T08:50:00+01:00"),
        ], deadlines);
        var dues = body.Items("items").Select(i => DateTimeOffsetText(i.Str("due"))).ToList();
        Assert.Equal(dues.Order(), dues);
        Assert.Empty(body.Items("unreadable"));

        var holding = (await host.GetAsync("/api/courts/TJ%20Bobigny/due?from=2025-03-12T10:00%2B01:00&until=2025-03-20T00:00%2B01:00")).Body;
        // Held on Monday 10 March at 10:00: four days, to Friday 14 March at 10:00 (L.221-3).
        Assert.Contains(holding.Items("items"), i => i.Str("name") == "initial-period" && i.Str("due") == "2025-03-14T10:00:00+01:00");
    }

    [Fact]
    public async Task Acts_StartFireConflictAndRetry_VersionsChecked_RetryWritesNothing()
    {
        using var database = new TempDatabase();
        await using var host = await ApiHost.StartAsync(database, new TestClock(Now), demo: false);

        var (status, started, response) = await host.PostAsync("/api/cases", NewCase("RG 25/01234"));
        Assert.Equal(201, status);
        Assert.Equal("/api/cases/RG%2025%2F01234", response.Headers.Location!.OriginalString);
        Assert.Equal(1, started.Long("version"));
        Assert.Equal("NotPronounced", started.Str("state"));
        Assert.Contains(started.Items("acts"), a => a.Str("trigger") == "Pronounce" && a.Bool("permitted"));

        // Friday 20 January 2017, 17:20: the 24 h end on Saturday, prorogued to Monday 17:20 (CPC 642).
        var (_, pronounced, _) = await host.PostAsync("/api/cases/RG%2025%2F01234/acts", Act("Pronounce", "2017-01-20T17:20+01:00", 1, Extending));
        Assert.Equal(2, pronounced.Long("version"));
        Assert.Equal("MeasureContinues", pronounced.Str("state"));
        Assert.False(pronounced.Bool("isRetry"));
        var armed = pronounced.Items("events").Single().Items("armed").Single();
        Assert.Equal(("appeal-window", "2017-01-23T17:20:00+01:00"), (armed.Str("slot"), armed.Str("expiresAt")));

        var lodge = Act("LodgeAppeal", "2017-01-23T09:01", 2, """{"appellant": "foreigner"}"""); // local time, unambiguous in Paris
        var (lodgedStatus, lodged, _) = await host.PostAsync("/api/cases/RG%2025%2F01234/acts", lodge, idempotencyKey: "cmd-7");
        Assert.Equal(200, lodgedStatus);
        Assert.Equal(3, lodged.Long("version"));
        Assert.Equal("AwaitingRuling", lodged.Str("state"));
        var check = lodged.Items("events").Single().GetProperty("check");
        Assert.True(check.Bool("timely"));
        Assert.Equal("2017-01-23T17:20:00+01:00", check.Str("expiresAt"));

        var (retryStatus, retry, _) = await host.PostAsync("/api/cases/RG%2025%2F01234/acts", lodge, idempotencyKey: "cmd-7");
        Assert.Equal(200, retryStatus);
        Assert.True(retry.Bool("isRetry"));
        Assert.Equal(3, retry.Long("version"));

        var (conflictStatus, conflict, _) = await host.PostAsync("/api/cases/RG%2025%2F01234/acts",
            Act("Rule", "2017-01-24T16:30+01:00", 2));
        Assert.Equal(409, conflictStatus);
        Assert.Equal("case-conflict", conflict.Str("code"));
        Assert.Equal((2, 3), (conflict.Long("expectedVersion"), conflict.Long("actualVersion")));

        var (_, history) = await host.GetAsync("/api/cases/RG%2025%2F01234/history");
        Assert.Equal(["Pronounce", "LodgeAppeal"], history.Items("events").Select(e => e.Str("trigger")));
        Assert.Equal("2017-01-23T09:01:00+01:00", history.Items("events")[1].Str("at"));
        Assert.Contains("23 janvier 2017", history.Str("timeline"), StringComparison.Ordinal);
        var (_, stored) = await host.GetAsync("/api/cases/RG%2025%2F01234");
        Assert.Equal(3, stored.Long("version"));
        var ruling = stored.Items("deadlines").Single(d => d.Str("slot") == "ruling-deadline");
        Assert.Equal(("2017-01-25T09:01:00+01:00", "armed"), (ruling.Str("expiresAt"), ruling.Str("status")));
    }

    [Fact]
    public async Task WhyNot_ActNotProvidedInTheState_ReasonsInFrench()
    {
        using var database = new TempDatabase();
        await using var host = await ApiHost.StartAsync(database, new TestClock(Now), demo: false);
        await host.PostAsync("/api/cases", NewCase("c1"));
        await host.PostAsync("/api/cases/c1/acts", Act("Pronounce", "2017-01-20T17:20+01:00", 1, Extending));

        var (status, body) = await host.GetAsync("/api/cases/c1/why-not?trigger=Rule&at=2017-01-21T10:00%2B01:00");
        Assert.Equal(200, status);
        Assert.False(body.Bool("permitted"));
        var reasons = body.Items("reasons").Select(r => r.GetString()!).ToList();
        Assert.Equal(2, reasons.Count);
        Assert.Equal("« Ordonnance du premier président au fond » n'est pas prévu dans l'état « Mesure prolongée, délai d'appel en cours ».", reasons[0]);
        Assert.StartsWith("Délai en cours : le délai d'appel de 24 heures à compter du prononcé, jusqu'au lundi 23 janvier 2017 à 17 h 20", reasons[1],
            StringComparison.Ordinal);

        var (refusedStatus, refused, _) = await host.PostAsync("/api/cases/c1/acts", Act("Rule", "2017-01-21T10:00+01:00", 2));
        Assert.Equal(422, refusedStatus);
        Assert.Equal("trigger-refused", refused.Str("code"));
        Assert.Equal(body.Items("reasons").Select(r => r.GetString()), refused.Items("reasons").Select(r => r.GetString()));
    }

    [Fact]
    public async Task Evaluate_ContractExample_SameAnswerAsTheCommand_ArrayAnsweredInOrder()
    {
        const string Request = """{"id":"c1","rule":"retention.appeal","territory":"metropole","facts":{"start":"2017-01-20T17:20+01:00","act":"2017-01-23T09:01+01:00"}}""";
        using var database = new TempDatabase();
        await using var host = await ApiHost.StartAsync(database, new TestClock(Now), demo: false);

        using var response = await host.Client.PostAsync(new Uri("/api/evaluate", UriKind.Relative), Json.Content(JsonDocument.Parse(Request).RootElement));
        var text = await response.Content.ReadAsStringAsync();
        var (_, cli, _) = await CliRunner.RunAsync(Request + "\n", "evaluate");
        Assert.Equal(cli.TrimEnd('\n'), text);
        var result = JsonDocument.Parse(text).RootElement.GetProperty("result");
        Assert.Equal("2017-01-23T17:20:00+01:00", result.Str("expiresAt"));
        Assert.True(result.Bool("timely"));

        var (status, answers, _) = await host.PostAsync("/api/evaluate", "[" + Request + """, {"id": "c2", "rule": "no.such.rule", "territory": "metropole", "facts": {}}]""");
        Assert.Equal(200, status);
        Assert.Equal(["c1", "c2"], answers.EnumerateArray().Select(a => a.Str("id")));
        Assert.Equal("unknown-rule", answers[1].GetProperty("error").Str("code"));
    }

    [Fact]
    public async Task Errors_BadInput_ProblemsNamingTheFieldTheValueAndWhatIsExpected()
    {
        using var database = new TempDatabase();
        await using var host = await ApiHost.StartAsync(database, new TestClock(Now), demo: false);
        await host.PostAsync("/api/cases", NewCase("c1"));

        var missing = (await host.PostAsync("/api/cases", $$"""{"procedure": "{{Appeal}}", "territory": "metropole"}""")).Body;
        Assert.Equal((400, "missing-field", "court"), (missing.GetProperty("status").GetInt32(), missing.Str("code"), missing.Str("field")));

        var territory = (await host.PostAsync("/api/cases", $$"""{"procedure": "{{Appeal}}", "territory": "mars", "court": "CA Paris"}""")).Body;
        Assert.Equal((400, "unknown-territory"), (territory.GetProperty("status").GetInt32(), territory.Str("code")));
        Assert.StartsWith("territory is 'mars'; expected a territory: metropole, alsace-moselle,", territory.Str("detail"), StringComparison.Ordinal);

        var (instantStatus, instant, _) = await host.PostAsync("/api/cases/c1/acts", Act("Pronounce", "20/01/2017 17:20", 1, Extending));
        Assert.Equal((400, "invalid-instant", "at"), (instantStatus, instant.Str("code"), instant.Str("field")));
        Assert.Contains("'20/01/2017 17:20'", instant.Str("detail"), StringComparison.Ordinal);

        // 30 October 2016, 02:30 happened twice in Paris.
        var (ambiguousStatus, ambiguous, _) = await host.PostAsync("/api/cases/c1/acts", Act("Pronounce", "2016-10-30T02:30", 1, Extending));
        Assert.Equal((400, "local-time-ambiguous"), (ambiguousStatus, ambiguous.Str("code")));

        var (noOffsetStatus, noOffset) = await host.GetAsync("/api/courts/CA%20Paris/due?from=2025-03-12T10:00");
        Assert.Equal((400, "instant-without-offset", "from"), (noOffsetStatus, noOffset.Str("code"), noOffset.Str("field")));

        var (versionStatus, version, _) = await host.PostAsync("/api/cases/c1/acts", """{"trigger": "Pronounce", "at": "2017-01-20T17:20+01:00"}""");
        Assert.Equal((400, "missing-field", "expectedVersion"), (versionStatus, version.Str("code"), version.Str("field")));

        var (malformedStatus, malformed, _) = await host.PostAsync("/api/cases", "{\"procedure\": ");
        Assert.Equal((400, "malformed-json"), (malformedStatus, malformed.Str("code")));

        var (triggerStatus, trigger, _) = await host.PostAsync("/api/cases/c1/acts", Act("Appeal", "2017-01-20T17:20+01:00", 1));
        Assert.Equal((400, "unknown-trigger", "trigger"), (triggerStatus, trigger.Str("code"), trigger.Str("field")));

        var (factStatus, fact, _) = await host.PostAsync("/api/cases/c1/acts",
            Act("Pronounce", "2017-01-20T17:20+01:00", 1, """{"endsMeasure": "yes", "foreignerPresent": true}"""));
        Assert.Equal((422, "fact-type", "facts.endsMeasure"), (factStatus, fact.Str("code"), fact.Str("field")));

        var (caseStatus, unknownCase) = await host.GetAsync("/api/cases/RG-404");
        Assert.Equal((404, "case-unknown"), (caseStatus, unknownCase.Str("code")));

        var (procedureStatus, procedure, _) = await host.PostAsync("/api/cases", """{"procedure": "no.such", "territory": "metropole", "court": "CA Paris"}""");
        Assert.Equal((404, "procedure-unknown"), (procedureStatus, procedure.Str("code")));

        var (existsStatus, exists, _) = await host.PostAsync("/api/cases", NewCase("c1"));
        Assert.Equal((409, "case-exists"), (existsStatus, exists.Str("code")));

        var (_, stored) = await host.GetAsync("/api/cases/c1");
        Assert.Equal(1, stored.Long("version")); // none of the refused acts was written
    }

    [Fact]
    public async Task Procedures_CatalogueAndDiagram_OpenApiListsThePaths()
    {
        using var database = new TempDatabase();
        await using var host = await ApiHost.StartAsync(database, new TestClock(Now), demo: false);

        var (_, procedures) = await host.GetAsync("/api/procedures");
        var appeal = procedures.EnumerateArray().Single(p => p.Str("id") == Appeal);
        Assert.Equal(1, appeal.Long("version"));
        Assert.Equal("Appel de l'ordonnance du juge sur la rétention administrative", appeal.Str("title"));

        var bpmn = await host.Client.GetStringAsync(new Uri($"/api/procedures/{Appeal}/diagram?format=bpmn", UriKind.Relative));
        Assert.StartsWith("<bpmn:definitions", bpmn, StringComparison.Ordinal);
        var (formatStatus, format) = await host.GetAsync($"/api/procedures/{Appeal}/diagram?format=svg");
        Assert.Equal((400, "format"), (formatStatus, format.Str("field")));

        var (status, openApi) = await host.GetAsync("/openapi/v1.json");
        Assert.Equal(200, status);
        Assert.Equal(
            ["/api/cases", "/api/cases/{id}", "/api/cases/{id}/acts", "/api/cases/{id}/history", "/api/cases/{id}/why-not",
                "/api/courts/{court}/due", "/api/evaluate", "/api/procedures", "/api/procedures/{id}/diagram"],
            openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--store mysql", "--store is 'mysql'; expected sqlite")]
    [InlineData("--urls localhost:80", "--urls is 'localhost:80'; expected http:// or https://")]
    [InlineData("--store postgres", "--store postgres needs --connection")]
    [InlineData("--connection", "--connection needs a value")]
    [InlineData("--port 80", "'--port' is not an option of serve")]
    public async Task Serve_BadArguments_NamesTheOptionAndExitsWith2(string arguments, string message)
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("", ["serve", .. arguments.Split(' ')]);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoArguments_SqliteFileInTheWorkingDirectory()
    {
        var settings = ServeCommand.Parse([]);
        Assert.Equal(ServeCommand.DefaultUrls, settings.Urls);
        Assert.Equal($"Data Source={Path.Combine(Directory.GetCurrentDirectory(), "ceseda.db")}", settings.ConnectionString);
        Assert.True(settings.Demo);
    }

    private static DateTimeOffset DateTimeOffsetText(string text) =>
        DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
