using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Explanations;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Workflows.StateMachines;

/// <summary>An immutable procedure definition (<i>procédure</i>): states, triggers, guarded and
/// deadline-guarded transitions, timed transitions and clerk tasks. Thread-safe; every method is
/// pure: it takes a snapshot and returns a new one with the events that led to it.</summary>
/// <remarks>Build one with <see cref="ProcedureBuilder{TState, TTrigger}"/>. Acts are recorded in
/// the order of their instants; a deadline whose instant comes before an act's passes first, so
/// <c>Fire</c> returns the expiries it processed before the act. An act at exactly a deadline's
/// instant is on time and comes before that deadline's expiry.</remarks>
public class ProcedureDefinition
{
    private const string NoMoveNote = "Délai expiré ; la procédure ne change pas d'état.";

    private readonly StateNode[] states;
    private readonly TriggerNode[] triggers;
    private readonly Behaviour[][]?[] table;

    /// <summary>Per state and trigger, the transition when it is the only one and has no guard:
    /// the common case, found in one step.</summary>
    private readonly Behaviour?[] unguarded;

    /// <summary>Per pair of states, whether moving from one to the other arms, closes and emits
    /// nothing (siblings without effects): the steady path.</summary>
    private readonly bool[] steady;
    private readonly MovePath?[] paths;
    private readonly string[][] handledActs;
    private readonly FrozenDictionary<string, int> stateIndex;
    private readonly FrozenDictionary<string, int> triggerIndex;
    private readonly FrozenDictionary<string, DeadlineSlot> slotsByName;
    private CaseSnapshot? lastNewCase;
    private EventHeading?[]? passedHeadings;

    internal ProcedureDefinition(ProcedureKey key, string title, ImmutableArray<Citation> citations, StateNode[] states,
        TriggerNode[] triggers, DeadlineSlot[] slots, Behaviour[] behaviours, int initial)
    {
        Key = key;
        Title = title;
        Citations = citations;
        this.states = states;
        this.triggers = triggers;
        Initial = initial;
        DeadlineSlots = [.. slots];
        StateNames = [.. states.Select(s => s.Name)];
        stateIndex = states.ToFrozenDictionary(s => s.Name, s => s.Index, StringComparer.Ordinal);
        triggerIndex = triggers.ToFrozenDictionary(t => t.Name, t => t.Index, StringComparer.Ordinal);
        slotsByName = slots.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
        table = BuildTable(states, triggers.Length, behaviours);
        unguarded = [.. table.Select(levels => levels is [[{ Guard: null } only]] ? only : null)];
        steady = [.. from source in states
                     from target in states
                     select !source.HasEffects && !target.HasEffects && source.Parent == target.Parent];
        paths = new MovePath?[states.Length * states.Length];
        handledActs = [.. states.Select(st => triggers.Where(t => !t.IsTimer && table[(st.Index * triggers.Length) + t.Index] is not null)
            .Select(t => t.Name).ToArray())];
        States = [.. states.Select(s => new StateDescription(s.Name, s.Title, s.Parent < 0 ? null : states[s.Parent].Name,
            s.InitialChild < 0 ? null : states[s.InitialChild].Name, s.IsFinal, [.. s.Arms], [.. s.OnEntry], s.Citation) { OnExit = [.. s.OnExit], Keeps = [.. s.Keeps] })];
        Triggers = [.. triggers.Select(t => new TriggerDescription(t.Name, t.Title, [.. t.Facts], t.IsTimer))];
        Transitions = [.. behaviours.Select(b => new TransitionDescription(states[b.Source].Name, triggers[b.Trigger].Name, b.Kind,
            states[b.Destination].Name, b.Late < 0 ? null : states[b.Late].Name, b.Guard, b.Slot, b.Note, [.. b.Arms.Select(a => a.Slot)]))];
    }

    /// <summary>The procedure's id and version.</summary>
    public ProcedureKey Key { get; }

    /// <summary>Its title in French.</summary>
    public string Title { get; }

    /// <summary>The articles it implements.</summary>
    public ImmutableArray<Citation> Citations { get; }

    /// <summary>The states, in declaration order.</summary>
    public ImmutableArray<StateDescription> States { get; }

    /// <summary>The triggers, in declaration order.</summary>
    public ImmutableArray<TriggerDescription> Triggers { get; }

    /// <summary>The transitions, in declaration order.</summary>
    public ImmutableArray<TransitionDescription> Transitions { get; }

    /// <summary>The deadlines the procedure arms.</summary>
    public ImmutableArray<DeadlineSlot> DeadlineSlots { get; }

    /// <summary>The state a new case starts in.</summary>
    public string InitialState => states[Initial].Name;

    internal int Initial { get; }

    /// <summary>A new case, in the initial state, with no event. Snapshots are immutable: the same
    /// one may be handed out again for the same territory and options.</summary>
    /// <param name="territory">The territory whose zone and calendar its deadlines use.</param>
    /// <param name="options">The readings its deadlines are computed under; the defaults when null.</param>
    public CaseSnapshot NewCase(Territory territory, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(territory);
        options ??= EvaluationOptions.Default;

        // Snapshots are immutable: the last new case made is handed out again for the same territory and options.
        if (Volatile.Read(ref lastNewCase) is { } last && ReferenceEquals(last.Territory, territory) && ReferenceEquals(last.Options, options))
        {
            return last;
        }

        var created = new CaseSnapshot(Key, StateNames, territory, options, Initial, 0, null, null, false, CaseFacts.Empty, [], []);
        Volatile.Write(ref lastNewCase, created);
        return created;
    }

    /// <summary>Records an act: first the deadlines that passed before <paramref name="at"/>, then
    /// the act's transition.</summary>
    /// <param name="snapshot">The case before the act.</param>
    /// <param name="trigger">The trigger's name.</param>
    /// <param name="at">The act's legal instant (e.g. the registry's time stamp).</param>
    /// <param name="facts">The facts the act carries, as its trigger declares them.</param>
    /// <exception cref="ProcedureException">The trigger is unknown, fired by a timer, or not
    /// permitted now; a fact is unknown, missing or of the wrong type; the act is out of order; a
    /// deadline cannot be computed.</exception>
    public Transition Fire(CaseSnapshot snapshot, string trigger, Instant at, CaseFacts? facts = null) =>
        Fire(snapshot, TriggerIndex(trigger), at, facts ?? CaseFacts.Empty);

