using System.Text;
using System.Text.Json;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Law;

namespace Ceseda.Rules.Evaluation;

/// <summary>The words a request is made of (field names, rule and territory ids, fact names,
/// reading ids and options), read from a request's UTF-8 as the same string each time instead
/// of a new one per line.</summary>
internal static class KnownStrings
{
    private const int MaxLength = 64;

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Words = Build();

    /// <summary>The string under <paramref name="reader"/> (a property name or a string value):
    /// a known word without allocating, anything else as <see cref="Utf8JsonReader.GetString"/>
    /// reads it.</summary>
    public static string GetString(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length <= MaxLength)
        {
            Span<char> chars = stackalloc char[MaxLength];
            var length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
            if (Words.TryGetValue(chars[..length], out var known))
            {
                return known;
            }
        }

        return reader.GetString()!;
    }

    private static Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Build()
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string word) => words.TryAdd(word, word);
        foreach (var field in new[] { "id", "rule", "territory", "facts", "options", "readings", "goodFriday", "explain", "resolveLocalTime", "strict", "earlier", "later" })
        {
            Add(field);
        }

        foreach (var rule in RuleCatalogue.All)
        {
            Add(rule.Id);
            foreach (var fact in rule.Facts)
            {
                Add(fact.Name);
            }
        }

        foreach (var territory in Territories.All)
        {
            Add(territory.Id);
        }

        foreach (var reading in Readings.All)
        {
            Add(reading.Id);
            foreach (var option in reading.Options)
            {
                Add(option.Id);
            }
        }

        return words.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
