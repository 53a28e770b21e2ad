namespace Ceseda.Rules.Law;

/// <summary>A request a rule cannot answer: bad input, or a date no version covers. The message
/// names the field, the value and what is expected.</summary>
public class RuleException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">Stable error code of the evaluation contract, e.g. "no-version".</param>
    /// <param name="field">The input field at fault, e.g. "facts.start".</param>
    /// <param name="message">What went wrong and what to do.</param>
    public RuleException(string code, string? field, string message)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    /// <summary>Creates the exception.</summary>
    public RuleException()
        : this("error", null, "The rule could not be evaluated.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public RuleException(string message)
        : this("error", null, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "error";
    }

    /// <summary>Stable error code, e.g. "no-version", "malformed-fact".</summary>
    public string Code { get; } = "error";

    /// <summary>The input field at fault, if one is.</summary>
    public string? Field { get; }
}
