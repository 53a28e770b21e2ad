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
    private readonly KeyValuePair<string, object>[] items;

    private CaseFacts(KeyValuePair<string, object>[] items) => this.items = items;

    /// <summary>No facts.</summary>
    public static CaseFacts Empty { get; } = new([]);

    /// <summary>The number of facts.</summary>
    public int Count => items.Length;

    internal ReadOnlySpan<KeyValuePair<string, object>> Items => items;

    /// <summary>Whether there is no fact.</summary>
    public bool IsEmpty => items.Length == 0;

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
    public object? this[string name] => Find(name) is var i and >= 0 ? items[i].Value : null;

    /// <summary>Whether the fact is known.</summary>
    public bool Has(string name) => Find(name) >= 0;

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

        var merged = new KeyValuePair<string, object>[items.Length + later.items.Length - Overridden(later)];
        int i = 0, j = 0, n = 0;
        while (i < items.Length || j < later.items.Length)
        {
            var order = i == items.Length ? 1 : j == later.items.Length ? -1 : string.CompareOrdinal(items[i].Key, later.items[j].Key);
            if (order < 0)
            {
                merged[n++] = items[i++];
            }
            else
            {
                merged[n++] = later.items[j++];
                i += order == 0 ? 1 : 0;
            }
        }

        return new(merged);
    }

    /// <summary>How many facts of <paramref name="later"/> these facts already have (both are ordered by name).</summary>
    private int Overridden(CaseFacts later)
    {
        int i = 0, j = 0, count = 0;
        while (i < items.Length && j < later.items.Length)
        {
            var order = string.CompareOrdinal(items[i].Key, later.items[j].Key);
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
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object>>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(CaseFacts? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.items.Length != items.Length)
        {
            return false;
        }

        for (var i = 0; i < items.Length; i++)
        {
            if (items[i].Key != other.items[i].Key || !items[i].Value.Equals(other.items[i].Value))
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
        foreach (var (key, value) in items)
        {
            hash.Add(key);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", items.Select(kv => $"{kv.Key}={kv.Value}"));

    private int Find(string name)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i].Key == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static object Normalise(string name, object value) => value switch
    {
        int i => (long)i,
        null => throw new ArgumentException($"The fact '{name}' has no value.", nameof(value)),
        _ when TypeOf(value) is null => throw new ArgumentException(
            $"The fact '{name}' has a value of type {value.GetType().Name}; expected Instant, LocalDate, bool, long, decimal or string.", nameof(value)),
        _ => value,
    };
}
