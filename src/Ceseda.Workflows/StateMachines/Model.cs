using System.Collections.Immutable;
using Ceseda.Rules.Law;

namespace Ceseda.Workflows.StateMachines;

/// <summary>A state of a procedure, as the definition describes it.</summary>
/// <param name="Name">The enum name, e.g. "AppealWindowOpen".</param>
/// <param name="Title">In French, e.g. "Délai d'appel ouvert".</param>
/// <param name="Parent">The superstate, if any.</param>
/// <param name="InitialSubstate">The substate entered with it, if it has substates.</param>
/// <param name="IsFinal">Whether the procedure ends there.</param>
/// <param name="Arms">The deadlines armed on entry.</param>
/// <param name="OnEntry">The clerk tasks emitted on entry.</param>
/// <param name="Citation">The article behind the state, if any.</param>
public sealed record StateDescription(string Name, string Title, string? Parent, string? InitialSubstate, bool IsFinal,
    ImmutableArray<ArmedSlot> Arms, ImmutableArray<ClerkTaskTemplate> OnEntry, Citation? Citation)
{
    /// <summary>The clerk tasks emitted on exit; they stay open in the state entered.</summary>
    public ImmutableArray<ClerkTaskTemplate> OnExit { get; init; } = [];

    /// <summary>The deadlines of the states left that keep running in this one.</summary>
    public ImmutableArray<DeadlineSlot> Keeps { get; init; } = [];
}

/// <summary>A deadline a state arms on entry, when <paramref name="When"/> holds (always if null).</summary>
/// <param name="Slot">The deadline.</param>
/// <param name="When">The condition, if any.</param>
public readonly record struct ArmedSlot(DeadlineSlot Slot, Guard? When);

/// <summary>A trigger of a procedure: an act, or the passing of a deadline.</summary>
/// <param name="Name">The enum name, e.g. "LodgeAppeal".</param>
/// <param name="Title">In French, e.g. "Déclaration d'appel".</param>
/// <param name="Facts">The facts the act carries.</param>
/// <param name="IsTimer">Fired by a deadline passing, never by an act.</param>
public sealed record TriggerDescription(string Name, string Title, ImmutableArray<FactDefinition> Facts, bool IsTimer);

/// <summary>How a transition behaves.</summary>
public enum TransitionKind
{
    /// <summary>Moves to the destination (when its guard, if any, holds).</summary>
    Permit,

    /// <summary>Moves to the destination if the act is within the deadline, else to the late destination.</summary>
    Within,

    /// <summary>Stays in the state; may arm deadlines and emit tasks.</summary>
    Internal,

    /// <summary>Recorded, with no effect on the state.</summary>
    Ignore,
}

/// <summary>A transition of a procedure, as the definition describes it.</summary>
/// <param name="Source">The state that declares it (its substates inherit it).</param>
/// <param name="Trigger">The trigger.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Destination">Where it leads (the source itself for internal and ignored triggers).</param>
/// <param name="LateDestination">For <see cref="TransitionKind.Within"/>, where a late act leads.</param>
/// <param name="Guard">Its condition, if any.</param>
/// <param name="Deadline">For <see cref="TransitionKind.Within"/>, the deadline that guards it.</param>
/// <param name="Note">For ignored triggers, why; in French.</param>
/// <param name="Arms">For internal transitions, the deadlines armed.</param>
public sealed record TransitionDescription(string Source, string Trigger, TransitionKind Kind, string Destination,
    string? LateDestination, Guard? Guard, DeadlineSlot? Deadline, string? Note, ImmutableArray<DeadlineSlot> Arms);

/// <summary>Whether a trigger may be fired now, and why not (<i>pourquoi pas</i>).</summary>
/// <param name="Trigger">The trigger's name.</param>
/// <param name="Title">Its French title.</param>
/// <param name="Permitted">Whether firing it now is permitted.</param>
/// <param name="Destination">Where it would lead, if permitted and not left to the facts the act will carry.</param>
/// <param name="Check">For a deadline-guarded trigger, whether the act would be on time.</param>
/// <param name="Reasons">In French: the guard, the deadline and the article, for a refusal; the
/// deadline for a permitted late act.</param>
public sealed record TriggerAvailability(string Trigger, string Title, bool Permitted, string? Destination, DeadlineCheck? Check,
    ImmutableArray<string> Reasons);
