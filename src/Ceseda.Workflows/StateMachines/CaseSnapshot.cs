using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Workflows.StateMachines;

/// <summary>The identity of a procedure definition: its id and version. A running case keeps the
/// version it started with.</summary>
/// <param name="Id">Stable, lower-case and dotted, e.g. "retention.ordinance-appeal".</param>
/// <param name="Version">Starts at 1; a new version for any change of states, triggers or guards.</param>
public sealed record ProcedureKey(string Id, int Version)
{
    /// <summary>"id v2".</summary>
    public override string ToString() => $"{Id} v{Version}";
}

/// <summary>A case of a procedure at one moment (<i>état du dossier</i>): its state, facts, deadlines
/// and open clerk tasks. Immutable; <see cref="ProcedureDefinition"/> computes the next one.</summary>
public sealed class CaseSnapshot : IEquatable<CaseSnapshot>
{
    private readonly CaseOrigin origin;
    private readonly Instant lastEventAt;
    private readonly bool hasLastEvent;
    private readonly ulong closed;
    private ImmutableArray<DeadlineEntry> entries;

    internal CaseSnapshot(ProcedureKey procedure, string[] stateNames, Territory territory, EvaluationOptions options, int stateIndex,
        long sequence, Instant? openedAt, Instant? lastEventAt, bool lastWasExpiry, CaseFacts facts, ImmutableArray<DeadlineEntry> deadlines,
        ImmutableArray<ClerkTask> openTasks)
        : this(new CaseOrigin(procedure, stateNames, territory, options, openedAt), stateIndex, sequence, lastEventAt, lastWasExpiry, facts,
            deadlines, 0, openTasks)
    {
    }

    private CaseSnapshot(CaseOrigin origin, int stateIndex, long sequence, Instant? lastEventAt, bool lastWasExpiry,
        CaseFacts facts, ImmutableArray<DeadlineEntry> entries, ulong closed, ImmutableArray<ClerkTask> openTasks)
    {
        this.origin = origin;
        StateIndex = stateIndex;
        Sequence = sequence;
        this.lastEventAt = lastEventAt.GetValueOrDefault();
        hasLastEvent = lastEventAt.HasValue;
        LastWasExpiry = lastWasExpiry;
        Facts = facts;
        this.entries = entries;
        this.closed = closed;
        OpenTasks = openTasks;
    }

    /// <summary>The procedure definition and version the case runs under.</summary>
    public ProcedureKey Procedure => origin.Procedure;

    /// <summary>The territory whose zone and calendar the deadlines use.</summary>
    public Territory Territory => origin.Territory;

    /// <summary>The readings and calendar facts the case's deadlines are computed under.</summary>
    public EvaluationOptions Options => origin.Options;

    /// <summary>The current state's name (the leaf state when substates are nested).</summary>
    public string State => origin.StateNames[StateIndex];

    internal int StateIndex { get; }

    /// <summary>The number of events in the case's history.</summary>
    public long Sequence { get; }

    /// <summary>The instant of the first event (e.g. the pronouncement of the ordinance), or null
    /// for a case with no event yet.</summary>
    public Instant? OpenedAt => origin.OpenedAt;

    /// <summary>The instant of the last event, or null for a case with no event yet.</summary>
    public Instant? LastEventAt => hasLastEvent ? lastEventAt : null;

    /// <summary>Whether the last event was a deadline passing, after which acts at the same instant
    /// are out of order (they belong before it).</summary>
    public bool LastWasExpiry { get; }

    /// <summary>The facts recorded so far.</summary>
    public CaseFacts Facts { get; }

    /// <summary>Every deadline armed in the case, in the order armed, with its status.</summary>
    public ImmutableArray<DeadlineEntry> Deadlines
    {
        get
        {
            if (closed != 0 && !ShowsClosed(entries, closed))
            {
                // Made once, on first read: the snapshot keeps it in place of the entries it shared, which
                // say the same with the marks (two threads reading at once make equal arrays).
                entries = WithClosed(entries, closed);
            }

            return entries;
        }
    }

    /// <summary>The case's deadlines in the order armed: those among the first 64 that closed since
    /// they were armed are marked in <see cref="Closed"/> rather than copied (their entry may still
    /// say armed), so that the snapshots of a case share their entries. <see cref="StatusAt"/> gives
    /// the status.</summary>
    internal ImmutableArray<DeadlineEntry> Entries => entries;

    /// <summary>Bit <c>i</c> set: entry <c>i</c> of <see cref="Entries"/> has closed.</summary>
    internal ulong Closed => closed;

    /// <summary>The status of entry <paramref name="i"/> of <see cref="Entries"/>.</summary>
    internal DeadlineStatus StatusAt(int i) => IsMarked(closed, i) ? DeadlineStatus.Closed : entries.ItemRef(i).Status;

    /// <summary>Whether bit <paramref name="i"/> of <paramref name="closed"/> is set (entries past the
    /// 64th close by a copy of their entry).</summary>
    private static bool IsMarked(ulong closed, int i) => i < 64 && ((closed >> i) & 1) != 0;

