using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Workflows.StateMachines;

/// <summary>Builds a <see cref="ProcedureDefinition{TState, TTrigger}"/>: a small fluent
/// configuration in the manner of Stateless, with guards that cite their article, deadline-guarded
/// triggers and timed transitions.</summary>
/// <typeparam name="TState">The states: an enum whose values run 0, 1, 2...</typeparam>
/// <typeparam name="TTrigger">The triggers: an enum whose values run 0, 1, 2...</typeparam>
/// <example><code>
/// var b = new ProcedureBuilder&lt;S, T&gt;(new("retention.ordinance-appeal", 1), "Appel de l'ordonnance", [article]);
/// b.Trigger(T.LodgeAppeal, "Déclaration d'appel", facts);
/// var window = b.Deadline("parties-appeal", "délai d'appel", DetentionDeadlines.Appeal, onExpiry: T.WindowClosed);
/// b.State(S.WindowOpen, "Délai d'appel ouvert").Arms(window)
///     .PermitWithin(T.LodgeAppeal, window, S.AppealLodged, late: S.LateAppeal);
/// </code></example>
public sealed class ProcedureBuilder<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly ProcedureKey key;
    private readonly string title;
    private readonly ImmutableArray<Citation> citations;
    private readonly StateNode?[] states;
    private readonly TriggerNode?[] triggers;
    private readonly Dictionary<int, StateConfiguration> configurations = [];
    private readonly List<DeadlineSlot> slots = [];
    private readonly List<Behaviour> behaviours = [];
    private int initial = -1;
    private bool built;

    /// <summary>Starts a definition.</summary>
    /// <param name="key">Its id and version.</param>
    /// <param name="title">Its title in French.</param>
    /// <param name="citations">The articles it implements.</param>
    public ProcedureBuilder(ProcedureKey key, string title, ImmutableArray<Citation> citations)
    {
        this.key = key ?? throw new ArgumentNullException(nameof(key));
        this.title = title;
        this.citations = citations;
        states = new StateNode?[Dense<TState>()];
        triggers = new TriggerNode?[Dense<TTrigger>()];
    }

    /// <summary>Declares a trigger and the facts its act carries.</summary>
    public ProcedureBuilder<TState, TTrigger> Trigger(TTrigger trigger, string frenchTitle, params FactDefinition[] facts)
    {
        CheckOpen();
        var i = Index(trigger);
        if (triggers[i] is not null)
        {
            throw Invalid($"the trigger {trigger} is declared twice");
        }

        triggers[i] = new TriggerNode(i, trigger.ToString(), frenchTitle, facts);
        return this;
    }

    /// <summary>Declares a deadline armed by states or internal transitions.</summary>
    /// <param name="name">Its name in snapshots, e.g. "parties-appeal".</param>
    /// <param name="frenchTitle">Its French name, e.g. "le délai d'appel des parties".</param>
    /// <param name="rule">The rule that computes it.</param>
    /// <param name="startFact">The instant fact it runs from; null when it runs from the act that arms it.</param>
    /// <param name="onExpiry">The trigger fired when it passes, if any; that trigger is then fired
    /// by deadlines only, never by acts.</param>
    /// <param name="rank">For rules whose length depends on a rank.</param>
    /// <param name="versionFact">For rules whose version is selected by a date other than the
    /// start (<see cref="DeadlineRule.VersionFact"/>), the date fact of the case that gives it.</param>
    public DeadlineSlot Deadline(string name, string frenchTitle, DeadlineRule rule, string? startFact = null, TTrigger? onExpiry = null,
        int? rank = null, string? versionFact = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        CheckOpen();
        if (slots.Exists(s => s.Name == name))
        {
            throw Invalid($"the deadline '{name}' is declared twice");
        }

        var slot = new DeadlineSlot(slots.Count, name, frenchTitle, rule, startFact, rank, versionFact);
        if (onExpiry is { } trigger)
        {
            slot.ExpiryTrigger = Index(trigger);
            slot.OnExpiry = trigger.ToString();
        }

        slots.Add(slot);
        return slot;
    }

    /// <summary>Declares the state a new case starts in (a state with no deadline and no task).</summary>
    public ProcedureBuilder<TState, TTrigger> Initial(TState state)
    {
        CheckOpen();
        initial = Index(state);
        return this;
    }

    /// <summary>Declares or continues the configuration of a state.</summary>
    /// <param name="state">The state.</param>
    /// <param name="frenchTitle">Its French title; required the first time.</param>
    /// <param name="citation">The article behind it, if any.</param>
    public StateConfiguration State(TState state, string? frenchTitle = null, Citation? citation = null)
    {
        CheckOpen();
        var i = Index(state);
        if (!configurations.TryGetValue(i, out var configuration))
        {
            if (frenchTitle is null)
            {
                throw Invalid($"the state {state} needs a French title when first configured");
            }

            states[i] = new StateNode(i, state.ToString(), frenchTitle) { Citation = citation };
            configuration = new StateConfiguration(this, i);
            configurations.Add(i, configuration);
        }

        return configuration;
    }

    /// <summary>Checks and freezes the definition: the builder takes no more configuration.</summary>
    /// <exception cref="InvalidOperationException">A state or trigger is not declared, a
    /// substate relation loops, a destination or expiry trigger is missing, or the initial state
    /// is not set.</exception>
    public ProcedureDefinition<TState, TTrigger> Build()
    {
        var missingStates = Enum.GetValues<TState>().Where(s => states[Index(s)] is null).ToArray();
        if (missingStates.Length > 0)
        {
            throw Invalid($"the states {string.Join(", ", missingStates)} are not configured");
        }

        var missingTriggers = Enum.GetValues<TTrigger>().Where(t => triggers[Index(t)] is null).ToArray();
        if (missingTriggers.Length > 0)
        {
            throw Invalid($"the triggers {string.Join(", ", missingTriggers)} are not declared");
        }

        var stateNodes = states.Select(s => s!).ToArray();
        var triggerNodes = triggers.Select(t => t!).ToArray();
        if (initial < 0)
        {
            throw Invalid("no initial state");
        }

        if (stateNodes[initial] is { Parent: >= 0 } or { Arms.Length: > 0 } or { OnEntry.Length: > 0 })
        {
            throw Invalid($"the initial state {stateNodes[initial].Name} must be a top-level state with no deadline and no task");
        }

        foreach (var state in stateNodes)
        {
            var depth = 0;
            for (var s = state.Parent; s >= 0; s = stateNodes[s].Parent)
            {
                if (++depth > stateNodes.Length)
                {
                    throw Invalid($"the substates of {state.Name} loop");
                }
            }

            if (state.InitialChild >= 0 && stateNodes[state.InitialChild].Parent != state.Index)
            {
                throw Invalid($"the initial substate {stateNodes[state.InitialChild].Name} of {state.Name} is not its substate");
            }
        }

        foreach (var slot in slots.Where(s => s.ExpiryTrigger >= 0))
        {
            triggerNodes[slot.ExpiryTrigger].IsTimer = true;
        }

        foreach (var behaviour in behaviours)
        {
            if (behaviour.Kind == TransitionKind.Within && behaviour.Late < 0)
            {
                throw Invalid($"{stateNodes[behaviour.Source].Name}: {triggerNodes[behaviour.Trigger].Name} has no late destination");
            }

            stateNodes[behaviour.Source].OwnsDeadlines |= behaviour.Arms.Length > 0;
            stateNodes[behaviour.Source].EmitsTasks |= behaviour.Tasks.Length > 0;
        }

        foreach (var state in stateNodes)
        {
            state.OwnsDeadlines |= state.Arms.Length > 0 || state.Keeps.Length > 0;
            state.EmitsTasks |= state.OnEntry.Length > 0;
        }

        var types = new Dictionary<string, FactType>();
        foreach (var fact in triggerNodes.SelectMany(t => t.Facts))
        {
            if (types.TryGetValue(fact.Name, out var type) && type != fact.Type)
            {
                throw Invalid($"the fact '{fact.Name}' is declared as {type} and as {fact.Type}");
            }

            types[fact.Name] = fact.Type;
        }

        foreach (var slot in slots.Where(s => s.StartFact is not null))
        {
            if (!types.TryGetValue(slot.StartFact!, out var type) || type != FactType.Instant)
            {
                throw Invalid($"the deadline '{slot.Name}' runs from '{slot.StartFact}', which no trigger carries as an instant");
            }
        }

        foreach (var slot in slots)
        {
            if (slot.VersionFact is null && slot.Rule.VersionFact != slot.Rule.StartFact)
            {
                throw Invalid($"the rule {slot.Rule.Id} of the deadline '{slot.Name}' selects its version by '{slot.Rule.VersionFact.Name}': name the case fact that gives it (versionFact)");
            }

            if (slot.VersionFact is { } version && (!types.TryGetValue(version, out var type) || type != FactType.Date))
            {
                throw Invalid($"the deadline '{slot.Name}' selects its version by '{version}', which no trigger carries as a date");
            }
        }

        built = true;
        return new ProcedureDefinition<TState, TTrigger>(key, title, citations, stateNodes, triggerNodes, [.. slots], [.. behaviours], initial);
    }

    internal static int Index<T>(T value)
        where T : struct, Enum => Unsafe.SizeOf<T>() == sizeof(int)
            ? Unsafe.As<T, int>(ref value)
            : throw new InvalidOperationException($"{typeof(T).Name} must be an int enum.");

    private static int Dense<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        for (var i = 0; i < values.Length; i++)
        {
            if (Index(values[i]) != i)
            {
                throw new InvalidOperationException($"The values of {typeof(T).Name} must run 0, 1, 2... without gaps ({values[i]} is {Index(values[i])}).");
            }
        }

        return values.Length;
    }

    private InvalidOperationException Invalid(string what) => new($"The definition of {key} is invalid: {what}.");

    /// <summary>A built definition is immutable: its states, triggers, deadlines and transitions are
    /// the builder's, so the builder takes no more configuration.</summary>
    private void CheckOpen()
    {
        if (built)
        {
            throw new InvalidOperationException(
                $"The definition of {key} is built, and a definition is immutable: configure a new builder, with a new version, to change it.");
        }
    }

    /// <summary>The configuration of one state.</summary>
    public sealed class StateConfiguration
    {
        private readonly ProcedureBuilder<TState, TTrigger> builder;
        private readonly int index;

        internal StateConfiguration(ProcedureBuilder<TState, TTrigger> builder, int index)
        {
            this.builder = builder;
            this.index = index;
        }

        /// <summary>The state's node, while the definition is being built.</summary>
        private StateNode Node
        {
            get
            {
                builder.CheckOpen();
                return builder.states[index]!;
            }
        }

        /// <summary>Makes this a substate of <paramref name="parent"/>: it inherits the parent's
        /// transitions, and the parent's deadlines and tasks stay while in it.</summary>
        public StateConfiguration SubstateOf(TState parent)
        {
            Node.Parent = Index(parent);
            return this;
        }

        /// <summary>The substate entered whenever this state is entered.</summary>
        public StateConfiguration InitialSubstate(TState child)
        {
            Node.InitialChild = Index(child);
            return this;
        }

        /// <summary>Marks the state as an end of the procedure.</summary>
        public StateConfiguration Final()
        {
            Node.IsFinal = true;
            return this;
        }

        /// <summary>Arms <paramref name="deadlines"/> on entry; they close on exit.</summary>
        public StateConfiguration Arms(params DeadlineSlot[] deadlines)
        {
            Node.Arms = [.. Node.Arms, .. deadlines.Select(d => new ArmedSlot(d, null))];
            return this;
        }

        /// <summary>Arms <paramref name="deadline"/> on entry when <paramref name="when"/> holds
        /// (e.g. a window that runs from the pronouncement only since a given date).</summary>
        public StateConfiguration ArmsIf(Guard when, DeadlineSlot deadline)
        {
            Node.Arms = [.. Node.Arms, new ArmedSlot(deadline, when ?? throw new ArgumentNullException(nameof(when)))];
            return this;
        }

        /// <summary>Emits clerk tasks on entry; they stay open while the state is current.</summary>
        public StateConfiguration OnEntry(params ClerkTaskTemplate[] tasks)
        {
            Node.OnEntry = [.. Node.OnEntry, .. tasks];
            return this;
        }

        /// <summary>Keeps <paramref name="deadlines"/> running when they were armed by a state the
        /// transition leaves (e.g. the prosecutor's window, which runs whatever another party does):
        /// this state then owns them, and they close when it is left.</summary>
        public StateConfiguration Keeps(params DeadlineSlot[] deadlines)
        {
            Node.Keeps = [.. Node.Keeps, .. deadlines];
            return this;
        }

        /// <summary>Emits clerk tasks on exit (e.g. notify the end of the holding); they stay open
        /// in the state entered, until it is left in turn. On exit, the state's deadlines close and
        /// its entry tasks are withdrawn.</summary>
        public StateConfiguration OnExit(params ClerkTaskTemplate[] tasks)
        {
            Node.OnExit = [.. Node.OnExit, .. tasks];
            return this;
        }

        /// <summary>Moves to <paramref name="destination"/> on <paramref name="trigger"/>.</summary>
        public StateConfiguration Permit(TTrigger trigger, TState destination) => Add(new Behaviour
        {
            Trigger = Index(trigger), Kind = TransitionKind.Permit, Source = index, Destination = Index(destination),
        });

        /// <summary>Moves to <paramref name="destination"/> on <paramref name="trigger"/> when
        /// <paramref name="guard"/> holds. Guards of one trigger in one state must exclude each other.</summary>
        public StateConfiguration PermitIf(TTrigger trigger, TState destination, Guard guard) => Add(new Behaviour
        {
            Trigger = Index(trigger), Kind = TransitionKind.Permit, Source = index, Destination = Index(destination),
            Guard = guard ?? throw new ArgumentNullException(nameof(guard)),
        });

        /// <summary>A deadline-guarded trigger: an act at or before the end of
        /// <paramref name="deadline"/> moves to <paramref name="timely"/>; a later act is recorded as
        /// late and moves to <paramref name="late"/>, never refused.</summary>
        public StateConfiguration PermitWithin(TTrigger trigger, DeadlineSlot deadline, TState timely, TState late, Guard? guard = null) =>
            Add(new Behaviour
            {
                Trigger = Index(trigger), Kind = TransitionKind.Within, Source = index, Destination = Index(timely), Late = Index(late),
                Slot = deadline ?? throw new ArgumentNullException(nameof(deadline)), Guard = guard,
            });

        /// <summary>Records <paramref name="trigger"/> without moving: arms deadlines and emits tasks.</summary>
        public StateConfiguration InternalTransition(TTrigger trigger, DeadlineSlot[] arms, ClerkTaskTemplate[]? tasks = null, Guard? guard = null) =>
            Add(new Behaviour
            {
                Trigger = Index(trigger), Kind = TransitionKind.Internal, Source = index, Destination = index,
                Arms = [.. arms.Select(a => new ArmedSlot(a, null))],
                Tasks = tasks ?? [], Guard = guard,
            });

        /// <summary>Records <paramref name="trigger"/> with no effect, saying why in French.</summary>
        public StateConfiguration Ignore(TTrigger trigger, string frenchReason, Guard? guard = null) => Add(new Behaviour
        {
            Trigger = Index(trigger), Kind = TransitionKind.Ignore, Source = index, Destination = index, Note = frenchReason, Guard = guard,
        });

        /// <summary>Continues with another state.</summary>
        public StateConfiguration State(TState state, string? frenchTitle = null, Citation? citation = null) =>
            builder.State(state, frenchTitle, citation);

        private StateConfiguration Add(Behaviour behaviour)
        {
            builder.CheckOpen();
            builder.behaviours.Add(behaviour);
            return this;
        }
    }
}

