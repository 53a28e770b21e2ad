using Ceseda.Workflows.StateMachines;

namespace Ceseda.Workflows.Runtime;

/// <summary>A case as this runtime last wrote or read it: its row version and its snapshot, already read.</summary>
/// <param name="Version">The row version the snapshot is the case at.</param>
/// <param name="Definition">The procedure version the case runs.</param>
/// <param name="Snapshot">The case at <paramref name="Version"/>.</param>
internal sealed record CachedCase(long Version, ProcedureDefinition Definition, CaseSnapshot Snapshot);

/// <summary>The cases a runtime last wrote or read, at most <see cref="Capacity"/> of them; the least
/// recently used goes first when it is full. Only an optimisation of <see cref="CaseRuntime.FireAsync"/>:
/// an entry is always a version of the case and the snapshot it had at that version, and the store's
/// version-checked write still decides whether a write made from it lands.</summary>
/// <remarks>Thread-safe: one lock, held for a dictionary and a list operation.</remarks>
internal sealed class CaseCache
{
    private readonly Dictionary<string, LinkedListNode<(string Id, CachedCase Case)>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Id, CachedCase Case)> recency = new();
    private readonly Lock gate = new();

    /// <param name="capacity">How many cases it keeps; 0 keeps none.</param>
    public CaseCache(int capacity)
    {
        if (CapacityError(capacity) is { } error)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, error);
        }

        Capacity = capacity;
    }

    /// <summary>How many cases it keeps at most.</summary>
    public int Capacity { get; }

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
            if (!entries.TryGetValue(caseId, out var node) || node.Value.Case.Version != version)
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
            if (entries.TryGetValue(caseId, out var node))
            {
                if (node.Value.Case.Version > entry.Version)
                {
                    return;
                }

                node.Value = (caseId, entry);
                recency.Remove(node);
                recency.AddFirst(node);
                return;
            }

            if (entries.Count == Capacity)
            {
                entries.Remove(recency.Last!.Value.Id);
                recency.RemoveLast();
            }

            entries.Add(caseId, recency.AddFirst((caseId, entry)));
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
}