    /// <summary>The next deadline to pass in the case, if any: a runtime schedules its timer at
    /// <see cref="DeadlineEntry.Due"/>.</summary>
    public DeadlineEntry? NextDue(CaseSnapshot snapshot)
    {
        CheckKey(snapshot);
        var i = snapshot.NextDueIndex();
        return i < 0 ? null : snapshot.Entries[i];
    }

    /// <summary>Lets the next deadline pass, at its legal instant: it expires, and fires its
    /// trigger when the state permits it.</summary>
    /// <exception cref="ProcedureException">No deadline is running.</exception>
    public Transition Expire(CaseSnapshot snapshot)
    {
        CheckKey(snapshot);
        var i = snapshot.NextDueIndex();
        return i < 0
            ? throw new ProcedureException("deadline", $"No deadline is running in this case of {Key} (state {snapshot.State}).")
            : ExpireAt(snapshot, i);
    }

    /// <summary>Lets every deadline due at or before <paramref name="until"/> pass, in order.</summary>
    /// <returns>The case after them, and their events (none if nothing was due).</returns>
    public Transition AdvanceTo(CaseSnapshot snapshot, Instant until) => Settle(snapshot, until, inclusive: true);

    /// <summary>Each act trigger, and whether it may be fired at <paramref name="at"/>, with the
    /// reasons in French when it may not.</summary>
    public ImmutableArray<TriggerAvailability> Availability(CaseSnapshot snapshot, Instant at)
    {
        CheckKey(snapshot);
        var settled = Settle(snapshot, at, inclusive: false).Snapshot;
        return [.. triggers.Where(t => !t.IsTimer).Select(t => Availability(snapshot, settled, t, at))];
    }

    /// <summary>The act triggers that may be fired at <paramref name="at"/>.</summary>
    public ImmutableArray<TriggerAvailability> PermittedTriggers(CaseSnapshot snapshot, Instant at) =>
        [.. Availability(snapshot, at).Where(a => a.Permitted)];

    /// <summary>Whether <paramref name="trigger"/> may be fired at <paramref name="at"/>; if not, the
    /// guard, the deadline and the article, in French.</summary>
    public TriggerAvailability WhyNot(CaseSnapshot snapshot, string trigger, Instant at)
    {
        CheckKey(snapshot);
        var t = triggers[TriggerIndex(trigger)];
        var settled = Settle(snapshot, at, inclusive: false).Snapshot;
        return Availability(snapshot, settled, t, at);
    }

    /// <summary>Whether <paramref name="trigger"/> with <paramref name="facts"/> may be fired at
    /// <paramref name="at"/>: <c>Fire</c> would not refuse it. Cheaper than <see cref="WhyNot"/>.</summary>
    public bool CanFire(CaseSnapshot snapshot, string trigger, Instant at, CaseFacts? facts = null)
    {
        CheckKey(snapshot);
        var t = triggers[TriggerIndex(trigger)];
        if (t.IsTimer || snapshot.PrecedesLastEvent(at))
        {
            return false;
        }

        var settled = Settle(snapshot, at, inclusive: false).Snapshot;
        var merged = facts is null || facts.IsEmpty ? settled.Facts : settled.Facts.With(facts);
        return Resolve(settled, t.Index, at, merged, null) is not null;
    }

    /// <summary>The act triggers that the case's state or its superstates handle at all (whatever
    /// their guards and deadlines say), in declaration order.</summary>
    internal string[] HandledActs(CaseSnapshot snapshot) => handledActs[snapshot.StateIndex];

    /// <summary>Rebuilds a case from its history and checks that each event comes out the same.</summary>
    /// <param name="initial">The case as <see cref="NewCase"/> made it.</param>
    /// <param name="history">Its events, in order.</param>
    /// <exception cref="ProcedureException"><c>replay-mismatch</c>: an event does not come out the
    /// same (the history was altered, or was made by another definition).</exception>
    public CaseSnapshot Replay(CaseSnapshot initial, IEnumerable<CaseEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var snapshot = initial;
        foreach (var recorded in history)
        {
            var transition = recorded.Kind == CaseEventKind.Act
                ? Fire(snapshot, recorded.Trigger ?? throw Mismatch(recorded, "an act without trigger"), recorded.At, recorded.Facts)
                : Expire(snapshot);
            var produced = transition.Events;
            if (produced.Length != 1 || !produced[0].Equals(recorded))
            {
                throw Mismatch(recorded, $"it replays as {string.Join("; ", produced)}");
            }

            snapshot = transition.Snapshot;
        }

        return snapshot;
    }