    /// <summary>Marks entry <paramref name="i"/> closed in <paramref name="closed"/>; false for an entry
    /// past the 64th, which closes by a copy of its entry instead.</summary>
    internal static bool TryMark(ref ulong closed, int i)
    {
        if (i >= 64)
        {
            return false;
        }

        closed |= 1UL << i;
        return true;
    }

    /// <summary>The index in <see cref="Entries"/> of the running deadline due first, or -1.</summary>
    internal int NextDueIndex()
    {
        var span = entries.AsSpan();
        var best = -1;
        var bestDue = Instant.MaxValue;
        for (var i = 0; i < span.Length; i++)
        {
            ref readonly var entry = ref span[i];
            if (StatusAt(i) == DeadlineStatus.Armed && (best < 0 || entry.Due < bestDue))
            {
                best = i;
                bestDue = entry.Due;
            }
        }

        return best;
    }

    /// <summary>The index in <see cref="Entries"/> of the latest deadline of <paramref name="slot"/>, or -1.</summary>
    internal int LatestIndex(string slot)
    {
        var span = entries.AsSpan();
        for (var i = span.Length - 1; i >= 0; i--)
        {
            if (span[i].Slot == slot)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The latest deadline of <paramref name="slot"/> as it was armed (<see cref="StatusAt"/>
    /// gives its status), or null.</summary>
    internal DeadlineEntry? LatestEntry(string slot) => LatestIndex(slot) is >= 0 and var i ? entries[i] : null;

    /// <summary>The clerk tasks of the current state and its superstates.</summary>
    public ImmutableArray<ClerkTask> OpenTasks { get; }

    internal CaseSnapshot Next(int stateIndex, Instant at, bool expiry, CaseFacts facts, ImmutableArray<DeadlineEntry> entries, ulong closed,
        ImmutableArray<ClerkTask> openTasks) =>
        new(origin.OpenedAt is null ? origin with { OpenedAt = at } : origin, stateIndex, Sequence + 1, at, expiry, facts, entries, closed, openTasks);

    /// <summary>Whether an act at <paramref name="at"/> would come before the last event: acts are
    /// recorded in the order of their instants, and after a deadline passed at an instant.</summary>
    internal bool PrecedesLastEvent(Instant at) => hasLastEvent && (at < lastEventAt || (at == lastEventAt && LastWasExpiry));

    internal CaseSnapshot WithDeadlines(ImmutableArray<DeadlineEntry> entries, ulong closed) =>
        new(origin, StateIndex, Sequence, LastEventAt, LastWasExpiry, Facts, entries, closed, OpenTasks);

    private static bool ShowsClosed(ImmutableArray<DeadlineEntry> entries, ulong closed)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            if (IsMarked(closed, i) && entries.ItemRef(i).Status != DeadlineStatus.Closed)
            {
                return false;
            }
        }

        return true;
    }

    private static ImmutableArray<DeadlineEntry> WithClosed(ImmutableArray<DeadlineEntry> entries, ulong closed)
    {
        var result = entries.ToArray();
        for (var i = 0; i < result.Length; i++)
        {
            if (IsMarked(closed, i))
            {
                result[i] = result[i] with { Status = DeadlineStatus.Closed };
            }
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <inheritdoc/>
    public bool Equals(CaseSnapshot? other) =>
        ReferenceEquals(this, other) || (other is not null
            && Procedure == other.Procedure
            && ReferenceEquals(Territory, other.Territory)
            && Options == other.Options
            && State == other.State
            && Sequence == other.Sequence
            && OpenedAt == other.OpenedAt
            && LastEventAt == other.LastEventAt
            && LastWasExpiry == other.LastWasExpiry
            && Facts.Equals(other.Facts)
            && Deadlines.AsSpan().SequenceEqual(other.Deadlines.AsSpan())
            && OpenTasks.AsSpan().SequenceEqual(other.OpenTasks.AsSpan()));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CaseSnapshot);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Procedure, Territory.Id, State, Sequence, LastEventAt);

    /// <inheritdoc/>
    public override string ToString() => $"{Procedure} {State} #{Sequence}";
}

/// <summary>What every snapshot of a case shares from its first event on: its procedure with the
/// names of its states, its territory and options, and the instant of that event.</summary>
internal sealed record CaseOrigin(ProcedureKey Procedure, string[] StateNames, Territory Territory, EvaluationOptions Options, Instant? OpenedAt);

/// <summary>What moved a case.</summary>
public enum CaseEventKind
{
    /// <summary>An act recorded with its instant (<i>acte</i>): an appeal lodged, a decision given.</summary>
    Act,

    /// <summary>A deadline passed (<i>échéance</i>), stamped with its legal instant.</summary>
    Expiry,
}

/// <summary>One entry of a case's append-only history (<i>historique</i>).</summary>
public sealed class CaseEvent : IEquatable<CaseEvent>
{
    private readonly EventHeading heading;
    private readonly CheckedDeadline check;

