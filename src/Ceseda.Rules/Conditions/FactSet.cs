using System.Collections.Frozen;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Conditions;

/// <summary>The facts of a condition request, checked against their definitions (<i>faits
/// établis</i>). A fact absent from the set is unknown, never assumed.</summary>
public sealed class FactSet
{
    private readonly FrozenDictionary<string, object> values;

    /// <summary>Creates a set from typed values: bool, <see cref="LocalDate"/>, long, decimal or
    /// string (a choice).</summary>
    public FactSet(IEnumerable<KeyValuePair<string, object>> values) =>
        this.values = values.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>No fact known.</summary>
    public static FactSet Empty { get; } = new([]);

    /// <summary>The names of the known facts.</summary>
    public IEnumerable<string> Names => values.Keys;

    /// <summary>Whether the fact is known.</summary>
    public bool Has(string name) => values.ContainsKey(name);

    /// <summary>A boolean fact, or null when unknown.</summary>
    public bool? Boolean(string name) => Get<bool>(name, FactType.Boolean);

    /// <summary>A date fact, or null when unknown.</summary>
    public LocalDate? Date(string name) => Get<LocalDate>(name, FactType.Date);

    /// <summary>A whole-number fact, or null when unknown.</summary>
    public long? Integer(string name) => Get<long>(name, FactType.Integer);

    /// <summary>An amount, or null when unknown.</summary>
    public decimal? Amount(string name) => Get<decimal>(name, FactType.Amount);

    /// <summary>A choice fact, or null when unknown.</summary>
    public string? Choice(string name) => values.TryGetValue(name, out var value) ? value as string ?? throw WrongType(name, FactType.Choice, value) : null;

    /// <summary>The same facts with one more (or a replaced) value.</summary>
    public FactSet With(string name, object value) => new(values.Where(kv => kv.Key != name).Append(new(name, value)));

    /// <summary>The same facts without <paramref name="name"/>.</summary>
    public FactSet Without(string name) => new(values.Where(kv => kv.Key != name));

    private T? Get<T>(string name, FactType type)
        where T : struct =>
        values.TryGetValue(name, out var value) ? value is T t ? t : throw WrongType(name, type, value) : null;

    private static RuleException WrongType(string name, FactType type, object value) =>
        new("malformed-fact", "facts." + name, $"facts.{name}: expected a {type} fact, got {value.GetType().Name}.");
}
