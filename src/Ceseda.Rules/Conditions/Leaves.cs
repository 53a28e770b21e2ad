using Ceseda.Rules.Calendars;
using Ceseda.Rules.Evaluation;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Conditions;

/// <summary>A condition on one fact: unknown, it is undetermined; known, it is met or not met
/// with the reason.</summary>
/// <typeparam name="T">The fact's type.</typeparam>
public abstract class FactCondition<T>(string fact, string id, string text, Citation citation) : Condition(id, text, citation)
    where T : struct
{
    /// <summary>The fact tested.</summary>
    public string FactName => fact;

    /// <inheritdoc />
    public override IEnumerable<string> Facts => [fact];

    /// <inheritdoc />
    public sealed override Outcome Evaluate(ConditionContext context, ConditionTrace trace)
    {
        if (Read(context.Facts, fact) is not { } value)
        {
            trace.AddMissing(fact);
            return Outcome.Undetermined;
        }

        if (Unmet(value, context) is not { } detail)
        {
            return Outcome.Met;
        }

        trace.AddUnmet(new UnmetCondition(Id, Text, Citation, detail));
        return Outcome.NotMet;
    }

    /// <summary>The fact's value, or null when unknown.</summary>
    protected abstract T? Read(FactSet facts, string name);

    /// <summary>Why <paramref name="value"/> does not meet the condition, in French; null when it does.</summary>
    protected abstract string? Unmet(T value, ConditionContext context);
}

/// <summary>A boolean fact that must have a given value.</summary>
public sealed class BooleanCondition(string fact, bool expected, string id, string text, Citation citation)
    : FactCondition<bool>(fact, id, text, citation)
{
    /// <inheritdoc />
    protected override bool? Read(FactSet facts, string name) => facts.Boolean(name);

    /// <inheritdoc />
    protected override string? Unmet(bool value, ConditionContext context) =>
        value == expected ? null : $"{FactName} = {(value ? "true" : "false")}";
}

/// <summary>An age bound on the date of assessment (<i>condition d'âge</i>): "X ans au moins",
/// "Y ans au plus", with the readings of the upper bound and of 29 February birthdays.</summary>
public sealed class AgeCondition(string birthDateFact, int? minimum, int? maximum, string id, string text, Citation citation)
    : FactCondition<LocalDate>(birthDateFact, id, text, citation)
{
    /// <inheritdoc />
    public override IEnumerable<Reading> Readings =>
        maximum is null ? [Law.Readings.LeapDayBirthday] : [Law.Readings.AgeUpperBound, Law.Readings.LeapDayBirthday];

    /// <summary>The date a person born on <paramref name="birth"/> turns <paramref name="years"/>.</summary>
    public static LocalDate Anniversary(LocalDate birth, int years, ReadingSelection readings)
    {
        var anniversary = birth.PlusYears(years);
        return birth is { Month: 2, Day: 29 } && anniversary.Day == 28 && readings[Law.Readings.LeapDayBirthday].Id == "1-march"
            ? anniversary.PlusDays(1)
            : anniversary;
    }

    /// <inheritdoc />
    protected override LocalDate? Read(FactSet facts, string name) => facts.Date(name);

    /// <inheritdoc />
    protected override string? Unmet(LocalDate birth, ConditionContext context)
    {
        var on = context.AssessedOn;
        if (minimum is { } min && on < Anniversary(birth, min, context.Readings))
        {
            return $"moins de {min} ans le {IsoText.Format(on)} (né le {IsoText.Format(birth)})";
        }

        if (maximum is { } max)
        {
            var strict = context.Readings[Law.Readings.AgeUpperBound].Id == "anniversary-not-passed";
            var limit = strict ? Anniversary(birth, max, context.Readings) : Anniversary(birth, max + 1, context.Readings).PlusDays(-1);
            if (on > limit)
            {
                return $"plus de {max} ans le {IsoText.Format(on)} (né le {IsoText.Format(birth)}, limite le {IsoText.Format(limit)})";
            }
        }

        return null;
    }
}

