using Ceseda.Rules.Calendars;
using Ceseda.Workflows.DependencyInjection;
using Ceseda.Workflows.Procedures;
using Ceseda.Workflows.Runtime;
using Ceseda.Workflows.StateMachines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using static Ceseda.Workflows.Tests.Time;
using A = Ceseda.Workflows.Procedures.AttestationValidationTrigger;
using T = Ceseda.Workflows.Procedures.OrdinanceAppealTrigger;

namespace Ceseda.Workflows.Tests.Runtime;

/// <summary>The cases a runtime keeps in memory: an act on a kept case is not read again, and answers
/// exactly as without the cache.</summary>
public sealed partial class CaseRuntimeTests
{
    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Fire_OnKeptCases_SameResultsHistoryAndRowsAsWithoutTheCache(CaseStoreProvider provider)
    {
        var kept = await AppealLifeAsync(provider, CaseRuntime.DefaultCacheCapacity);
        var notKept = await AppealLifeAsync(provider, cacheCapacity: 0);

        Assert.Equal(notKept.Writes.Count, kept.Writes.Count);
        for (var i = 0; i < kept.Writes.Count; i++)
        {
            Assert.Equal(notKept.Writes[i].Version, kept.Writes[i].Version);
            Assert.Equal(notKept.Writes[i].Snapshot, kept.Writes[i].Snapshot);
            Assert.Equal(notKept.Writes[i].Events.ToArray(), kept.Writes[i].Events.ToArray());
        }

        Assert.Equal(notKept.History.ToArray(), kept.History.ToArray());
        Assert.Equal(notKept.Rows, kept.Rows);
    }

