using Ceseda.Rules.Calendars;
using Ceseda.Workflows.Procedures;
using Ceseda.Workflows.Runtime;
using Ceseda.Workflows.StateMachines;
using NodaTime;
using static Ceseda.Workflows.Tests.Time;
using S = Ceseda.Workflows.Procedures.OrdinanceAppealState;
using T = Ceseda.Workflows.Procedures.OrdinanceAppealTrigger;

namespace Ceseda.Workflows.Tests.Runtime;

/// <summary>The runtime's behaviours, each on SQLite and on PostgreSQL, in a store of its own.</summary>
public sealed partial class CaseRuntimeTests
{
    private const string Appeal = "retention.ordinance-appeal";
    private static readonly ProcedureDefinition<S, T> Definition = OrdinanceAppeal.Retention;
    private static CaseFacts Pronouncement(bool endsMeasure) => CaseFacts.Of(("endsMeasure", endsMeasure), ("foreignerPresent", true));

    private static async Task<CaseRuntime> PronouncedAsync(TempStore store, string caseId, string at, bool endsMeasure = true, string court = "CA Paris")
    {
        var runtime = store.Runtime();
        var started = await runtime.StartAsync(Appeal, Territories.Metropole, court, caseId: caseId);
        await runtime.FireAsync(caseId, nameof(T.Pronounce), At(at), Pronouncement(endsMeasure), started.Version);
        return runtime;
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task StartAndFire_ReloadedInANewRuntime_SameSnapshotAndHistory_ReplayEqualsStored(CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        var runtime = store.Runtime();
        var started = await runtime.StartAsync(Appeal, Territories.Metropole, "CA Paris", caseId: "RG 25/01234");
        Assert.Equal(1, started.Version);
        Assert.Equal(Definition.Key, started.Snapshot.Procedure);
        Assert.Equal(nameof(S.NotPronounced), started.Snapshot.State);

        var pronounced = await runtime.FireAsync("RG 25/01234", nameof(T.Pronounce), At("2025-03-12T11:00+01:00"), Pronouncement(true), 1);
        var notified = await runtime.FireAsync("RG 25/01234", nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, pronounced.Version);
        Assert.Equal(3, notified.Version);

        var reloaded = await store.Runtime().GetAsync("RG 25/01234");
        var history = await store.Runtime().HistoryAsync("RG 25/01234");

        Assert.Equal(notified.Snapshot, reloaded.Snapshot);
        Assert.Equal(3, reloaded.Version);
        Assert.Equal("CA Paris", reloaded.Court);
        Assert.Equal(At("2025-03-13T11:00+01:00"), reloaded.NextDue);
        Assert.Equal([.. pronounced.Events, .. notified.Events], history.ToArray());
        Assert.Equal(reloaded.Snapshot, Definition.Replay(Definition.NewCase(Territories.Metropole, reloaded.Snapshot.Options), history));
        Assert.Equal(2, store.Scalar("SELECT count(*) FROM case_events WHERE case_id = 'RG 25/01234'"));
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Start_TakesTheLatestVersion_AndRefusesAnUnknownProcedureOrATakenId(CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        var runtime = store.Runtime();
        var started = await runtime.StartAsync(Appeal, Territories.Metropole, "CA Paris", caseId: "c1");
        Assert.Equal(ProcedureCatalogue.Find(Appeal)!.Key, started.Snapshot.Procedure);
        Assert.Equal(store.Clock.Now, started.OpenedAt);

        var unknown = await Assert.ThrowsAsync<CaseStoreException>(() => runtime.StartAsync("no.such-procedure", Territories.Metropole, "CA Paris"));
        Assert.Equal("procedure-unknown", unknown.Code);
        Assert.Contains(Appeal, unknown.Message, StringComparison.Ordinal);
        var taken = await Assert.ThrowsAsync<CaseStoreException>(() => runtime.StartAsync(Appeal, Territories.Metropole, "CA Paris", caseId: "c1"));
        Assert.Equal("case-exists", taken.Code);
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Count_EmptyStoreThenTwoCases_ZeroThenTwo(CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        var runtime = store.Runtime();
        Assert.Equal(0, await runtime.CountAsync());

        await runtime.StartAsync(Appeal, Territories.Metropole, "CA Paris", caseId: "c1");
        await runtime.StartAsync(Appeal, Territories.LaReunion, "CA Saint-Denis", caseId: "c2");
        Assert.Equal(2, await runtime.CountAsync());
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Fire_TwoWritersOnTheSameVersion_OneWinsTheOtherGetsTheConflictWithTheVersions(CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        await PronouncedAsync(store, "c1", "2025-03-12T11:00+01:00", endsMeasure: false);
        var writers = new[]
        {
            Task.Run(() => store.Runtime().FireAsync("c1", nameof(T.LodgeAppeal), At("2025-03-12T15:00+01:00"), CaseFacts.Of(("appellant", "prefect")), 2)),
            Task.Run(() => store.Runtime().FireAsync("c1", nameof(T.NotifyProsecutor), At("2025-03-12T15:00+01:00"), null, 2)),
        };
        var outcomes = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                return (Write: await w, Conflict: (CaseConflictException?)null);
            }
            catch (CaseConflictException e)
            {
                return (Write: (CaseWrite?)null, Conflict: e);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.Write is not null).Write!;
        var loser = Assert.Single(outcomes, o => o.Conflict is not null).Conflict!;
        Assert.Equal(3, winner.Version);
        Assert.Equal("c1", loser.CaseId);
        Assert.Equal(2, loser.ExpectedVersion);
        Assert.Equal(3, loser.ActualVersion);
        Assert.Contains("'c1'", loser.Message, StringComparison.Ordinal);
        Assert.Contains("version 3", loser.Message, StringComparison.Ordinal);
        Assert.Contains("expected version 2", loser.Message, StringComparison.Ordinal);

        var history = await store.Runtime().HistoryAsync("c1");
        Assert.Equal(2, history.Length);
        Assert.Equal(winner.Events.Single(), history[1]);
        Assert.Equal(winner.Snapshot, (await store.Runtime().GetAsync("c1")).Snapshot);
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Fire_EightWritersOnTheSameCases_OneWinnerPerCase_EveryOtherWriteAConflict_NothingLostOrDoubled(CaseStoreProvider provider)
    {
        // On SQLite the writes waiting for the file are committed together: a conflict inside such a
        // group must undo that write only.
        using var store = new TempStore(provider);
        var ids = Enumerable.Range(0, 20).Select(i => $"c{i}").ToArray();
        foreach (var id in ids)
        {
            await PronouncedAsync(store, id, "2025-03-12T11:00+01:00");
        }

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var runtime = store.Runtime();
            var results = new List<(string Id, long? Won, long? Actual)>();
            foreach (var id in ids.Skip(writer).Concat(ids.Take(writer)))
            {
                try
                {
                    var write = await runtime.FireAsync(id, nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, 2);
                    results.Add((id, write.Version, null));
                }
                catch (CaseConflictException e)
                {
                    results.Add((id, null, e.ActualVersion));
                }
            }

            return results;
        })));

        var all = attempts.SelectMany(a => a).ToArray();
        Assert.Equal(160, all.Length);
        Assert.All(ids, id =>
        {
            Assert.Equal(3, Assert.Single(all, a => a.Id == id && a.Won is not null).Won);
            Assert.All(all.Where(a => a.Id == id && a.Won is null), a => Assert.Equal(3, a.Actual));
        });
        Assert.Equal(40, store.Scalar("SELECT count(*) FROM case_events"));
        Assert.Equal(20, store.Scalar("SELECT count(*) FROM cases WHERE version = 3"));
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Fire_StaleVersion_IsAConflictAndWritesNothing(CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        var runtime = await PronouncedAsync(store, "c1", "2025-03-12T11:00+01:00");
        var conflict = await Assert.ThrowsAsync<CaseConflictException>(() =>
            runtime.FireAsync("c1", nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, expectedVersion: 1));
        Assert.Equal((1, 2), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(1, store.Scalar("SELECT count(*) FROM case_events"));
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Fire_RetriedWithTheSameKey_ReturnsTheStoredResultAndWritesNothing(CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        var runtime = await PronouncedAsync(store, "c1", "2025-03-12T11:00+01:00");
        var first = await runtime.FireAsync("c1", nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, 2, "cmd-42");
        store.Clock.Now += Duration.FromMinutes(5);
        var retry = await store.Runtime().FireAsync("c1", nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, 2, "cmd-42");

        Assert.False(first.IsRetry);
        Assert.True(retry.IsRetry);
        Assert.Equal(first.Version, retry.Version);
        Assert.Equal(first.Snapshot, retry.Snapshot);
        Assert.Equal(first.Events.ToArray(), retry.Events.ToArray());
        Assert.Equal(first.WrittenAt, retry.WrittenAt);
        Assert.Equal(2, store.Scalar("SELECT count(*) FROM case_events"));
        Assert.Equal(3, store.Scalar("SELECT version FROM cases WHERE id = 'c1'"));
        Assert.Equal(1, store.Scalar("SELECT count(*) FROM idempotency_keys"));

        var reused = await Assert.ThrowsAsync<CaseStoreException>(() =>
            runtime.FireAsync("c1", nameof(T.ProsecutorWaivesSuspension), At("2025-03-12T11:40+01:00"), null, 3, "cmd-42"));
        Assert.Equal("idempotency-key-reused", reused.Code);
        Assert.Equal(2, store.Scalar("SELECT count(*) FROM case_events"));
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Fire_OneCommandSentEightTimesAtOnce_StoredOnce_TheOthersGetTheStoredResult(CaseStoreProvider provider)
    {
        // A client retrying on a timeout while its first attempt is still running, on several nodes.
        using var store = new TempStore(provider);
        await PronouncedAsync(store, "c1", "2025-03-12T11:00+01:00");

        var writes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            store.Runtime().FireAsync("c1", nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, 2, "cmd-7"))));

        var stored = Assert.Single(writes, w => !w.IsRetry);
        Assert.Equal(7, writes.Count(w => w.IsRetry));
        Assert.All(writes, w =>
        {
            Assert.Equal(3, w.Version);
            Assert.Equal(stored.Snapshot, w.Snapshot);
            Assert.Equal(stored.Events.ToArray(), w.Events.ToArray());
        });
        Assert.Equal(2, store.Scalar("SELECT count(*) FROM case_events"));
        Assert.Equal(1, store.Scalar("SELECT count(*) FROM idempotency_keys"));
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Fire_BadInput_ClearErrorsNamingTheCaseAndNothingWritten(CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        var runtime = await PronouncedAsync(store, "c1", "2025-03-12T11:00+01:00");

        var unknownCase = await Assert.ThrowsAsync<CaseStoreException>(() =>
            runtime.FireAsync("nope", nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, 1));
        Assert.Equal("case-unknown", unknownCase.Code);
        Assert.Contains("'nope'", unknownCase.Message, StringComparison.Ordinal);
        Assert.Equal("case-unknown", (await Assert.ThrowsAsync<CaseStoreException>(() => runtime.GetAsync("nope"))).Code);
        Assert.Equal("case-unknown", (await Assert.ThrowsAsync<CaseStoreException>(() => runtime.HistoryAsync("nope"))).Code);

        var unknownTrigger = await Assert.ThrowsAsync<ProcedureException>(() =>
            runtime.FireAsync("c1", "Appeal", At("2025-03-12T11:30+01:00"), null, 2));
        Assert.Equal("trigger-unknown", unknownTrigger.Code);
        Assert.Contains("'c1'", unknownTrigger.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(T.LodgeAppeal), unknownTrigger.Message, StringComparison.Ordinal);

        var malformed = await Assert.ThrowsAsync<ProcedureException>(() =>
            runtime.FireAsync("c1", nameof(T.LodgeAppeal), At("2025-03-12T11:30+01:00"), CaseFacts.Of(("appellant", 42L)), 2));
        Assert.Equal("fact-type", malformed.Code);
        Assert.Contains("'c1'", malformed.Message, StringComparison.Ordinal);

        Assert.Equal(2, (await runtime.GetAsync("c1")).Version);
        Assert.Equal(1, store.Scalar("SELECT count(*) FROM case_events"));
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task CorruptSnapshotRow_ThatCaseGivesAClearError_OtherCasesStillWork(CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        var runtime = await PronouncedAsync(store, "good", "2025-03-12T11:00+01:00");
        await PronouncedAsync(store, "bad", "2025-03-12T11:00+01:00");
        Assert.Equal(1, store.Execute("UPDATE cases SET snapshot_json = '{\"procedure\": garbage' WHERE id = 'bad'"));

        var error = await Assert.ThrowsAsync<CaseStoreException>(() => runtime.GetAsync("bad"));
        Assert.Equal("case-unreadable", error.Code);
        Assert.Equal("bad", error.CaseId);
        Assert.Contains("Case 'bad' (retention.ordinance-appeal v1) cannot be read", error.Message, StringComparison.Ordinal);
        Assert.Equal("case-unreadable", (await Assert.ThrowsAsync<CaseStoreException>(() =>
            runtime.FireAsync("bad", nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, 2))).Code);

        Assert.Equal(nameof(S.HeldAtDisposalOfJustice), (await runtime.GetAsync("good")).Snapshot.State);
        var fired = await runtime.FireAsync("good", nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, 2);
        Assert.Equal(3, fired.Version);

        var listing = await runtime.DueAsync("CA Paris", At("2025-03-12T00:00+01:00"), At("2025-03-14T00:00+01:00"));
        Assert.All(listing.Items, i => Assert.Equal("good", i.CaseId));
        Assert.NotEmpty(listing.Items);
        Assert.Equal("bad", Assert.Single(listing.Unreadable).CaseId);

        var report = await runtime.AdvanceDueAsync(At("2025-03-14T00:00+01:00"));
        Assert.Equal("good", Assert.Single(report.Advanced).CaseId);
        Assert.Equal("bad", Assert.Single(report.Failed).CaseId);
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task SchemaScripts_AppliedTwice_SecondRunIsANoOp(CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        var first = await store.Runtime().EnsureSchemaAsync();
        var again = await store.Runtime().EnsureSchemaAsync();
        var runtime = store.Runtime();
        await runtime.StartAsync(Appeal, Territories.Metropole, "CA Paris", caseId: "c1");
        var afterData = await runtime.EnsureSchemaAsync();

        Assert.Equal([1, 2, 3], first.ToArray());
        Assert.Empty(again);
        Assert.Empty(afterData);
        Assert.Equal(3, store.Scalar("SELECT count(*) FROM schema_version"));
        Assert.Equal(1, store.Scalar("SELECT count(*) FROM cases"));
        Assert.Equal(3, store.Scalar("SELECT max(version) FROM schema_version"));
        Assert.Equal(0, store.Scalar("SELECT count(*) FROM erasures"));
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task AdvanceDue_OverdueDeadlinesPassInOrderAtTheirLegalInstants_ExactlyOnceWhenCalledTwice(CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        var runtime = await PronouncedAsync(store, "c1", "2025-03-12T11:00+01:00");
        await runtime.FireAsync("c1", nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, 2);
        await PronouncedAsync(store, "later", "2025-03-20T11:00+01:00");

        Assert.Empty((await runtime.AdvanceDueAsync(At("2025-03-13T10:59+01:00"))).Advanced);

        store.Clock.Now = Instant.FromUtc(2025, 3, 16, 8, 0);
        var report = await runtime.AdvanceDueAsync(At("2025-03-16T09:00+01:00"));
        var again = await store.Runtime().AdvanceDueAsync(At("2025-03-16T09:00+01:00"));

        var write = Assert.Single(report.Advanced);
        Assert.Empty(report.Failed);
        Assert.Equal("c1", write.CaseId);
        Assert.Equal([At("2025-03-13T11:00+01:00"), At("2025-03-13T11:30+01:00")], write.Events.Select(e => e.At));
        Assert.All(write.Events, e => Assert.Equal(CaseEventKind.Expiry, e.Kind));
        Assert.Equal(["appeal-window", "prosecutor-window"], write.Events.Select(e => e.Deadline));
        Assert.Empty(again.Advanced);
        Assert.Empty(again.Failed);

        var stored = await runtime.GetAsync("c1");
        Assert.Equal(nameof(S.ReleasedOrdinanceFinal), stored.Snapshot.State);
        Assert.Equal(4, stored.Version);
        Assert.Null(stored.NextDue);
        Assert.Equal(store.Clock.Now, stored.UpdatedAt);
        Assert.Equal(4, (await runtime.HistoryAsync("c1")).Length);
        Assert.Equal(4, store.Scalar("SELECT count(*) FROM case_events WHERE case_id = 'c1'"));
        Assert.Equal(nameof(S.HeldAtDisposalOfJustice), (await runtime.GetAsync("later")).Snapshot.State);
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task AdvanceDue_TwoRunsAtOnce_EachDeadlinePassesOnce(CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        var runtime = await PronouncedAsync(store, "c1", "2025-03-12T11:00+01:00");
        await runtime.FireAsync("c1", nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, 2);

        var runs = await Task.WhenAll(
            Task.Run(() => store.Runtime().AdvanceDueAsync(At("2025-03-16T09:00+01:00"))),
            Task.Run(() => store.Runtime().AdvanceDueAsync(At("2025-03-16T09:00+01:00"))));

        Assert.Equal(1, runs.Sum(r => r.Advanced.Length));
        Assert.All(runs, r => Assert.Empty(r.Failed));
        Assert.Equal(4, store.Scalar("SELECT count(*) FROM case_events WHERE case_id = 'c1'"));
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task AdvanceDue_MoreCasesThanOnePage_EachPassesOnceInOrder_AnUnreadableOneIsReportedAndPassedOver(CaseStoreProvider provider)
    {
        // A run reads and writes the due cases a page at a time (256); 600 cases take three pages.
        using var store = new TempStore(provider);
        var runtime = store.Runtime();
        var start = At("2025-03-12T11:00+01:00");
        for (var i = 0; i < 600; i++)
        {
            var id = $"c{i:D3}";
            var started = await runtime.StartAsync(Appeal, Territories.Metropole, "CA Paris", caseId: id);
            await runtime.FireAsync(id, nameof(T.Pronounce), start + Duration.FromSeconds(i), Pronouncement(false), started.Version);
        }

        Assert.Equal(1, store.Execute("UPDATE cases SET snapshot_json = '{\"procedure\": garbage' WHERE id = 'c300'"));

        var report = await runtime.AdvanceDueAsync(At("2025-03-16T09:00+01:00"));

        Assert.Equal(599, report.Advanced.Length);
        Assert.Equal(ids(599, skip: 300), report.Advanced.Select(w => w.CaseId));
        Assert.All(report.Advanced, w => Assert.Equal(
            start + Duration.FromHours(24) + Duration.FromSeconds(int.Parse(w.CaseId[1..], System.Globalization.CultureInfo.InvariantCulture)),
            Assert.Single(w.Events).At));
        var failure = Assert.Single(report.Failed);
        Assert.Equal(("c300", "case-unreadable"), (failure.CaseId, failure.Error.Code));
        Assert.Equal(599, store.Scalar("SELECT count(*) FROM case_events WHERE kind = 'expiry'"));

        var again = await runtime.AdvanceDueAsync(At("2025-03-16T09:00+01:00"));
        Assert.Empty(again.Advanced);
        Assert.Equal("c300", Assert.Single(again.Failed).CaseId);
        Assert.Equal(599, store.Scalar("SELECT count(*) FROM case_events WHERE kind = 'expiry'"));

        static IEnumerable<string> ids(int count, int skip) =>
            Enumerable.Range(0, count + 1).Where(i => i != skip).Select(i => $"c{i:D3}");
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Due_ListsTheCourtsDeadlinesAndTasksInTheWindow_ByInstant(CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        var runtime = await PronouncedAsync(store, "paris", "2025-03-12T11:00+01:00");
        await runtime.FireAsync("paris", nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, 2);
        await PronouncedAsync(store, "lyon", "2025-03-12T10:00+01:00", court: "CA Lyon");

        var listing = await runtime.DueAsync("CA Paris", At("2025-03-13T00:00+01:00"), At("2025-03-13T11:30+01:00"));

        Assert.Empty(listing.Unreadable);
        var deadlines = listing.Items.Where(i => i.Kind == DueKind.Deadline).ToList();
        Assert.Equal(["appeal-window"], deadlines.Select(d => d.Name));
        Assert.All(listing.Items, i => Assert.Equal("paris", i.CaseId));
        Assert.Equal(listing.Items.OrderBy(i => i.Due.ToInstant()).Select(i => i.Due), listing.Items.Select(i => i.Due));
        Assert.Equal(At("2025-03-13T11:00+01:00"), deadlines[0].Due.ToInstant());
        Assert.False(string.IsNullOrEmpty(deadlines[0].Citation));

        var wider = await runtime.DueAsync("CA Paris", At("2025-03-13T00:00+01:00"), At("2025-03-14T00:00+01:00"));
        Assert.Equal(["appeal-window", "prosecutor-window"], wider.Items.Where(i => i.Kind == DueKind.Deadline).Select(d => d.Name));
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Due_ReadsOnlyTheCasesListedBeforeTheWindowEnds_ACaseNotWrittenSinceTheUpgradeIsReadByAll(CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        var runtime = await PronouncedAsync(store, "soon", "2025-03-12T11:00+01:00");
        await PronouncedAsync(store, "later", "2025-03-19T11:00+01:00");
        await runtime.StartAsync(Appeal, Territories.Metropole, "CA Paris", caseId: "idle");

        // Each write stores the first due instant of the case's deadlines and dated tasks; none for a case with none.
        var listed = store.Rows("SELECT id, listed_from FROM cases ORDER BY id").ToDictionary(r => (string)r[0], r => r[1] as long?);
        Assert.Null(listed["idle"]);
        Assert.Equal(At("2025-03-12T11:00+01:00").ToUnixTimeTicks(), listed["soon"]);
        Assert.Equal(At("2025-03-19T11:00+01:00").ToUnixTimeTicks(), listed["later"]);

        // A case listed after the window is not read at all: its unreadable row goes unnoticed here...
        Assert.Equal(1, store.Execute("UPDATE cases SET snapshot_json = '{\"procedure\": garbage' WHERE id = 'later'"));
        var window = await runtime.DueAsync("CA Paris", At("2025-03-13T00:00+01:00"), At("2025-03-14T00:00+01:00"));
        Assert.Equal(["soon"], window.Items.Select(i => i.CaseId).Distinct());
        Assert.Empty(window.Unreadable);

        // ...unless it was not written since the column came (script 0003 gives it the smallest value).
        Assert.Equal(1, store.Execute("UPDATE cases SET listed_from = -9223372036854775808 WHERE id = 'later'"));
        var again = await runtime.DueAsync("CA Paris", At("2025-03-13T00:00+01:00"), At("2025-03-14T00:00+01:00"));
        Assert.Equal(window.Items.ToArray(), again.Items.ToArray());
        Assert.Equal("later", Assert.Single(again.Unreadable).CaseId);
    }
}