    /// <summary>Creates an event; <see cref="ProcedureDefinition"/> makes them.</summary>
    internal CaseEvent(long sequence, EventHeading heading, Instant at, CaseFacts facts, CheckedDeadline check, ImmutableArray<DeadlineEntry> armed,
        ImmutableArray<ClerkTask> tasks)
    {
        Sequence = sequence;
        this.heading = heading;
        At = at;
        Facts = facts;
        this.check = check;
        Armed = armed;
        Tasks = tasks;
    }

    /// <summary>Its rank in the history, from 1.</summary>
    public long Sequence { get; }

    /// <summary>An act, or a deadline passing.</summary>
    public CaseEventKind Kind => heading.Kind;

    /// <summary>The legal instant: the act's instant, or the deadline's <c>expiresAt</c>.</summary>
    public Instant At { get; }

    /// <summary>The trigger fired: the act's, or the one the deadline fires (null if none).</summary>
    public string? Trigger => heading.Trigger;

    /// <summary>For an expiry, the slot of the deadline that passed.</summary>
    public string? Deadline => heading.Deadline;

    /// <summary>The facts the act carried.</summary>
    public CaseFacts Facts { get; }

    /// <summary>The state before.</summary>
    public string From => heading.From;

    /// <summary>The state after (equal to <see cref="From"/> when nothing moved).</summary>
    public string To => heading.To;

    /// <summary>For a deadline-guarded act, how it stood against the deadline.</summary>
    public DeadlineCheck? Check => check.Value;

    /// <summary>Why the transition was taken (the guard met), or why nothing moved, in French.</summary>
    public string? Note => heading.Note;

    /// <summary>The deadlines armed by this event.</summary>
    public ImmutableArray<DeadlineEntry> Armed { get; }

    /// <summary>The clerk tasks emitted by this event.</summary>
    public ImmutableArray<ClerkTask> Tasks { get; }

    /// <inheritdoc/>
    public bool Equals(CaseEvent? other) =>
        ReferenceEquals(this, other) || (other is not null
            && Sequence == other.Sequence && Kind == other.Kind && At == other.At && Trigger == other.Trigger
            && Deadline == other.Deadline && Facts.Equals(other.Facts) && From == other.From && To == other.To
            && Check == other.Check && Note == other.Note
            && Armed.AsSpan().SequenceEqual(other.Armed.AsSpan())
            && Tasks.AsSpan().SequenceEqual(other.Tasks.AsSpan()));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CaseEvent);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Sequence, Kind, At, Trigger, From, To);

    /// <inheritdoc/>
    public override string ToString() => $"#{Sequence} {At} {Trigger ?? Deadline}: {From} -> {To}";
}

/// <summary>What an event says apart from its rank, instant, facts and effects: what moved the case,
/// from which state to which, and why. The same for every case that takes the same transition from
/// the same state, so events share it.</summary>
internal sealed record EventHeading(CaseEventKind Kind, string? Trigger, string? Deadline, string From, string To, string? Note);

/// <summary>How an act stood against its deadline, as an event keeps it: the deadline's entry (which
/// has its slot and instant), the slot alone when the deadline had not started to run, or a check
/// read back from a history.</summary>
internal readonly record struct CheckedDeadline(object? Target, bool Timely)
{
    /// <summary>An act checked against the entry of its deadline.</summary>
    public static CheckedDeadline Against(DeadlineEntry entry, bool timely) => new(entry, timely);

    /// <summary>An act whose deadline had not started to run: on time.</summary>
    public static CheckedDeadline NotRunning(string slot) => new(slot, true);

    /// <summary>A check as a history records it.</summary>
    public static CheckedDeadline Of(DeadlineCheck? check) => check switch
    {
        null => default,
        { ExpiresAt: null } c => new(c.Slot, c.Timely),
        { } c => new(c, c.Timely),
    };

    /// <summary>The check, or null when the act had no deadline.</summary>
    public DeadlineCheck? Value => Target switch
    {
        null => null,
        DeadlineEntry entry => new DeadlineCheck(entry.Slot, entry.ExpiresAt, Timely),
        string slot => new DeadlineCheck(slot, null, Timely),
        var read => (DeadlineCheck)read,
    };
}

/// <summary>What <c>Fire</c> returns: the new snapshot and the events that led to it (the deadlines
/// that passed before the act, then the act).</summary>
public readonly struct Transition
{
    private readonly CaseEvent? single;
    private readonly ImmutableArray<CaseEvent> many;

    internal Transition(CaseSnapshot snapshot, CaseEvent single)
    {
        Snapshot = snapshot;
        this.single = single;
    }

    internal Transition(CaseSnapshot snapshot, ImmutableArray<CaseEvent> many)
    {
        Snapshot = snapshot;
        this.many = many;
    }

    /// <summary>The case after the events.</summary>
    public CaseSnapshot Snapshot { get; }

    /// <summary>The last event (the act, or the expiry).</summary>
    public CaseEvent Event => single ?? many[^1];

    /// <summary>All the events, in order.</summary>
    public ImmutableArray<CaseEvent> Events => single is not null ? [single] : many;
}
