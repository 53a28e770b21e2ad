using System.Collections.Concurrent;
using System.Diagnostics;
using Ceseda.Rules.Calendars;
using Ceseda.Workflows.Runtime;
using Ceseda.Workflows.StateMachines;
using NodaTime;
using Npgsql;
using Xunit.Abstractions;
using static Ceseda.Workflows.Tests.Time;
using T = Ceseda.Workflows.Procedures.OrdinanceAppealTrigger;

namespace Ceseda.Workflows.Tests.Runtime;

/// <summary>Several runtime nodes, or several writers, on one PostgreSQL database. Each node is a
/// <see cref="CaseRuntime"/> with a connection pool of its own (its own application name).</summary>
public sealed class MultiNodeTests(ITestOutputHelper output) : IDisposable
{
    private const string Appeal = "retention.ordinance-appeal";
    private readonly TempStore store = new(CaseStoreProvider.PostgreSql);

    public void Dispose() => store.Dispose();

    private CaseRuntime Node(string name) =>
        new(CaseStoreProvider.PostgreSql, new NpgsqlConnectionStringBuilder(store.ConnectionString) { ApplicationName = name }.ConnectionString,
            ProcedureRegistry.Catalogue, store.Clock);

    [PostgresFact]
    public async Task TwoNodes_10000CasesDueInTheSameMinutes_AdvanceDueConcurrently_EveryDeadlinePassesExactlyOnce()
    {
        const int Cases = 10_000;
        var seeder = Node("seeder");
        await seeder.EnsureSchemaAsync();
        var watch = Stopwatch.StartNew();

        // Thirty cases through the runtime, one per second ss: pronounced at 11:00:ss, notified to the
        // prosecutor at 11:00:(30 + ss); the appeal and prosecutor windows (24 h each) both fall due in
        // 11:00–11:01 the next day. Then 10,000 copies of their rows by SQL (the runtime's writes are
        // what is under test, not the seeding), and the thirty are removed.
        for (var ss = 0; ss < 30; ss++)
        {
            var id = $"seed{ss}";
            var second = Duration.FromSeconds(ss);
            var started = await seeder.StartAsync(Appeal, Territories.Metropole, "CA Paris", caseId: id);
            var pronounced = await seeder.FireAsync(id, nameof(T.Pronounce), At("2025-03-12T11:00+01:00") + second,
                CaseFacts.Of(("endsMeasure", true), ("foreignerPresent", true)), started.Version);
            await seeder.FireAsync(id, nameof(T.NotifyProsecutor), At("2025-03-12T11:00+01:00") + Duration.FromSeconds(30) + second, null,
                pronounced.Version);
        }

        store.Execute($"""
            INSERT INTO cases (id, procedure_id, procedure_version, territory, court, state, version, snapshot_json, next_due, opened_at, updated_at)
            SELECT 'c' || lpad(i::text, 5, '0'), t.procedure_id, t.procedure_version, t.territory, t.court, t.state, t.version,
                   t.snapshot_json, t.next_due, t.opened_at, t.updated_at
            FROM generate_series(0, {Cases - 1}) AS i JOIN cases t ON t.id = 'seed' || (i % 30);
            INSERT INTO case_events (case_id, sequence, kind, trigger_name, at, event_json)
            SELECT 'c' || lpad(i::text, 5, '0'), e.sequence, e.kind, e.trigger_name, e.at, e.event_json
            FROM generate_series(0, {Cases - 1}) AS i JOIN case_events e ON e.case_id = 'seed' || (i % 30);
            DELETE FROM case_events WHERE case_id LIKE 'seed%';
            DELETE FROM cases WHERE id LIKE 'seed%';
            """);
        var seeded = watch.Elapsed;
        Assert.Equal(Cases, store.Scalar($"SELECT count(*) FROM cases WHERE next_due >= {At("2025-03-13T11:00+01:00").ToUnixTimeTicks()} "
            + $"AND next_due < {At("2025-03-13T11:01+01:00").ToUnixTimeTicks()}"));

        watch.Restart();
        var now = At("2025-03-13T11:01+01:00");
        var nodes = new[] { Node("node-a"), Node("node-b") };
        var reports = await Task.WhenAll(nodes.Select(n => Task.Run(() => n.AdvanceDueAsync(now))));
        var advancing = watch.Elapsed;

        Assert.All(reports, r => Assert.Empty(r.Failed));
        Assert.Equal(Cases, reports.Sum(r => r.Advanced.Length));
        Assert.Equal(Cases, reports.SelectMany(r => r.Advanced).Select(w => w.CaseId).Distinct().Count());

        // Counted in the database: one expiry event per case and deadline, two per case, nothing else.
        var perDeadline = store.Rows(
            "SELECT case_id, event_json::jsonb ->> 'deadline', count(*) FROM case_events WHERE kind = 'expiry' GROUP BY 1, 2");
        Assert.Equal(2 * Cases, perDeadline.Count);
        Assert.All(perDeadline, r => Assert.Equal(1L, (long)r[2]));
        Assert.Equal(["appeal-window", "prosecutor-window"], perDeadline.Select(r => (string)r[1]).Distinct().Order());
        Assert.Equal(4 * Cases, store.Scalar("SELECT count(*) FROM case_events"));
        Assert.Equal(Cases, store.Scalar("SELECT count(*) FROM cases WHERE version = 4 AND next_due IS NULL"));
        Assert.Empty((await nodes[0].AdvanceDueAsync(now)).Advanced);

        output.WriteLine($"seeded {Cases} cases in {seeded.TotalSeconds:F1} s; two nodes advanced them in {advancing.TotalSeconds:F1} s "
            + $"(node-a {reports[0].Advanced.Length}, node-b {reports[1].Advanced.Length})");
    }

