using System.Collections.Immutable;
using NodaTime;

namespace Ceseda.Rules.Calendars;

/// <summary>A holiday that falls on a given date (<i>jour férié</i>).</summary>
/// <param name="Date">The date.</param>
/// <param name="Definition">The holiday, with its source.</param>
public readonly record struct Holiday(LocalDate Date, HolidayDefinition Definition);

/// <summary>The working days of one territory under one calendar variant (<i>calendrier des
/// jours ouvrables</i>): Saturdays, Sundays and the territory's public holidays are not working
/// days (CPC art. 642).</summary>
/// <remarks>Queries are O(1) and allocation-free once the year's table is built; tables are
/// built on first use and shared safely between threads.</remarks>
public sealed class HolidayCalendar
{
    private readonly YearTable?[] years = new YearTable?[Easter.MaxYear - Easter.MinYear + 1];
    private ulong[]? nonWorkingDays;

    /// <summary>Days since 1970-01-01 of 1 January of the first year covered.</summary>
    internal static readonly int FirstEpochDay = EpochDay(new LocalDate(Easter.MinYear, 1, 1));

    /// <summary>Days since 1970-01-01 of the day after the last day covered.</summary>
    internal static readonly int EndEpochDay = EpochDay(new LocalDate(Easter.MaxYear + 1, 1, 1));

    internal HolidayCalendar(Territory territory, CalendarVariant variant, ImmutableArray<HolidayDefinition> definitions)
    {
        Territory = territory;
        Variant = variant;
        Definitions = definitions;
    }

    /// <summary>The territory whose holidays these are.</summary>
    public Territory Territory { get; }

    /// <summary>The calendar facts and readings this calendar was built with.</summary>
    public CalendarVariant Variant { get; }

    /// <summary>Every holiday definition of the territory, including those the variant turns off.</summary>
    public ImmutableArray<HolidayDefinition> Definitions { get; }

    /// <summary>Whether <paramref name="date"/> is a working day: not a Saturday, a Sunday or a
    /// public holiday.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1900-2200.</exception>
    public bool IsWorkingDay(LocalDate date) => !Table(date.Year).NonWorking.Contains(date.Month, date.Day);

    /// <summary>Whether <paramref name="date"/> is a public holiday of this calendar.</summary>
    public bool IsHoliday(LocalDate date) => Table(date.Year).Holiday.Contains(date.Month, date.Day);

    /// <summary>Whether the day <paramref name="epochDay"/> days after 1970-01-01 is a working
    /// day; false outside 1900-2200 (callers check the range). One bit test, over a table of
    /// every day 1900-2200 built on first use.</summary>
    internal bool IsWorkingEpochDay(long epochDay)
    {
        var index = epochDay - FirstEpochDay;
        var bits = Volatile.Read(ref nonWorkingDays) ?? BuildEpochDays();
        return (ulong)index < (ulong)(EndEpochDay - FirstEpochDay) && (bits[index >> 6] & (1UL << (int)(index & 63))) == 0;
    }

    /// <summary>Days since 1970-01-01.</summary>
    internal static int EpochDay(LocalDate date) => (int)(date.AtMidnight().InUtc().ToInstant().ToUnixTimeTicks() / NodaConstants.TicksPerDay);

    private ulong[] BuildEpochDays()
    {
        var bits = new ulong[((EndEpochDay - FirstEpochDay) >> 6) + 1];
        var date = new LocalDate(Easter.MinYear, 1, 1);
        for (var index = 0; index < EndEpochDay - FirstEpochDay; index++, date = date.PlusDays(1))
        {
            if (!IsWorkingDay(date))
            {
                bits[index >> 6] |= 1UL << (index & 63);
            }
        }

        return Interlocked.CompareExchange(ref nonWorkingDays, bits, null) ?? bits;
    }

    /// <summary>The holiday on <paramref name="date"/>, if any.</summary>
    public Holiday? HolidayOn(LocalDate date)
    {
        foreach (var holiday in Table(date.Year).Holidays)
        {
            if (holiday.Date == date)
            {
                return holiday;
            }
        }

        return null;
    }

    /// <summary>The holidays of <paramref name="year"/>, in date order.</summary>
    public ImmutableArray<Holiday> HolidaysIn(int year) => Table(year).Holidays;

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public LocalDate NextWorkingDayAfter(LocalDate date)
    {
        var next = date.PlusDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.PlusDays(1);
        }

        return next;
    }


    private YearTable Table(int year)
    {
        var index = year - Easter.MinYear;
        if ((uint)index >= (uint)years.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year,
                $"The holiday calendar of {Territory.Id} covers {Easter.MinYear} to {Easter.MaxYear}; {year} is outside that range.");
        }

        return Volatile.Read(ref years[index]) ?? Build(index, year);
    }

    private YearTable Build(int index, int year)
    {
        var table = new YearTable(year, Definitions, Variant);
        return Interlocked.CompareExchange(ref years[index], table, null) ?? table;
    }

    /// <summary>One bit per day of a year, indexed by month and day (31 bits a month).</summary>
    private readonly struct DayBits
    {
        private readonly ulong b0, b1, b2, b3, b4, b5;

        public DayBits(ReadOnlySpan<ulong> bits) => (b0, b1, b2, b3, b4, b5) = (bits[0], bits[1], bits[2], bits[3], bits[4], bits[5]);

        public static int Index(int month, int day) => ((month - 1) * 31) + day - 1;

        public bool Contains(int month, int day)
        {
            var index = Index(month, day);
            var word = (index >> 6) switch
            {
                0 => b0,
                1 => b1,
                2 => b2,
                3 => b3,
                4 => b4,
                _ => b5,
            };
            return (word & (1UL << (index & 63))) != 0;
        }
    }

    private sealed class YearTable
    {
        public YearTable(int year, ImmutableArray<HolidayDefinition> definitions, CalendarVariant variant)
        {
            var list = ImmutableArray.CreateBuilder<Holiday>();
            Span<ulong> holiday = stackalloc ulong[6];
            Span<ulong> nonWorking = stackalloc ulong[6];
            foreach (var definition in definitions)
            {
                if (!definition.AppliesIn(year, variant))
                {
                    continue;
                }

                var date = definition.On(year);
                if (date.Year != year)
                {
                    continue;
                }

                list.Add(new Holiday(date, definition));
                Set(holiday, date);
                Set(nonWorking, date);
            }

            for (var date = new LocalDate(year, 1, 1); date.Year == year; date = date.PlusDays(1))
            {
                if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
                {
                    Set(nonWorking, date);
                }
            }

            list.Sort((x, y) => x.Date.CompareTo(y.Date));
            Holidays = list.ToImmutable();
            Holiday = new DayBits(holiday);
            NonWorking = new DayBits(nonWorking);
        }

        public ImmutableArray<Holiday> Holidays { get; }

        /// <summary>The public holidays.</summary>
        public DayBits Holiday { get; }

        /// <summary>Saturdays, Sundays and public holidays.</summary>
        public DayBits NonWorking { get; }

        private static void Set(Span<ulong> bits, LocalDate date)
        {
            var index = DayBits.Index(date.Month, date.Day);
            bits[index >> 6] |= 1UL << (index & 63);
        }
    }
}
