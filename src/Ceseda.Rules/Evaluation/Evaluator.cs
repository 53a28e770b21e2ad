using System.Globalization;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Conditions;
using Ceseda.Rules.Explanations;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Rules.Evaluation;

/// <summary>Answers requests of the evaluation contract: checks the rule, the territory and
/// every fact against the rule's definitions, then computes. Never throws for bad input: the
/// error is in the response.</summary>
public static class Evaluator
{
    private const int MaxDelayUnits = 100_000;

    /// <summary>Answers <paramref name="request"/>.</summary>
    public static EvaluationResponse Evaluate(EvaluationRequest request)
    {
        if (request.ReadError is { } readError)
        {
            return new EvaluationResponse { IdJson = request.IdJson, Rule = request.Rule, Error = readError };
        }

        try
        {
            var rule = ResolveRule(request.Rule);
            var territory = ResolveTerritory(request.Territory);
            var explanation = request.Explain ? new Explanation() : null;
            switch (rule)
            {
                case DeadlineRule deadline:
                    var deadlineRequest = Bind(deadline, territory, request.Facts, request.Options);
                    var result = deadline.Compute(deadlineRequest, request.Options, explanation, out var endsOnNonWorkingDay);
                    var divergent = deadline.DivergentReadings(deadlineRequest, request.Options, result, endsOnNonWorkingDay);
                    return new EvaluationResponse
                    {
                        IdJson = request.IdJson, Rule = request.Rule, Deadline = result, DivergentReadings = divergent, Explanation = explanation,
                    };
                case ConditionRule condition:
                    var facts = Bind(condition, request.Facts);
                    var answer = condition.Evaluate(territory, facts, request.Options.Readings, explanation);
                    var outcomes = condition.DivergentOutcomes(territory, facts, request.Options.Readings);
                    return new EvaluationResponse
                    {
                        IdJson = request.IdJson, Rule = request.Rule, Condition = answer, DivergentOutcomes = outcomes, Explanation = explanation,
                    };
                default:
                    throw new RuleException("unsupported-rule", "rule", $"rule: '{rule.Id}' cannot be evaluated here.");
            }
        }
        catch (RuleException e)
        {
            return new EvaluationResponse { IdJson = request.IdJson, Rule = request.Rule, Error = e };
        }
    }

    /// <summary>The rule with this id.</summary>
    /// <exception cref="RuleException">"missing-field" or "unknown-rule".</exception>
    public static Rule ResolveRule(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new RuleException("missing-field", "rule", "rule: required; give a rule id such as \"retention.appeal\" (see `ceseda rules`).");
        }

