using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ceseda.Workflows.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ceseda.Workflows.Tests.Runtime;

/// <summary>What one host's timer did: its runs and lateness values (from its own meter, through a
/// <see cref="MeterListener"/>) and its structured log entries.</summary>
internal sealed class TimerProbe : IDisposable
{
    private readonly MeterListener listener = new();
    private int runs;

    public TimerProbe(IHost host, LogSink logs)
    {
        Logs = logs;
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CesedaTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == CesedaTelemetry.TimerLateness)
            {
                Lateness.Enqueue((Tag(tags, "ceseda.deadline"), value));
            }
        });
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == CesedaTelemetry.TimerRuns)
            {
                Interlocked.Add(ref runs, (int)value);
            }
            else if (instrument.Name == CesedaTelemetry.Transitions)
            {
                Transitions.Enqueue(Tag(tags, "ceseda.procedure") ?? "");
            }
        });
        listener.Start();
    }

    public LogSink Logs { get; }

    public ConcurrentQueue<(string? Deadline, double Seconds)> Lateness { get; } = new();

    public ConcurrentQueue<string> Transitions { get; } = new();

    public int Runs => Volatile.Read(ref runs);

    /// <summary>Waits (polling, at most 10 s) until the timer has run <paramref name="count"/> times.</summary>
    public async Task RunsAtLeastAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Runs < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The timer ran {Runs} times in 10 s, not {count}.");
            await Task.Delay(20);
        }
    }

    public void Dispose() => listener.Dispose();

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
