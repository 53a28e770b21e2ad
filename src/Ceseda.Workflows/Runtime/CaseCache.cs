using Ceseda.Workflows.StateMachines;
using NodaTime;

namespace Ceseda.Workflows.Runtime;

/// <summary>A case as this runtime last wrote or read it: its row version and its snapshot, already read.</summary>
/// <param name="Version">The row version the snapshot is the case at.</param>
/// <param name="Definition">The procedure version the case runs.</param>
/// <param name="Snapshot">The case at <paramref name="Version"/>.</param>
internal sealed record CachedCase(long Version, ProcedureDefinition Definition, CaseSnapshot Snapshot);

/// <summary>The cases a runtime last wrote or read, at most <see cref="Capacity"/> of them, each for at
/// most <see cref="Lifetime"/>; the least recently used goes first when it is full. Only an optimisation
/// of <see cref="CaseRuntime.FireAsync"/>: an entry is always a version of the case and the snapshot it
/// had at that version, and the store's version-checked write still decides whether a write made from it lands.</summary>
/// <remarks>
/// <para>The lifetime bounds how long a case another node wrote since stays in this node's memory. A
/// case is erased only once its retention period, months or years, has run from its final write, which
/// came after any version a node keeps: by then every node has dropped it, so no node keeps the data of
/// an erased case, nor serves it for a new case started under the same id.</para>
/// <para>Thread-safe: one lock, held for a dictionary and a list operation, and every
/// sweep interval (a minute) for a pass over the entries that drops those past their lifetime: when
/// the cache is used, and from a timer, so that a node that stops serving acts lets them go too.</para>
/// </remarks>
internal sealed class CaseCache
{
    /// <summary>How long a case stays kept after this runtime wrote or read it.</summary>
    public static readonly Duration Lifetime = Duration.FromMinutes(10);

    /// <summary>How often the entries past their lifetime are dropped, unless told otherwise.</summary>
    public static readonly Duration DefaultSweepInterval = Duration.FromMinutes(1);

    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> recency = new();
    private readonly Lock gate = new();
    private readonly IClock clock;
    private readonly Duration sweepInterval;
    private Instant nextSweep;
    private Timer? sweeper;

    /// <param name="capacity">How many cases it keeps; 0 keeps none.</param>
    /// <param name="clock">The runtime's clock, which dates each entry.</param>
    /// <param name="sweepInterval">How often the entries past their lifetime are dropped; default
    /// <see cref="DefaultSweepInterval"/>.</param>
    public CaseCache(int capacity, IClock clock, Duration? sweepInterval = null)
    {
        if (CapacityError(capacity) is { } error)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, error);
        }

        ArgumentNullException.ThrowIfNull(clock);
        Capacity = capacity;
        this.clock = clock;
        this.sweepInterval = sweepInterval ?? DefaultSweepInterval;
        nextSweep = clock.GetCurrentInstant() + this.sweepInterval;
    }

    /// <summary>How many cases it keeps at most.</summary>
    public int Capacity { get; }

    /// <summary>How many cases it holds now, some of them perhaps past their lifetime until the next sweep.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>The message of a capacity out of range, naming the option; null when it is valid.</summary>
    public static string? CapacityError(int capacity) => capacity >= 0
        ? null
        : $"CaseCacheCapacity must be 0 (no cache) or a positive number of cases; got {capacity}. "
          + "The cache holds the cases last written or read, to fire on them without reading them again.";

    /// <summary>The case if it is kept at exactly <paramref name="version"/>; null otherwise.</summary>
    public CachedCase? Find(string caseId, long version)
    {
        if (Capacity == 0)
        {
            return null;
        }

        lock (gate)
        {
            var now = Sweep();
            if (!entries.TryGetValue(caseId, out var node) || node.Value.Case.Version != version || node.Value.Expires <= now)
            {
                return null;
            }

            recency.Remove(node);
            recency.AddFirst(node);
            return node.Value.Case;
        }
    }

    /// <summary>Keeps <paramref name="entry"/>, unless a later version of the case is kept already
    /// (a slower caller that read it before another's write).</summary>
    public void Keep(string caseId, CachedCase entry)
    {
        if (Capacity == 0)
        {
            return;
        }

        lock (gate)
        {
            var kept = new Entry(caseId, entry, Sweep() + Lifetime);
            if (entries.TryGetValue(caseId, out var node))
            {
                if (node.Value.Case.Version > entry.Version)
                {
                    return;
                }

                node.Value = kept;
                recency.Remove(node);
                recency.AddFirst(node);
                return;
            }

            if (entries.Count == Capacity)
            {
                entries.Remove(recency.Last!.Value.Id);
                recency.RemoveLast();
            }

            entries.Add(caseId, recency.AddFirst(kept));
            sweeper ??= StartSweeper();
        }
    }

    /// <summary>Drops the case, if kept.</summary>
    public void Forget(string caseId)
    {
        if (Capacity == 0)
        {
            return;
        }

        lock (gate)
        {
            if (entries.Remove(caseId, out var node))
            {
                recency.Remove(node);
            }
        }
    }

    /// <summary>Drops the entries past their lifetime when the sweep is due; returns the clock's instant.
    /// Called under the lock.</summary>
    private Instant Sweep()
    {
        var now = clock.GetCurrentInstant();
        if (now < nextSweep)
        {
            return now;
        }

        nextSweep = now + sweepInterval;
        for (var node = recency.First; node is not null;)
        {
            var next = node.Next;
            if (node.Value.Expires <= now)
            {
                entries.Remove(node.Value.Id);
                recency.Remove(node);
            }

            node = next;
        }

        return now;
    }

    /// <summary>A timer that sweeps every sweep interval. It holds the cache weakly: a cache no longer
    /// used is collected, and its timer with it.</summary>
    private Timer StartSweeper()
    {
        var period = sweepInterval.ToTimeSpan();
        return new Timer(static state =>
        {
            if (((WeakReference<CaseCache>)state!).TryGetTarget(out var cache))
            {
                lock (cache.gate)
                {
                    cache.Sweep();
                }
            }
        }, new WeakReference<CaseCache>(this), period, period);
    }

    private readonly record struct Entry(string Id, CachedCase Case, Instant Expires);
}