    /// <summary>A case through the harness's four acts and a deadline run, on a store of its own.</summary>
    private static async Task<(List<CaseWrite> Writes, IReadOnlyList<CaseEvent> History, List<string> Rows)> AppealLifeAsync(
        CaseStoreProvider provider, int cacheCapacity)
    {
        using var store = new TempStore(provider);
        var runtime = store.Runtime(cacheCapacity);
        var started = await runtime.StartAsync(Appeal, Territories.Metropole, "CA Paris", caseId: "c1");
        var writes = new List<CaseWrite>();
        var version = started.Version;
        foreach (var (trigger, at, facts) in new (string, string, CaseFacts?)[]
                 {
                     (nameof(T.Pronounce), "2025-03-12T11:00+01:00", Pronouncement(false)),
                     (nameof(T.NotifyProsecutor), "2025-03-12T11:30+01:00", null),
                     (nameof(T.LodgeAppeal), "2025-03-12T15:00+01:00", CaseFacts.Of(("appellant", "prefect"))),
                     (nameof(T.HoldHearing), "2025-03-13T11:00+01:00", null),
                     (nameof(T.Rule), "2025-03-13T17:00+01:00", null),
                 })
        {
            store.Clock.Now += Duration.FromMinutes(1);
            var write = await runtime.FireAsync("c1", trigger, At(at), facts, version);
            writes.Add(write);
            version = write.Version;
        }

        writes.AddRange((await runtime.AdvanceDueAsync(At("2025-03-30T00:00+01:00"))).Advanced);
        var history = await store.Runtime(0).HistoryAsync("c1");
        var rows = store.Rows("SELECT version, state, snapshot_json, next_due, updated_at FROM cases")
            .Select(r => string.Join(" | ", r)).ToList();
        return (writes, history, rows);
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Fire_KeptCase_IsNotReadAgain_WithoutTheCacheTheSameActReadsTheRow(CaseStoreProvider provider)
    {
        // The stored snapshot is made unreadable behind the runtimes' backs (same version): the runtime that
        // keeps the case fires on what it wrote; the one that keeps nothing reads the row and refuses it.
        using var store = new TempStore(provider);
        var keeping = store.Runtime();
        var notKeeping = store.Runtime(cacheCapacity: 0);
        foreach (var (runtime, id) in new[] { (keeping, "kept"), (notKeeping, "not-kept") })
        {
            var started = await runtime.StartAsync(Appeal, Territories.Metropole, "CA Paris", caseId: id);
            await runtime.FireAsync(id, nameof(T.Pronounce), At("2025-03-12T11:00+01:00"), Pronouncement(true), started.Version);
        }

        Assert.Equal(2, store.Execute("UPDATE cases SET snapshot_json = '{\"procedure\": garbage'"));

        var fired = await keeping.FireAsync("kept", nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, 2);
        Assert.Equal(3, fired.Version);
        Assert.Equal(fired.Snapshot, (await store.Runtime(0).GetAsync("kept")).Snapshot);
        var unreadable = await Assert.ThrowsAsync<CaseStoreException>(() =>
            notKeeping.FireAsync("not-kept", nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, 2));
        Assert.Equal("case-unreadable", unreadable.Code);
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Fire_AnotherNodeWroteTheKeptCase_StaleVersionIsAConflictNamingTheCurrent_TheCurrentOneIsReadAgainAndFired(
        CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        var node = await PronouncedAsync(store, "c1", "2025-03-12T11:00+01:00", endsMeasure: false);
        var other = store.Runtime();
        await other.FireAsync("c1", nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, 2);

        var conflict = await Assert.ThrowsAsync<CaseConflictException>(() =>
            node.FireAsync("c1", nameof(T.LodgeAppeal), At("2025-03-12T15:00+01:00"), CaseFacts.Of(("appellant", "prefect")), 2));
        Assert.Equal((2, 3), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Contains("version 3", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(2, store.Scalar("SELECT count(*) FROM case_events"));

        var lodged = await node.FireAsync("c1", nameof(T.LodgeAppeal), At("2025-03-12T15:00+01:00"), CaseFacts.Of(("appellant", "prefect")), 3);
        Assert.Equal(4, lodged.Version);
        var history = await store.Runtime().HistoryAsync("c1");
        Assert.Equal([nameof(T.Pronounce), nameof(T.NotifyProsecutor), nameof(T.LodgeAppeal)], history.Select(e => e.Trigger));
        Assert.Equal(lodged.Snapshot, Definition.Replay(Definition.NewCase(Territories.Metropole, lodged.Snapshot.Options), history));
        Assert.Equal(lodged.Snapshot, (await store.Runtime(0).GetAsync("c1")).Snapshot);
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Fire_RetriedOnTheNodeThatKeptItsWrite_StoredResultAtEitherVersion_TheKeyWithAnotherActIsRefused(CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        var runtime = await PronouncedAsync(store, "c1", "2025-03-12T11:00+01:00");
        var first = await runtime.FireAsync("c1", nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, 2, "cmd-42");

        // Each call but the last finds the case kept at version 3 (a read keeps it again after a refusal):
        // the key with an act the procedure permits now, then with one it refuses now, are a reused key;
        // the retry sent with the version the client read since is the stored result, as is the retry of
        // the first attempt (version 2).
        var reused = await Assert.ThrowsAsync<CaseStoreException>(() =>
            runtime.FireAsync("c1", nameof(T.ProsecutorWaivesSuspension), At("2025-03-12T11:40+01:00"), null, 3, "cmd-42"));
        await runtime.GetAsync("c1");
        var refusedAct = await Assert.ThrowsAsync<CaseStoreException>(() =>
            runtime.FireAsync("c1", nameof(T.Pronounce), At("2025-03-12T11:40+01:00"), Pronouncement(true), 3, "cmd-42"));
        await runtime.GetAsync("c1");
        var retryAtCurrent = await runtime.FireAsync("c1", nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, 3, "cmd-42");
        var retry = await runtime.FireAsync("c1", nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, 2, "cmd-42");

        Assert.Equal("idempotency-key-reused", reused.Code);
        Assert.Equal("idempotency-key-reused", refusedAct.Code);
        Assert.False(first.IsRetry);
        Assert.All(new[] { retryAtCurrent, retry }, r =>
        {
            Assert.True(r.IsRetry);
            Assert.Equal(first.Version, r.Version);
            Assert.Equal(first.Snapshot, r.Snapshot);
            Assert.Equal(first.Events.ToArray(), r.Events.ToArray());
        });

        Assert.Equal(2, store.Scalar("SELECT count(*) FROM case_events"));
        Assert.Equal(3, store.Scalar("SELECT version FROM cases WHERE id = 'c1'"));
        Assert.Equal(1, store.Scalar("SELECT count(*) FROM idempotency_keys"));

        // The runtime still fires on the case at its current version.
        Assert.Equal(4, (await runtime.FireAsync("c1", nameof(T.ProsecutorWaivesSuspension), At("2025-03-12T11:40+01:00"), null, 3, "cmd-43")).Version);
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Purge_ErasedCaseIsDroppedFromMemory_ACaseStartedAgainUnderItsIdIsReadFromTheStore(CaseStoreProvider provider)
    {
        // The node keeps each request at version 2; another node validates them (version 3, retention end
        // set). Once erased, one id is used again and brought to version 2: had the purge left the erased
        // request in memory, the node would fire on it, at the same version, over the new case.
        using var store = new TempStore(provider);
        var attestation = ProcedureCatalogue.Find("attestation.validation")!;
        var node = store.Runtime();
        var other = store.Runtime();
        foreach (var id in new[] { "ATT 2021/0042", "ATT 2021/0043" })
        {
            var started = await node.StartAsync("attestation.validation", Territories.Metropole, "Mairie de Lyon", caseId: id);
            await node.FireAsync(id, nameof(A.FileRequest), At("2021-03-01T10:00+01:00"), null, started.Version);
            await other.FireAsync(id, nameof(A.Validate), At("2021-03-10T15:00+01:00"), null, 2);
        }

        var purge = await node.PurgeAsync(At("2026-03-11T00:00+01:00"));
        Assert.Equal(2, purge.Erased.Length);

        Assert.Equal("case-unknown", (await Assert.ThrowsAsync<CaseStoreException>(() =>
            node.FireAsync("ATT 2021/0043", nameof(A.Validate), At("2021-03-10T15:00+01:00"), null, 2))).Code);

        const string Reused = "ATT 2021/0042";
        var again = await other.StartAsync("attestation.validation", Territories.Metropole, "Mairie de Lyon", caseId: Reused);
        await other.FireAsync(Reused, nameof(A.FileRequest), At("2021-03-02T10:00+01:00"), null, again.Version);
        var validated = await node.FireAsync(Reused, nameof(A.Validate), At("2021-03-10T15:00+01:00"), null, 2);

        var history = await store.Runtime().HistoryAsync(Reused);
        Assert.Equal([At("2021-03-02T10:00+01:00"), At("2021-03-10T15:00+01:00")], history.Select(e => e.At));
        Assert.Equal(validated.Snapshot, attestation.Replay(attestation.NewCase(Territories.Metropole, validated.Snapshot.Options), history));
        Assert.Equal(validated.Snapshot, (await store.Runtime(0).GetAsync(Reused)).Snapshot);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void CacheCapacity_Negative_RefusedNamingTheOptionAndTheValue(int capacity)
    {
        using var store = new TempStore();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => store.Runtime(capacity));
        Assert.Contains(nameof(CesedaOptions.CaseCacheCapacity), error.Message, StringComparison.Ordinal);
        Assert.Contains($"got {capacity}", error.Message, StringComparison.Ordinal);

        using var services = new ServiceCollection().AddCeseda(o => o.CaseCacheCapacity = capacity).BuildServiceProvider();
        var invalid = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CesedaOptions>>().Value);
        Assert.Contains($"{nameof(CesedaOptions.CaseCacheCapacity)} must be 0 (no cache) or a positive number of cases; got {capacity}",
            invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CacheCapacity_Default_TenThousandCases_ZeroAccepted()
    {
        Assert.Equal(10_000, new CesedaOptions().CaseCacheCapacity);
        using var services = new ServiceCollection().AddCeseda(o => o.CaseCacheCapacity = 0).BuildServiceProvider();
        Assert.Equal(0, services.GetRequiredService<IOptions<CesedaOptions>>().Value.CaseCacheCapacity);
    }

    [Fact]
    public void CaseCache_Full_DropsTheLeastRecentlyUsed_ServesOnlyTheVersionKept_KeepsTheLaterOfTwoVersions()
    {
        var definition = ProcedureRegistry.Catalogue.Latest(Appeal)!;
        CachedCase Entry(long version) => new(version, definition, definition.NewCase(Territories.Metropole));
        var cache = new CaseCache(2, new TestClock(Instant.FromUtc(2026, 1, 5, 9, 0)));
        cache.Keep("a", Entry(1));
        cache.Keep("b", Entry(1));
        Assert.NotNull(cache.Find("a", 1));
        cache.Keep("c", Entry(1));

        Assert.Null(cache.Find("b", 1));
        Assert.NotNull(cache.Find("a", 1));
        Assert.NotNull(cache.Find("c", 1));
        Assert.Null(cache.Find("a", 2));

        cache.Keep("a", Entry(3));
        cache.Keep("a", Entry(2));
        Assert.Null(cache.Find("a", 2));
        Assert.Equal(3, cache.Find("a", 3)!.Version);
        cache.Forget("a");
        Assert.Null(cache.Find("a", 3));

        var none = new CaseCache(0, new TestClock(Instant.FromUtc(2026, 1, 5, 9, 0)));
        none.Keep("a", Entry(1));
        Assert.Null(none.Find("a", 1));
    }

    [Fact]
    public void CaseCache_EntryPastItsLifetime_NotServed_DroppedByTheNextSweep()
    {
        var definition = ProcedureRegistry.Catalogue.Latest(Appeal)!;
        CachedCase Entry(long version) => new(version, definition, definition.NewCase(Territories.Metropole));
        var clock = new TestClock(Instant.FromUtc(2026, 1, 5, 9, 0));
        var cache = new CaseCache(10, clock);
        cache.Keep("old", Entry(4));
        clock.Now += CaseCache.Lifetime - Duration.FromSeconds(30);
        cache.Keep("recent", Entry(2));
        Assert.NotNull(cache.Find("old", 4));

        // Found again, an entry keeps its date: it is past its lifetime 10 minutes after it was kept.
        clock.Now += Duration.FromSeconds(30);
        Assert.Null(cache.Find("old", 4));
        Assert.Equal(2, cache.Count);

        // The next sweep, a minute later at most, drops it from memory.
        clock.Now += CaseCache.DefaultSweepInterval;
        Assert.NotNull(cache.Find("recent", 2));
        Assert.Equal(1, cache.Count);

        // Kept again (a write or a read), an entry is dated anew.
        cache.Keep("recent", Entry(3));
        clock.Now += CaseCache.Lifetime - Duration.FromSeconds(1);
        Assert.NotNull(cache.Find("recent", 3));
        clock.Now += Duration.FromSeconds(1);
        Assert.Null(cache.Find("recent", 3));

        // Not served, and no longer held once the next sweep is due, whatever case is asked for.
        clock.Now += CaseCache.DefaultSweepInterval;
        Assert.Null(cache.Find("another", 1));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task CaseCache_NoLongerUsed_EntriesPastTheirLifetimeLeaveMemoryAtTheNextSweep()
    {
        var definition = ProcedureRegistry.Catalogue.Latest(Appeal)!;
        var clock = new TestClock(Instant.FromUtc(2026, 1, 5, 9, 0));
        var cache = new CaseCache(10, clock, sweepInterval: Duration.FromMilliseconds(20));
        cache.Keep("a", new CachedCase(2, definition, definition.NewCase(Territories.Metropole)));
        await Task.Delay(200);
        Assert.Equal(1, cache.Count);

        // Nothing asks the cache anything any more: its timer drops the entry once past its lifetime.
        clock.Now += CaseCache.Lifetime;
        for (var waited = 0; cache.Count > 0 && waited < 10_000; waited += 20)
        {
            await Task.Delay(20);
        }

        Assert.Equal(0, cache.Count);
    }
}
