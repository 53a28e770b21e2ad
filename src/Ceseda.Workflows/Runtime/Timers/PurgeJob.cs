using Microsoft.Extensions.Logging;
using NodaTime;
using Quartz;

namespace Ceseda.Workflows.Runtime.Timers;

/// <summary>The statutory purge: erases every case whose retention period has ended by the runtime's
/// clock (<see cref="CaseRuntime.PurgeAsync"/>), counts and logs each erasure without personal data.</summary>
/// <remarks>Like the deadline timer, the job holds no state: the retention ends live in the case store
/// (<c>cases.retention_end</c>), a run after a restart erases what came due while the host was down,
/// and runs on several nodes erase each case once.</remarks>
[DisallowConcurrentExecution]
internal sealed partial class PurgeJob(CaseRuntime runtime, IClock clock, TimerMetrics metrics, ILogger<PurgeJob> logger) : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("purge", "ceseda");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One run: what the scheduler calls, and what a test may call directly.</summary>
    public async Task<PurgeReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        PurgeReport report;
        try
        {
            report = await runtime.PurgeAsync(now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRunFailed(logger, now, e);
            throw new JobExecutionException($"The purge could not run at {now}; the cases stay stored and the next run erases them.", e);
        }

        foreach (var erasure in report.Erased)
        {
            metrics.Erasures.Add(1,
                new KeyValuePair<string, object?>("ceseda.procedure", erasure.Procedure.Id),
                new KeyValuePair<string, object?>("ceseda.rule", erasure.Rule));
            LogErased(logger, erasure.CaseHash, erasure.Procedure.Id, erasure.Procedure.Version, erasure.Rule, erasure.RuleVersion,
                erasure.RetentionEnd, erasure.ErasedAt);
        }

        foreach (var failure in report.Failed)
        {
            LogCaseNotErased(logger, CaseRuntime.HashCaseId(failure.CaseId), failure.Error.Code, now);
        }

        return report;
    }

    // The logs name a case only by the SHA-256 of its id, as the erasures table does.
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information,
        Message = "Case {CaseHash} ({Procedure} v{ProcedureVersion}) erased: retention period of {Rule} (version {RuleVersion}) ended at {RetentionEnd}; erased at {ErasedAt}.")]
    private static partial void LogErased(ILogger logger, string caseHash, string procedure, int procedureVersion, string rule, string ruleVersion,
        Instant retentionEnd, Instant erasedAt);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error,
        Message = "Case {CaseHash} could not be erased at {Now} ({ErrorCode}); it stays stored, the next purge retries it, the other cases were erased.")]
    private static partial void LogCaseNotErased(ILogger logger, string caseHash, string errorCode, Instant now);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Error,
        Message = "The purge could not run at {Now}; the cases stay stored and the next run erases them.")]
    private static partial void LogRunFailed(ILogger logger, Instant now, Exception exception);
}
