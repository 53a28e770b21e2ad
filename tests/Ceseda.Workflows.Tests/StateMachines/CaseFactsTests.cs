using Bogus;
using Ceseda.Workflows.StateMachines;

namespace Ceseda.Workflows.Tests.StateMachines;

/// <summary>The facts of a case merged with an act's: a fact given again takes its later value.</summary>
public sealed class CaseFactsTests
{
    private static readonly string[] Names = ["appellant", "endsMeasure", "foreignerPresent", "granted", "notifiedAt", "rank"];

    [Fact]
    public void With_RandomFacts_GivesEachNameOnceInOrderWithItsLatestValue()
    {
        var faker = new Faker { Random = new Randomizer(20261123) };
        for (var n = 0; n < 2000; n++)
        {
            var earlier = RandomFacts(faker);
            var later = RandomFacts(faker);
            var expected = new SortedDictionary<string, object>(StringComparer.Ordinal);
            foreach (var (name, value) in earlier.Concat(later))
            {
                expected[name] = value;
            }

            var merged = earlier.With(later);

            Assert.Equal(expected.Count, merged.Count);
            Assert.Equal(expected.ToList(), merged.ToList());
        }
    }

    [Fact]
    public void With_AFactGivenAgain_TakesTheLaterValue()
    {
        var facts = CaseFacts.Of(("appellant", "foreigner"), ("endsMeasure", false)).With(CaseFacts.Of(("appellant", "prefect")));

        Assert.Equal(2, facts.Count);
        Assert.Equal("prefect", facts.Choice("appellant"));
        Assert.Equal(false, facts.Boolean("endsMeasure"));
    }

    [Fact]
    public void With_ChainsOfActs_ReadAsTheFactsMergedAtOnce()
    {
        // Up to ten acts in a row: past four, the chain of added facts is merged into one array.
        var faker = new Faker { Random = new Randomizer(20261124) };
        for (var n = 0; n < 1000; n++)
        {
            var facts = CaseFacts.Empty;
            var expected = new SortedDictionary<string, object>(StringComparer.Ordinal);
            for (var act = faker.Random.Int(1, 10); act > 0; act--)
            {
                var given = RandomFacts(faker);
                foreach (var (name, value) in given)
                {
                    expected[name] = value;
                }

                facts = facts.With(given);
            }

            var flat = CaseFacts.Of([.. expected.Select(kv => (kv.Key, kv.Value))]);
            Assert.Equal(expected.ToList(), facts.ToList());
            Assert.Equal(expected.Count, facts.Count);
            Assert.Equal(expected.Count == 0, facts.IsEmpty);
            Assert.All(Names, name => Assert.Equal(expected.GetValueOrDefault(name), facts[name]));
            Assert.True(facts.Equals(flat) && flat.Equals(facts), $"{facts} against {flat}");
            Assert.Equal(flat.GetHashCode(), facts.GetHashCode());
        }
    }

    private static CaseFacts RandomFacts(Faker faker) =>
        CaseFacts.Of([.. faker.PickRandom(Names, faker.Random.Int(0, Names.Length)).Select(name => (name, (object)faker.Random.Long(0, 3)))]);
}
