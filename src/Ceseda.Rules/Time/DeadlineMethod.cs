using System.Collections.Immutable;
using Ceseda.Rules.Law;

namespace Ceseda.Rules.Time;

/// <summary>How hours are counted (<i>computation des heures</i>).</summary>
public enum HourCounting
{
    /// <summary>On the local clock: the end is at the same local hour (<i>à la même heure</i>).</summary>
    WallClock,

    /// <summary>As elapsed time: the end is that many real hours later.</summary>
    Elapsed,
}

/// <summary>Whether the day of the triggering event counts (<i>dies a quo</i>).</summary>
public enum DayCounting
{
    /// <summary>The first day does not count (CPC art. 641 al. 1).</summary>
    FirstDayExcluded,

    /// <summary>The first day counts (detention periods counted in days, Cass. avis 7 janv.
    /// 2025, n° 24-70.008).</summary>
    FirstDayIncluded,

    /// <summary>Days counted hour to hour from the starting instant: N days end at the same
    /// hour N days later, on the clock (detention periods before 15 July 2024; CA Rouen, 8 juin
    /// 2024, RG 24/02026).</summary>
    HourToHour,
}

/// <summary>When the last day ends (<i>échéance</i>).</summary>
public enum DeadlineEnd
{
    /// <summary>At the exact instant reached by adding the hours (hour deadlines).</summary>
    ExactInstant,

    /// <summary>At 24:00 of the last day (CPC art. 642 al. 1).</summary>
    EndOfDay,
}

/// <summary>What happens when the deadline would end on a Saturday, a Sunday or a holiday
/// (<i>prorogation</i>, CPC art. 642 al. 2).</summary>
public enum Prorogation
{
    /// <summary>Never prorogued.</summary>
    None,

    /// <summary>To the first working day, at the same hour.</summary>
    SameHour,

    /// <summary>To the first working day, at 24:00.</summary>
    EndOfDay,
}

/// <summary>Where the act must be done, which decides whose calendar applies.</summary>
public enum ActPlace
{
    /// <summary>In the territory of the request (court, administration).</summary>
    Territory,

    /// <summary>At the court of appeal hearing the territory's appeals (its registry, its first
    /// president).</summary>
    CourtOfAppeal,
}

/// <summary>One choice of a counting method: a fixed value with its citation, or the answer of
/// a contested <see cref="Law.Reading"/>.</summary>
/// <typeparam name="T">The kind of choice.</typeparam>
public sealed class MethodChoice<T>
    where T : struct
{
    private readonly ImmutableArray<(string Option, T Value)> byOption;

    private MethodChoice(T value, Citation citation, Reading? reading, ImmutableArray<(string, T)> byOption)
    {
        Value = value;
        Citation = citation;
        Reading = reading;
        this.byOption = byOption;
    }

    /// <summary>The value, or the value under the reading's default option.</summary>
    public T Value { get; }

    /// <summary>The authority for the value (for a reading, its default option's authority).</summary>
    public Citation Citation { get; }

    /// <summary>The contested point that decides this choice, if any.</summary>
    public Reading? Reading { get; }

    /// <summary>A settled choice.</summary>
    public static MethodChoice<T> Is(T value, Citation citation) => new(value, citation, null, []);

    /// <summary>A choice decided by <paramref name="reading"/>: each option maps to a value.</summary>
    public static MethodChoice<T> ByReading(Reading reading, params (string Option, T Value)[] byOption)
    {
        foreach (var option in reading.Options)
        {
            if (!byOption.Any(o => o.Option == option.Id))
            {
                throw new ArgumentException($"Reading '{reading.Id}' option '{option.Id}' has no value.", nameof(byOption));
            }
        }

        var value = byOption.First(o => o.Option == reading.Default.Id).Value;
        return new(value, reading.Default.Authority, reading, [.. byOption]);
    }

    /// <summary>The value under the options selected in <paramref name="readings"/>.</summary>
    internal T Resolve(ReadingSelection readings, out Citation citation)
    {
        if (Reading is null || readings.IsDefault(Reading))
        {
            citation = Citation;
            return Value;
        }

        var option = readings[Reading];
        citation = option.Authority;
        foreach (var (id, value) in byOption)
        {
            if (id == option.Id)
            {
                return value;
            }
        }

        throw new InvalidOperationException($"Reading '{Reading.Id}' option '{option.Id}' has no value.");
    }
}

/// <summary>How a deadline is counted, as data (<i>mode de computation</i>): each choice
/// carries the citation that justifies it.</summary>
public sealed record DeadlineMethod
{
    /// <summary>How hours are counted (hour deadlines only).</summary>
    public MethodChoice<HourCounting> HourCounting { get; init; } =
        MethodChoice<HourCounting>.ByReading(Readings.HourCounting,
            ("wall-clock", Time.HourCounting.WallClock), ("elapsed", Time.HourCounting.Elapsed));

    /// <summary>Whether the first day counts (day deadlines).</summary>
    public MethodChoice<DayCounting> DayCounting { get; init; } =
        MethodChoice<DayCounting>.Is(Time.DayCounting.FirstDayExcluded, Citation.Cpc("641", 1));

    /// <summary>Whether the deadline is franc: its last day moves to the next day.</summary>
    public MethodChoice<bool> Franc { get; init; } = MethodChoice<bool>.Is(false, Citation.Cpc("641"));

    /// <summary>When the last day ends.</summary>
    public required MethodChoice<DeadlineEnd> End { get; init; }

    /// <summary>What happens past a Saturday, Sunday or holiday.</summary>
    public required MethodChoice<Prorogation> Prorogation { get; init; }

    /// <summary>Where the act must be done (whose calendar).</summary>
    public ActPlace ActPlace { get; init; } = ActPlace.Territory;

    /// <summary>The citation of the month counting (same quantième, else last day of the month).</summary>
    public Citation MonthCounting { get; init; } = Citation.Cpc("641", 2);

    /// <summary>The readings this method depends on.</summary>
    public IEnumerable<Reading> ContestedReadings
    {
        get
        {
            // One reading may select several of the choices (extension-counting: the counting of the
            // days and the end); it is one contested point, listed once.
            var seen = new HashSet<Reading>();
            foreach (var reading in new[] { HourCounting.Reading, DayCounting.Reading, Franc.Reading, End.Reading, Prorogation.Reading })
            {
                if (reading is not null && seen.Add(reading))
                {
                    yield return reading;
                }
            }
        }
    }
}
