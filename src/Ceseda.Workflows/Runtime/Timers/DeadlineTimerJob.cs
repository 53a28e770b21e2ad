using Ceseda.Workflows.StateMachines;
using Microsoft.Extensions.Logging;
using NodaTime;
using Quartz;

namespace Ceseda.Workflows.Runtime.Timers;

/// <summary>The durable timer: lets every deadline due by the runtime's clock pass, in every case
/// (<see cref="CaseRuntime.AdvanceDueAsync"/>), and records how late each one passed: from its legal
/// instant to the write that stored its expiry (<see cref="CaseWrite.WrittenAt"/>).</summary>
/// <remarks>The deadlines live in the case store (<c>cases.next_due</c>), not in Quartz: the job holds
/// no state, so a run that finds nothing due writes nothing, a run after a restart catches up every
/// deadline missed while the process was down (each stamped with its legal instant, in order), and
/// runs on several nodes let each deadline pass once.</remarks>
[DisallowConcurrentExecution]
internal sealed partial class DeadlineTimerJob(CaseRuntime runtime, IClock clock, TimerMetrics metrics, ILogger<DeadlineTimerJob> logger) : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("deadlines", "ceseda");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One run: what the scheduler calls, and what a test may call directly.</summary>
    public async Task<AdvanceReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        AdvanceReport report;
        try
        {
            report = await runtime.AdvanceDueAsync(now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            metrics.Runs.Add(1, new KeyValuePair<string, object?>("ceseda.outcome", "error"));
            LogRunFailed(logger, now, e);
            throw new JobExecutionException($"The deadline timer could not run at {now}; the deadlines stay due and the next run retries them.", e);
        }

        foreach (var write in report.Advanced)
        {
            var procedure = write.Snapshot.Procedure.Id;
            foreach (var e in write.Events.Where(e => e.Kind == CaseEventKind.Expiry))
            {
                var lateness = (write.WrittenAt - e.At).TotalSeconds;
                metrics.Lateness.Record(lateness,
                    new KeyValuePair<string, object?>("ceseda.procedure", procedure),
                    new KeyValuePair<string, object?>("ceseda.deadline", e.Deadline));
                metrics.Transitions.Add(1,
                    new KeyValuePair<string, object?>("ceseda.procedure", procedure),
                    new KeyValuePair<string, object?>("ceseda.event.kind", "expiry"));
                LogDeadlinePassed(logger, write.CaseId, procedure, e.Deadline, e.Trigger, e.At, lateness);
            }
        }

        foreach (var failure in report.Failed)
        {
            LogCaseNotAdvanced(logger, failure.CaseId, failure.Error.Code, now);
        }

        metrics.Runs.Add(1, new KeyValuePair<string, object?>("ceseda.outcome", report.Failed.IsEmpty ? "ok" : "partial"));
        return report;
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
        Message = "Case {CaseId} ({Procedure}): deadline {Deadline} passed at its legal instant {LegalInstant}, trigger {Trigger}; stored {LatenessSeconds} s after it.")]
    private static partial void LogDeadlinePassed(ILogger logger, string caseId, string procedure, string? deadline, string? trigger,
        Instant legalInstant, double latenessSeconds);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error,
        Message = "Case {CaseId} could not be advanced to {Now} ({ErrorCode}); its deadlines stay due, the other cases were advanced.")]
    private static partial void LogCaseNotAdvanced(ILogger logger, string caseId, string errorCode, Instant now);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error,
        Message = "The deadline timer could not run at {Now}; the deadlines stay due and the next run retries them.")]
    private static partial void LogRunFailed(ILogger logger, Instant now, Exception exception);
}
