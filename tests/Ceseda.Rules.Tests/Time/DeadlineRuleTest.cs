using Ceseda.Rules.Calendars;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Entry;
using Ceseda.Rules.Explanations;
using Ceseda.Rules.Law;
using Ceseda.Rules.Procedure;
using Ceseda.Rules.Time;
using NodaTime;
using static Ceseda.Rules.Tests.Time.Instants;

namespace Ceseda.Rules.Tests.Time;

public sealed partial class DeadlineRuleTest
{
    [Fact]
    public void Compute_FridayOrder_ProroguedToMondaySameHour()
    {
        var result = DetentionDeadlines.Appeal.Compute(new DeadlineRequest(Territories.Metropole, At("2017-01-20T17:20+01:00")));
        Assert.Equal("2017-01-23T17:20:00+01:00", Iso(result.ExpiresAt));
        Assert.Equal("2008-08-24", result.Version.Id);
    }

    [Fact]
    public void Compute_EndOfDayReading_EndsAt24hOfTheFirstWorkingDay()
    {
        var options = EvaluationOptions.Default.With(Readings.ProrogationEnd, "end-of-day");
        var result = DetentionDeadlines.Appeal.Compute(new DeadlineRequest(Territories.Metropole, At("2017-01-20T17:20+01:00")), options);
        Assert.Equal("2017-01-24T00:00:00+01:00", Iso(result.ExpiresAt));
    }

    [Fact]
    public void Compute_ActAtTheLastInstant_IsTimely_OneSecondLater_IsNot()
    {
        var rule = DetentionDeadlines.AppealRuling;
        var start = At("2023-03-20T16:19+01:00");
        var onTime = rule.Compute(new DeadlineRequest(Territories.Metropole, start) { Act = At("2023-03-22T16:19+01:00") });
        var late = rule.Compute(new DeadlineRequest(Territories.Metropole, start) { Act = At("2023-03-22T16:19+01:00") + Duration.FromSeconds(1) });
        Assert.True(onTime.Timely);
        Assert.False(late.Timely);
    }

    [Fact]
    public void Compute_ProsecutorWindow_LengthFollowsTheDateOfEffect()
    {
        var rule = DetentionDeadlines.ProsecutorSuspensiveAppeal;
        Assert.Equal(Duration.FromHours(4), Length(rule, "2007-08-09T19:00+02:00"));
        Assert.Equal(Duration.FromHours(4), Length(rule, "2011-07-17T10:00+02:00"));
        Assert.Equal(Duration.FromHours(6), Length(rule, "2011-07-18T10:00+02:00"));
        Assert.Equal(Duration.FromHours(10), Length(rule, "2019-01-02T10:00+01:00"));
        Assert.Equal(Duration.FromHours(10), Length(rule, "2024-07-12T10:00+02:00"));
        Assert.Equal(Duration.FromHours(24), Length(rule, "2024-07-16T10:00+02:00"));
    }

    [Fact]
    public void Compute_ProsecutorWindowEndingOnSunday_NotProroguedByDefault()
    {
        // Saturday 10:00 + 24 h = Sunday 10:00; the contested reading would move it to Monday.
        var request = new DeadlineRequest(Territories.Metropole, At("2025-01-11T10:00+01:00"));
        var rule = DetentionDeadlines.ProsecutorSuspensiveAppeal;
        Assert.Equal("2025-01-12T10:00:00+01:00", Iso(rule.Compute(request).ExpiresAt));
        var divergent = Assert.Single(rule.DivergentReadings(request));
        Assert.Equal("prosecutor-window-prorogation", divergent.Reading.Id);
        Assert.Equal("2025-01-13T10:00:00+01:00", Iso(divergent.ExpiresAt));
    }

