namespace Ceseda.Rules.Law;

/// <summary>The options chosen for contested readings; every reading not chosen takes its
/// default. Immutable.</summary>
public readonly struct ReadingSelection : IEquatable<ReadingSelection>
{
    private readonly ReadingOption?[]? chosen;

    private ReadingSelection(ReadingOption?[] chosen) => this.chosen = chosen;

    /// <summary>Every reading at its default.</summary>
    public static ReadingSelection Defaults => default;

    /// <summary>The option in force for <paramref name="reading"/>.</summary>
    public ReadingOption this[Reading reading] =>
        chosen is not null && reading.Index < chosen.Length && chosen[reading.Index] is { } option ? option : reading.Default;

    /// <summary>Whether <paramref name="reading"/> is at its default option.</summary>
    public bool IsDefault(Reading reading) =>
        chosen is null || reading.Index >= chosen.Length || chosen[reading.Index] is null || chosen[reading.Index] == reading.Default;

    /// <summary>Whether every reading is at its default.</summary>
    public bool AllDefault
    {
        get
        {
            if (chosen is null)
            {
                return true;
            }

            foreach (var reading in Readings.All)
            {
                if (!IsDefault(reading))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The same selection with <paramref name="option"/> chosen for <paramref name="reading"/>.</summary>
    /// <exception cref="ArgumentException">The option is not one of the reading's.</exception>
    public ReadingSelection With(Reading reading, ReadingOption option)
    {
        if (!reading.Options.Contains(option))
        {
            throw new ArgumentException($"'{option.Id}' is not an option of reading '{reading.Id}'.", nameof(option));
        }

        var copy = new ReadingOption?[Readings.All.Length];
        chosen?.CopyTo(copy, 0);
        copy[reading.Index] = option;
        return new ReadingSelection(copy);
    }

    /// <summary>The same selection with the option <paramref name="optionId"/> chosen for <paramref name="reading"/>.</summary>
    public ReadingSelection With(Reading reading, string optionId) =>
        With(reading, reading.Option(optionId)
            ?? throw new ArgumentException($"Reading '{reading.Id}' has no option '{optionId}'; expected one of: {string.Join(", ", reading.Options.Select(o => o.Id))}.", nameof(optionId)));

    /// <inheritdoc />
    public bool Equals(ReadingSelection other)
    {
        foreach (var reading in Readings.All)
        {
            if (this[reading] != other[reading])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReadingSelection other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var reading in Readings.All)
        {
            hash.Add(this[reading].Id);
        }

        return hash.ToHashCode();
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(ReadingSelection left, ReadingSelection right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ReadingSelection left, ReadingSelection right) => !left.Equals(right);
}
