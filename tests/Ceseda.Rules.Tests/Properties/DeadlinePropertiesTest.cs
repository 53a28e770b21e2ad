using System.Globalization;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using Ceseda.Rules.Procedure;
using Ceseda.Rules.Time;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Ceseda.Rules.Tests.Properties;

/// <summary>Properties of the time semantics over random instants 1990-2035 in every territory.</summary>
public sealed class DeadlinePropertiesTest
{
    private static readonly Instant From = Instant.FromUtc(1990, 1, 1, 0, 0);
    private const int Minutes = 46 * 366 * 24 * 60;
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(2000);
    private static readonly EvaluationOptions Elapsed = EvaluationOptions.Default.With(Readings.HourCounting, "elapsed");

    /// <summary>An instant 1990-2035 (to the minute, plus seconds) and a territory.</summary>
    private static Arbitrary<(Instant Start, Territory Territory)> Starts() =>
        (from minute in Gen.Choose(0, Minutes)
         from second in Gen.Choose(0, 59)
         from territory in Gen.Elements(Territories.All.ToArray())
         select (From + Duration.FromMinutes(minute) + Duration.FromSeconds(second), territory)).ToArbitrary();

    /// <summary>A start, a second start up to three days later, a territory; one in four pairs
    /// straddles a daylight-saving change of the territory's zone.</summary>
    private static Arbitrary<(Instant First, Instant Second, Territory Territory)> Pairs() =>
        (from start in Starts().Generator
         from nearChange in Gen.Choose(0, 3)
         from gapMinutes in Gen.Choose(0, 3 * 24 * 60)
         let first = nearChange == 0 ? NearTransition(start.Start, start.Territory.Zone) : start.Start
         select (first, first + Duration.FromMinutes(gapMinutes), start.Territory)).ToArbitrary();

    [Fact]
    public void ProroguedHourDeadline_NeverEndsOnANonWorkingDay()
    {
        Prop.ForAll(Starts(), s =>
        {
            var calendar = s.Territory.CourtOfAppealSeat.DefaultCalendar;
            return calendar.IsWorkingDay(Appeal24h(s.Start, s.Territory).InZone(calendar.Territory.Zone).Date)
                && calendar.IsWorkingDay(Ruling48h(s.Start, s.Territory, Elapsed).InZone(calendar.Territory.Zone).Date);
        }).Check(Runs);
    }

    [Fact]
    public void AppealRule_SinceTheCode_NeverEndsOnANonWorkingDay()
    {
        var since2005 = Starts().Generator.Where(s => s.Start >= Instant.FromUtc(2005, 3, 2, 0, 0)).ToArbitrary();
        Prop.ForAll(since2005, s =>
        {
            var end = DetentionDeadlines.Appeal.Compute(new DeadlineRequest(s.Territory, s.Start)).ExpiresAt;
            return s.Territory.CourtOfAppealSeat.DefaultCalendar.IsWorkingDay(end.Date);
        }).Check(Runs);
    }

    [Fact]
    public void ProroguedDayDeadline_LastDayIsAWorkingDay()
    {
        var arbitrary = (from s in Starts().Generator
                         from days in Gen.Choose(1, 90)
                         from months in Gen.Choose(0, 3)
                         select (s.Start, s.Territory, Days: days, Months: months)).ToArbitrary();
        Prop.ForAll(arbitrary, c =>
        {
            var date = c.Start.InZone(c.Territory.Zone).Date;
            var end = GeneralDeadlines.Cpc.Compute(new DeadlineRequest(c.Territory, date) { Delay = StatutoryDelay.Calendar(0, c.Months, c.Days) }).ExpiresAt;
            var lastDay = end.Date.PlusDays(-1);
            return end.TimeOfDay == LocalTime.Midnight && c.Territory.DefaultCalendar.IsWorkingDay(lastDay) && lastDay > date;
        }).Check(Runs);
    }

