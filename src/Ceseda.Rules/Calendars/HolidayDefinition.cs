using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Calendars;

/// <summary>A public holiday as the law defines it (<i>jour férié</i>): its date rule, the
/// years it applies, and its legal source.</summary>
/// <param name="Id">Stable identifier, e.g. "lundi-de-paques".</param>
/// <param name="Name">French name, e.g. "Lundi de Pâques".</param>
/// <param name="Date">How its date is found in a given year.</param>
/// <param name="Source">The text or report it comes from.</param>
public sealed record HolidayDefinition(string Id, string Name, HolidayDate Date, Citation Source)
{
    /// <summary>First year it applies (inclusive).</summary>
    public int FromYear { get; init; } = Easter.MinYear;

    /// <summary>Last year it applies (inclusive).</summary>
    public int ToYear { get; init; } = Easter.MaxYear;

    /// <summary>How firmly its status as a legal holiday is established here.</summary>
    public Confidence Confidence { get; init; } = Confidence.Settled;

    /// <summary>What the legal team should know: history, doubts.</summary>
    public string? Note { get; init; }

    /// <summary>When set, the holiday exists only under this option of a reading or calendar
    /// fact (e.g. Good Friday only in communes with a Protestant or mixed church).</summary>
    public HolidayCondition Condition { get; init; } = HolidayCondition.Always;

    /// <summary>Whether it applies in <paramref name="year"/> for this calendar variant.</summary>
    public bool AppliesIn(int year, CalendarVariant variant) =>
        year >= FromYear && year <= ToYear && Condition.Holds(variant);

    /// <summary>Its date in <paramref name="year"/>.</summary>
    public LocalDate On(int year) => Date.In(year);
}

/// <summary>How a holiday's date is found in a year.</summary>
public abstract record HolidayDate
{
    /// <summary>The date in <paramref name="year"/>.</summary>
    public abstract LocalDate In(int year);

    /// <summary>The same day and month every year.</summary>
    public static HolidayDate Fixed(int month, int day) => new FixedHolidayDate(month, day);

    /// <summary>A number of days after (or before) Easter Sunday.</summary>
    public static HolidayDate FromEaster(int days) => new EasterHolidayDate(days);
}

/// <summary>The same day and month every year.</summary>
public sealed record FixedHolidayDate(int Month, int Day) : HolidayDate
{
    /// <inheritdoc />
    public override LocalDate In(int year) => new(year, Month, Day);

    /// <inheritdoc />
    public override string ToString() => $"{Day:00}/{Month:00}";
}

/// <summary>Days after Easter Sunday (negative: before).</summary>
public sealed record EasterHolidayDate(int DaysAfterEaster) : HolidayDate
{
    /// <inheritdoc />
    public override LocalDate In(int year) => Easter.Sunday(year).PlusDays(DaysAfterEaster);

    /// <inheritdoc />
    public override string ToString() => $"Pâques {DaysAfterEaster:+0;-0} j";
}

/// <summary>The calendar facts and readings that change which holidays exist: the Good Friday
/// flag of an Alsace-Moselle commune, the Saint-Martin abolition day.</summary>
/// <param name="GoodFriday">Whether the commune has a Protestant or mixed church (C. trav.
/// L.3134-13); only meaningful where a holiday depends on it.</param>
/// <param name="SaintMartinAbolitionDay">The option of
/// <see cref="Readings.SaintMartinAbolitionDay"/> in force.</param>
public readonly record struct CalendarVariant(bool GoodFriday, ReadingOption SaintMartinAbolitionDay)
{
    /// <summary>Good Friday on, Saint-Martin day as the default reading.</summary>
    public static CalendarVariant Default { get; } = new(true, Readings.SaintMartinAbolitionDay.Default);

    internal int Key => (GoodFriday ? 1 : 0) | (SaintMartinAbolitionDay.Id == "28-may" ? 2 : 0);
}

/// <summary>When a holiday exists only under a calendar fact or reading.</summary>
public abstract record HolidayCondition
{
    /// <summary>No condition.</summary>
    public static HolidayCondition Always { get; } = new AlwaysCondition();

    /// <summary>Only for a commune with a Protestant or mixed church (Alsace-Moselle Good Friday).</summary>
    public static HolidayCondition CommuneWithProtestantChurch { get; } = new GoodFridayCondition();

    /// <summary>Only under <paramref name="option"/> of the Saint-Martin reading.</summary>
    public static HolidayCondition SaintMartinDay(string option) => new SaintMartinCondition(option);

    /// <summary>Whether the holiday exists for this variant.</summary>
    public abstract bool Holds(CalendarVariant variant);

    /// <summary>The condition in French, empty for none.</summary>
    public abstract string Description { get; }

    private sealed record AlwaysCondition : HolidayCondition
    {
        public override bool Holds(CalendarVariant variant) => true;

        public override string Description => "";
    }

    private sealed record GoodFridayCondition : HolidayCondition
    {
        public override bool Holds(CalendarVariant variant) => variant.GoodFriday;

        public override string Description => "dans les communes ayant un temple protestant ou une église mixte (option goodFriday)";
    }

    private sealed record SaintMartinCondition(string Option) : HolidayCondition
    {
        public override bool Holds(CalendarVariant variant) => variant.SaintMartinAbolitionDay.Id == Option;

        public override string Description => $"selon la lecture saint-martin-abolition-day = {Option}";
    }
}
