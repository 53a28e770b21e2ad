using System.Collections;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Workflows.StateMachines;

/// <summary>The facts of a case (<i>faits du dossier</i>): named values carried by the acts that
/// moved it, e.g. <c>endsMeasure</c> or <c>notifiedAt</c>. Immutable, ordered by name.</summary>
/// <remarks>Values are <see cref="Instant"/>, <see cref="LocalDate"/>, <see cref="bool"/>,
/// <see cref="long"/> (integer), <see cref="decimal"/> (amount) or <see cref="string"/> (choice),
/// matching <see cref="FactType"/>.</remarks>
public sealed class CaseFacts : IEquatable<CaseFacts>, IReadOnlyCollection<KeyValuePair<string, object>>
{
    /// <summary>How many sets of facts added by <see cref="With"/> a chain holds before the next one
    /// merges them all into one array: a look-up reads at most one array more than this, and the
    /// other acts' facts are not copied.</summary>
    private const int MaxLinks = 4;

    /// <summary>The facts, ordered by name; with <see cref="earlier"/>, the later ones only.</summary>
    private readonly KeyValuePair<string, object>[] items;

    /// <summary>The facts <see cref="items"/> were added to, not merged with them (null when
    /// <see cref="items"/> are all the facts).</summary>
    private readonly CaseFacts? earlier;

    /// <summary>The number of sets of facts added to a merged set, down the chain.</summary>
    private readonly int links;

    private CaseFacts(KeyValuePair<string, object>[] items, CaseFacts? earlier = null, int links = 0)
    {
        this.items = items;
        this.earlier = earlier;
        this.links = links;
    }

    /// <summary>No facts.</summary>
    public static CaseFacts Empty { get; } = new([]);

    /// <summary>The number of facts.</summary>
    public int Count => Merged().Length;

    /// <summary>The facts, each name once, ordered by name.</summary>
    internal ReadOnlySpan<KeyValuePair<string, object>> Items => Merged();

    /// <summary>Whether there is no fact.</summary>
    public bool IsEmpty => items.Length == 0 && earlier is null;

    /// <summary>The facts given, each a name and a value of a supported type.</summary>
    /// <exception cref="ArgumentException">A name is repeated or a value has an unsupported type.</exception>
    public static CaseFacts Of(params ReadOnlySpan<(string Name, object Value)> facts)
    {
        if (facts.IsEmpty)
        {
            return Empty;
        }

        var items = new KeyValuePair<string, object>[facts.Length];
        for (var i = 0; i < facts.Length; i++)
        {
            var (name, value) = facts[i];
            ArgumentException.ThrowIfNullOrEmpty(name);
            items[i] = new(name, Normalise(name, value));
        }

        Array.Sort(items, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 1; i < items.Length; i++)
        {
            if (items[i].Key == items[i - 1].Key)
            {
                throw new ArgumentException($"The fact '{items[i].Key}' is given twice.", nameof(facts));
            }
        }

        return new(items);
    }

    /// <summary>The value of <paramref name="name"/>, or null.</summary>
    public object? this[string name]
    {
        get
        {
            // The later facts first: a fact given again takes its later value.
            for (var facts = this; facts is not null; facts = facts.earlier)
            {
                foreach (var (key, value) in facts.items)
                {
                    if (key == name)
                    {
                        return value;
                    }
                }
            }

            return null;
        }
    }

    /// <summary>Whether the fact is known.</summary>
    public bool Has(string name) => this[name] is not null;

    /// <summary>The instant fact <paramref name="name"/>, or null.</summary>
    public Instant? Instant(string name) => this[name] is Instant value ? value : null;

    /// <summary>The date fact <paramref name="name"/>, or null.</summary>
    public LocalDate? Date(string name) => this[name] is LocalDate value ? value : null;

    /// <summary>The boolean fact <paramref name="name"/>, or null.</summary>
    public bool? Boolean(string name) => this[name] is bool value ? value : null;