    /// <summary>Prorogation to the same hour keeps the hour of the nominal end: an order of
    /// Friday 17:16 ends on Monday at 17:16, one of Sunday 11:43 on Monday at 11:43. So the
    /// working day a deadline ends on is monotonic in the start, and so is the instant whenever
    /// neither end was prorogued.</summary>
    [Fact]
    public void HourDeadline_ElapsedCounting_EndDayIsMonotonic_InstantTooWhenNotProrogued()
    {
        Prop.ForAll(Pairs(), p => MonotonicEnds(p.First, p.Second, p.Territory, Elapsed)).Check(Runs);
    }

    /// <summary>On the clock, a start in the hour repeated by the autumn change can also end
    /// later than a start a few minutes after it (02:30 summer time ends at 02:30, 02:10 winter
    /// time at 02:10); outside that hour, the elapsed-counting property holds on the clock too.</summary>
    [Fact]
    public void HourDeadline_WallClock_MonotonicUnlessAStartIsInARepeatedHour()
    {
        Prop.ForAll(Pairs(), p =>
            InRepeatedHour(p.First, p.Territory.Zone) || InRepeatedHour(p.Second, p.Territory.Zone)
            || MonotonicEnds(p.First, p.Second, p.Territory, EvaluationOptions.Default)).Check(Runs);
    }

    [Fact]
    public void HourDeadline_NeverProrogued_IsMonotonicInTheStart()
    {
        Prop.ForAll(Pairs(), p =>
        {
            var rule = GeneralDeadlines.RemovalOrderRecourse48h;
            var since = Instant.FromUtc(2004, 9, 18, 0, 0);
            return p.First < since
                || rule.Compute(new DeadlineRequest(p.Territory, p.First), Elapsed).ExpiresAt.ToInstant()
                    <= rule.Compute(new DeadlineRequest(p.Territory, p.Second), Elapsed).ExpiresAt.ToInstant();
        }).Check(Runs);
    }

