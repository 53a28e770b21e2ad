using System.Collections.Immutable;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Conditions;

/// <summary>The answer to a condition (<i>condition remplie, non remplie, indéterminée</i>).</summary>
public enum Outcome
{
    /// <summary>Every condition is met.</summary>
    Met,

    /// <summary>At least one condition is not met.</summary>
    NotMet,

    /// <summary>Nothing is unmet, but a fact needed to decide is missing.</summary>
    Undetermined,
}

/// <summary>A condition that is not met, with the article that sets it.</summary>
/// <param name="Id">Where it is in the text, e.g. "R.111-14 1°".</param>
/// <param name="Text">The condition, in French.</param>
/// <param name="Citation">The article.</param>
/// <param name="Detail">Why it is not met here, in French.</param>
public sealed record UnmetCondition(string Id, string Text, Citation Citation, string Detail);

/// <summary>What a condition is evaluated against.</summary>
/// <param name="Facts">The known facts.</param>
/// <param name="AssessedOn">The date of assessment.</param>
/// <param name="Territory">Where.</param>
/// <param name="Readings">The readings of contested points in force.</param>
public sealed record ConditionContext(FactSet Facts, LocalDate AssessedOn, Territory Territory, ReadingSelection Readings);

/// <summary>Collects what a condition tree found: the unmet conditions and the missing facts.</summary>
public sealed class ConditionTrace
{
    private readonly List<UnmetCondition> unmet = [];
    private readonly List<string> missing = [];

    /// <summary>Every unmet condition, in the order of the text.</summary>
    public IReadOnlyList<UnmetCondition> Unmet => unmet;

    /// <summary>Every missing fact, by name, once.</summary>
    public IReadOnlyList<string> Missing => missing;

    internal void AddUnmet(UnmetCondition condition) => unmet.Add(condition);

    internal void AddMissing(string fact)
    {
        if (!missing.Contains(fact))
        {
            missing.Add(fact);
        }
    }

    internal void Merge(ConditionTrace other)
    {
        unmet.AddRange(other.unmet);
        foreach (var fact in other.missing)
        {
            AddMissing(fact);
        }
    }
}

/// <summary>A condition of the law over named facts (<i>condition</i>), evaluated in
/// three-valued logic: a missing fact never makes a condition met.</summary>
public abstract class Condition
{
    /// <summary>Creates a condition.</summary>
    protected Condition(string id, string text, Citation citation)
    {
        Id = id;
        Text = text;
        Citation = citation;
    }

    /// <summary>Where it is in the text, e.g. "R.111-14 1°".</summary>
    public string Id { get; }

    /// <summary>The condition, in French.</summary>
    public string Text { get; }

    /// <summary>The article that sets it.</summary>
    public Citation Citation { get; }

    /// <summary>The conditions it is made of (empty for a leaf).</summary>
    public virtual ImmutableArray<Condition> Children => [];

    /// <summary>The facts it reads.</summary>
    public virtual IEnumerable<string> Facts => Children.SelectMany(c => c.Facts).Distinct();

    /// <summary>The readings it depends on.</summary>
    public virtual IEnumerable<Reading> Readings => Children.SelectMany(c => c.Readings).Distinct();

    /// <summary>Evaluates the condition, recording unmet conditions and missing facts in <paramref name="trace"/>.</summary>
    public abstract Outcome Evaluate(ConditionContext context, ConditionTrace trace);

    /// <summary>All of <paramref name="conditions"/> (Kleene conjunction).</summary>
    public static Condition All(string id, string text, Citation citation, params Condition[] conditions) =>
        new AllCondition(id, text, citation, [.. conditions]);

    /// <summary>At least one of <paramref name="conditions"/> (Kleene disjunction).</summary>
    public static Condition Any(string id, string text, Citation citation, params Condition[] conditions) =>
        new AnyCondition(id, text, citation, [.. conditions]);

    /// <summary>A boolean fact that must have the value <paramref name="expected"/>.</summary>
    public static Condition Fact(string fact, bool expected, string id, string text, Citation citation) =>
        new BooleanCondition(fact, expected, id, text, citation);

    /// <summary>Different conditions by the value of a choice fact (e.g. natural or legal person).</summary>
    public static Condition ByChoice(string fact, string id, string text, Citation citation, params (string Value, Condition Condition)[] cases) =>
        new ChoiceCondition(fact, id, text, citation, [.. cases]);

    /// <inheritdoc />
    public override string ToString() => $"{Id} : {Text}";

    private static Outcome Combine(Outcome a, Outcome b, bool conjunction) => conjunction
        ? a == Outcome.NotMet || b == Outcome.NotMet ? Outcome.NotMet : a == Outcome.Undetermined || b == Outcome.Undetermined ? Outcome.Undetermined : Outcome.Met
        : a == Outcome.Met || b == Outcome.Met ? Outcome.Met : a == Outcome.Undetermined || b == Outcome.Undetermined ? Outcome.Undetermined : Outcome.NotMet;

    private sealed class AllCondition(string id, string text, Citation citation, ImmutableArray<Condition> children)
        : Condition(id, text, citation)
    {
        public override ImmutableArray<Condition> Children => children;

        public override Outcome Evaluate(ConditionContext context, ConditionTrace trace)
        {
            var outcome = Outcome.Met;
            foreach (var child in children)
            {
                outcome = Combine(outcome, child.Evaluate(context, trace), conjunction: true);
            }

            return outcome;
        }
    }

    private sealed class AnyCondition(string id, string text, Citation citation, ImmutableArray<Condition> children)
        : Condition(id, text, citation)
    {
        public override ImmutableArray<Condition> Children => children;

        public override Outcome Evaluate(ConditionContext context, ConditionTrace trace)
        {
            var inner = new ConditionTrace();
            var outcome = Outcome.NotMet;
            foreach (var child in children)
            {
                outcome = Combine(outcome, child.Evaluate(context, inner), conjunction: false);
            }

            if (outcome != Outcome.Met)
            {
                trace.Merge(inner);
            }

            return outcome;
        }
    }

    private sealed class ChoiceCondition(string fact, string id, string text, Citation citation, ImmutableArray<(string Value, Condition Condition)> cases)
        : Condition(id, text, citation)
    {
        public override ImmutableArray<Condition> Children => [.. cases.Select(c => c.Condition)];

        public override IEnumerable<string> Facts => base.Facts.Prepend(fact).Distinct();

        public override Outcome Evaluate(ConditionContext context, ConditionTrace trace)
        {
            if (context.Facts.Choice(fact) is not { } value)
            {
                trace.AddMissing(fact);
                return Outcome.Undetermined;
            }

            foreach (var (when, condition) in cases)
            {
                if (when == value)
                {
                    return condition.Evaluate(context, trace);
                }
            }

            throw new RuleException("malformed-fact", "facts." + fact,
                $"facts.{fact}: '{value}' is not one of {string.Join(", ", cases.Select(c => c.Value))}.");
        }
    }
}
