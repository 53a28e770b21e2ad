using Ceseda.Rules.Calendars;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Conditions;

/// <summary>An age bound on the date of assessment (<i>condition d'âge</i>): "X ans au moins",
/// "Y ans au plus", with the readings of the upper bound and of 29 February birthdays.</summary>
public sealed class AgeCondition(string birthDateFact, int? minimum, int? maximum, string id, string text, Citation citation)
    : Condition(id, text, citation)
{
    /// <inheritdoc />
    public override IEnumerable<string> Facts => [birthDateFact];

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
    public override Outcome Evaluate(ConditionContext context, ConditionTrace trace)
    {
        if (context.Facts.Date(birthDateFact) is not { } birth)
        {
            trace.AddMissing(birthDateFact);
            return Outcome.Undetermined;
        }

        var on = context.AssessedOn;
        if (minimum is { } min && on < Anniversary(birth, min, context.Readings))
        {
            trace.AddUnmet(new UnmetCondition(Id, Text, Citation, $"moins de {min} ans le {Evaluation.IsoText.Format(on)} (né le {Evaluation.IsoText.Format(birth)})"));
            return Outcome.NotMet;
        }

        if (maximum is { } max)
        {
            var strict = context.Readings[Law.Readings.AgeUpperBound].Id == "anniversary-not-passed";
            var limit = strict ? Anniversary(birth, max, context.Readings) : Anniversary(birth, max + 1, context.Readings).PlusDays(-1);
            if (on > limit)
            {
                trace.AddUnmet(new UnmetCondition(Id, Text, Citation,
                    $"plus de {max} ans le {Evaluation.IsoText.Format(on)} (né le {Evaluation.IsoText.Format(birth)}, limite le {Evaluation.IsoText.Format(limit)})"));
                return Outcome.NotMet;
            }
        }

        return Outcome.Met;
    }
}

/// <summary>A date fact at least a period before the date of assessment, e.g. an association
/// "régulièrement déclarée depuis au moins cinq années".</summary>
public sealed class SinceAtLeastCondition(string dateFact, Period period, string id, string text, Citation citation)
    : Condition(id, text, citation)
{
    /// <inheritdoc />
    public override IEnumerable<string> Facts => [dateFact];

    /// <inheritdoc />
    public override Outcome Evaluate(ConditionContext context, ConditionTrace trace)
    {
        if (context.Facts.Date(dateFact) is not { } since)
        {
            trace.AddMissing(dateFact);
            return Outcome.Undetermined;
        }

        var reached = since.Plus(period);
        if (context.AssessedOn >= reached)
        {
            return Outcome.Met;
        }

        trace.AddUnmet(new UnmetCondition(Id, Text, Citation,
            $"{dateFact} = {Evaluation.IsoText.Format(since)} : durée atteinte le {Evaluation.IsoText.Format(reached)} seulement"));
        return Outcome.NotMet;
    }
}

/// <summary>A whole-number fact that must stay within bounds.</summary>
public sealed class CountCondition(string fact, long? minimum, long? maximum, string id, string text, Citation citation)
    : Condition(id, text, citation)
{
    /// <inheritdoc />
    public override IEnumerable<string> Facts => [fact];

    /// <inheritdoc />
    public override Outcome Evaluate(ConditionContext context, ConditionTrace trace)
    {
        if (context.Facts.Integer(fact) is not { } value)
        {
            trace.AddMissing(fact);
            return Outcome.Undetermined;
        }

        if ((minimum is { } min && value < min) || (maximum is { } max && value > max))
        {
            trace.AddUnmet(new UnmetCondition(Id, Text, Citation, $"{fact} = {value}"));
            return Outcome.NotMet;
        }

        return Outcome.Met;
    }
}

/// <summary>An amount fact that must reach a minimum (e.g. insurance cover of 30,000 €).</summary>
public sealed class AmountAtLeastCondition(string fact, decimal minimum, string id, string text, Citation citation)
    : Condition(id, text, citation)
{
    /// <inheritdoc />
    public override IEnumerable<string> Facts => [fact];

    /// <inheritdoc />
    public override Outcome Evaluate(ConditionContext context, ConditionTrace trace)
    {
        if (context.Facts.Amount(fact) is not { } value)
        {
            trace.AddMissing(fact);
            return Outcome.Undetermined;
        }

        if (value >= minimum)
        {
            return Outcome.Met;
        }

        trace.AddUnmet(new UnmetCondition(Id, Text, Citation,
            $"{fact} = {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} €, inférieur à {minimum.ToString(System.Globalization.CultureInfo.InvariantCulture)} €"));
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
