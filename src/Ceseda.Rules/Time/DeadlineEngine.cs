using Ceseda.Rules.Calendars;
using Ceseda.Rules.Explanations;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Time;

/// <summary>A counting method with every reading resolved: plain values and their citations.
/// Immutable; the default one is resolved once per version.</summary>
internal sealed record ResolvedMethod(
    HourCounting HourCounting, Citation HourCountingCitation,
    DayCounting DayCounting, Citation DayCountingCitation,
    bool Franc, Citation FrancCitation,
    DeadlineEnd End, Citation EndCitation,
    Prorogation Prorogation, Citation ProrogationCitation,
    bool LaterOnAmbiguousEnd, Citation AmbiguousEndCitation,
    Citation MonthCounting)
{
    public static ResolvedMethod Of(DeadlineMethod method, ReadingSelection readings)
    {
        var hours = method.HourCounting.Resolve(readings, out var hoursCitation);
        var days = method.DayCounting.Resolve(readings, out var daysCitation);
        var franc = method.Franc.Resolve(readings, out var francCitation);
        var end = method.End.Resolve(readings, out var endCitation);
        var prorogation = method.Prorogation.Resolve(readings, out var prorogationCitation);
        var ambiguous = readings[Readings.AmbiguousEnd];
        return new(hours, hoursCitation, days, daysCitation, franc, francCitation, end, endCitation,
            prorogation, prorogationCitation, ambiguous.Id == "later", ambiguous.Authority, method.MonthCounting);
    }
}

/// <summary>The arithmetic of deadlines: hours on the clock or elapsed, CPC 640-642 days and
/// months, franc, prorogation. Allocation-free unless an explanation is captured or the end
/// falls within a day of a daylight-saving change.</summary>
internal static class DeadlineEngine
{
    private static readonly Duration OneDay = Duration.FromDays(1);

    /// <summary>A deadline in hours, or in days counted hour to hour, from <paramref name="startZoned"/>,
    /// in its zone. Whether the end
    /// falls on a working day is read on the local date of the nominal end, before any instant
    /// is resolved, so that a prorogued end is resolved once.</summary>
    public static ZonedDateTime Clock(ZonedDateTime startZoned, StatutoryDelay delay, HolidayCalendar calendar,
        ResolvedMethod method, Explanation? explanation) => Clock(startZoned, delay, calendar, method, explanation, out _);

    /// <summary>As <see cref="Clock(ZonedDateTime, StatutoryDelay, HolidayCalendar, ResolvedMethod, Explanation?)"/>,
    /// and whether the nominal end falls on a day that is not a working day (whether or not it is
    /// then prorogued).</summary>
    public static ZonedDateTime Clock(ZonedDateTime startZoned, StatutoryDelay delay, HolidayCalendar calendar,
        ResolvedMethod method, Explanation? explanation, out bool endsOnNonWorkingDay)
    {
        var zone = startZoned.Zone;
        var start = startZoned.ToInstant();
        ZonedDateTime? resolved = null;
        LocalDateTime nominal;
        if (method.HourCounting == HourCounting.Elapsed)
        {
            var end = start.Plus(delay.IsHours ? Duration.FromHours(delay.Hours) : Duration.FromDays(delay.Days)).InZone(zone);
            resolved = end;
            nominal = end.LocalDateTime;
        }
        else
        {
            nominal = delay.IsHours ? startZoned.LocalDateTime.PlusHours(delay.Hours) : startZoned.LocalDateTime.PlusDays(delay.Days);
        }

        if (explanation is not null)
        {
            resolved ??= Resolve(nominal, zone, Hint(nominal, startZoned), method.LaterOnAmbiguousEnd, explanation, method.AmbiguousEndCitation);
            var end = resolved.Value;
            explanation.Add(new AddClockStep(delay, method.HourCounting, end, method.EndCitation));
            if (end.Offset != startZoned.Offset)
            {
                explanation.Add(new DstChangeStep(startZoned.Offset, end.Offset, method.HourCounting,
                    end.ToInstant() - start, Readings.HourCounting.Source));
            }
        }

        var date = nominal.Date;
        endsOnNonWorkingDay = !calendar.IsWorkingDay(date);
        if (!endsOnNonWorkingDay)
        {
            return resolved ?? Resolve(nominal, zone, Hint(nominal, startZoned), method.LaterOnAmbiguousEnd, null, method.AmbiguousEndCitation);
        }

        if (method.Prorogation == Prorogation.None)
        {
            explanation?.Add(new NoProrogationStep(Skipped(calendar, date), method.ProrogationCitation));
            return resolved ?? Resolve(nominal, zone, Hint(nominal, startZoned), method.LaterOnAmbiguousEnd, null, method.AmbiguousEndCitation);
        }

        var next = calendar.NextWorkingDayAfter(date);
        ZonedDateTime prorogued;
        if (method.Prorogation == Prorogation.SameHour)
        {
            var local = next + nominal.TimeOfDay;
            prorogued = Resolve(local, zone, Hint(local, startZoned), method.LaterOnAmbiguousEnd, explanation, method.AmbiguousEndCitation);
        }
        else
        {
            prorogued = StartOfDay(next.PlusDays(1), zone);
        }

        explanation?.Add(new ProrogationStep(SkippedDays(calendar, date, next), method.Prorogation, next,
            method.Prorogation == Prorogation.SameHour ? prorogued : null, method.ProrogationCitation));
        return prorogued;
    }

