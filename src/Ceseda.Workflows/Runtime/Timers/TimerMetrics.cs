using System.Diagnostics.Metrics;

namespace Ceseda.Workflows.Runtime.Timers;

/// <summary>The instruments of the timer and of the purge, created through the host's <see cref="IMeterFactory"/> (one meter
/// per service provider).</summary>
internal sealed class TimerMetrics
{
    public TimerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(CesedaTelemetry.MeterName);
        Lateness = meter.CreateHistogram<double>(CesedaTelemetry.TimerLateness, "s",
            "How long after its legal instant each deadline was let pass: from that instant to the write that stored its expiry.");
        Transitions = meter.CreateCounter<long>(CesedaTelemetry.Transitions, "{event}", "Events written by the timer.");
        Runs = meter.CreateCounter<long>(CesedaTelemetry.TimerRuns, "{run}", "Runs of the deadline timer.");
        Erasures = meter.CreateCounter<long>(CesedaTelemetry.Erasures, "{case}", "Cases erased at the end of their retention period.");
    }

    public Histogram<double> Lateness { get; }

    public Counter<long> Transitions { get; }

    public Counter<long> Runs { get; }

    public Counter<long> Erasures { get; }
}