    /// <summary>Whether the case is in <paramref name="state"/> or one of its substates.</summary>
    public bool IsIn(CaseSnapshot snapshot, string state)
    {
        CheckKey(snapshot);
        var target = StateIndex(state);
        for (var s = snapshot.StateIndex; s >= 0; s = states[s].Parent)
        {
            if (s == target)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The French title of a state.</summary>
    public string StateTitle(string state) => states[StateIndex(state)].Title;

    /// <summary>The French title of a trigger.</summary>
    public string TriggerTitle(string trigger) => triggers[TriggerIndex(trigger)].Title;

    /// <summary>The deadline slot named <paramref name="name"/>.</summary>
    public DeadlineSlot Slot(string name) => slotsByName.TryGetValue(name, out var slot)
        ? slot
        : throw new ProcedureException("snapshot-invalid", $"{Key} has no deadline named '{name}'; it has: {string.Join(", ", slotsByName.Keys)}.");

    /// <summary>The latest deadline of <paramref name="slot"/> in the case, if it was armed.</summary>
    public DeadlineEntry? Find(CaseSnapshot snapshot, DeadlineSlot slot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(slot);
        var i = snapshot.LatestIndex(slot.Name);
        return i < 0 ? null : snapshot.Deadlines[i];
    }

    /// <inheritdoc/>
    public override string ToString() => Key.ToString();

    internal int StateIndex(string name) => stateIndex.TryGetValue(name, out var i)
        ? i
        : throw new ProcedureException("snapshot-invalid", $"{Key} has no state '{name}'; its states are: {string.Join(", ", states.Select(s => s.Name))}.");

    internal int TriggerIndex(string name) => triggerIndex.TryGetValue(name, out var i)
        ? i
        : throw new ProcedureException("trigger-unknown", $"{Key} has no trigger '{name}'; its triggers are: {string.Join(", ", triggers.Select(t => t.Name))}.");

    internal string StateName(int index) => states[index].Name;

    /// <summary>The states' names, by index: a snapshot's state is one of them.</summary>
    internal string[] StateNames { get; }

    internal string TriggerName(int index) => triggers[index].Name;

    internal Transition Fire(CaseSnapshot snapshot, int trigger, Instant at, CaseFacts facts)
    {
        CheckKey(snapshot);
        var t = triggers[trigger];
        if (t.IsTimer || !facts.IsEmpty || t.RequiredFacts > 0)
        {
            CheckAct(t, facts);
        }

        if (snapshot.PrecedesLastEvent(at))
        {
            throw OutOfOrder(t, at, snapshot);
        }

        var due = snapshot.NextDueIndex();
        if (due >= 0 && snapshot.Entries.ItemRef(due).Due < at)
        {
            return FireAfterExpiries(snapshot, t, at, facts);
        }

        var merged = facts.IsEmpty ? snapshot.Facts : snapshot.Facts.With(facts);
        var behaviour = Resolve(snapshot, trigger, at, merged, null) ?? throw Refused(snapshot, t, at);
        return Apply(snapshot, behaviour, null, at, facts, merged);
    }

    /// <summary>The deadlines due before the act pass first, each at its instant; then the act.</summary>
    private Transition FireAfterExpiries(CaseSnapshot snapshot, TriggerNode t, Instant at, CaseFacts facts)
    {
        var events = ImmutableArray.CreateBuilder<CaseEvent>();
        for (var i = snapshot.NextDueIndex(); i >= 0 && snapshot.Entries.ItemRef(i).Due < at; i = snapshot.NextDueIndex())
        {
            var passed = ExpireAt(snapshot, i);
            events.AddRange(passed.Events);
            snapshot = passed.Snapshot;
        }

        var merged = facts.IsEmpty ? snapshot.Facts : snapshot.Facts.With(facts);
        var behaviour = Resolve(snapshot, t.Index, at, merged, null) ?? throw Refused(snapshot, t, at);
        var transition = Apply(snapshot, behaviour, null, at, facts, merged);
        events.Add(transition.Event);
        return new(transition.Snapshot, events.ToImmutable());
    }

    private void CheckAct(TriggerNode t, CaseFacts facts)
    {
        if (t.IsTimer)
        {
            throw FiredByTimer(t);
        }

        CheckFacts(t, facts);
    }

    private ProcedureException FiredByTimer(TriggerNode t) =>
        new("timer-trigger",
            $"'{t.Name}' ({t.Title}) of {Key} is fired by a deadline passing, not by an act; let the deadline pass (Expire or AdvanceTo).");

    private ProcedureException OutOfOrder(TriggerNode t, Instant at, CaseSnapshot snapshot) =>
        new("out-of-order",
            $"The act '{t.Name}' at {at} comes before the case's last event at {snapshot.LastEventAt}{(snapshot.LastWasExpiry ? " (a deadline that passed)" : "")}; record acts in the order of their instants.");

    private ProcedureException Refused(CaseSnapshot snapshot, TriggerNode t, Instant at) =>
        new("trigger-refused", string.Join(" ", Availability(snapshot, snapshot, t, at).Reasons));

    private Transition Settle(CaseSnapshot snapshot, Instant until, bool inclusive)
    {
        CheckKey(snapshot);
        var first = snapshot.NextDueIndex();
        if (first < 0 || snapshot.Entries.ItemRef(first).Due > until || (!inclusive && snapshot.Entries.ItemRef(first).Due == until))
        {
            return new(snapshot, ImmutableArray<CaseEvent>.Empty);
        }

        var events = ImmutableArray.CreateBuilder<CaseEvent>();
        for (var i = snapshot.NextDueIndex();
             i >= 0 && (snapshot.Entries.ItemRef(i).Due < until || (inclusive && snapshot.Entries.ItemRef(i).Due == until));
             i = snapshot.NextDueIndex())
        {
            var passed = ExpireAt(snapshot, i);
            events.AddRange(passed.Events);
            snapshot = passed.Snapshot;
        }

        return new(snapshot, events.ToImmutable());
    }

    private Transition ExpireAt(CaseSnapshot snapshot, int index)
    {
        var entry = snapshot.Entries[index];
        var at = entry.Due;
        var deadlines = snapshot.Entries.SetItem(index, entry with { Status = DeadlineStatus.Expired });
        var expired = snapshot.WithDeadlines(deadlines, snapshot.Closed);
        var slot = slotsByName[entry.Slot];
        if (slot.ExpiryTrigger >= 0 && Resolve(expired, slot.ExpiryTrigger, at, expired.Facts, null) is { } behaviour)
        {
            return Apply(expired, behaviour, slot, at, CaseFacts.Empty, expired.Facts);
        }

        var next = expired.Next(expired.StateIndex, at, true, expired.Facts, deadlines, expired.Closed, expired.OpenTasks);
        return new(next, new CaseEvent(next.Sequence, PassedHeading(slot, expired.StateIndex), at, CaseFacts.Empty, default, [], []));
    }

    /// <summary>What the event of <paramref name="slot"/> passing in <paramref name="state"/> with no
    /// transition says: the same for every case, so made once for each slot and state.</summary>
    private EventHeading PassedHeading(DeadlineSlot slot, int state)
    {
        var headings = passedHeadings ??= new EventHeading?[slotsByName.Count * states.Length];
        var cell = (slot.Index * states.Length) + state;
        return headings[cell] ?? (headings[cell] = new EventHeading(CaseEventKind.Expiry, null, slot.Name, states[state].Name,
            states[state].Name, NoMoveNote));
    }

    private Behaviour? Resolve(CaseSnapshot snapshot, int trigger, Instant at, CaseFacts merged, List<string>? refusals)
    {
        var cell = (snapshot.StateIndex * triggers.Length) + trigger;
        if (unguarded[cell] is { } only)
        {
            return only;
        }

        var levels = table[cell];
        if (levels is null)
        {
            refusals?.Add(NotProvided(snapshot, trigger));
            return null;
        }

        var context = new GuardContext(snapshot, at, merged);
        foreach (var level in levels)
        {
            Behaviour? chosen = null;
            foreach (var behaviour in level)
            {
                if (behaviour.Guard is not { } guard || guard.Predicate(context))
                {
                    chosen = chosen is null ? behaviour : throw Ambiguous(trigger, chosen, behaviour);
                }
                else
                {
                    refusals?.Add(NotMet(trigger, behaviour, guard));
                }
            }

            if (chosen is not null)
            {
                return chosen;
            }
        }

        return null;
    }

    private string NotProvided(CaseSnapshot snapshot, int trigger) =>
        $"« {triggers[trigger].Title} » n'est pas prévu dans l'état « {states[snapshot.StateIndex].Title} ».";

    private string NotMet(int trigger, Behaviour behaviour, Guard guard) =>
        $"« {triggers[trigger].Title} » vers « {states[behaviour.Destination].Title} » : condition non remplie : {guard}.";

    private ProcedureException Ambiguous(int trigger, Behaviour chosen, Behaviour other) =>
        new("guards-ambiguous",
            $"Two transitions of {Key} for '{triggers[trigger].Name}' in state {states[other.Source].Name} are permitted at once ({chosen.Guard?.ToString() ?? "no guard"}; {other.Guard?.ToString() ?? "no guard"}): their guards must exclude each other.");

    /// <summary>The transition's snapshot and event, for an act or for the deadline <paramref name="expired"/>
    /// passing. The paths that arm, close or emit are kept out of line, so that the others (the steady
    /// path) do not pay for their larger frames.</summary>
    private Transition Apply(CaseSnapshot snapshot, Behaviour behaviour, DeadlineSlot? expired, Instant at, CaseFacts given, CaseFacts merged)
    {
        if (behaviour.Kind is TransitionKind.Permit or TransitionKind.Within)
        {
            var destination = Route(snapshot, behaviour, at, out var check);
            if (steady[(snapshot.StateIndex * states.Length) + destination])
            {
                var next = snapshot.Next(destination, at, expired is not null, merged, snapshot.Entries, snapshot.Closed, snapshot.OpenTasks);
                var heading = Heading(behaviour, snapshot.StateIndex, destination, destination != behaviour.Destination, expired);
                return new(next, new CaseEvent(next.Sequence, heading, at, given, check, [], []));
            }

            return Move(snapshot, behaviour, destination, check, expired, at, given, merged);
        }

        if (behaviour.Kind == TransitionKind.Ignore || (behaviour.Arms.Length == 0 && behaviour.Tasks.Length == 0))
        {
            var same = snapshot.Next(snapshot.StateIndex, at, expired is not null, merged, snapshot.Entries, snapshot.Closed, snapshot.OpenTasks);
            var heading = Heading(behaviour, snapshot.StateIndex, snapshot.StateIndex, false, expired);
            return new(same, new CaseEvent(same.Sequence, heading, at, given, default, [], []));
        }

        return Internal(snapshot, behaviour, expired, at, given, merged);
    }

    /// <summary>A transition within the state that arms deadlines or emits tasks.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Transition Internal(CaseSnapshot snapshot, Behaviour behaviour, DeadlineSlot? expired, Instant at, CaseFacts given, CaseFacts merged)
    {
        var effects = new Effects(snapshot, at, merged, LastDayOf(snapshot, expired), behaviour.Arms.Length, behaviour.Tasks.Length);
        effects.Arm(this, behaviour.Source, behaviour.Arms);
        effects.Emit(behaviour.Source, behaviour.Tasks, states);
        var internalNext = snapshot.Next(snapshot.StateIndex, at, expired is not null, merged, effects.Deadlines(out var closed), closed, effects.Tasks);
        var heading = Heading(behaviour, snapshot.StateIndex, snapshot.StateIndex, false, expired);
        return new(internalNext, new CaseEvent(internalNext.Sequence, heading, at, given, default, effects.Armed, effects.Emitted));
    }

    /// <summary>What the events of <paramref name="behaviour"/> taken from the leaf <paramref name="from"/>
    /// to the leaf <paramref name="to"/> (the late branch's when <paramref name="late"/>), for an act or
    /// for <paramref name="expired"/> passing, say apart from their instant, facts and effects: the same
    /// for every case, so made once for each.</summary>
    private EventHeading Heading(Behaviour behaviour, int from, int to, bool late, DeadlineSlot? expired)
    {
        // A timer trigger is fired by any of the deadlines that pass into it, never by an act; an act's, by the act alone.
        var headings = behaviour.Headings ??= new EventHeading?[(triggers[behaviour.Trigger].IsTimer ? slotsByName.Count : 1) * states.Length * 2];
        var cell = ((((expired?.Index ?? 0) * states.Length) + from) * 2) + (late ? 1 : 0);
        return headings[cell] ?? (headings[cell] = NewHeading(behaviour, from, to, expired));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private EventHeading NewHeading(Behaviour behaviour, int from, int to, DeadlineSlot? expired)
    {
        var note = behaviour.Kind switch
        {
            TransitionKind.Ignore => behaviour.Note,
            TransitionKind.Internal => behaviour.GuardText ?? behaviour.Note,
            _ => behaviour.GuardText,
        };
        return new EventHeading(expired is null ? CaseEventKind.Act : CaseEventKind.Expiry, triggers[behaviour.Trigger].Name, expired?.Name,
            states[from].Name, states[to].Name, note);
    }

    /// <summary>Where a permitted transition leads; for a deadline-guarded one, the timely or late
    /// destination and how the act stood.</summary>
    private static int Route(CaseSnapshot snapshot, Behaviour behaviour, Instant at, out CheckedDeadline check)
    {
        if (behaviour.Kind != TransitionKind.Within)
        {
            check = default;
            return behaviour.Destination;
        }

        var slot = behaviour.Slot!;
        if (snapshot.LatestEntry(slot.Name) is not { } entry)
        {
            check = CheckedDeadline.NotRunning(slot.Name);
            return behaviour.Destination;
        }

        var timely = at <= entry.Due;
        check = CheckedDeadline.Against(entry, timely);
        return timely ? behaviour.Destination : behaviour.Late;
    }

    /// <summary>A transition that exits and enters states: deadlines closed and armed, tasks withdrawn and emitted.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Transition Move(CaseSnapshot snapshot, Behaviour behaviour, int destination, CheckedDeadline check, DeadlineSlot? expired, Instant at,
        CaseFacts given, CaseFacts merged)
    {
        var path = paths[(snapshot.StateIndex * states.Length) + destination] ??= PathBetween(snapshot.StateIndex, destination);
        var moves = new Effects(snapshot, at, merged, LastDayOf(snapshot, expired), path);
        foreach (var s in path.Entries)
        {
            moves.Enter();
            moves.Arm(this, s, states[s].Arms);
            moves.Emit(s, states[s].OnEntry, states);
        }

        if (path.EmitsOnExit)
        {
            EmitOnExit(path, ref moves);
        }

        var moved = snapshot.Next(path.Leaf, at, expired is not null, merged, moves.Deadlines(out var closed), closed, moves.Tasks);
        var heading = Heading(behaviour, snapshot.StateIndex, path.Leaf, destination != behaviour.Destination, expired);
        return new(moved, new CaseEvent(moved.Sequence, heading, at, given, check, moves.Armed, moves.Emitted));
    }

    /// <summary>The tasks the states left emit on exit, open in the state entered. Out of line: few states have them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EmitOnExit(MovePath path, ref Effects moves)
    {
        foreach (var s in path.Exits)
        {
            moves.Emit(path.Leaf, states[s].OnExit, states);
        }
    }

    /// <summary>For a deadline that ended at 24:00, the day it ended (its instant is 00:00 of the next day).</summary>
    private LocalDate? LastDayOf(CaseSnapshot snapshot, DeadlineSlot? expired) =>
        expired is not null && snapshot.LatestEntry(expired.Name) is { } passed && passed.ExpiresAt.TimeOfDay == LocalTime.Midnight
            ? passed.ExpiresAt.Date.PlusDays(-1)
            : null;

    /// <summary>The states a transition from <paramref name="source"/> to <paramref name="destination"/>
    /// leaves (innermost first) and enters (outermost first, down to the leaf by the initial substates):
    /// the same for every case, so worked out once per pair.</summary>
    private MovePath PathBetween(int source, int destination)
    {
        var exits = new List<int>();
        var entries = new List<int>();
        if (source == destination)
        {
            exits.Add(source);
            entries.Add(source);
        }
        else
        {
            var common = CommonAncestor(source, destination);
            for (var s = source; s != common; s = states[s].Parent)
            {
                exits.Add(s);
            }

            for (var s = destination; s != common; s = states[s].Parent)
            {
                entries.Insert(0, s);
            }
        }

        var leaf = destination;
        for (var child = states[destination].InitialChild; child >= 0; child = states[child].InitialChild)
        {
            entries.Add(child);
            leaf = child;
        }

        return new MovePath(states, [.. exits], [.. entries], leaf);
    }

    private int CommonAncestor(int a, int b)
    {
        for (var x = a; x >= 0; x = states[x].Parent)
        {
            for (var y = b; y >= 0; y = states[y].Parent)
            {
                if (x == y)
                {
                    return x;
                }
            }
        }

        return -1;
    }

    /// <summary>Computes the deadline of <paramref name="slot"/> armed by <paramref name="owner"/> at <paramref name="at"/>.</summary>
    /// <param name="snapshot">The case.</param>
    /// <param name="slot">The deadline.</param>
    /// <param name="owner">The state that arms it.</param>
    /// <param name="at">The instant of the transition that arms it.</param>
    /// <param name="facts">The case's facts with the act's.</param>
    /// <param name="lastDay">When the transition is fired by a deadline that ended at 24:00, the
    /// day it ended (its instant is 00:00 of the next day): a deadline in days or months armed by
    /// it runs from that day, as from a decision born at the end of that day.</param>
    internal DeadlineEntry Compute(CaseSnapshot snapshot, DeadlineSlot slot, string owner, Instant at, CaseFacts facts, LocalDate? lastDay = null) =>
        slot.RunsFromTheAct && (lastDay is null || slot.Rule.StartFact.Type == FactType.Instant)
            ? FromTheAct(snapshot, slot, owner, at)
            : FromTheFacts(snapshot, slot, owner, at, facts, lastDay);

    /// <summary>A deadline that runs from the act that arms it, with the rule's version of that
    /// instant: the common case, kept small.</summary>
    private DeadlineEntry FromTheAct(CaseSnapshot snapshot, DeadlineSlot slot, string owner, Instant at)
    {
        DeadlineResult result;
        try
        {
            result = slot.Rule.Compute(snapshot.Territory, at, snapshot.Options);
        }
        catch (RuleException e)
        {
            throw NotComputed(slot, at, e);
        }

        return Entry(slot, owner, at, result.Version, result.ExpiresAt, at, null);
    }

    /// <summary>A deadline that needs more than the act's instant (a start or version fact, a rank,
    /// a day): out of line, so that the common case does not carry its request in its frame.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private DeadlineEntry FromTheFacts(CaseSnapshot snapshot, DeadlineSlot slot, string owner, Instant at, CaseFacts facts, LocalDate? lastDay)
    {
        var start = slot.StartFact is { } fact ? facts.Instant(fact) ?? throw FactMissing(slot, owner, fact, "runs from the fact") : at;
        LocalDate? versionDate = slot.VersionFact is { } version
            ? facts.Date(version) ?? throw FactMissing(slot, owner, version, "takes its version from the date fact")
            : null;
        var from = slot.StartFact is null && lastDay is { } day && slot.Rule.StartFact.Type != FactType.Instant
            ? DeadlineStart.On(day)
            : DeadlineStart.At(start);
        DeadlineResult result;
        try
        {
            result = slot.Rule.Compute(new DeadlineRequest(snapshot.Territory, from) { Rank = slot.Rank, VersionDate = versionDate }, snapshot.Options);
        }
        catch (RuleException e)
        {
            throw NotComputed(slot, start, e);
        }

        return Entry(slot, owner, start, result.Version, result.ExpiresAt, at, from.Instant is null ? from.Date : null);
    }

    private DeadlineEntry Entry(DeadlineSlot slot, string owner, Instant start, DeadlineVersion version, ZonedDateTime expiresAt, Instant at,
        LocalDate? startDate)
    {
        var (versionId, citation) = slot.Describe(version);
        var entry = new DeadlineEntry(slot.Name, start, expiresAt, versionId, citation, DeadlineStatus.Armed, owner, startDate);
        return entry.Due < at ? throw EndedBeforeAct(slot, start, expiresAt, at) : entry;
    }

    private ProcedureException FactMissing(DeadlineSlot slot, string owner, string fact, string role) =>
        new("fact-missing",
            $"The deadline '{slot.Name}' ({slot.Title}) of {Key} {role} '{fact}', which the case does not have yet; give it with the act that enters {owner}.");

    private ProcedureException NotComputed(DeadlineSlot slot, Instant start, RuleException e) =>
        new("deadline", $"The deadline '{slot.Name}' ({slot.Rule.Id}) of {Key} cannot be computed from {start}: {e.Message}");

    private ProcedureException EndedBeforeAct(DeadlineSlot slot, Instant start, ZonedDateTime expiresAt, Instant at) =>
        new("deadline",
            $"The deadline '{slot.Name}' ({slot.Rule.Id}) of {Key}, counted from {start}, ended at {expiresAt}, before the act at {at} that arms it; check the fact it runs from.");

    private TriggerAvailability Availability(CaseSnapshot original, CaseSnapshot settled, TriggerNode t, Instant at)
    {
        if (original.PrecedesLastEvent(at) && original.LastEventAt is { } last)
        {
            return new(t.Name, t.Title, false, null, null,
                [$"Un acte du {French.DateTime(at.InZone(original.Territory.Zone))} précède le dernier événement du dossier ({French.DateTime(last.InZone(original.Territory.Zone))}) : les actes s'enregistrent dans l'ordre de leurs dates."]);
        }

        var refusals = new List<string>();
        var behaviour = Resolve(settled, t.Index, at, settled.Facts, refusals);
        if (behaviour is null && t.Facts.Length > 0 && table[(settled.StateIndex * triggers.Length) + t.Index] is { } levels)
        {
            // The guards may turn on the facts the act will carry: permitted, with the outcomes they lead to.
            return new(t.Name, t.Title, true, null, null,
                [.. levels.SelectMany(l => l).Where(b => b.Guard is not null)
                    .Select(b => $"Si {b.Guard}, vers « {states[b.Destination].Title} ».")]);
        }

        if (behaviour is null)
        {
            return new(t.Name, t.Title, false, null, null, [.. refusals, .. RunningDeadlines(settled)]);
        }

        if (behaviour.Kind is TransitionKind.Ignore or TransitionKind.Internal)
        {
            return new(t.Name, t.Title, true, states[settled.StateIndex].Name, null, behaviour.Note is { } n ? [n] : []);
        }

        if (behaviour.Kind != TransitionKind.Within)
        {
            return new(t.Name, t.Title, true, states[behaviour.Destination].Name, null, []);
        }

        var entry = settled.LatestEntry(behaviour.Slot!.Name);
        var timely = entry is not { } e || at <= e.Due;
        var reason = entry is { } armed
            ? $"{(timely ? "Dans le délai" : "Hors délai")} : {behaviour.Slot!.Title} expire le {French.DateTime(armed.ExpiresAt)} ({armed.Citation})."
            : $"{behaviour.Slot!.Title} n'a pas commencé à courir.";
        return new(t.Name, t.Title, true, states[timely ? behaviour.Destination : behaviour.Late].Name,
            new DeadlineCheck(behaviour.Slot.Name, entry?.ExpiresAt, timely), [reason]);
    }

    private IEnumerable<string> RunningDeadlines(CaseSnapshot snapshot) =>
        snapshot.Deadlines.Where(d => d.Status == DeadlineStatus.Armed)
            .Select(d => $"Délai en cours : {slotsByName[d.Slot].Title}, jusqu'au {French.DateTime(d.ExpiresAt)} ({d.Citation}).");

    private void CheckKey(CaseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!ReferenceEquals(snapshot.Procedure, Key) && snapshot.Procedure != Key)
        {
            throw OtherProcedure(snapshot);
        }
    }

    private ProcedureException OtherProcedure(CaseSnapshot snapshot) =>
        new("procedure-mismatch", $"The case runs under {snapshot.Procedure}, not {Key}; use the definition of the version it started with.");

    private void CheckFacts(TriggerNode trigger, CaseFacts facts)
    {
        var required = 0;
        foreach (var (name, value) in facts.Items)
        {
            var definition = trigger.Fact(name) ?? throw FactUnknown(trigger, name);
            var type = CaseFacts.TypeOf(value);
            var fits = type == definition.Type
                || (definition.Type == FactType.InstantOrDate && type is FactType.Instant or FactType.Date);
            if (!fits || (definition.Type == FactType.Choice && !IsChoice(definition, (string)value)))
            {
                throw WrongType(trigger, name, value, type, definition);
            }

            required += definition.Required ? 1 : 0;
        }

        if (required < trigger.RequiredFacts)
        {
            // The names are unique: a required fact is missing.
            throw FactMissing(trigger, facts);
        }
    }

    private ProcedureException FactMissing(TriggerNode trigger, CaseFacts facts)
    {
        var missing = trigger.Facts.First(d => d.Required && !facts.Has(d.Name));
        return new("fact-missing", $"'{trigger.Name}' of {Key} needs the fact '{missing.Name}' ({missing.Description}).");
    }

    private static bool IsChoice(FactDefinition definition, string value)
    {
        if (definition.Choices.IsEmpty)
        {
            return true;
        }

        foreach (var choice in definition.Choices)
        {
            if (choice == value)
            {
                return true;
            }
        }

        return false;
    }

    private ProcedureException FactUnknown(TriggerNode trigger, string name) =>
        new("fact-unknown",
            $"'{trigger.Name}' of {Key} takes no fact '{name}'; it takes: {(trigger.Facts.Length == 0 ? "none" : string.Join(", ", trigger.Facts.Select(f => f.Name)))}.");

    private ProcedureException WrongType(TriggerNode trigger, string name, object value, FactType? type, FactDefinition definition) =>
        new("fact-type", $"The fact '{name}' of '{trigger.Name}' ({Key}) is {value} ({type}); expected {Expected(definition)}.");

    private static string Expected(FactDefinition definition) => definition.Type switch
    {
        FactType.Choice when !definition.Choices.IsEmpty => "one of " + string.Join(", ", definition.Choices),
        FactType.Integer => "an integer",
        FactType.Amount => "an amount",
        FactType.Boolean => "true or false",
        FactType.Date => "a date",
        FactType.InstantOrDate => "an instant or a date",
        _ => "an instant",
    };

    private ProcedureException Mismatch(CaseEvent recorded, string what) =>
        new("replay-mismatch", $"Event #{recorded.Sequence} of a case of {Key} ({recorded}) does not replay: {what}.");

    private static Behaviour[][]?[] BuildTable(StateNode[] states, int triggerCount, Behaviour[] behaviours)
    {
        var table = new Behaviour[][]?[states.Length * triggerCount];
        foreach (var state in states)
        {
            for (var t = 0; t < triggerCount; t++)
            {
                var levels = new List<Behaviour[]>();
                for (var s = state.Index; s >= 0; s = states[s].Parent)
                {
                    var level = behaviours.Where(b => b.Source == s && b.Trigger == t).ToArray();
                    if (level.Length > 0)
                    {
                        levels.Add(level);
                    }
                }

                table[(state.Index * triggerCount) + t] = levels.Count == 0 ? null : [.. levels];
            }
        }

        return table;
    }

    /// <summary>The deadlines and tasks of a transition. The deadlines armed and the tasks emitted
    /// go into arrays sized for the most the transition can produce; the deadlines closed (or kept by
    /// a state entered) and the tasks withdrawn follow from the states left, and the snapshot's and
    /// the event's arrays are built once, only when they change.</summary>
    private struct Effects
    {
        private readonly CaseSnapshot snapshot;
        private readonly Instant at;
        private readonly CaseFacts facts;
        private readonly LocalDate? lastDay;
        private readonly MovePath? path;
        private readonly DeadlineEntry[]? armed;
        private readonly ClerkTask[]? emitted;
        private int armedCount;
        private int emittedCount;
        private int entered;
        private ZonedDateTime? atInZone;

        /// <summary>The effects of a transition along <paramref name="path"/>.</summary>
        public Effects(CaseSnapshot snapshot, Instant at, CaseFacts facts, LocalDate? lastDay, MovePath path)
            : this(snapshot, at, facts, lastDay, path.MaxArmed, path.MaxEmitted) => this.path = path;

        /// <summary>The effects of an internal transition, which leaves no state.</summary>
        public Effects(CaseSnapshot snapshot, Instant at, CaseFacts facts, LocalDate? lastDay, int maxArmed, int maxEmitted)
        {
            this.snapshot = snapshot;
            this.at = at;
            this.facts = facts;
            this.lastDay = lastDay;
            armed = maxArmed == 0 ? null : new DeadlineEntry[maxArmed];
            emitted = maxEmitted == 0 ? null : new ClerkTask[maxEmitted];
        }

        /// <summary>The case's deadlines after the transition (so far, while it runs), and which
        /// have closed (<see cref="CaseSnapshot.Closed"/>).</summary>
        public readonly ImmutableArray<DeadlineEntry> Deadlines(out ulong closed)
        {
            var old = snapshot.Entries.AsSpan();
            closed = snapshot.Closed;
            DeadlineEntry[]? result = null;
            if (path is { Closing.Length: > 0 })
            {
                for (var i = 0; i < old.Length; i++)
                {
                    var entry = old[i];
                    if (snapshot.StatusAt(i) == DeadlineStatus.Armed && Contains(path.Closing, entry.Owner))
                    {
                        if (path.Keeper(entry.Slot, entered) is { } keeper)
                        {
                            result ??= Copy(old, armedCount);
                            result[i] = entry with { Owner = keeper };
                        }
                        else if (!CaseSnapshot.TryMark(ref closed, i))
                        {
                            result ??= Copy(old, armedCount);
                            result[i] = entry with { Status = DeadlineStatus.Closed };
                        }
                    }
                }
            }

            if (result is null && (armedCount == 0 || (old.Length == 0 && armedCount == armed!.Length)))
            {
                // Nothing changed but statuses, or the deadlines are the ones armed: the same array as the event's.
                return armedCount == 0 ? snapshot.Entries : ImmutableCollectionsMarshal.AsImmutableArray(armed);
            }

            result ??= Copy(old, armedCount);
            armed.AsSpan(0, armedCount).CopyTo(result.AsSpan(old.Length));
            return ImmutableCollectionsMarshal.AsImmutableArray(result);
        }

        /// <summary>The case's open tasks after the transition.</summary>
        public readonly ImmutableArray<ClerkTask> Tasks
        {
            get
            {
                var old = snapshot.OpenTasks.AsSpan();
                var leaving = path?.ExitNames ?? [];
                var withdrawn = 0;
                foreach (var task in old)
                {
                    withdrawn += Contains(leaving, task.Owner) ? 1 : 0;
                }

                if (withdrawn == 0 && emittedCount == 0)
                {
                    return snapshot.OpenTasks;
                }

                var length = old.Length - withdrawn + emittedCount;
                if (length == 0)
                {
                    return [];
                }

                if (length == emittedCount && emittedCount == emitted!.Length)
                {
                    // The open tasks are the ones emitted: the same array as the event's.
                    return ImmutableCollectionsMarshal.AsImmutableArray(emitted);
                }

                var result = new ClerkTask[length];
                var n = 0;
                foreach (var task in old)
                {
                    if (!Contains(leaving, task.Owner))
                    {
                        result[n++] = task;
                    }
                }

                emitted.AsSpan(0, emittedCount).CopyTo(result.AsSpan(n));
                return ImmutableCollectionsMarshal.AsImmutableArray(result);
            }
        }

        /// <summary>The deadlines armed by the transition.</summary>
        public readonly ImmutableArray<DeadlineEntry> Armed =>
            armedCount == 0 ? ImmutableArray<DeadlineEntry>.Empty : ImmutableCollectionsMarshal.AsImmutableArray(Exact(armed!, armedCount));

        /// <summary>The tasks emitted by the transition.</summary>
        public readonly ImmutableArray<ClerkTask> Emitted =>
            emittedCount == 0 ? ImmutableArray<ClerkTask>.Empty : ImmutableCollectionsMarshal.AsImmutableArray(Exact(emitted!, emittedCount));

        /// <summary>Enters the next state of the path: the deadlines it keeps stay running.</summary>
        public void Enter() => entered++;

        public void Arm(ProcedureDefinition definition, int owner, ArmedSlot[] slots)
        {
            foreach (var (slot, when) in slots)
            {
                if (when is not null && !Holds(when))
                {
                    continue;
                }

                armed![armedCount++] = definition.Compute(snapshot, slot, definition.states[owner].Name, at, facts, lastDay);
            }
        }

        /// <summary>Whether the condition of a conditional deadline holds on the case as the
        /// transition leaves it so far. Out of line: few deadlines have one.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private readonly bool Holds(Guard when) =>
            when.Predicate(new GuardContext(snapshot.WithDeadlines(Deadlines(out var closed), closed), at, facts));

        /// <summary>Emits the tasks of <paramref name="templates"/>.</summary>
        public void Emit(int owner, ClerkTaskTemplate[] templates, StateNode[] states)
        {
            foreach (var template in templates)
            {
                ZonedDateTime? due = template.Due switch
                {
                    TaskDueKind.Immediately => atInZone ??= at.InZone(snapshot.Territory.Zone),
                    TaskDueKind.ByDeadline => LatestExpiry(template.Deadline!),
                    _ => null,
                };
                emitted![emittedCount++] = new ClerkTask(template.Id, template.Title, due, template.Citation.Text, states[owner].Name);
            }
        }

        private static bool Contains(string[] states, string state)
        {
            foreach (var s in states)
            {
                if (s == state)
                {
                    return true;
                }
            }

            return false;
        }

        private static DeadlineEntry[] Copy(ReadOnlySpan<DeadlineEntry> old, int extra)
        {
            var result = new DeadlineEntry[old.Length + extra];
            old.CopyTo(result);
            return result;
        }

        private static T[] Exact<T>(T[] items, int count) => count == items.Length ? items : items[..count];

        private readonly ZonedDateTime? LatestExpiry(DeadlineSlot slot)
        {
            for (var i = armedCount - 1; i >= 0; i--)
            {
                if (armed![i].Slot == slot.Name)
                {
                    return armed[i].ExpiresAt;
                }
            }

            return snapshot.LatestEntry(slot.Name)?.ExpiresAt;
        }
    }
}

/// <summary>The states a transition leaves (innermost first) and enters (outermost first), the leaf
/// it ends in, and what follows from them for every case.</summary>
internal sealed class MovePath
{
    private readonly (string Slot, string Keeper, int Entry)[] kept;

