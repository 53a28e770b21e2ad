using System.Collections.Immutable;

namespace Ceseda.Rules.Law;

/// <summary>A contested point of law (<i>point discuté</i>) exposed as a named choice: the
/// options courts or authors defend, and the default reading the engine takes.</summary>
/// <remarks>Readings are listed in <see cref="Readings"/>. A result says which readings it
/// depends on and what it would be under each other option.</remarks>
public sealed class Reading
{
    internal Reading(string id, string question, string defaultOption, IEnumerable<ReadingOption> options, Citation source)
    {
        Id = id;
        Question = question;
        Options = [.. options];
        Source = source;
        Default = Options.FirstOrDefault(o => o.Id == defaultOption)
            ?? throw new ArgumentException($"Reading '{id}' has no option '{defaultOption}'.", nameof(defaultOption));
        Index = Interlocked.Increment(ref count) - 1;
    }

    private static int count;

    /// <summary>Stable identifier, lower-case and hyphenated, e.g. "prorogation-end".</summary>
    public string Id { get; }

    /// <summary>The question the reading answers, in French.</summary>
    public string Question { get; }

    /// <summary>The possible answers.</summary>
    public ImmutableArray<ReadingOption> Options { get; }

    /// <summary>The answer taken when the caller does not choose.</summary>
    public ReadingOption Default { get; }

    /// <summary>Where the point is discussed (legal research, decisions).</summary>
    public Citation Source { get; }

    /// <summary>Dense index among all readings, for allocation-free lookups.</summary>
    internal int Index { get; }

    /// <summary>The option with this id, or null.</summary>
    public ReadingOption? Option(string id)
    {
        foreach (var option in Options)
        {
            if (option.Id == id)
            {
                return option;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}

/// <summary>One answer to a <see cref="Reading"/>.</summary>
/// <param name="Id">Stable identifier, e.g. "same-hour".</param>
/// <param name="Label">What the option means, in French.</param>
/// <param name="Authority">The decision or argument behind it.</param>
public sealed record ReadingOption(string Id, string Label, Citation Authority)
{
    /// <inheritdoc />
    public override string ToString() => Id;
}
