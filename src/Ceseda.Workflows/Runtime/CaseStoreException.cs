namespace Ceseda.Workflows.Runtime;

/// <summary>A stored case cannot be found, read or written: an unknown case, an unreadable row, a
/// missing procedure version, a reused idempotency key.</summary>
public class CaseStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">A stable, lower-case code, e.g. "case-unknown".</param>
    /// <param name="caseId">The case concerned, if any.</param>
    /// <param name="message">What went wrong and what to do, naming the case.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CaseStoreException(string code, string? caseId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        CaseId = caseId;
    }

    /// <summary>Creates the exception.</summary>
    public CaseStoreException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CaseStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CaseStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A stable code: <c>case-unknown</c>, <c>case-exists</c>, <c>case-unreadable</c>,
    /// <c>case-conflict</c>, <c>procedure-unknown</c>, <c>procedure-version-missing</c>,
    /// <c>idempotency-key-reused</c>.</summary>
    public string Code { get; } = "error";

    /// <summary>The case concerned, if any.</summary>
    public string? CaseId { get; }
}

/// <summary>Another writer changed the case since the version the caller read (optimistic
/// concurrency): reload the case, check that the act still applies, and send it again.</summary>
public sealed class CaseConflictException : CaseStoreException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="expectedVersion">The version the caller sent.</param>
    /// <param name="actualVersion">The version stored.</param>
    public CaseConflictException(string caseId, long expectedVersion, long actualVersion)
        : base("case-conflict", caseId,
            $"Case '{caseId}' is at version {actualVersion}, not the expected version {expectedVersion}: another writer changed it. "
            + "Reload the case, check that the act still applies, and send it again with the new version.")
    {
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>Creates the exception.</summary>
    public CaseConflictException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CaseConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CaseConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The version the caller sent.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version stored when the write was refused.</summary>
    public long ActualVersion { get; }
}