    public MovePath(StateNode[] states, int[] exits, int[] entries, int leaf)
    {
        Exits = exits;
        Entries = entries;
        Leaf = leaf;
        ExitNames = [.. exits.Select(s => states[s].Name)];
        Closing = [.. exits.Where(s => states[s].OwnsDeadlines).Select(s => states[s].Name)];
        kept = [.. entries.SelectMany((s, k) => states[s].Keeps.Select(slot => (slot.Name, states[s].Name, k)))];
        MaxArmed = entries.Sum(s => states[s].Arms.Length);
        MaxEmitted = entries.Sum(s => states[s].OnEntry.Length) + exits.Sum(s => states[s].OnExit.Length);
        EmitsOnExit = exits.Any(s => states[s].OnExit.Length > 0);
    }

    public int[] Exits { get; }

    public int[] Entries { get; }

    public int Leaf { get; }

    /// <summary>The states left: the tasks they emitted are withdrawn.</summary>
    public string[] ExitNames { get; }

    /// <summary>The states left that arm or keep deadlines: theirs close, unless a state entered keeps them.</summary>
    public string[] Closing { get; }

    /// <summary>The most deadlines the states entered arm.</summary>
    public int MaxArmed { get; }

    /// <summary>The most tasks the states entered and left emit.</summary>
    public int MaxEmitted { get; }

