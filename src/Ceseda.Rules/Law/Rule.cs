using System.Collections.Immutable;

namespace Ceseda.Rules.Law;

/// <summary>An executable provision of the law (<i>règle</i>): a deadline or a condition, with
/// its versions and citations.</summary>
public abstract class Rule
{
    /// <summary>Creates a rule.</summary>
    protected Rule(string id, string title, ImmutableArray<FactDefinition> facts)
    {
        Id = id;
        Title = title;
        Facts = facts;
    }

    /// <summary>Stable id, lower-case and dotted, e.g. "retention.appeal".</summary>
    public string Id { get; }

    /// <summary>What the rule computes, in French.</summary>
    public string Title { get; }

    /// <summary>The facts a request gives.</summary>
    public ImmutableArray<FactDefinition> Facts { get; }

    /// <summary>The fact with this name, or null.</summary>
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

    /// <inheritdoc />
    public override string ToString() => Id;
}
