using BenchmarkDotNet.Attributes;
using Bogus;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Conditions;
using Ceseda.Rules.Interpreting;
using Ceseda.Rules.Representation;
using Ceseda.Rules.WaitingZone;
using NodaTime;

namespace Ceseda.Benchmarks;

/// <summary>Issue target: 1,000,000 eligibility evaluations in under 1 s, over realistic
/// populations made with Bogus: candidates for the ad hoc administrators' and interpreters' lists
/// (natural and legal persons, some facts unknown) and associations asking for habilitation or
/// agréments. The reported mean is the time of the whole million, on one thread.</summary>
[MemoryDiagnoser]
public class EligibilityBenchmarks
{
    /// <summary>Evaluations per invocation.</summary>
    public const int Count = 1_000_000;

    private const int Population = 20_000;

    private (ConditionRule Rule, Territory Territory, FactSet Facts)[] cases = [];

    /// <summary>Builds 20,000 applicants and associations (fixed seed), cycled fifty times.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Randomizer.Seed = new Random(Workload.Seed);
        var faker = new Faker("fr");
        var territories = Territories.All;
        cases = new (ConditionRule, Territory, FactSet)[Population];
        for (var i = 0; i < Population; i++)
        {
            var territory = territories[faker.Random.Int(0, territories.Length - 1)];
            cases[i] = (i % 4) switch
            {
                0 => (AdHocAdministratorConditions.Eligibility, territory, AdHocCandidate(faker)),
                1 => (InterpreterConditions.Eligibility, territory, Interpreter(faker)),
                2 => (AccessConditions.HabilitationEligibility, territory, Association(faker)),
                _ => (AccessConditions.AgrementQuota, territory, Quota(faker)),
            };
        }

        var outcomes = cases.Select(c => c.Rule.Evaluate(c.Territory, c.Facts).Outcome).GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
        if (outcomes.Count < 3)
        {
            throw new InvalidOperationException($"The population should give every outcome; got {string.Join(", ", outcomes)}.");
        }
    }

    /// <summary>A million evaluations, no explanation.</summary>
    [Benchmark]
    public int MillionEligibilityEvaluations()
    {
        var met = 0;
        var all = cases;
        for (var i = 0; i < Count; i++)
        {
            var (rule, territory, facts) = all[i % all.Length];
            if (rule.Evaluate(territory, facts).Outcome == Outcome.Met)
            {
                met++;
            }
        }

        return met;
    }

    private static LocalDate Date(Faker faker, int fromYear, int toYear) =>
        new LocalDate(fromYear, 1, 1).PlusDays(faker.Random.Int(0, ((toYear - fromYear) * 365) - 1));

    /// <summary>Maybe unknown: one fact in twenty is left out.</summary>
    private static void Add(List<KeyValuePair<string, object>> facts, Faker faker, string name, object value)
    {
        if (!faker.Random.Bool(0.05f))
        {
            facts.Add(new(name, value));
        }
    }

    private static FactSet AdHocCandidate(Faker faker)
    {
        var facts = new List<KeyValuePair<string, object>> { new("assessmentDate", Date(faker, 2006, 2026)) };
        var natural = faker.Random.Bool(0.85f);
        Add(facts, faker, "personKind", natural ? "natural" : "legal");
        if (natural)
        {
            Add(facts, faker, "birthDate", Date(faker, 1935, 2002));
            Add(facts, faker, "shownInterestInChildhood", faker.Random.Bool(0.9f));
            Add(facts, faker, "residesInJurisdiction", faker.Random.Bool(0.92f));
            Add(facts, faker, "dishonourableConduct", faker.Random.Bool(0.03f));
            Add(facts, faker, "personalBankruptcy", faker.Random.Bool(0.02f));
        }
        else
        {
            Add(facts, faker, "managersDishonourableConduct", faker.Random.Bool(0.03f));
            Add(facts, faker, "managersPersonalBankruptcy", faker.Random.Bool(0.02f));
            Add(facts, faker, "representativesMeetNaturalPersonConditions", faker.Random.Bool(0.9f));
        }

        return new FactSet(facts);
    }

    private static FactSet Interpreter(Faker faker)
    {
        var facts = new List<KeyValuePair<string, object>> { new("assessmentDate", Date(faker, 2006, 2026)) };
        var natural = faker.Random.Bool(0.8f);
        Add(facts, faker, "personKind", natural ? "natural" : "legal");
        Add(facts, faker, "onCourtOfAppealExpertList", faker.Random.Bool(0.2f));
        if (natural)
        {
            Add(facts, faker, "activityOrDomicileInJurisdiction", faker.Random.Bool(0.9f));
            Add(facts, faker, "competenceByDiplomaOrExperience", faker.Random.Bool(0.85f));
            Add(facts, faker, "dishonourableConduct", faker.Random.Bool(0.02f));
        }
        else
        {
            Add(facts, faker, "seatInJurisdiction", faker.Random.Bool(0.9f));
            Add(facts, faker, "staffMeetConditions", faker.Random.Bool(0.85f));
            Add(facts, faker, "managersDishonourableConduct", faker.Random.Bool(0.02f));
        }

        return new FactSet(facts);
    }

    private static FactSet Association(Faker faker)
    {
        var applied = Date(faker, 2006, 2026);
        var facts = new List<KeyValuePair<string, object>> { new("applicationDate", applied) };
        Add(facts, faker, "declarationDate", applied.PlusDays(-faker.Random.Int(300, 40 * 365)));
        Add(facts, faker, "statutoryObject", faker.PickRandom("aid-to-foreigners", "human-rights", "medical-or-social-assistance", "other"));
        return new FactSet(facts);
    }

    private static FactSet Quota(Faker faker)
    {
        var facts = new List<KeyValuePair<string, object>> { new("date", Date(faker, 2006, 2026)) };
        Add(facts, faker, "agrementsInForce", (long)faker.Random.Int(0, 11));
        Add(facts, faker, "personExistingAgrements", (long)faker.Random.WeightedRandom([0, 1], [0.9f, 0.1f]));
        return new FactSet(facts);
    }
}