    /// <summary>The integer fact <paramref name="name"/>, or null.</summary>
    public long? Integer(string name) => this[name] is long value ? value : null;

    /// <summary>The amount fact <paramref name="name"/>, or null.</summary>
    public decimal? Amount(string name) => this[name] is decimal value ? value : null;

    /// <summary>The choice fact <paramref name="name"/>, or null.</summary>
    public string? Choice(string name) => this[name] as string;

    /// <summary>These facts, with those of <paramref name="later"/> added; a fact given again
    /// takes its later value.</summary>
    /// <remarks>The result refers to both sets rather than copying them, until a chain of
    /// <see cref="MaxLinks"/> is merged into one array.</remarks>
    public CaseFacts With(CaseFacts later)
    {
        ArgumentNullException.ThrowIfNull(later);
        if (later.IsEmpty)
        {
            return this;
        }

        if (IsEmpty)
        {
            return later;
        }

        var added = later.Merged();
        return links < MaxLinks ? new(added, this, links + 1) : new(Merge(Merged(), added));
    }

    /// <summary>The facts as one array, each name once, ordered by name.</summary>
    private KeyValuePair<string, object>[] Merged() => earlier is null ? items : Merge(earlier.Merged(), items);

    /// <summary><paramref name="earlier"/> and <paramref name="later"/> merged, both ordered by name;
    /// a name in both takes its later value.</summary>
    private static KeyValuePair<string, object>[] Merge(KeyValuePair<string, object>[] earlier, KeyValuePair<string, object>[] later)
    {
        var merged = new KeyValuePair<string, object>[earlier.Length + later.Length - Overridden(earlier, later)];
        int i = 0, j = 0, n = 0;
        while (i < earlier.Length || j < later.Length)
        {
            var order = i == earlier.Length ? 1 : j == later.Length ? -1 : string.CompareOrdinal(earlier[i].Key, later[j].Key);
            if (order < 0)
            {
                merged[n++] = earlier[i++];
            }
            else
            {
                merged[n++] = later[j++];
                i += order == 0 ? 1 : 0;
            }
        }

        return merged;
    }

    /// <summary>How many names of <paramref name="later"/> <paramref name="earlier"/> has too (both are ordered by name).</summary>
    private static int Overridden(KeyValuePair<string, object>[] earlier, KeyValuePair<string, object>[] later)
    {
        int i = 0, j = 0, count = 0;
        while (i < earlier.Length && j < later.Length)
        {
            var order = string.CompareOrdinal(earlier[i].Key, later[j].Key);
            count += order == 0 ? 1 : 0;
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>The type a value has as a fact, or null if it cannot be one.</summary>
    public static FactType? TypeOf(object value) => value switch
    {
        NodaTime.Instant => FactType.Instant,
        LocalDate => FactType.Date,
        bool => FactType.Boolean,
        long => FactType.Integer,
        decimal => FactType.Amount,
        string => FactType.Choice,
        _ => null,
    };

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object>>)Merged()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(CaseFacts? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null)
        {
            return false;
        }

        var mine = Merged();
        var theirs = other.Merged();
        if (mine.Length != theirs.Length)
        {
            return false;
        }

        for (var i = 0; i < mine.Length; i++)
        {
            if (mine[i].Key != theirs[i].Key || !mine[i].Value.Equals(theirs[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CaseFacts);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in Merged())
        {
            hash.Add(key);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", Merged().Select(kv => $"{kv.Key}={kv.Value}"));

    private static object Normalise(string name, object value) => value switch
    {
        int i => (long)i,
        null => throw new ArgumentException($"The fact '{name}' has no value.", nameof(value)),
        _ when TypeOf(value) is null => throw new ArgumentException(
            $"The fact '{name}' has a value of type {value.GetType().Name}; expected Instant, LocalDate, bool, long, decimal or string.", nameof(value)),
        _ => value,
    };
}
