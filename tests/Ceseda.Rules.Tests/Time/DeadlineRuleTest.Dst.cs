using Ceseda.Rules.Calendars;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Explanations;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using static Ceseda.Rules.Tests.Time.Instants;

namespace Ceseda.Rules.Tests.Time;

public sealed partial class DeadlineRuleTest
{
    [Fact]
    public void Compute_AcrossSpringChange_WallClockSameHour_ElapsedOneHourLater()
    {
        // Saturday 29 March 2025 10:00 (+01:00) + 24 h: Sunday 30 (clocks +1 h) -> Monday 31, same hour.
        var request = new DeadlineRequest(Territories.Metropole, At("2025-03-29T10:00+01:00"));
        var rule = DetentionDeadlines.AppealRuling;
        Assert.Equal("2025-03-31T10:00:00+02:00", Iso(rule.Compute(request).ExpiresAt));
        var elapsed = rule.Compute(request, EvaluationOptions.Default.With(Readings.HourCounting, "elapsed"));
        Assert.Equal("2025-03-31T11:00:00+02:00", Iso(elapsed.ExpiresAt));
    }

    [Fact]
    public void Compute_EndInTheSkippedHour_EndsWhenTheClocksJump()
    {
        // Friday 28 March 2025 02:30 + 48 h on the clock = Sunday 30 March 02:30, which does not exist.
        var explanation = new Explanation();
        var result = DetentionDeadlines.SuspensiveObservations.Compute(
            new DeadlineRequest(Territories.Metropole, At("2025-03-30T00:30+01:00")), explanation: explanation);
        Assert.Equal("2025-03-30T03:00:00+02:00", Iso(result.ExpiresAt)); // 00:30 + 2 h on the clock = 02:30, skipped
        Assert.Contains(explanation.Steps, s => s is AmbiguousEndStep { Skipped: true });
    }

    [Fact]
    public void Compute_EndInTheRepeatedHour_LaterOccurrenceByDefault()
    {
        var request = new DeadlineRequest(Territories.Metropole, At("2025-10-26T00:30+02:00"));
        var rule = DetentionDeadlines.SuspensiveObservations;
        Assert.Equal("2025-10-26T02:30:00+01:00", Iso(rule.Compute(request).ExpiresAt));
        var earlier = rule.Compute(request, EvaluationOptions.Default.With(Readings.AmbiguousEnd, "earlier"));
        Assert.Equal("2025-10-26T02:30:00+02:00", Iso(earlier.ExpiresAt));
        var divergent = rule.DivergentReadings(request).Select(d => $"{d.Reading.Id}={d.Option.Id} {Iso(d.ExpiresAt)}").ToList();
        Assert.Equal(["hour-counting=elapsed 2025-10-26T02:30:00+02:00", "dst-ambiguous-end=earlier 2025-10-26T02:30:00+02:00"], divergent);
    }

    [Fact]
    public void Compute_SaintPierreEtMiquelon_FollowsNorthAmericanDstDates()
    {
        // Friday 7 March 2025 10:00 (-03:00) + 48 h; clocks go forward on Sunday 9 March in Miquelon
        // (in Paris only on 30 March). Sunday 10:00 on the clock -> Monday, same hour.
        var request = new DeadlineRequest(Territories.SaintPierreEtMiquelon, At("2025-03-07T10:00-03:00"));
        var rule = DetentionDeadlines.AppealRuling;
        Assert.Equal("2025-03-10T10:00:00-02:00", Iso(rule.Compute(request).ExpiresAt));
        var elapsed = rule.Compute(request, EvaluationOptions.Default.With(Readings.HourCounting, "elapsed"));
        Assert.Equal("2025-03-10T11:00:00-02:00", Iso(elapsed.ExpiresAt));
    }

    [Fact]
    public void Compute_Explanation_NotesTheDstChangeAndTheRealDuration()
    {
        var explanation = new Explanation();
        DetentionDeadlines.AppealRuling.Compute(new DeadlineRequest(Territories.Metropole, At("2025-03-29T10:00+01:00")), explanation: explanation);
        var dst = Assert.Single(explanation.Steps.OfType<DstChangeStep>());
        Assert.Contains("UTC+01:00 → UTC+02:00", dst.Text, StringComparison.Ordinal);
    }
}
