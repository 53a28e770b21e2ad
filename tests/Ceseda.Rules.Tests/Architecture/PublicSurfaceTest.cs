using System.Reflection;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using Ceseda.Tests.Shared;

namespace Ceseda.Rules.Tests.Architecture;

public sealed class PublicSurfaceTest
{
    private static readonly Assembly Rules = typeof(RuleCatalogue).Assembly;

    [Fact]
    public void PublicTypes_UseNodaTimeOnly_NoDateTimeOrTimeSpan()
    {
        Assert.Empty(PublicApi.BannedTimeTypes(Rules));
    }

    [Fact]
    public void RulesAssembly_ReferencesNodaTimeAndTheFrameworkOnly()
    {
        Assert.Equal(["NodaTime"], PublicApi.References(Rules));
    }

    [Fact]
    public void EveryDeadlineVersion_CitesItsArticleAndEveryRuleHasAVersion()
    {
        foreach (var rule in RuleCatalogue.All.OfType<DeadlineRule>())
        {
            Assert.NotEmpty(rule.Versions);
            Assert.All(rule.Versions, v => Assert.NotEmpty(v.Citations));
            Assert.Matches("^[a-z0-9-]+(\\.[a-z0-9-]+)+$", rule.Id);
        }
    }

    [Fact]
    public void Versions_OfEachRule_AreContiguousFromTheFirstEffect()
    {
        foreach (var rule in RuleCatalogue.All.OfType<DeadlineRule>())
        {
            var versions = rule.Versions;
            for (var i = 0; i + 1 < versions.Length; i++)
            {
                Assert.Equal(versions[i + 1].From, versions[i].Until);
            }

            Assert.Null(versions[^1].Until);
        }
    }

    [Fact]
    public void Readings_Ids_AreUniqueAndEachDefaultIsOneOfItsOptions()
    {
        Assert.Equal(Readings.All.Length, Readings.All.Select(r => r.Id).Distinct().Count());
        Assert.All(Readings.All, r => Assert.Contains(r.Default, r.Options));
    }
}
