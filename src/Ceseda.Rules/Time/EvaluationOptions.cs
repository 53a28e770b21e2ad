using Ceseda.Rules.Calendars;
using Ceseda.Rules.Law;

namespace Ceseda.Rules.Time;

/// <summary>How a local time without offset given by the caller is resolved when it falls in a
/// daylight-saving gap or overlap.</summary>
public enum LocalTimeResolution
{
    /// <summary>A skipped or repeated local time is an error (default).</summary>
    Strict,

    /// <summary>The earlier instant: in an overlap the first occurrence, in a gap the last
    /// instant before it.</summary>
    Earlier,

    /// <summary>The later instant: in an overlap the second occurrence, in a gap the first
    /// instant after it.</summary>
    Later,
}

/// <summary>The caller's choices for one evaluation: readings of contested points, calendar
/// facts, and the resolution of ambiguous local times. Immutable.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Defaults: every reading at its default, Good Friday on, strict local times.</summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>The options chosen for contested readings.</summary>
    public ReadingSelection Readings { get; init; }

    /// <summary>Whether the commune has a Protestant or mixed church, making Good Friday a
    /// holiday in Alsace-Moselle (C. trav. L.3134-13).</summary>
    /// <value>true: the commune of the court of appeal's seat is assumed to have one.</value>
    public bool GoodFriday { get; init; } = true;

    /// <summary>How a caller's local time without offset is resolved.</summary>
    /// <value><see cref="LocalTimeResolution.Strict"/>.</value>
    public LocalTimeResolution LocalTimeResolution { get; init; }

    /// <summary>The calendar variant these options select.</summary>
    public CalendarVariant CalendarVariant => new(GoodFriday, Readings[Law.Readings.SaintMartinAbolitionDay]);

    /// <summary>The same options with <paramref name="optionId"/> chosen for <paramref name="reading"/>.</summary>
    public EvaluationOptions With(Reading reading, string optionId) => this with { Readings = Readings.With(reading, optionId) };

    /// <summary>The same options with <paramref name="option"/> chosen for <paramref name="reading"/>;
    /// from the defaults, the result is cached.</summary>
    public EvaluationOptions With(Reading reading, ReadingOption option) =>
        ReferenceEquals(this, Default)
            ? SingleReadingOptions.Value[(reading.Index, reading.Options.IndexOf(option))]
            : this with { Readings = Readings.With(reading, option) };

    private static readonly Lazy<Dictionary<(int, int), EvaluationOptions>> SingleReadingOptions = new(() =>
        Law.Readings.All.SelectMany(r => r.Options.Select((o, i) => (Key: (r.Index, i), Options: Default with { Readings = ReadingSelection.Defaults.With(r, o) })))
            .ToDictionary(x => x.Key, x => x.Options));
}
