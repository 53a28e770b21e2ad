using Ceseda.Rules.Calendars;
using Ceseda.Rules.Conditions;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Outcome = Ceseda.Rules.Conditions.Outcome;

namespace Ceseda.Rules.Tests.Properties;

/// <summary>Properties of the three-valued condition engine over every condition rule.</summary>
public sealed class ConditionPropertiesTest
{
    private static readonly ConditionRule[] Rules = [.. RuleCatalogue.All.OfType<ConditionRule>()];
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(3000);

    /// <summary>A rule, a territory, and a random value for every fact of the rule.</summary>
    private static Gen<(ConditionRule Rule, Territory Territory, KeyValuePair<string, object>[] Facts)> Complete() =>
        from rule in Gen.Elements(Rules)
        from territory in Gen.Elements(Territories.All.ToArray())
        from values in Sequence(rule.Facts.Select(f => ValueOf(rule, f)))
        select (rule, territory, values.ToArray());

    private static Gen<System.Collections.Immutable.ImmutableList<T>> Sequence<T>(IEnumerable<Gen<T>> gens) =>
        gens.Aggregate(Gen.Constant(System.Collections.Immutable.ImmutableList<T>.Empty), (acc, g) => from list in acc from x in g select list.Add(x));

    private static Gen<KeyValuePair<string, object>> ValueOf(ConditionRule rule, Law.FactDefinition fact) => fact.Type switch
    {
        Law.FactType.Boolean => Gen.Elements(true, false).Select(b => new KeyValuePair<string, object>(fact.Name, b)),
        Law.FactType.Date => Gen.Choose(0, 80 * 366).Select(d => new KeyValuePair<string, object>(fact.Name,
            fact.Role == Law.FactRole.VersionDate ? rule.Versions[0].From.PlusDays(d % (30 * 366)) : new LocalDate(1940, 1, 1).PlusDays(d))),
        Law.FactType.Integer => Gen.Choose(0, 12).Select(n => new KeyValuePair<string, object>(fact.Name, (long)n)),
        Law.FactType.Amount => Gen.Choose(0, 60_000).Select(n => new KeyValuePair<string, object>(fact.Name, (decimal)n)),
        _ => Gen.Elements(fact.Choices.ToArray()).Select(c => new KeyValuePair<string, object>(fact.Name, (object)c)),
    };

    private static string DateFact(ConditionRule rule) => rule.DateFact.Name;

    [Fact]
    public void MissingFact_NeverYieldsMet_OnlyUndeterminedOrNotMet()
    {
        var cases = (from c in Complete()
                     from drop in Gen.Choose(0, 100)
                     select (c.Rule, c.Territory, c.Facts, Drop: drop)).ToArbitrary();
        Prop.ForAll(cases, c =>
        {
            var droppable = c.Facts.Where(f => f.Key != DateFact(c.Rule)).ToArray();
            if (droppable.Length == 0)
            {
                return true;
            }

            var dropped = droppable[c.Drop % droppable.Length].Key;
            var complete = c.Rule.Evaluate(c.Territory, new FactSet(c.Facts));
            var partial = c.Rule.Evaluate(c.Territory, new FactSet(c.Facts).Without(dropped));
            var needed = c.Rule.VersionOn((LocalDate)c.Facts.First(f => f.Key == DateFact(c.Rule)).Value).Condition.Facts.Contains(dropped);
            return complete.Outcome != Outcome.Undetermined
                && (!needed || partial.Outcome != Outcome.Met || complete.Outcome == Outcome.Met)
                && (partial.Outcome != Outcome.Met || complete.Outcome == Outcome.Met)
                && (partial.Outcome != Outcome.Undetermined || partial.Missing.Count > 0);
        }).Check(Runs);
    }

    [Fact]
    public void AddingAFact_NeverTurnsMetIntoNotMet_NorNotMetIntoMet()
    {
        var cases = (from c in Complete()
                     from keep in Gen.ArrayOf(Gen.Elements(true, false), c.Facts.Length)
                     select (c.Rule, c.Territory, c.Facts, Keep: keep)).ToArbitrary();
        Prop.ForAll(cases, c =>
        {
            var partialFacts = c.Facts.Where((f, i) => c.Keep[i] || f.Key == DateFact(c.Rule)).ToArray();
            var partial = c.Rule.Evaluate(c.Territory, new FactSet(partialFacts)).Outcome;
            var complete = c.Rule.Evaluate(c.Territory, new FactSet(c.Facts)).Outcome;
            return partial == Outcome.Undetermined || partial == complete;
        }).Check(Runs);
    }

    [Fact]
    public void NotMet_AlwaysNamesAnUnmetConditionWithItsArticle()
    {
        Prop.ForAll(Complete().ToArbitrary(), c =>
        {
            var result = c.Rule.Evaluate(c.Territory, new FactSet(c.Facts));
            return result.Outcome != Outcome.NotMet || (result.Unmet.Count > 0 && result.Unmet.All(u => u.Citation.Text.Length > 0));
        }).Check(Runs);
    }
}
