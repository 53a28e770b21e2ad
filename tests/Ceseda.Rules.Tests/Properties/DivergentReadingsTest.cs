using Ceseda.Rules.Calendars;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Rules.Tests.Properties;

/// <summary>Divergent readings against brute force: every rule of the catalogue, random starts
/// 2005-2035 in every territory, and every other option of every reading computed in full.</summary>
public sealed class DivergentReadingsTest
{
    private static readonly Instant From = Instant.FromUtc(2005, 3, 2, 0, 0);
    private static readonly Instant Until = Instant.FromUtc(2035, 1, 1, 0, 0);

    /// <summary>An option that changes the deadline or the timeliness is listed, with the same
    /// end, and a listed option changes one of them: including the readings of the prorogation,
    /// which are not computed again when the nominal end falls on a working day.</summary>
    [Fact]
    public void DivergentReadings_AnyRuleAnyTerritory_ListsExactlyTheOptionsThatChangeTheResult()
    {
        var random = new Random(20_251_122);
        var rules = RuleCatalogue.All.OfType<DeadlineRule>().ToArray();
        var checkedCases = 0;
        for (var i = 0; i < 6_000; i++)
        {
            var rule = rules[random.Next(rules.Length)];
            var territory = Territories.All[random.Next(Territories.All.Length)];
            var start = From + Duration.FromMinutes(random.NextInt64((long)(Until - From).TotalMinutes));
            if (!TryRequest(rule, territory, start, random, out var request))
            {
                continue;
            }

            DeadlineResult baseline;
            try
            {
                baseline = rule.Compute(request);
            }
            catch (RuleException)
            {
                continue; // no version, or a start this rule cannot take
            }

            checkedCases++;
            var divergent = rule.DivergentReadings(request);
            var twice = divergent.GroupBy(d => (d.Reading.Id, d.Option.Id)).FirstOrDefault(g => g.Count() > 1);
            Assert.True(twice is null, $"{rule.Id} {territory.Id} {start}: {twice?.Key} listed {twice?.Count()} times");
            foreach (var reading in Readings.All)
            {
                foreach (var option in reading.Options.Where(o => o != reading.Default))
                {
                    DeadlineResult other;
                    try
                    {
                        other = rule.Compute(request, EvaluationOptions.Default.With(reading, option));
                    }
                    catch (RuleException)
                    {
                        continue;
                    }

                    var differs = other.ExpiresAt.ToInstant() != baseline.ExpiresAt.ToInstant() || other.Timely != baseline.Timely;
                    var listed = divergent.FirstOrDefault(d => d.Reading == reading && d.Option == option);
                    Assert.True(differs == (listed is not null),
                        $"{rule.Id} {territory.Id} {start} {reading.Id}={option.Id}: differs {differs}, listed {listed is not null}");
                    if (listed is not null)
                    {
                        Assert.Equal(other.ExpiresAt, listed.ExpiresAt);
                    }
                }
            }
        }

        Assert.True(checkedCases > 3_000, $"only {checkedCases} cases could be computed");
    }

    private static bool TryRequest(DeadlineRule rule, Territory territory, Instant start, Random random, out DeadlineRequest request)
    {
        var date = start.InZone(territory.Zone).Date;
        var byDate = rule.StartFact.Type == FactType.InstantOrDate && random.Next(2) == 0;
        request = new DeadlineRequest(territory, byDate ? DeadlineStart.On(date) : DeadlineStart.At(start))
        {
            Act = random.Next(2) == 0 ? start + Duration.FromMinutes(random.Next(0, 90 * 24 * 60)) : null,
        };
        foreach (var fact in rule.Facts)
        {
            switch (fact.Role)
            {
                case FactRole.Days:
                    request = request with { Delay = StatutoryDelay.FromDays(random.Next(1, 40)) };
                    break;
                case FactRole.Months:
                    request = request with { Delay = StatutoryDelay.FromMonths(random.Next(1, 4)) };
                    break;
                case FactRole.Rank:
                    request = request with { Rank = 1 };
                    break;
                case FactRole.VersionDate:
                    request = request with { VersionDate = date };
                    break;
                case FactRole.Start or FactRole.Act or FactRole.Years:
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
