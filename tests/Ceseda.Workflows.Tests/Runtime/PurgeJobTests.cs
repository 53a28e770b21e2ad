using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ceseda.Rules.Calendars;
using Ceseda.Workflows.DependencyInjection;
using Ceseda.Workflows.Runtime;
using Ceseda.Workflows.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using static Ceseda.Workflows.Tests.Time;
using A = Ceseda.Workflows.Procedures.AttestationValidationTrigger;

namespace Ceseda.Workflows.Tests.Runtime;

/// <summary>The purge job in a generic host, on a real SQLite file, under a fake clock.</summary>
public sealed class PurgeJobTests : IDisposable
{
    private readonly TempStore store = new();

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task Host_PurgeRunsAtStart_ErasesTheCaseDue_CountsItAndLogsItWithoutTheCaseId()
    {
        // R.211-21: validated on 10 March 2021 -> erased from 2026-03-11T00:00+01:00 (see PurgeTests).
        var clock = new FakeClock(At("2026-03-11T08:00+01:00"));
        var runtime = new CaseRuntime(store.ConnectionString, ProcedureRegistry.Catalogue, clock);
        var started = await runtime.StartAsync("attestation.validation", Territories.Metropole, "Mairie de Lyon", caseId: "ATT 2021/0042");
        var filed = await runtime.FireAsync("ATT 2021/0042", nameof(A.FileRequest), At("2021-03-01T10:00+01:00"), null, started.Version);
        await runtime.FireAsync("ATT 2021/0042", nameof(A.Validate), At("2021-03-10T15:00+01:00"), null, filed.Version);

        var builder = Host.CreateApplicationBuilder();
        var logs = new LogSink(nameof(PurgeJob));
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddSingleton<IClock>(clock).AddCeseda(o => o.ConnectionString = store.ConnectionString);
        using var host = builder.Build();
        var erasures = new ConcurrentQueue<(string? Procedure, string? Rule)>();
        using var listener = new MeterListener();
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == CesedaTelemetry.Erasures && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? procedure = null, rule = null;
            foreach (var t in tags)
            {
                procedure = t.Key == "ceseda.procedure" ? t.Value as string : procedure;
                rule = t.Key == "ceseda.rule" ? t.Value as string : rule;
            }

            erasures.Enqueue((procedure, rule));
        });
        listener.Start();

        await host.StartAsync();
        var until = DateTime.UtcNow.AddSeconds(10);
        while (logs.Entries.IsEmpty && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        await host.StopAsync();

        Assert.Equal(0, store.Scalar("SELECT count(*) FROM cases"));
        Assert.Equal(1, store.Scalar("SELECT count(*) FROM erasures"));
        Assert.Equal([("attestation.validation", "attestation.data-retention")], erasures.ToArray());
        var (message, fields) = Assert.Single(logs.Entries);
        Assert.Equal(CaseRuntime.HashCaseId("ATT 2021/0042"), fields["CaseHash"]);
        Assert.Equal(At("2026-03-11T00:00+01:00"), fields["RetentionEnd"]);
        Assert.DoesNotContain("ATT", message, StringComparison.Ordinal);
        Assert.DoesNotContain(fields.Values, v => v is string s && s.Contains("ATT", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_PurgeIntervalDefaultsToOneDay_AndOutOfBoundsIsRefused()
    {
        Assert.Equal(Duration.FromDays(1), new CesedaOptions().PurgeInterval);
        var services = new ServiceCollection().AddSingleton<IClock>(new FakeClock(At("2026-03-11T08:00+01:00")))
            .AddCeseda(o =>
            {
                o.ConnectionString = store.ConnectionString;
                o.Timers = false;
                o.PurgeInterval = Duration.FromSeconds(1);
            });
        using var provider = services.BuildServiceProvider();
        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CesedaOptions>>().Value);
        Assert.Contains(nameof(CesedaOptions.PurgeInterval), refused.Message, StringComparison.Ordinal);
    }
}
