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
using Quartz;
using static Ceseda.Workflows.Tests.Time;
using T = Ceseda.Workflows.Procedures.OrdinanceAppealTrigger;

namespace Ceseda.Workflows.Tests.Runtime;

/// <summary>The durable timer in a generic host, on a real SQLite file, under a fake clock.</summary>
public sealed class DeadlineTimerTests : IDisposable
{
    private const string Appeal = "retention.ordinance-appeal";
    private readonly TempStore store = new();
    private readonly FakeClock clock = new(At("2025-03-13T11:10+01:00"));

    public void Dispose() => store.Dispose();

    private CaseRuntime Runtime() => new(store.ConnectionString, ProcedureRegistry.Catalogue, clock);

    private (IHost Host, TimerProbe Probe) BuildHost(Action<CesedaOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        var logs = new LogSink(nameof(DeadlineTimerJob));
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddSingleton<IClock>(clock).AddCeseda(o =>
        {
            o.ConnectionString = store.ConnectionString;
            configure?.Invoke(o);
        });
        var host = builder.Build();
        return (host, new TimerProbe(host, logs));
    }

    private async Task<TimerProbe> RunHostUntilTheTimerRanAsync()
    {
        var (host, probe) = BuildHost();
        using (host)
        {
            await host.StartAsync();
            await probe.RunsAtLeastAsync(1);
            await host.StopAsync();
        }

        probe.Dispose();
        return probe;
    }

    private async Task<List<CaseEvent>> ExpiriesAsync(string caseId) =>
        [.. (await Runtime().HistoryAsync(caseId)).Where(e => e.Kind == CaseEventKind.Expiry)];

    [Fact]
    public async Task Host_PassesADueDeadlineOnce_CatchesUpMissedOnesAtTheNextStartInOrder_AndAThirdStartDoesNothing()
    {
        var runtime = Runtime();
        var pronounced = CaseFacts.Of(("endsMeasure", true), ("foreignerPresent", true));
        var c1 = await runtime.StartAsync(Appeal, Territories.Metropole, "CA Paris", caseId: "c1");
        var w = await runtime.FireAsync("c1", nameof(T.Pronounce), At("2025-03-12T11:00+01:00"), pronounced, c1.Version);
        await runtime.FireAsync("c1", nameof(T.NotifyProsecutor), At("2025-03-12T11:30+01:00"), null, w.Version);
        var c2 = await runtime.StartAsync(Appeal, Territories.Metropole, "CA Paris", caseId: "c2");
        await runtime.FireAsync("c2", nameof(T.Pronounce), At("2025-03-12T11:45+01:00"), pronounced, c2.Version);

        // 1. At 11:10 the appeal window of c1 (11:00) is due: the first host lets it pass, once.
        var first = await RunHostUntilTheTimerRanAsync();
        var c1Expiries = await ExpiriesAsync("c1");
        var only = Assert.Single(c1Expiries);
        Assert.Equal(("appeal-window", At("2025-03-13T11:00+01:00")), (only.Deadline, only.At));
        Assert.Empty(await ExpiriesAsync("c2"));
        Assert.Equal([("appeal-window", 600.0)], first.Lateness.ToArray());
        Assert.Equal([Appeal], first.Transitions.ToArray());
        var logged = Assert.Single(first.Logs.Entries);
        Assert.Equal("c1", logged["CaseId"]);
        Assert.Equal(Appeal, logged["Procedure"]);
        Assert.Equal(At("2025-03-13T11:00+01:00"), logged["LegalInstant"]);

        // 2. Down from 11:10 to 12:00: c1's prosecutor window (11:30) and c2's appeal window (11:45)
        //    pass when the next host starts, in order, at their legal instants.
        clock.AdvanceTo(At("2025-03-13T12:00+01:00"));
        var second = await RunHostUntilTheTimerRanAsync();
        Assert.Equal([("c1", At("2025-03-13T11:30+01:00")), ("c2", At("2025-03-13T11:45+01:00"))],
            second.Logs.Entries.Select(e => (e["CaseId"] as string, (Instant)e["LegalInstant"]!)).ToArray());
        Assert.Equal([("prosecutor-window", 1800.0), ("appeal-window", 900.0)], second.Lateness.ToArray());
        Assert.Equal([At("2025-03-13T11:00+01:00"), At("2025-03-13T11:30+01:00")], (await ExpiriesAsync("c1")).Select(e => e.At));
        Assert.Equal([At("2025-03-13T11:45+01:00")], (await ExpiriesAsync("c2")).Select(e => e.At));
        var events = store.Scalar("SELECT count(*) FROM case_events");

        // 3. Nothing is due any more: a third start writes nothing.
        var third = await RunHostUntilTheTimerRanAsync();
        Assert.Empty(third.Lateness);
        Assert.Empty(third.Transitions);
        Assert.Empty(third.Logs.Entries);
        Assert.Equal(events, store.Scalar("SELECT count(*) FROM case_events"));
    }

    [Fact]
    public async Task Host_TimersOff_RegistersNoScheduler_ButAppliesTheSchemaAtStart()
    {
        var (host, probe) = BuildHost(o => o.Timers = false);
        using (host)
        using (probe)
        {
            Assert.Null(host.Services.GetService<ISchedulerFactory>());
            await host.StartAsync();
            Assert.Equal(3, store.Scalar("SELECT count(*) FROM schema_version"));
            Assert.Equal(0, store.Scalar("SELECT count(*) FROM sqlite_master WHERE lower(name) LIKE 'qrtz%'"));
            await host.StopAsync();
        }
    }

    [Fact]
    public void Options_Timers_AreOnEveryQuarterSecondByDefault()
    {
        var options = new CesedaOptions();
        Assert.True(options.Timers);
        Assert.Equal(Duration.FromMilliseconds(250), options.TimerInterval);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7_200_000)]
    public void Options_TimerIntervalOutOfRange_FailsValidation(long milliseconds)
    {
        using var provider = new ServiceCollection().AddCeseda(o => o.TimerInterval = Duration.FromMilliseconds(milliseconds)).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CesedaOptions>>().Value);
        Assert.Contains(nameof(CesedaOptions.TimerInterval), error.Message, StringComparison.Ordinal);
    }
}