        return RuleCatalogue.Find(id)
            ?? throw new RuleException("unknown-rule", "rule", $"rule: '{id}' is not a Ceseda rule; `ceseda rules` lists them (e.g. \"retention.appeal\", \"cpc.deadline\").");
    }

    /// <summary>The territory with this id.</summary>
    /// <exception cref="RuleException">"missing-field" or "unknown-territory".</exception>
    public static Territory ResolveTerritory(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new RuleException("missing-field", "territory", $"territory: required; one of {string.Join(", ", Territories.All.Select(t => t.Id))}.");
        }

        return Territories.Find(id)
            ?? throw new RuleException("unknown-territory", "territory", $"territory: '{id}' is not a territory; expected one of {string.Join(", ", Territories.All.Select(t => t.Id))}.");
    }

    /// <summary>Checks every fact against <paramref name="rule"/> and builds the typed request.</summary>
    /// <exception cref="RuleException">An unknown, missing or malformed fact.</exception>
    public static DeadlineRequest Bind(DeadlineRule rule, Territory territory, IReadOnlyList<FactValue> facts, EvaluationOptions options)
    {
        var request = new DeadlineRequest { Territory = territory };
        bool startSeen = false;
        int years = 0, months = 0, days = 0;
        var delayGiven = false;
        for (var i = 0; i < facts.Count; i++)
        {
            var fact = facts[i];
            var definition = rule.Fact(fact.Name) ?? throw UnknownFact(rule, fact.Name);
            for (var j = 0; j < i; j++)
            {
                if (facts[j].Name == fact.Name)
                {
                    throw new RuleException("malformed-fact", "facts." + fact.Name, $"facts.{fact.Name}: given twice.");
                }
            }

            var field = definition.Field;

            switch (definition.Role)
            {
                case FactRole.Start:
                    request = request with { Start = ReadStart(definition, fact, field, territory, options) };
                    startSeen = true;
                    break;
                case FactRole.Act:
                    request = request with { Act = ReadInstant(fact, field, territory, options) };
                    break;
                case FactRole.VersionDate:
                    request = request with { VersionDate = ReadDate(fact, field) };
                    break;
                case FactRole.Rank:
                    request = request with { Rank = ReadCount(fact, field) };
                    break;
                case FactRole.Years:
                    years = ReadCount(fact, field);
                    delayGiven = true;
                    break;
                case FactRole.Months:
                    months = ReadCount(fact, field);
                    delayGiven = true;
                    break;
                case FactRole.Days:
                    days = ReadCount(fact, field);
                    delayGiven = true;
                    break;
            }
        }

        CheckRequired(rule, facts);
        if (!startSeen)
        {
            throw new RuleException("missing-fact", rule.StartFact.Field, $"facts.{rule.StartFact.Name}: required by {rule.Id}.");
        }

        if (rule.Facts.Any(f => f.Role is FactRole.Years or FactRole.Months or FactRole.Days))
        {
            if (!delayGiven || (years | months | days) == 0)
            {
                var delayFacts = rule.Facts.Where(f => f.Role is FactRole.Years or FactRole.Months or FactRole.Days).Select(f => f.Name);
                throw new RuleException("missing-fact", "facts",
                    $"facts: {rule.Id} needs the length of the delay: at least one of {string.Join(", ", delayFacts)} greater than 0.");
            }

            request = request with { Delay = StatutoryDelay.Calendar(years, months, days) };
        }

        return request;
    }

    private static RuleException UnknownFact(Rule rule, string name) =>
        new("unknown-fact", "facts." + name, $"facts.{name}: {rule.Id} takes no fact '{name}'; its facts are {string.Join(", ", rule.Facts.Select(f => f.Name))}.");

    private static void CheckRequired(Rule rule, IReadOnlyList<FactValue> facts)
    {
        foreach (var definition in rule.Facts)
        {
            if (!definition.Required)
            {
                continue;
            }

            var given = false;
            for (var i = 0; i < facts.Count && !given; i++)
            {
                given = facts[i].Name == definition.Name && facts[i].Kind != FactValueKind.Null;
            }

            if (!given)
            {
                throw new RuleException("missing-fact", definition.Field, $"{definition.Field}: required by {rule.Id} ({definition.Description})");
            }
        }
    }

    /// <summary>Checks every fact against <paramref name="rule"/>'s definitions and builds the
    /// typed fact set; a null fact is unknown.</summary>
    /// <exception cref="RuleException">An unknown or malformed fact, or a missing required one.</exception>
    public static FactSet Bind(ConditionRule rule, IReadOnlyList<FactValue> facts)
    {
        var values = new List<KeyValuePair<string, object>>(facts.Count);
        foreach (var fact in facts)
        {
            var definition = rule.Fact(fact.Name) ?? throw UnknownFact(rule, fact.Name);
            var field = definition.Field;
            if (values.Any(v => v.Key == fact.Name))
            {
                throw new RuleException("malformed-fact", field, $"{field}: given twice.");
            }

            if (fact.Kind == FactValueKind.Null)
            {
                continue;
            }

            object value = definition.Type switch
            {
                FactType.Boolean when fact.Kind == FactValueKind.Boolean => fact.Boolean,
                FactType.Date => ReadDate(fact, field),
                FactType.Integer => (long)ReadCount(fact, field),
                FactType.Amount when fact.Kind == FactValueKind.Number
                    && decimal.TryParse(fact.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) => amount,
                FactType.Choice when fact.Kind == FactValueKind.String && definition.Choices.Contains(fact.Text!) => fact.Text!,
                _ => throw new RuleException("malformed-fact", field, $"{field}: {fact.Display} is not {Expected(definition)}."),
            };
            values.Add(new(fact.Name, value));
        }

        CheckRequired(rule, facts);
        return new FactSet(values);
    }

    private static string Expected(FactDefinition definition) => definition.Type switch
    {
        FactType.Boolean => "true or false",
        FactType.Amount => "an amount in euros (a number such as 30000 or 30000.50)",
        FactType.Choice => $"one of {string.Join(", ", definition.Choices.Select(c => $"\"{c}\""))}",
        FactType.Date => "a date such as \"2024-01-15\"",
        _ => $"a {definition.Type}",
    };

    private static DeadlineStart ReadStart(FactDefinition definition, FactValue fact, string field, Territory territory, EvaluationOptions options)
    {
        var value = ReadIso(fact, field);
        if (!value.HasTime)
        {
            if (definition.Type != FactType.InstantOrDate)
            {
                throw new RuleException("malformed-fact", field,
                    $"{field}: {fact.Display} is a date, but this rule counts in hours: give the instant with its UTC offset (e.g. 2017-01-20T17:20+01:00).");
            }

            return DeadlineStart.On(value.Date);
        }

        return DeadlineStart.At(IsoText.ToInstant(value, territory.Zone, options.LocalTimeResolution, field));
    }

    private static Instant ReadInstant(FactValue fact, string field, Territory territory, EvaluationOptions options)
    {
        var value = ReadIso(fact, field);
        if (!value.HasTime)
        {
            throw new RuleException("malformed-fact", field,
                $"{field}: {fact.Display} is a date; give the instant of the act with its UTC offset (e.g. 2017-01-23T09:01+01:00).");
        }

        return IsoText.ToInstant(value, territory.Zone, options.LocalTimeResolution, field);
    }

    private static LocalDate ReadDate(FactValue fact, string field)
    {
        var value = ReadIso(fact, field);
        if (value.HasTime)
        {
            throw new RuleException("malformed-fact", field, $"{field}: {fact.Display} has a time; give a plain date (e.g. 2023-01-05).");
        }

        return value.Date;
    }

    private static IsoValue ReadIso(FactValue fact, string field)
    {
        if (fact.Kind != FactValueKind.String)
        {
            throw new RuleException("malformed-fact", field,
                $"{field}: {fact.Display} is not a string; expected an ISO 8601 date or instant such as \"2017-01-20T17:20+01:00\".");
        }

        return IsoText.Parse(fact.Text, field);
    }

    private static int ReadCount(FactValue fact, string field)
    {
        if (fact.Kind != FactValueKind.Number
            || !int.TryParse(fact.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count > MaxDelayUnits)
        {
            throw new RuleException("malformed-fact", field,
                $"{field}: {fact.Display} is not a whole number from 0 to {MaxDelayUnits}.");
        }

        return count;
    }
}
