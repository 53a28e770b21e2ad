namespace Ceseda.Workflows.StateMachines;

/// <summary>An act or a case that does not fit its procedure: a trigger not permitted now, an
/// unknown or malformed fact, an act out of order, a history that does not replay.</summary>
public class ProcedureException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">A stable, lower-case code, e.g. "trigger-refused".</param>
    /// <param name="message">What went wrong and what to do, naming the value.</param>
    public ProcedureException(string code, string message)
        : base(message) => Code = code;

    /// <summary>Creates the exception.</summary>
    public ProcedureException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProcedureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProcedureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A stable code: <c>trigger-refused</c>, <c>trigger-unknown</c>, <c>timer-trigger</c>,
    /// <c>fact-unknown</c>, <c>fact-missing</c>, <c>fact-type</c>, <c>out-of-order</c>,
    /// <c>procedure-mismatch</c>, <c>guards-ambiguous</c>, <c>deadline</c>, <c>replay-mismatch</c>,
    /// <c>snapshot-invalid</c>.</summary>
    public string Code { get; } = "error";
}
