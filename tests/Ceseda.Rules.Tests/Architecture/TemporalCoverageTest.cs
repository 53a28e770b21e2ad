using Ceseda.Rules.Conditions;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Rules.Tests.Architecture;

/// <summary>Each rule has exactly one version in force on every day from its first effect to
/// today plus one year. This finds gaps and overlaps between versions; it does not check that
/// the law is right.</summary>
public sealed class TemporalCoverageTest
{
    private static readonly LocalDate Horizon = SystemClock.Instance.GetCurrentInstant().InUtc().Date.PlusYears(1);

    [Fact]
    public void EveryRule_OnEveryDayFromItsFirstEffectToNextYear_HasExactlyOneVersion()
    {
        var failures = new List<string>();
        foreach (var rule in RuleCatalogue.All)
        {
            var versions = rule switch
            {
                DeadlineRule d => d.Versions.Select(v => (v.From, (Func<LocalDate, bool>)v.Covers)).ToList(),
                ConditionRule c => c.Versions.Select(v => (v.From, (Func<LocalDate, bool>)v.Covers)).ToList(),
                _ => throw new InvalidOperationException($"{rule.Id}: unknown kind of rule."),
            };
            for (var day = versions.Min(v => v.From); day <= Horizon; day = day.PlusDays(1))
            {
                var inForce = versions.Count(v => v.Item2(day));
                if (inForce != 1)
                {
                    failures.Add($"{rule.Id}: {inForce} versions in force on {day:uuuu-MM-dd}");
                    break;
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void EveryRule_FirstEffectBeforeToday()
    {
        var today = SystemClock.Instance.GetCurrentInstant().InUtc().Date;
        foreach (var rule in RuleCatalogue.All)
        {
            var first = rule switch
            {
                DeadlineRule d => d.Versions[0].From,
                ConditionRule c => c.Versions[0].From,
                _ => throw new InvalidOperationException(rule.Id),
            };
            Assert.True(first < today, $"{rule.Id} takes effect on {first:uuuu-MM-dd}, after today.");
        }
    }
}