/// <summary>A date fact at least a period before the date of assessment, e.g. an association
/// "régulièrement déclarée depuis au moins cinq années".</summary>
public sealed class SinceAtLeastCondition(string dateFact, Period period, string id, string text, Citation citation)
    : FactCondition<LocalDate>(dateFact, id, text, citation)
{
    /// <inheritdoc />
    protected override LocalDate? Read(FactSet facts, string name) => facts.Date(name);

    /// <inheritdoc />
    protected override string? Unmet(LocalDate since, ConditionContext context)
    {
        var reached = since.Plus(period);
        return context.AssessedOn >= reached ? null : $"{FactName} = {IsoText.Format(since)} : durée atteinte le {IsoText.Format(reached)} seulement";
    }
}

/// <summary>A whole-number fact that must stay within bounds.</summary>
public sealed class CountCondition(string fact, long? minimum, long? maximum, string id, string text, Citation citation)
    : FactCondition<long>(fact, id, text, citation)
{
    /// <inheritdoc />
    protected override long? Read(FactSet facts, string name) => facts.Integer(name);

    /// <inheritdoc />
    protected override string? Unmet(long value, ConditionContext context) =>
        (minimum is { } min && value < min) || (maximum is { } max && value > max) ? $"{FactName} = {value}" : null;
}

/// <summary>An amount fact that must reach a minimum (e.g. insurance cover of 30,000 €).</summary>
public sealed class AmountAtLeastCondition(string fact, decimal minimum, string id, string text, Citation citation)
    : FactCondition<decimal>(fact, id, text, citation)
{
    /// <inheritdoc />
    protected override decimal? Read(FactSet facts, string name) => facts.Amount(name);

    /// <inheritdoc />
    protected override string? Unmet(decimal value, ConditionContext context) => value >= minimum
        ? null
        : $"{FactName} = {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} €, inférieur à {minimum.ToString(System.Globalization.CultureInfo.InvariantCulture)} €";
}

/// <summary>An amount fact that must not exceed a maximum (e.g. a flat-rate indemnity of 100 €).</summary>
public sealed class AmountAtMostCondition(string fact, decimal maximum, string id, string text, Citation citation)
    : FactCondition<decimal>(fact, id, text, citation)
{
    /// <inheritdoc />
    protected override decimal? Read(FactSet facts, string name) => facts.Amount(name);

    /// <inheritdoc />
    protected override string? Unmet(decimal value, ConditionContext context) => value <= maximum
        ? null
        : $"{FactName} = {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} €, supérieur à {maximum.ToString(System.Globalization.CultureInfo.InvariantCulture)} €";
}

/// <summary>A choice fact that must take one of some values.</summary>
public sealed class ChoiceInCondition(string fact, IReadOnlyList<string> allowed, string id, string text, Citation citation)
    : Condition(id, text, citation)
{
    /// <inheritdoc />
    public override IEnumerable<string> Facts => [fact];

    /// <inheritdoc />
    public override Outcome Evaluate(ConditionContext context, ConditionTrace trace)
    {
        if (context.Facts.Choice(fact) is not { } value)
        {
            trace.AddMissing(fact);
            return Outcome.Undetermined;
        }

        if (allowed.Contains(value))
        {
            return Outcome.Met;
        }

        trace.AddUnmet(new UnmetCondition(Id, Text, Citation, $"{fact} = {value}"));
        return Outcome.NotMet;
    }
}

/// <summary>A provision that does not apply in some territories (e.g. R.111-24: not in Mayotte).</summary>
public sealed class TerritoryCondition(IReadOnlyList<Territory> excluded, string id, string text, Citation citation)
    : Condition(id, text, citation)
{
    /// <inheritdoc />
    public override IEnumerable<string> Facts => [];

    /// <inheritdoc />
    public override Outcome Evaluate(ConditionContext context, ConditionTrace trace)
    {
        if (!excluded.Contains(context.Territory))
        {
            return Outcome.Met;
        }

        trace.AddUnmet(new UnmetCondition(Id, Text, Citation, $"territoire : {context.Territory.Name}"));
        return Outcome.NotMet;
    }
}
