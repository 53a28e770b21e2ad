using System.Collections.Immutable;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Time;

/// <summary>A deadline rule as in force over <c>[From, Until)</c> (<i>version</i>): its length,
/// its counting method and its citations in 2009 and current numbering.</summary>
public sealed class DeadlineVersion
{
    private ResolvedMethod? defaultMethod;
    private string? id;

    /// <summary>The first date of effect (inclusive), compared with the date of the triggering act.</summary>
    public required LocalDate From { get; init; }

    /// <summary>The first date it no longer applies to (exclusive); null while in force.</summary>
    public LocalDate? Until { get; internal set; }

    /// <summary>The length; null when the request gives it (e.g. <c>cpc.deadline</c>).</summary>
    public StatutoryDelay? Delay { get; init; }

    /// <summary>The lengths by rank (first, second... period), for rules whose length depends on
    /// the rank; empty otherwise.</summary>
    public ImmutableArray<StatutoryDelay> DelaysByRank { get; init; } = [];

    /// <summary>How it is counted.</summary>
    public required DeadlineMethod Method { get; init; }

    /// <summary>The triggering event, in French, e.g. "Prononcé de l'ordonnance".</summary>
    public required string StartEvent { get; init; }

    /// <summary>The articles that set the deadline, in the numbering of the time and in the
    /// current one, then the decisions that fix its reading.</summary>
    public required ImmutableArray<Citation> Citations { get; init; }

    /// <summary>How established this version is (dates of effect, numbering).</summary>
    public Confidence Confidence { get; init; } = Confidence.Settled;

    /// <summary>What the legal team should know about this version, in French.</summary>
    public string? Note { get; init; }

    /// <summary>The version's identifier in results: its date of effect, ISO.</summary>
    public string Id => id ??= Evaluation.IsoText.Format(From);

    /// <summary>Whether <paramref name="date"/> falls in <c>[From, Until)</c>.</summary>
    public bool Covers(LocalDate date) => date >= From && (Until is not { } until || date < until);

    /// <summary>The method under every default reading, resolved once when the rule is built.</summary>
    internal ResolvedMethod DefaultMethod => defaultMethod!;

    /// <summary>Days since 1970-01-01 of <see cref="From"/>.</summary>
    internal int FromEpochDay { get; private set; }

    /// <summary>Days since 1970-01-01 of <see cref="Until"/>, or int.MaxValue.</summary>
    internal int UntilEpochDay { get; private set; }

    /// <summary>The length in ticks when the fast path applies to this version: an hour
    /// deadline counted on the clock under the default readings; 0 otherwise.</summary>
    internal long FastHoursTicks { get; private set; }

    /// <summary>Whether the delay runs on the clock from an instant: hours, or days counted hour to
    /// hour (under the default readings).</summary>
    public bool CountsOnTheClock => Delay is { IsHours: true } || Method.DayCounting.Value == DayCounting.HourToHour;

    /// <summary>The length of the period of rank <paramref name="rank"/>.</summary>
    /// <exception cref="RuleException">The version has no such rank ("malformed-fact").</exception>
    public StatutoryDelay DelayOfRank(int rank, string ruleId) =>
        rank >= 1 && rank <= DelaysByRank.Length
            ? DelaysByRank[rank - 1]
            : throw new RuleException("malformed-fact", "facts.rank",
                $"facts.rank: {ruleId} in its version of {Id} has {DelaysByRank.Length} successive periods ({string.Join(", ", DelaysByRank)}); rank {rank} does not exist.");

    /// <summary>The prorogation under the default readings.</summary>
    internal Prorogation DefaultProrogation { get; private set; }

    /// <summary>Whether the act is done at the court of appeal.</summary>
    internal bool AtCourtOfAppeal { get; private set; }

    internal void Seal(LocalDate? until)
    {
        Until ??= until;
        defaultMethod = ResolvedMethod.Of(Method, ReadingSelection.Defaults);
        FromEpochDay = Calendars.HolidayCalendar.EpochDay(From);
        UntilEpochDay = Until is { } end ? Calendars.HolidayCalendar.EpochDay(end) : int.MaxValue;
        if (Method.DayCounting.Value == DayCounting.HourToHour && (Delay is { } d ? [d] : DelaysByRank).Any(x => x.IsHours || x.HasMonths))
        {
            throw new ArgumentException($"A version from {Id} counts days hour to hour: its delay must be a number of days.");
        }

        FastHoursTicks = Delay is { } delay && CountsOnTheClock && defaultMethod.HourCounting == HourCounting.WallClock
            ? delay.IsHours ? delay.Hours * NodaConstants.TicksPerHour : delay.Days * NodaConstants.TicksPerDay
            : 0;
        DefaultProrogation = defaultMethod.Prorogation;
        AtCourtOfAppeal = Method.ActPlace == ActPlace.CourtOfAppeal;
    }
}
