using Bogus;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Law;
using Ceseda.Workflows.StateMachines;
using NodaTime;

namespace Ceseda.Workflows.Tests.Walks;

/// <summary>One step of a walk: the snapshot before, the transition, and whether it was an act or
/// time passing.</summary>
internal readonly record struct WalkStep(CaseSnapshot Before, Transition Transition, bool Advance);

/// <summary>Random valid walks through a procedure, generated with Bogus from a seed: acts at
/// random instants (sometimes long after the last, so that deadlines pass and late acts occur),
/// with random facts of the declared types, in a random territory.</summary>
internal sealed class RandomWalker
{
    private static readonly Instant Latest = Instant.FromUtc(2035, 6, 1, 0, 0);
    private static readonly Territory[] AllTerritories = [.. Territories.All];
    private readonly ProcedureDefinition definition;
    private readonly Randomizer random;
    private readonly string[] acts;
    private readonly FactDefinition[][] actFacts;
    private readonly Instant earliest;

    public RandomWalker(ProcedureDefinition definition, int seed)
    {
        this.definition = definition;
        random = new Randomizer(seed);
        acts = [.. definition.Triggers.Where(t => !t.IsTimer).Select(t => t.Name)];
        actFacts = [.. definition.Triggers.Where(t => !t.IsTimer).Select(t => t.Facts.ToArray())];
        var first = definition.DeadlineSlots.Select(s => s.Rule.Versions[0].From).DefaultIfEmpty(new LocalDate(2006, 1, 1)).Max();
        earliest = first.PlusDays(2).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
    }

    /// <summary>Walks one case; <paramref name="observe"/> sees every step.</summary>
    /// <returns>The initial snapshot, the final one and the history.</returns>
    public (CaseSnapshot Initial, CaseSnapshot Final, List<CaseEvent> History) Walk(int maxSteps, Action<WalkStep>? observe = null)
    {
        var territory = random.ArrayElement(AllTerritories);
        var initial = definition.NewCase(territory);
        var snapshot = initial;
        var history = new List<CaseEvent>();
        var at = Instant.FromUnixTimeTicks(random.Long(earliest.ToUnixTimeTicks(), Latest.ToUnixTimeTicks()));
        at = Instant.FromUnixTimeSeconds(at.ToUnixTimeSeconds() / 60 * 60);
        for (var step = 0; step < maxSteps; step++)
        {
            if (step > 0 && random.Number(9) == 0)
            {
                var passed = definition.AdvanceTo(snapshot, at);
                observe?.Invoke(new WalkStep(snapshot, passed, true));
                history.AddRange(passed.Events);
                snapshot = passed.Snapshot;
            }
            else if (TryAct(snapshot, at, out var transition))
            {
                observe?.Invoke(new WalkStep(snapshot, transition, false));
                history.AddRange(transition.Events);
                snapshot = transition.Snapshot;
            }
            else if (definition.NextDue(snapshot) is null)
            {
                break;
            }

            at = Next(at);
        }

        return (initial, snapshot, history);
    }

    private bool TryAct(CaseSnapshot snapshot, Instant at, out Transition transition)
    {
        var handled = definition.HandledActs(snapshot);
        var start = random.Number(Math.Max(handled.Length - 1, 0));
        for (var i = 0; i < handled.Length; i++)
        {
            var index = Array.IndexOf(acts, handled[(start + i) % handled.Length]);
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var facts = Facts(actFacts[index], snapshot.Territory, at);
                if (definition.CanFire(snapshot, acts[index], at, facts))
                {
                    try
                    {
                        transition = definition.Fire(snapshot, acts[index], at, facts);
                        return true;
                    }
                    catch (ProcedureException e) when (e.Code == "deadline")
                    {
                        // A random start fact gave a deadline already over: refused, as it must be.
                    }
                }

                if (actFacts[index].Length == 0)
                {
                    break;
                }
            }
        }

        transition = default;
        return false;
    }

    private CaseFacts Facts(FactDefinition[] declared, Territory territory, Instant at)
    {
        if (declared.Length == 0)
        {
            return CaseFacts.Empty;
        }

        var facts = new List<(string, object)>(declared.Length);
        foreach (var fact in declared)
        {
            if (!fact.Required && !random.Bool())
            {
                continue;
            }

            facts.Add((fact.Name, fact.Type switch
            {
                FactType.Boolean => random.Bool(),
                FactType.Choice => fact.Choices[random.Number(fact.Choices.Length - 1)],
                FactType.Integer => (long)random.Number(1, 3),
                FactType.Amount => (decimal)random.Number(0, 50_000),
                FactType.Date => at.InZone(territory.Zone).Date,
                _ => random.Number(3) switch
                {
                    // The act's instant mostly; sometimes the start of its day, or of the next
                    // year (a list's year), which some guards ask for.
                    0 => at.InZone(territory.Zone).Date.AtStartOfDayInZone(territory.Zone).ToInstant(),
                    1 => new LocalDate(at.InZone(territory.Zone).Year + 1, 1, 1).AtStartOfDayInZone(territory.Zone).ToInstant(),
                    _ => at,
                },
            }));
        }

        return CaseFacts.Of([.. facts]);
    }

    /// <summary>Minutes to hours mostly; sometimes days or months, so that deadlines pass.</summary>
    private Instant Next(Instant at) => at + (random.Number(99) switch
    {
        < 50 => Duration.FromMinutes(random.Number(1, 180)),
        < 80 => Duration.FromHours(random.Number(3, 30)),
        < 95 => Duration.FromDays(random.Number(2, 10)),
        _ => Duration.FromDays(random.Number(20, 400)),
    });
}