    /// <summary>Whether a state left emits tasks on exit.</summary>
    public bool EmitsOnExit { get; }

    /// <summary>The first of the first <paramref name="entered"/> states entered that keeps <paramref name="slot"/> running, if any.</summary>
    public string? Keeper(string slot, int entered)
    {
        foreach (var (name, keeper, entry) in kept)
        {
            if (entry < entered && name == slot)
            {
                return keeper;
            }
        }

        return null;
    }
}

internal sealed class StateNode(int index, string name, string title)
{
    public int Index { get; } = index;

    public string Name { get; } = name;

    public string Title { get; } = title;

    public int Parent { get; set; } = -1;

    public int InitialChild { get; set; } = -1;

    public bool IsFinal { get; set; }

    public Citation? Citation { get; set; }

    public ArmedSlot[] Arms { get; set; } = [];

    public ClerkTaskTemplate[] OnEntry { get; set; } = [];

    public ClerkTaskTemplate[] OnExit { get; set; } = [];

    /// <summary>Deadlines of the states left that keep running in this one.</summary>
    public DeadlineSlot[] Keeps { get; set; } = [];

    /// <summary>Arms deadlines on entry or in an internal transition.</summary>
    public bool OwnsDeadlines { get; set; }

    /// <summary>Emits tasks on entry or in an internal transition.</summary>
    public bool EmitsTasks { get; set; }

