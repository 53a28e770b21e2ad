using System.Collections.Immutable;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Explanations;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Conditions;

/// <summary>A condition tree as in force over <c>[From, Until)</c> (<i>version</i>).</summary>
public sealed class ConditionVersion
{
    private string? id;

    /// <summary>The first date of effect (inclusive), compared with the date of assessment.</summary>
    public required LocalDate From { get; init; }

    /// <summary>The first date it no longer applies to (exclusive); null while in force.</summary>
    public LocalDate? Until { get; internal set; }

    /// <summary>The conditions.</summary>
    public required Condition Condition { get; init; }

    /// <summary>The articles in the numbering of the time and the current one, then the
    /// decisions that fix their reading.</summary>
    public required ImmutableArray<Citation> Citations { get; init; }

    /// <summary>How established this version is.</summary>
    public Confidence Confidence { get; init; } = Confidence.Settled;

    /// <summary>What the legal team should know, in French.</summary>
    public string? Note { get; init; }

    /// <summary>The version's identifier: its date of effect, ISO.</summary>
    public string Id => id ??= Evaluation.IsoText.Format(From);

    /// <summary>Whether <paramref name="date"/> falls in <c>[From, Until)</c>.</summary>
    public bool Covers(LocalDate date) => date >= From && (Until is not { } until || date < until);
}

/// <summary>The answer of a condition rule.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Version">The version applied.</param>
/// <param name="Outcome">Met, not met or undetermined.</param>
/// <param name="Unmet">Every unmet condition with its article.</param>
/// <param name="Missing">Every missing fact, by name.</param>
public sealed record ConditionResult(ConditionRule Rule, ConditionVersion Version, Outcome Outcome,
    IReadOnlyList<UnmetCondition> Unmet, IReadOnlyList<string> Missing);

/// <summary>What a condition's outcome would be under another option of a contested reading.</summary>
public sealed record DivergentOutcome(Reading Reading, ReadingOption Option, Outcome Outcome);

/// <summary>An eligibility, competence or content condition of the law (<i>condition</i>) with
/// its versions by date of assessment.</summary>
public sealed class ConditionRule : Rule
{
    private readonly ConditionVersion[] versions;

    /// <summary>Creates a rule; each version ends where the next begins.</summary>
    public ConditionRule(string id, string title, IEnumerable<FactDefinition> facts, IEnumerable<ConditionVersion> versions)
        : base(id, title, [.. facts])
    {
        this.versions = [.. versions.OrderBy(v => v.From)];
        for (var i = 0; i + 1 < this.versions.Length; i++)
        {
            this.versions[i].Until ??= this.versions[i + 1].From;
        }

        DateFact = Facts.Single(f => f.Role == FactRole.VersionDate);
        foreach (var version in this.versions)
        {
            foreach (var fact in version.Condition.Facts)
            {
                if (Fact(fact) is null)
                {
                    throw new ArgumentException($"Rule {id}: condition reads undeclared fact '{fact}'.", nameof(facts));
                }
            }
        }
    }

    /// <summary>The versions, oldest first.</summary>
    public ImmutableArray<ConditionVersion> Versions => [.. versions];

    /// <summary>The date of assessment, which selects the version.</summary>
    public FactDefinition DateFact { get; }

    /// <summary>The version in force on <paramref name="date"/>.</summary>
    /// <exception cref="RuleException">No version covers the date ("no-version").</exception>
    public ConditionVersion VersionOn(LocalDate date) =>
        versions.LastOrDefault(v => v.Covers(date))
        ?? throw new RuleException("no-version", $"facts.{DateFact.Name}",
            $"facts.{DateFact.Name}: no version of {Id} ({versions[0].Citations[0].Text}) is in force on {Evaluation.IsoText.Format(date)}; the earliest takes effect {versions[0].Id}.");

    /// <summary>Evaluates the conditions on the known <paramref name="facts"/>.</summary>
    /// <exception cref="RuleException">The date of assessment is missing or no version covers it.</exception>
    public ConditionResult Evaluate(Territory territory, FactSet facts, ReadingSelection readings = default, Explanation? explanation = null)
    {
        var date = facts.Date(DateFact.Name)
            ?? throw new RuleException("missing-fact", $"facts.{DateFact.Name}", $"facts.{DateFact.Name}: required by {Id} ({DateFact.Description})");
        var version = VersionOn(date);
        var trace = new ConditionTrace();
        var outcome = version.Condition.Evaluate(new ConditionContext(facts, date, territory, readings), trace);
        var result = new ConditionResult(this, version, outcome, trace.Unmet, trace.Missing);
        if (explanation is not null)
        {
            Explain(result, date, explanation);
        }

        return result;
    }

    /// <summary>The outcome under each other option of each reading the conditions depend on,
    /// when it differs.</summary>
    public ImmutableArray<DivergentOutcome> DivergentOutcomes(Territory territory, FactSet facts, ReadingSelection readings = default)
    {
        var baseline = Evaluate(territory, facts, readings);
        var divergent = ImmutableArray.CreateBuilder<DivergentOutcome>();
        foreach (var reading in baseline.Version.Condition.Readings)
        {
            foreach (var option in reading.Options)
            {
                if (option == readings[reading])
                {
                    continue;
                }

                var other = Evaluate(territory, facts, readings.With(reading, option));
                if (other.Outcome != baseline.Outcome)
                {
                    divergent.Add(new DivergentOutcome(reading, option, other.Outcome));
                }
            }
        }

        return divergent.ToImmutable();
    }

    private static void Explain(ConditionResult result, LocalDate date, Explanation explanation)
    {
        explanation.Add(new NoteStep($"Conditions appréciées au {French.Date(date)} : {result.Version.Condition.Text}.", result.Version.Citations[0]));
        foreach (var unmet in result.Unmet)
        {
            explanation.Add(new NoteStep($"Condition non remplie ({unmet.Id}) : {unmet.Text} — {unmet.Detail}.", unmet.Citation));
        }

        foreach (var fact in result.Missing)
        {
            explanation.Add(new NoteStep($"Fait manquant : {fact} ; la condition qui en dépend reste indéterminée.", null));
        }

        explanation.Add(new NoteStep(result.Outcome switch
        {
            Outcome.Met => "Toutes les conditions sont remplies.",
            Outcome.NotMet => "Au moins une condition n'est pas remplie.",
            _ => "Aucune condition n'est écartée, mais des faits manquent pour conclure.",
        }, null));
    }
}
