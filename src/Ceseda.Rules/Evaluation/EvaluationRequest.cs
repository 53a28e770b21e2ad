using System.Collections.Immutable;
using Ceseda.Rules.Conditions;
using Ceseda.Rules.Explanations;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;

namespace Ceseda.Rules.Evaluation;

/// <summary>The kind of a raw fact value as the caller wrote it.</summary>
public enum FactValueKind
{
    /// <summary>A string.</summary>
    String,

    /// <summary>A number.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>null.</summary>
    Null,

    /// <summary>An object or an array.</summary>
    Structured,
}

/// <summary>A fact as the caller wrote it, before it is checked against the rule.</summary>
/// <param name="Name">The fact's name.</param>
/// <param name="Kind">The JSON kind.</param>
/// <param name="Text">The string, or the number's text.</param>
/// <param name="Boolean">The boolean's value.</param>
public readonly record struct FactValue(string Name, FactValueKind Kind, string? Text, bool Boolean = false)
{
    /// <summary>A string fact.</summary>
    public static FactValue Of(string name, string text) => new(name, FactValueKind.String, text);

    /// <summary>A number fact.</summary>
    public static FactValue Of(string name, long number) =>
        new(name, FactValueKind.Number, number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A boolean fact.</summary>
    public static FactValue Of(string name, bool value) => new(name, FactValueKind.Boolean, null, value);

    /// <summary>The value as the caller wrote it, for messages.</summary>
    public string Display => Kind switch
    {
        FactValueKind.String => $"\"{Text}\"",
        FactValueKind.Number => Text!,
        FactValueKind.Boolean => Boolean ? "true" : "false",
        FactValueKind.Null => "null",
        _ => "an object or array",
    };
}

/// <summary>One request of the evaluation contract: a rule, a territory, facts and options.</summary>
public sealed record EvaluationRequest
{
    /// <summary>The caller's id, as raw JSON to echo back (string, number...); null if absent.</summary>
    public string? IdJson { get; init; }

    /// <summary>The rule id.</summary>
    public string? Rule { get; init; }

    /// <summary>The territory id.</summary>
    public string? Territory { get; init; }

    /// <summary>The facts, as written.</summary>
    public ImmutableArray<FactValue> Facts { get; init; } = [];

    /// <summary>The options, already checked.</summary>
    public EvaluationOptions Options { get; init; } = EvaluationOptions.Default;

    /// <summary>Whether the response carries the explanation.</summary>
    /// <value>true.</value>
    public bool Explain { get; init; } = true;

    /// <summary>An error found while reading the request, answered as is.</summary>
    public RuleException? ReadError { get; init; }
}

/// <summary>The answer to one <see cref="EvaluationRequest"/>: a result, or an error.</summary>
public sealed record EvaluationResponse
{
    /// <summary>The caller's id, as raw JSON; null if absent.</summary>
    public string? IdJson { get; init; }

    /// <summary>The rule id as asked.</summary>
    public string? Rule { get; init; }

    /// <summary>The deadline computed, when there is no error.</summary>
    public DeadlineResult? Deadline { get; init; }

    /// <summary>The condition evaluated, when there is no error.</summary>
    public ConditionResult? Condition { get; init; }

    /// <summary>What other readings would give, for a deadline.</summary>
    public ImmutableArray<DivergentReading> DivergentReadings { get; init; } = [];

    /// <summary>What other readings would give, for a condition.</summary>
    public ImmutableArray<DivergentOutcome> DivergentOutcomes { get; init; } = [];

    /// <summary>The steps, when asked for.</summary>
    public Explanation? Explanation { get; init; }

    /// <summary>Why the request could not be answered.</summary>
    public RuleException? Error { get; init; }
}
