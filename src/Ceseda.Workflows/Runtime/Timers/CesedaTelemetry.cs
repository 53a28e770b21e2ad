namespace Ceseda.Workflows.Runtime.Timers;

/// <summary>The names of the runtime's metrics: plain <see cref="System.Diagnostics.Metrics.Meter"/>
/// instruments, so any listener (OpenTelemetry's <c>AddMeter(CesedaTelemetry.MeterName)</c>, dotnet-counters)
/// can collect them. Their tags carry the procedure, the deadline or the rule, never a case id or a person.</summary>
public static class CesedaTelemetry
{
    /// <summary>The meter of the runtime.</summary>
    public const string MeterName = "Ceseda.Workflows";

    /// <summary>Histogram, in seconds: for each deadline the timer let pass, how long after its legal
    /// instant it was stored (the runtime's clock at the write of its expiry, <c>CaseWrite.WrittenAt</c>,
    /// minus the deadline's <c>expiresAt</c>). Tags: <c>ceseda.procedure</c>, <c>ceseda.deadline</c>.</summary>
    public const string TimerLateness = "ceseda.timer.lateness";

    /// <summary>Counter: the events the timer wrote (one per deadline passed).
    /// Tags: <c>ceseda.procedure</c>, <c>ceseda.event.kind</c> (<c>expiry</c>).</summary>
    public const string Transitions = "ceseda.transitions";

    /// <summary>Counter: the timer's runs. Tag: <c>ceseda.outcome</c> (<c>ok</c>, <c>partial</c> when some
    /// cases could not be advanced, <c>error</c>).</summary>
    public const string TimerRuns = "ceseda.timer.runs";

    /// <summary>Counter: the cases erased by the statutory purge at the end of their retention period.
    /// Tags: <c>ceseda.procedure</c>, <c>ceseda.rule</c> (the retention rule applied).</summary>
    public const string Erasures = "ceseda.erasures";
}