/// <summary>A procedure definition with its state and trigger enums.</summary>
/// <typeparam name="TState">The states.</typeparam>
/// <typeparam name="TTrigger">The triggers.</typeparam>
public sealed class ProcedureDefinition<TState, TTrigger> : ProcedureDefinition
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    internal ProcedureDefinition(ProcedureKey key, string title, ImmutableArray<Citation> citations, StateNode[] states,
        TriggerNode[] triggers, DeadlineSlot[] slots, Behaviour[] behaviours, int initial)
        : base(key, title, citations, states, triggers, slots, behaviours, initial)
    {
    }

    /// <summary>Records an act (see <see cref="ProcedureDefinition.Fire(CaseSnapshot, string, Instant, CaseFacts?)"/>).</summary>
    /// <exception cref="ProcedureException">The act does not fit the procedure now.</exception>
    public Transition Fire(CaseSnapshot snapshot, TTrigger trigger, Instant at, CaseFacts? facts = null) =>
        Fire(snapshot, ProcedureBuilder<TState, TTrigger>.Index(trigger), at, facts ?? CaseFacts.Empty);

    /// <summary>The case's current (leaf) state.</summary>
    public TState StateOf(CaseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var i = snapshot.StateIndex;
        return Unsafe.As<int, TState>(ref i);
    }

    /// <summary>Whether the case is in <paramref name="state"/> or one of its substates.</summary>
    public bool IsIn(CaseSnapshot snapshot, TState state) => IsIn(snapshot, state.ToString());

    /// <summary>Whether <paramref name="trigger"/> may be fired at <paramref name="at"/>, and why not.</summary>
    public TriggerAvailability WhyNot(CaseSnapshot snapshot, TTrigger trigger, Instant at) => WhyNot(snapshot, trigger.ToString(), at);
}