    [Fact]
    public void Compute_BeforeFirstVersion_ThrowsNoVersionNamingRuleDateAndEarliest()
    {
        var e = Assert.Throws<RuleException>(() =>
            DetentionDeadlines.Appeal.Compute(new DeadlineRequest(Territories.Metropole, At("2003-02-10T10:00+01:00"))));
        Assert.Equal("no-version", e.Code);
        Assert.Equal("facts.start", e.Field);
        Assert.Contains("retention.appeal", e.Message, StringComparison.Ordinal);
        Assert.Contains("2003-02-10", e.Message, StringComparison.Ordinal);
        Assert.Contains("2005-03-01", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_HourRuleGivenADate_ThrowsMalformedFact()
    {
        var e = Assert.Throws<RuleException>(() =>
            DetentionDeadlines.Appeal.Compute(new DeadlineRequest(Territories.Metropole, new LocalDate(2017, 1, 20))));
        Assert.Equal("malformed-fact", e.Code);
        Assert.Contains("instant", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_VisaRefusal_VersionChosenByTheRefusalDateNotTheNotification()
    {
        var rule = EntryDeadlines.VisaRefusalAppeal;
        var notified = new LocalDate(2023, 1, 3);
        var old = rule.Compute(new DeadlineRequest(Territories.Metropole, notified) { VersionDate = new LocalDate(2022, 12, 28) });
        var reformed = rule.Compute(new DeadlineRequest(Territories.Metropole, notified) { VersionDate = new LocalDate(2023, 1, 2) });
        Assert.Equal("2023-03-04T00:00:00+01:00", Iso(old.ExpiresAt));      // 2 months: Friday 3 March at 24:00
        Assert.Equal("2023-02-03T00:00:00+01:00", Iso(reformed.ExpiresAt)); // 30 days: Thursday 2 February at 24:00
    }

    [Fact]
    public void Compute_SaintBarthelemyAppealOn9October_GuadeloupeCalendarByDefault()
    {
        // Wednesday 8 October 2025 10:00 + 24 h = Thursday 9 October, a holiday in Saint-Barthélemy only.
        var request = new DeadlineRequest(Territories.SaintBarthelemy, At("2025-10-08T10:00-04:00"));
        var result = DetentionDeadlines.Appeal.Compute(request);
        Assert.Equal("2025-10-09T10:00:00-04:00", Iso(result.ExpiresAt));
        var divergent = Assert.Single(DetentionDeadlines.Appeal.DivergentReadings(request));
        Assert.Equal(("holiday-calendar", "place-of-origin"), (divergent.Reading.Id, divergent.Option.Id));
        Assert.Equal("2025-10-10T10:00:00-04:00", Iso(divergent.ExpiresAt));
    }

    [Fact]
    public void Compute_CpcMonthsFrom31January_EndsOnTheLastDayOfFebruary()
    {
        var result = GeneralDeadlines.Cpc.Compute(new DeadlineRequest(Territories.Metropole, new LocalDate(2024, 1, 31))
        {
            Delay = StatutoryDelay.FromMonths(1),
        });
        Assert.Equal("2024-03-01T00:00:00+01:00", Iso(result.ExpiresAt)); // Thursday 29 February 2024 at 24:00
    }

    [Fact]
    public void Compute_CpcWithoutLength_ThrowsMissingFact()
    {
        var e = Assert.Throws<RuleException>(() => GeneralDeadlines.Cpc.Compute(new DeadlineRequest(Territories.Metropole, new LocalDate(2024, 1, 31))));
        Assert.Equal("missing-fact", e.Code);
        Assert.Contains("days, months, years", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_DesignExample_ExplainsEachStepWithItsAuthority()
    {
        var explanation = new Explanation();
        DetentionDeadlines.Appeal.Compute(
            new DeadlineRequest(Territories.Metropole, At("2017-01-20T17:20+01:00")) { Act = At("2017-01-23T09:01+01:00") },
            explanation: explanation);
        var steps = explanation.Steps.Select(s => s.Text).ToList();
        Assert.Contains("vendredi 20 janvier 2017 à 17 h 20 (UTC+01:00)", steps[0], StringComparison.Ordinal);
        Assert.Contains("+ 24 heures", steps[1], StringComparison.Ordinal);
        Assert.Contains("samedi 21 janvier 2017 à 17 h 20", steps[1], StringComparison.Ordinal);
        Assert.Contains("prorogé au premier jour ouvrable suivant, à la même heure → lundi 23 janvier 2017 à 17 h 20", steps[2], StringComparison.Ordinal);
        Assert.Contains("dans le délai", steps[^1], StringComparison.Ordinal);
        Assert.Equal("CESEDA art. R.552-12 al. 1 (numérotation 2009)", explanation.Steps[0].Citation!.Text);
        Assert.Equal("Cass. 1re civ., 4 nov. 2010, n° 09-16.310", explanation.Steps[1].Citation!.Text);
    }

    [Fact]
    public void Compute_LateAct_ExplanationSaysByHowMuch()
    {
        var explanation = new Explanation();
        DetentionDeadlines.AppealRuling.Compute(
            new DeadlineRequest(Territories.Metropole, At("2023-03-20T16:19+01:00")) { Act = At("2023-03-22T16:30+01:00") },
            explanation: explanation);
        Assert.EndsWith("hors délai, de 11 minutes.", explanation.Steps[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_OpreaSundayEnd_ExplainsThatItIsNotProrogued()
    {
        var explanation = new Explanation();
        var result = GeneralDeadlines.RemovalOrderRecourse48h.Compute(
            new DeadlineRequest(Territories.Metropole, At("2004-09-17T16:00+02:00")) { Act = At("2004-09-19T16:17+02:00") },
            explanation: explanation);
        Assert.False(result.Timely);
        Assert.Contains(explanation.Steps, s => s is NoProrogationStep && s.Citation!.Text.Contains("Oprea", StringComparison.Ordinal));
    }

    private static Duration Length(DeadlineRule rule, string start)
    {
        var instant = At(start);
        return rule.Compute(new DeadlineRequest(Territories.Metropole, instant)).ExpiresAt.ToInstant() - instant;
    }
}