    /// <summary>Divergent readings leave out hour-counting and dst-ambiguous-end when no offset
    /// change is near; they must still list each option of those readings exactly when computing
    /// under it gives another result. Starts cluster around offset changes (one in four), in every
    /// territory, for every rule counted on the clock, with an act one time in two.</summary>
    [Fact]
    public void DivergentReadings_ClockReadings_ListedExactlyWhenTheResultDiffers()
    {
        var since2005 = Instant.FromUtc(2005, 3, 2, 0, 0);
        var rules = RuleCatalogue.All.OfType<DeadlineRule>().Where(r => r.Versions.Any(v => v.CountsOnTheClock)).ToArray();
        var cases = (from pair in Pairs().Generator
                     from rule in Gen.Elements(rules)
                     from withAct in Gen.Elements(true, false)
                     where pair.First >= since2005
                     select (pair.First, Act: withAct ? pair.Second : (Instant?)null, pair.Territory, Rule: rule)).ToArbitrary();
        Prop.ForAll(cases, c =>
        {
            var request = new DeadlineRequest(c.Territory, c.First) { Act = c.Act };
            DeadlineResult baseline;
            try
            {
                baseline = c.Rule.Compute(request);
            }
            catch (RuleException)
            {
                return true; // no version, or a start this rule cannot take
            }

            var divergent = c.Rule.DivergentReadings(request);
            foreach (var reading in new[] { Readings.HourCounting, Readings.AmbiguousEnd })
            {
                foreach (var option in reading.Options.Where(o => o != reading.Default))
                {
                    var other = c.Rule.Compute(request, EvaluationOptions.Default.With(reading, option));
                    var differs = other.ExpiresAt.ToInstant() != baseline.ExpiresAt.ToInstant() || other.Timely != baseline.Timely;
                    var listed = divergent.SingleOrDefault(d => d.Reading == reading && d.Option == option);
                    if (differs != (listed is not null) || (listed is not null && listed.ExpiresAt != other.ExpiresAt))
                    {
                        return false;
                    }
                }
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(4000));
    }

    [Fact]
    public void DayDeadline_IsMonotonicInTheStartDate()
    {
        Prop.ForAll(Pairs(), p =>
        {
            var a = p.First.InZone(p.Territory.Zone).Date;
            var b = p.Second.InZone(p.Territory.Zone).Date;
            var delay = StatutoryDelay.FromMonths(1);
            return GeneralDeadlines.Cpc.Compute(new DeadlineRequest(p.Territory, a) { Delay = delay }).ExpiresAt.ToInstant()
                <= GeneralDeadlines.Cpc.Compute(new DeadlineRequest(p.Territory, b) { Delay = delay }).ExpiresAt.ToInstant();
        }).Check(Runs);
    }

    [Fact]
    public void HourDeadline_WallClockAndElapsed_DifferOnlyAcrossADstChange()
    {
        Prop.ForAll(Pairs(), p =>
        {
            var wall = Ruling48h(p.First, p.Territory);
            var elapsed = Ruling48h(p.First, p.Territory, Elapsed);
            if (wall == elapsed)
            {
                return true;
            }

            var interval = p.Territory.CourtOfAppealSeat.Zone.GetZoneInterval(p.First);
            return interval.HasEnd && interval.End <= Instant.Max(wall, elapsed);
        }).Check(Runs);
    }

    /// <summary>Without an explanation and under the default readings, deadlines counted on the
    /// clock take an integer fast path; with an explanation, the general one. Both must agree
    /// everywhere, including across DST changes (where the fast path gives way), for every rule
    /// that takes only a start and an act.</summary>
    [Fact]
    public void Compute_FastAndGeneralPaths_GiveTheSameResult()
    {
        Prop.ForAll(StartAndActRuleCases(), c =>
        {
            if (!InVersions(c.First, c.Rule))
            {
                return true;
            }

            var request = new DeadlineRequest(c.Territory, c.First) { Act = c.Second };
            var fast = c.Rule.Compute(request);
            var general = c.Rule.Compute(request, explanation: new Explanations.Explanation());
            return fast.ExpiresAt == general.ExpiresAt && fast.Timely == general.Timely && ReferenceEquals(fast.Version, general.Version);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(20_000));
    }

    /// <summary>Computing from a start instant alone gives what the request with that start gives,
    /// on the fast path and off it (across DST changes), for every rule that takes only a start.</summary>
    [Fact]
    public void Compute_FromAnInstant_GivesWhatTheRequestGives()
    {
        Prop.ForAll(StartAndActRuleCases(), c =>
        {
            if (!InVersions(c.First, c.Rule))
            {
                return true;
            }

            var fromInstant = c.Rule.Compute(c.Territory, c.First);
            var fromRequest = c.Rule.Compute(new DeadlineRequest(c.Territory, c.First));
            return fromInstant.ExpiresAt == fromRequest.ExpiresAt && ReferenceEquals(fromInstant.Version, fromRequest.Version)
                && fromInstant.Delay == fromRequest.Delay && fromInstant.Timely is null && fromRequest.Timely is null;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(20_000));
    }

    /// <summary>Two instants and a territory (<see cref="Pairs"/>) with a rule that takes only a
    /// start and an act.</summary>
    private static Arbitrary<(Instant First, Instant Second, Territory Territory, DeadlineRule Rule)> StartAndActRuleCases()
    {
        var rules = RuleCatalogue.All.OfType<DeadlineRule>()
            .Where(r => r.Facts.All(f => f.Role is Law.FactRole.Start or Law.FactRole.Act))
            .ToArray();
        return (from p in Pairs().Generator
                from rule in Gen.Elements(rules)
                select (p.First, p.Second, p.Territory, Rule: rule)).ToArbitrary();
    }

    /// <summary>Whether <paramref name="start"/> falls well within the rule's versions (after the
    /// first one's first day, before 2035).</summary>
    private static bool InVersions(Instant start, DeadlineRule rule) =>
        start.InUtc().Date > rule.Versions[0].From.PlusDays(1) && start.InUtc().Year <= 2034;

    [Fact]
    public void Compute_UnderOtherCulturesAndMachineZones_GivesTheSameResultAndText()
    {
        var samples = Starts().Generator.Where(s => s.Start >= Instant.FromUtc(2005, 3, 2, 0, 0)).Sample(200, 7).ToArray();
        var baseline = samples.Select(Describe).ToArray();
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        var tz = Environment.GetEnvironmentVariable("TZ");
        try
        {
            foreach (var (cultureName, zone) in new[] { ("tr-TR", "Pacific/Kiritimati"), ("fr-FR", "America/Anchorage"), ("ar-SA", "Asia/Kathmandu") })
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(cultureName);
                Environment.SetEnvironmentVariable("TZ", zone);
                TimeZoneInfo.ClearCachedData();
                Assert.Equal(baseline, samples.Select(Describe).ToArray());
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            Environment.SetEnvironmentVariable("TZ", tz);
            TimeZoneInfo.ClearCachedData();
        }
    }

    private static string Describe((Instant Start, Territory Territory) s)
    {
        var explanation = new Explanations.Explanation();
        var result = DetentionDeadlines.Appeal.Compute(new DeadlineRequest(s.Territory, s.Start), explanation: explanation);
        return Rules.Evaluation.IsoText.Format(result.ExpiresAt) + "\n" + explanation.ToText();
    }

    /// <summary>The method of retention.appeal (24 h, prorogued to the same hour, court of appeal's
    /// calendar) applied from any instant 1990-2035, whatever the versions in force.</summary>
    private static Instant Appeal24h(Instant start, Territory territory, EvaluationOptions? options = null) =>
        Hours(DetentionDeadlines.Appeal, 24, start, territory, options);

    /// <summary>The method of retention.appeal-ruling (48 h) applied from any instant 1990-2035.</summary>
    private static Instant Ruling48h(Instant start, Territory territory, EvaluationOptions? options = null) =>
        Hours(DetentionDeadlines.AppealRuling, 48, start, territory, options);

    private static Instant Hours(DeadlineRule rule, int hours, Instant start, Territory territory, EvaluationOptions? options)
    {
        var readings = (options ?? EvaluationOptions.Default).Readings;
        var method = ResolvedMethod.Of(rule.Versions[^1].Method, readings);
        var seat = territory.CourtOfAppealSeat;
        return DeadlineEngine.Clock(start.InZone(seat.Zone), StatutoryDelay.FromHours(hours), seat.DefaultCalendar, method, null).ToInstant();
    }

    private static bool MonotonicEnds(Instant first, Instant second, Territory territory, EvaluationOptions options)
    {
        var zone = territory.CourtOfAppealSeat.Zone;
        foreach (var hours in new[] { 24, 48 })
        {
            var a = hours == 24 ? Appeal24h(first, territory, options) : Ruling48h(first, territory, options);
            var b = hours == 24 ? Appeal24h(second, territory, options) : Ruling48h(second, territory, options);
            if (a.InZone(zone).Date > b.InZone(zone).Date)
            {
                return false;
            }

            var proroguedA = a.InZone(zone).Date != NominalEndDate(first, hours, zone, options);
            var proroguedB = b.InZone(zone).Date != NominalEndDate(second, hours, zone, options);
            if (!proroguedA && !proroguedB && a > b)
            {
                return false;
            }
        }

        return true;
    }

    private static LocalDate NominalEndDate(Instant start, int hours, DateTimeZone zone, EvaluationOptions options) =>
        options.Readings[Readings.HourCounting].Id == "elapsed"
            ? (start + Duration.FromHours(hours)).InZone(zone).Date
            : start.InZone(zone).LocalDateTime.PlusHours(hours).Date;

    private static bool InRepeatedHour(Instant instant, DateTimeZone zone) =>
        zone.MapLocal(instant.InZone(zone).LocalDateTime).Count == 2;

    /// <summary>An instant within two days before the zone's next offset change after
    /// <paramref name="start"/>, if it changes within a year; else <paramref name="start"/>.</summary>
    private static Instant NearTransition(Instant start, DateTimeZone zone)
    {
        var interval = zone.GetZoneInterval(start);
        if (!interval.HasEnd || interval.End - start > Duration.FromDays(366))
        {
            return start;
        }

        var minutesBefore = (start.ToUnixTimeTicks() / NodaConstants.TicksPerMinute % (2 * 24 * 60)) + 1;
        return interval.End - Duration.FromMinutes(minutesBefore);
    }
}