    /// <summary>An instant near <paramref name="local"/>: the local time at the start's offset.</summary>
    private static Instant Hint(LocalDateTime local, ZonedDateTime start) => local.WithOffset(start.Offset).ToInstant();

    /// <summary>A deadline in days, months or years from <paramref name="start"/>, ending at 24:00;
    /// <paramref name="endsOnNonWorkingDay"/> tells whether the last day, before any prorogation,
    /// is not a working day.</summary>
    public static ZonedDateTime Calendar(LocalDate start, StatutoryDelay delay, DateTimeZone zone, HolidayCalendar calendar,
        ResolvedMethod method, Explanation? explanation, out bool endsOnNonWorkingDay)
    {
        var last = start;
        var months = checked((delay.Years * 12) + delay.Months);
        if (months > 0)
        {
            last = last.PlusMonths(months);
        }

        if (delay.Days > 0)
        {
            last = last.PlusDays(delay.Days);
        }

        if (method.DayCounting == DayCounting.FirstDayIncluded)
        {
            // The day of the start counts: the period ends the day before.
            last = last.PlusDays(-1);
        }

        explanation?.Add(new AddCalendarStep(delay, method.DayCounting, last,
            delay.HasMonths ? method.MonthCounting : method.DayCountingCitation));

        if (method.Franc)
        {
            last = last.PlusDays(1);
            explanation?.Add(new FrancStep(last, method.FrancCitation));
        }

        endsOnNonWorkingDay = !calendar.IsWorkingDay(last);
        if (endsOnNonWorkingDay)
        {
            if (method.Prorogation == Prorogation.None)
            {
                explanation?.Add(new NoProrogationStep(Skipped(calendar, last), method.ProrogationCitation));
            }
            else
            {
                var next = calendar.NextWorkingDayAfter(last);
                explanation?.Add(new ProrogationStep(SkippedDays(calendar, last, next), Prorogation.EndOfDay, next, null,
                    method.ProrogationCitation));
                last = next;
            }
        }

        explanation?.Add(new EndOfDayStep(last, method.EndCitation));
        return StartOfDay(last.PlusDays(1), zone);
    }

    /// <summary>The first instant of <paramref name="date"/> (24:00 of the day before).</summary>
    public static ZonedDateTime StartOfDay(LocalDate date, DateTimeZone zone) =>
        Resolve(date.AtMidnight(), zone, date.AtMidnight().InUtc().ToInstant(), later: false, null, null);

    /// <summary>The instant a local end time denotes. Unique local times take an allocation-free
    /// path; a skipped time ends when the clock passes it (the start of the next offset), and a
    /// repeated one takes the occurrence the reading selects.</summary>
    public static ZonedDateTime Resolve(LocalDateTime local, DateTimeZone zone, Instant hint, bool later,
        Explanation? explanation, Citation? citation)
    {
        var interval = zone.GetZoneInterval(hint);
        var candidate = local.WithOffset(interval.WallOffset).ToInstant();
        if ((!interval.HasStart || candidate - interval.Start > OneDay)
            && (!interval.HasEnd || interval.End - candidate > OneDay))
        {
            // More than a day from any offset change: the local time exists exactly once, at this offset.
            return new ZonedDateTime(candidate, zone);
        }

        var mapping = zone.MapLocal(local);
        switch (mapping.Count)
        {
            case 1:
                return mapping.Single();
            case 2:
                var chosen = later ? mapping.Last() : mapping.First();
                explanation?.Add(new AmbiguousEndStep(local, Skipped: false, chosen, citation));
                return chosen;
            default:
                var after = new ZonedDateTime(mapping.LateInterval.Start, zone);
                explanation?.Add(new AmbiguousEndStep(local, Skipped: true, after, citation));
                return after;
        }
    }

    private static SkippedDay Skipped(HolidayCalendar calendar, LocalDate date) =>
        new(date, calendar.HolidayOn(date)?.Definition);

    private static List<SkippedDay> SkippedDays(HolidayCalendar calendar, LocalDate from, LocalDate until)
    {
        var days = new List<SkippedDay>();
        for (var d = from; d < until; d = d.PlusDays(1))
        {
            days.Add(Skipped(calendar, d));
        }

        return days;
    }
}
