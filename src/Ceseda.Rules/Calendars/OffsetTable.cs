using NodaTime;
using NodaTime.TimeZones;

namespace Ceseda.Rules.Calendars;

/// <summary>The zone intervals of a territory's time zone from 1900 to 2200, as flat arrays:
/// the offset in force at an instant, and how far the instant lies from the interval's bounds,
/// in a few integer operations.</summary>
/// <remarks>The same intervals as <see cref="DateTimeZone.GetZoneInterval(Instant)"/>, bounds
/// included, so that a caller gives way exactly where it would with NodaTime's. An index by
/// period of about 81 days (2^46 ticks) points at the interval in force at the period's start;
/// a period holds at most a few changes of offset. Built on first use; immutable.</remarks>
internal sealed class OffsetTable
{
    private const int PeriodShift = 46;

    /// <summary>Ticks since 1970-01-01 of 1 January 1900, UTC: the first instant covered.</summary>
    private static readonly long FirstTicks = HolidayCalendar.FirstEpochDay * NodaConstants.TicksPerDay;

    /// <summary>Ticks since 1970-01-01 of 1 January 2201, UTC.</summary>
    private static readonly long EndTicks = HolidayCalendar.EndEpochDay * NodaConstants.TicksPerDay;

    private readonly ushort[] firstSpan;
    private readonly Span[] spans;

    internal OffsetTable(DateTimeZone zone)
    {
        var periods = (int)(((EndTicks - FirstTicks) >> PeriodShift) + 1);
        var end = FirstTicks + ((long)periods << PeriodShift);
        var intervals = zone.GetZoneIntervals(Instant.FromUnixTimeTicks(FirstTicks), Instant.FromUnixTimeTicks(end)).ToArray();
        spans = new Span[intervals.Length];
        for (var i = 0; i < intervals.Length; i++)
        {
            spans[i] = new Span(intervals[i]);
        }

        firstSpan = new ushort[periods];
        var index = 0;
        for (var period = 0; period < periods; period++)
        {
            var ticks = FirstTicks + ((long)period << PeriodShift);
            while (ticks >= spans[index].End)
            {
                index++;
            }

            firstSpan[period] = checked((ushort)index);
        }
    }

    /// <summary>The interval in force at <paramref name="ticks"/> (since 1970-01-01, UTC); false
    /// outside 1900-2200.</summary>
    public bool TryFind(long ticks, out Span span)
    {
        var period = unchecked((ulong)(ticks - FirstTicks)) >> PeriodShift;
        if (period >= (ulong)firstSpan.Length)
        {
            span = default;
            return false;
        }

        var index = (int)firstSpan[period];
        while (ticks >= spans[index].End)
        {
            index++;
        }

        span = spans[index];
        return true;
    }

    /// <summary>One zone interval, in ticks since 1970-01-01.</summary>
    internal readonly struct Span
    {
        public Span(ZoneInterval interval)
        {
            Offset = interval.WallOffset.Ticks;
            End = interval.HasEnd ? interval.End.ToUnixTimeTicks() : long.MaxValue;
            DayAfterStart = interval.HasStart ? interval.Start.ToUnixTimeTicks() + NodaConstants.TicksPerDay : long.MinValue;
            DayBeforeEnd = interval.HasEnd ? End - NodaConstants.TicksPerDay : long.MaxValue;
        }

        /// <summary>The UTC offset, in ticks.</summary>
        public long Offset { get; }

        /// <summary>The first instant after the interval; long.MaxValue when it has no end.</summary>
        public long End { get; }

        /// <summary>A day after the interval's start (long.MinValue when it has none): an
        /// instant after this one is more than a day from the start.</summary>
        public long DayAfterStart { get; }

        /// <summary>A day before the interval's end (long.MaxValue when it has none): an instant
        /// before this one is more than a day from the end.</summary>
        public long DayBeforeEnd { get; }
    }
}
