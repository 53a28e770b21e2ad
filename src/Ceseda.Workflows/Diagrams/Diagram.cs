using System.Collections.Immutable;
using Ceseda.Workflows.StateMachines;

namespace Ceseda.Workflows.Diagrams;

/// <summary>One arrow of a diagram: a transition as drawn, with its label in French.</summary>
/// <param name="From">The source state.</param>
/// <param name="To">The destination state.</param>
/// <param name="Trigger">The trigger's name.</param>
/// <param name="Label">"trigger title [guard]", "⏱ deadline title", "(hors délai)"...</param>
/// <param name="Guard">The guard's description, if any.</param>
/// <param name="Timer">For a timed transition, the deadline that fires it.</param>
/// <param name="Late">Whether this is the late branch of a deadline-guarded trigger.</param>
internal sealed record Arrow(string From, string To, string Trigger, string Label, string? Guard, DeadlineSlot? Timer, bool Late);

/// <summary>What the three exports share: the arrows of a definition, in declaration order.</summary>
internal static class Diagram
{
    public static ImmutableArray<Arrow> Arrows(ProcedureDefinition definition)
    {
        var timers = definition.DeadlineSlots.Where(s => s.ExpiryTrigger >= 0)
            .GroupBy(s => definition.Triggers[s.ExpiryTrigger].Name)
            .ToDictionary(g => g.Key, g => g.ToArray());
        var arrows = ImmutableArray.CreateBuilder<Arrow>();
        foreach (var t in definition.Transitions)
        {
            if (t.Kind is TransitionKind.Ignore or TransitionKind.Internal)
            {
                continue;
            }

            var trigger = definition.Triggers.First(x => x.Name == t.Trigger);
            var guard = t.Guard?.Description;
            if (trigger.IsTimer)
            {
                foreach (var slot in timers[t.Trigger].Where(s => Arms(definition, t.Source, s)))
                {
                    arrows.Add(new Arrow(t.Source, t.Destination, t.Trigger, Label($"⏱ échéance : {slot.Title} ({slot.Rule.Id})", guard), guard, slot, false));
                }

                continue;
            }

            if (t.Kind == TransitionKind.Within && t.Destination == t.LateDestination)
            {
                arrows.Add(new Arrow(t.Source, t.Destination, t.Trigger, Label($"{trigger.Title} (délai contrôlé : {t.Deadline!.Rule.Id})", guard), guard, null, true));
                continue;
            }

            if (t.Kind == TransitionKind.Within)
            {
                var deadline = t.Deadline!;
                arrows.Add(new Arrow(t.Source, t.Destination, t.Trigger, Label($"{trigger.Title} (dans {deadline.Title})", guard), guard, null, false));
                arrows.Add(new Arrow(t.Source, t.LateDestination!, t.Trigger, Label($"{trigger.Title} (hors délai : {deadline.Rule.Id})", guard), guard, null, true));
                continue;
            }

            arrows.Add(new Arrow(t.Source, t.Destination, t.Trigger, Label(trigger.Title, guard), guard, null, false));
        }

        return arrows.ToImmutable();
    }

    /// <summary>Whether the state (or a state it is in, or one of its substates) can arm the slot.</summary>
    private static bool Arms(ProcedureDefinition definition, string state, DeadlineSlot slot)
    {
        var related = Chain(definition, state).Select(s => s.Name).ToHashSet();
        foreach (var s in definition.States)
        {
            if (Chain(definition, s.Name).Any(x => x.Name == state))
            {
                related.Add(s.Name);
            }
        }

        return definition.States.Any(s => related.Contains(s.Name) && s.Arms.Any(a => a.Slot == slot))
            || definition.Transitions.Any(t => related.Contains(t.Source) && t.Arms.Contains(slot));
    }

    /// <summary>The state and its superstates, innermost first.</summary>
    public static IEnumerable<StateDescription> Chain(ProcedureDefinition definition, string state)
    {
        for (var s = definition.States.First(x => x.Name == state); ; s = definition.States.First(x => x.Name == s.Parent))
        {
            yield return s;
            if (s.Parent is null)
            {
                yield break;
            }
        }
    }

    private static string Label(string text, string? guard) => guard is null ? text : $"{text} [{guard}]";
}