    public bool HasEffects => OwnsDeadlines || EmitsTasks || OnExit.Length > 0 || InitialChild >= 0;
}

internal sealed class TriggerNode(int index, string name, string title, FactDefinition[] facts)
{
    public int Index { get; } = index;

    public string Name { get; } = name;

    public string Title { get; } = title;

    public FactDefinition[] Facts { get; } = facts;

    public int RequiredFacts { get; } = facts.Count(f => f.Required);

    public FactDefinition? Fact(string name)
    {
        foreach (var fact in Facts)
        {
            if (fact.Name == name)
            {
                return fact;
            }
        }

        return null;
    }

    public bool IsTimer { get; set; }
}

internal sealed class Behaviour
{
    private string? guardText;

    /// <summary>The headings of the events the transition makes, made once each (see <c>Heading</c>).</summary>
    public EventHeading?[]? Headings { get; set; }

    public required int Trigger { get; init; }

    public required TransitionKind Kind { get; init; }

    public required int Source { get; init; }

    public required int Destination { get; init; }

    public int Late { get; init; } = -1;

    public Guard? Guard { get; init; }

    /// <summary>The guard as the event's note says it, built once.</summary>
    public string? GuardText => guardText ??= Guard?.ToString();

    public DeadlineSlot? Slot { get; init; }

    public string? Note { get; init; }

    public ArmedSlot[] Arms { get; init; } = [];

    public ClerkTaskTemplate[] Tasks { get; init; } = [];
}
