using System.Diagnostics;
using Ceseda.Rules.Calendars;
using Ceseda.Workflows.DependencyInjection;
using Ceseda.Workflows.Runtime;
using Ceseda.Workflows.Runtime.Timers;
using Ceseda.Workflows.StateMachines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using Xunit.Abstractions;
using static Ceseda.Workflows.Tests.Time;
using T = Ceseda.Workflows.Procedures.OrdinanceAppealTrigger;

namespace Ceseda.Workflows.Tests.Runtime;

/// <summary>The timer's Quartz scheduler keeps its jobs in the case store's database: on SQLite a
/// restart on the same file finds them, on PostgreSQL several hosts form one cluster.</summary>
public sealed class QuartzStoreTests(ITestOutputHelper output)
{
    private const string Appeal = "retention.ordinance-appeal";

    /// <summary>The Quartz tables ProvisionSchema creates (Quartz 4.7.3).</summary>
    private const int QuartzTables = 15;

    [Fact]
    public async Task Sqlite_TheQuartzTablesAreInTheCaseStore_ARestartReplacesTheStoredTriggerWithTheConfiguredInterval()
    {
        using var store = new TempStore();
        var clock = new FakeClock(At("2025-03-13T10:00+01:00"));
        await PronounceAsync(store.Runtime(), "c1", At("2025-03-12T11:00+01:00"));

        // 1. A first host, its timer every hour: the tables are created, the jobs stored, nothing is due.
        var (first, firstProbe) = BuildHost(store, clock, o => o.TimerInterval = Duration.FromHours(1));
        using (first)
        using (firstProbe)
        {
            await first.StartAsync();
            await firstProbe.RunsAtLeastAsync(1);
            await first.StopAsync();
        }

        Assert.Equal(QuartzTables, store.Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND lower(name) LIKE 'qrtz%'"));
        Assert.Equal(3, store.Scalar("SELECT count(*) FROM schema_version"));
        Assert.Equal(["deadlines", "purge"], StoredJobs(store));
        Assert.Equal(3_600_000, DeadlineTriggerInterval(store));
        Assert.Empty(await ExpiriesAsync(store, "c1"));

        // 2. A second host on the same file, every second, at 11:10: the stored jobs and triggers are
        //    replaced (no "already exists"), the timer runs every second, and c1's appeal window passes once.
        clock.AdvanceTo(At("2025-03-13T11:10+01:00"));
        var (second, secondProbe) = BuildHost(store, clock, o => o.TimerInterval = Duration.FromSeconds(1));
        using (second)
        using (secondProbe)
        {
            await second.StartAsync();
            await secondProbe.RunsAtLeastAsync(3);
            await second.StopAsync();
            Assert.Equal([Appeal], secondProbe.Transitions.ToArray());
        }

        Assert.Equal(["deadlines", "purge"], StoredJobs(store));
        Assert.Equal(1_000, DeadlineTriggerInterval(store));
        Assert.Equal(2, store.Scalar("SELECT count(*) FROM qrtz_triggers WHERE sched_name = 'ceseda'"));
        Assert.Equal([("appeal-window", At("2025-03-13T11:00+01:00"))], (await ExpiriesAsync(store, "c1")).Select(e => (e.Deadline, e.At)));
    }

    [PostgresFact]
    public async Task PostgreSql_TwoHostsFormOneCluster_TheDeadlineJobPassesEachDeadlineOnceAcrossThem()
    {
        const int Cases = 60;
        using var store = new TempStore(CaseStoreProvider.PostgreSql);
        var seeder = store.Runtime();
        for (var i = 0; i < Cases; i++)
        {
            // Pronounced at 11:00:ss, notified to the prosecutor half a minute later: the appeal window and
            // the prosecutor's window of each case fall due in 11:00-11:02 the next day.
            var at = At("2025-03-12T11:00+01:00") + Duration.FromSeconds(i);
            var pronounced = await PronounceAsync(seeder, $"c{i:D3}", at);
            await seeder.FireAsync($"c{i:D3}", nameof(T.NotifyProsecutor), at + Duration.FromSeconds(30), null, pronounced.Version);
        }

        var clock = new FakeClock(At("2025-03-13T10:00+01:00"));
        var nodes = new[] { "node-a", "node-b" }.Select(name => BuildHost(store, clock, o =>
        {
            o.Provider = CaseStoreProvider.PostgreSql;
            o.ConnectionString = new NpgsqlConnectionStringBuilder(store.ConnectionString) { ApplicationName = name }.ConnectionString;
            o.TimerInterval = Duration.FromMilliseconds(200);
        })).ToArray();
        try
        {
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(nodes.Select(n => n.Host.StartAsync()));
            await WaitUntilAsync(() => store.Scalar("SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = 'ceseda'") == 2,
                "both nodes checked in to the cluster");
            Assert.Equal(QuartzTables, store.Scalar(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'qrtz%'"));
            var instances = store.Rows("SELECT instance_name FROM qrtz_scheduler_state WHERE sched_name = 'ceseda'").Select(r => (string)r[0]).ToArray();
            Assert.Equal(2, instances.Distinct().Count());
            Assert.Equal(["deadlines", "purge"], StoredJobs(store));

            // Nothing is due at 10:00; at 11:05 every deadline is.
            await Task.Delay(500);
            Assert.Equal(0, store.Scalar("SELECT count(*) FROM case_events WHERE kind = 'expiry'"));
            clock.AdvanceTo(At("2025-03-13T11:05+01:00"));
            await WaitUntilAsync(() => store.Scalar("SELECT count(*) FROM case_events WHERE kind = 'expiry'") >= 2 * Cases,
                "every deadline passed");
            var passed = watch.Elapsed;

            // A few more runs on both nodes find nothing to do.
            var runs = nodes.Sum(n => n.Probe.Runs);
            await WaitUntilAsync(() => nodes.Sum(n => n.Probe.Runs) >= runs + 4, "four more runs of the deadline job");
            var perDeadline = store.Rows(
                "SELECT case_id, event_json::jsonb ->> 'deadline', count(*) FROM case_events WHERE kind = 'expiry' GROUP BY 1, 2");
            Assert.Equal(2 * Cases, perDeadline.Count);
            Assert.All(perDeadline, r => Assert.Equal(1L, (long)r[2]));
            Assert.Equal(["appeal-window", "prosecutor-window"], perDeadline.Select(r => (string)r[1]).Distinct().Order());
            Assert.Equal(Cases, store.Scalar("SELECT count(*) FROM cases WHERE next_due IS NULL"));
            Assert.Equal(2 * Cases, nodes.Sum(n => n.Probe.Transitions.Count));
            output.WriteLine($"nodes {string.Join(", ", instances)}; deadlines passed {passed.TotalSeconds:F1} s after the start; "
                + $"runs: {string.Join(", ", nodes.Select(n => n.Probe.Runs))}; expiries written: {string.Join(", ", nodes.Select(n => n.Probe.Transitions.Count))}");
        }
        finally
        {
            await Task.WhenAll(nodes.Select(n => n.Host.StopAsync()));
            foreach (var (host, probe) in nodes)
            {
                probe.Dispose();
                host.Dispose();
            }
        }
    }

    [Fact]
    public void AddCeseda_StoreChangedAfterRegistration_FailsValidation_SoTheTimerAndTheCasesShareOneDatabase()
    {
        var services = new ServiceCollection().AddCeseda(o => o.ConnectionString = "Data Source=a.db");
        services.Configure<CesedaOptions>(o => o.ConnectionString = "Data Source=b.db");
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CesedaOptions>>().Value);
        Assert.Contains(nameof(CesedaOptions.ConnectionString), error.Message, StringComparison.Ordinal);
    }

    private static (IHost Host, TimerProbe Probe) BuildHost(TempStore store, IClock clock, Action<CesedaOptions> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        var logs = new LogSink(nameof(DeadlineTimerJob));
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddSingleton(clock).AddCeseda(o =>
        {
            o.ConnectionString = store.ConnectionString;
            configure(o);
        });
        var host = builder.Build();
        return (host, new TimerProbe(host, logs));
    }

    private static async Task<StoredCase> PronounceAsync(CaseRuntime runtime, string id, Instant at)
    {
        var started = await runtime.StartAsync(Appeal, Territories.Metropole, "CA Paris", caseId: id);
        var write = await runtime.FireAsync(id, nameof(T.Pronounce), at, CaseFacts.Of(("endsMeasure", true), ("foreignerPresent", true)), started.Version);
        return await runtime.GetAsync(write.CaseId);
    }

    private static async Task<List<CaseEvent>> ExpiriesAsync(TempStore store, string caseId) =>
        [.. (await store.Runtime().HistoryAsync(caseId)).Where(e => e.Kind == CaseEventKind.Expiry)];

    private static string[] StoredJobs(TempStore store) =>
        [.. store.Rows("SELECT job_name FROM qrtz_job_details WHERE sched_name = 'ceseda' ORDER BY job_name").Select(r => (string)r[0])];

    private static long DeadlineTriggerInterval(TempStore store) =>
        store.Scalar("SELECT repeat_interval FROM qrtz_simple_triggers WHERE sched_name = 'ceseda' AND trigger_name = 'deadlines-every-interval'");

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Not within 30 s: {what}.");
            await Task.Delay(50);
        }
    }
}
