namespace Ceseda.Rules.Law;

/// <summary>The type of a fact a rule takes (<i>type d'un fait</i>).</summary>
public enum FactType
{
    /// <summary>An instant with its UTC offset ("2017-01-20T17:20+01:00"), or a local time
    /// unambiguous in the territory's zone.</summary>
    Instant,

    /// <summary>An instant, or a plain date ("2004-05-21") for deadlines in days, months or years.</summary>
    InstantOrDate,

    /// <summary>A plain date.</summary>
    Date,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>An amount in euros (a JSON number, decimals allowed).</summary>
    Amount,

    /// <summary>One of a fixed list of words (<see cref="FactDefinition.Choices"/>).</summary>
    Choice,
}

/// <summary>What a fact means to a deadline rule.</summary>
public enum FactRole
{
    /// <summary>The triggering event the deadline counts from.</summary>
    Start,

    /// <summary>The act whose timeliness is asked.</summary>
    Act,

    /// <summary>A number of days in the delay.</summary>
    Days,

    /// <summary>A number of months in the delay.</summary>
    Months,

    /// <summary>A number of years in the delay.</summary>
    Years,

    /// <summary>The date that selects the version in force, when it is not the start.</summary>
    VersionDate,

    /// <summary>A fact a condition tests.</summary>
    Input,

    /// <summary>The rank of a repeated period (first extension, second...), which selects its length.</summary>
    Rank,
}

/// <summary>A named fact a rule takes (<i>fait</i>), as listed by <c>ceseda rules --json</c>.</summary>
/// <param name="Name">The name in the request's <c>facts</c> object, e.g. "start".</param>
/// <param name="Type">Its type.</param>
/// <param name="Required">Whether a request must give it.</param>
/// <param name="Description">What it is, in French.</param>
/// <param name="Role">What it means to a deadline rule.</param>
public sealed record FactDefinition(string Name, FactType Type, bool Required, string Description, FactRole Role)
{
    /// <summary>The field's path in a request, e.g. "facts.start".</summary>
    public string Field { get; } = "facts." + Name;

    /// <summary>The words a <see cref="FactType.Choice"/> fact accepts.</summary>
    public System.Collections.Immutable.ImmutableArray<string> Choices { get; init; } = [];

    /// <summary>A fact a condition tests; missing, it leaves the conditions that need it undetermined.</summary>
    public static FactDefinition Input(string name, FactType type, string description) =>
        new(name, type, false, description, FactRole.Input);

    /// <summary>The date the conditions are assessed on; it selects the version.</summary>
    public static FactDefinition AssessedOn(string name, string description) =>
        new(name, FactType.Date, true, description, FactRole.VersionDate);
}