    [PostgresFact]
    public async Task EightWriters_OnTheSameCases_EveryConflictIsACaseConflictException_NoWriteIsLost()
    {
        const int Cases = 10;
        const int Writers = 8;
        const int AttemptsPerWriter = 60;
        var seeder = Node("seeder");
        for (var i = 0; i < Cases; i++)
        {
            var started = await seeder.StartAsync(Appeal, Territories.Metropole, "CA Paris", caseId: $"w{i}");
            await seeder.FireAsync($"w{i}", nameof(T.Pronounce), At("2025-03-12T11:00+01:00"),
                CaseFacts.Of(("endsMeasure", false), ("foreignerPresent", true)), started.Version);
        }

        // Each writer reads a case and records a notification to the prosecutor at the version it read
        // (the procedure records it and stays put, so every write that lands is one more event).
        var successes = new ConcurrentDictionary<string, int>();
        var conflicts = new ConcurrentBag<CaseConflictException>();
        var others = new ConcurrentBag<Exception>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var node = Node($"writer-{w}");
            for (var attempt = 0; attempt < AttemptsPerWriter; attempt++)
            {
                var id = $"w{attempt % Cases}";
                try
                {
                    var read = await node.GetAsync(id);
                    await node.FireAsync(id, nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, read.Version);
                    successes.AddOrUpdate(id, 1, (_, n) => n + 1);
                }
                catch (CaseConflictException e)
                {
                    conflicts.Add(e);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    others.Add(e);
                }
            }
        })));

        Assert.Empty(others);
        Assert.Equal(Writers * AttemptsPerWriter, successes.Values.Sum() + conflicts.Count);
        Assert.NotEmpty(conflicts);
        Assert.All(conflicts, c => Assert.True(c.ActualVersion > c.ExpectedVersion, c.Message));
        for (var i = 0; i < Cases; i++)
        {
            var id = $"w{i}";
            var writes = successes.GetValueOrDefault(id);
            Assert.Equal(2 + writes, store.Scalar($"SELECT version FROM cases WHERE id = '{id}'"));
            Assert.Equal(1 + writes, store.Scalar($"SELECT count(*) FROM case_events WHERE case_id = '{id}'"));
            Assert.Equal(1 + writes, (await seeder.HistoryAsync(id)).Length);
        }

        output.WriteLine($"{Writers} writers, {Writers * AttemptsPerWriter} attempts in {watch.Elapsed.TotalSeconds:F1} s: "
            + $"{successes.Values.Sum()} writes, {conflicts.Count} conflicts");
    }
}
