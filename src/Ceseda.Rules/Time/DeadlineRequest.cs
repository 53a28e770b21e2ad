using Ceseda.Rules.Calendars;
using Ceseda.Rules.Explanations;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Time;

/// <summary>The triggering event of a deadline: an instant, or a date for deadlines in days,
/// months or years.</summary>
public readonly record struct DeadlineStart
{
    private DeadlineStart(Instant? instant, LocalDate date)
    {
        Instant = instant;
        Date = date;
    }

    /// <summary>The instant, when known.</summary>
    public Instant? Instant { get; }

    /// <summary>The date, when only the date is known (else default).</summary>
    public LocalDate Date { get; }

    /// <summary>A start at an instant.</summary>
    public static DeadlineStart At(Instant instant) => new(instant, default);

    /// <summary>A start on a date.</summary>
    public static DeadlineStart On(LocalDate date) => new(null, date);


    /// <summary>Implicit conversion from an instant.</summary>
    public static implicit operator DeadlineStart(Instant instant) => At(instant);

    /// <summary>Implicit conversion from a date.</summary>
    public static implicit operator DeadlineStart(LocalDate date) => On(date);
}

/// <summary>A question put to a deadline rule.</summary>
public readonly record struct DeadlineRequest
{
    /// <summary>Creates a request.</summary>
    public DeadlineRequest(Territory territory, DeadlineStart start)
    {
        Territory = territory;
        Start = start;
    }

    /// <summary>The territory of the case (its court or administration).</summary>
    public Territory Territory { get; init; }

    /// <summary>The triggering event.</summary>
    public DeadlineStart Start { get; init; }

    /// <summary>The act whose timeliness is asked, if any.</summary>
    public Instant? Act { get; init; }

    /// <summary>The length, for rules whose length is a fact (e.g. <c>cpc.deadline</c>).</summary>
    public StatutoryDelay? Delay { get; init; }

    /// <summary>The rank of the period, for rules whose length depends on it (e.g. the first or
    /// second extension of detention).</summary>
    public int? Rank { get; init; }

    /// <summary>The date that selects the version, for rules where it is not the start's date
    /// (e.g. the date of a visa refusal).</summary>
    public LocalDate? VersionDate { get; init; }
}

/// <summary>A computed deadline (<i>échéance</i>).</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Version">The version applied.</param>
/// <param name="ExpiresAt">The last instant at which an act is on time, with the offset of the
/// place of the act; an end at 24:00 is 00:00 of the next day.</param>
/// <param name="Timely">Whether the act was on time (at or before <paramref name="ExpiresAt"/>); null without an act.</param>
/// <param name="Explanation">The steps, when asked for.</param>
/// <param name="Delay">The length applied.</param>
public readonly record struct DeadlineResult(DeadlineRule Rule, DeadlineVersion Version, ZonedDateTime ExpiresAt, bool? Timely,
    Explanation? Explanation, StatutoryDelay Delay);

/// <summary>What a result would be under another option of a contested reading.</summary>
/// <param name="Reading">The reading.</param>
/// <param name="Option">The other option.</param>
/// <param name="ExpiresAt">The deadline under that option.</param>
/// <param name="Timely">Timeliness of the act under that option, if an act was given.</param>
public sealed record DivergentReading(Reading Reading, ReadingOption Option, ZonedDateTime ExpiresAt, bool? Timely);
