using System.Collections.Frozen;
using Ceseda.Workflows.Procedures;
using Ceseda.Workflows.StateMachines;

namespace Ceseda.Workflows.Runtime;

/// <summary>The procedure definitions a runtime knows, every version kept: new cases take the
/// latest version of their procedure, running cases keep the version they started with.</summary>
public sealed class ProcedureRegistry
{
    private readonly FrozenDictionary<ProcedureKey, ProcedureDefinition> byKey;
    private readonly FrozenDictionary<string, ProcedureDefinition> latest;

    /// <summary>Creates a registry of <paramref name="definitions"/> (current and archived versions).</summary>
    /// <exception cref="ArgumentException">Two definitions have the same id and version.</exception>
    public ProcedureRegistry(IEnumerable<ProcedureDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var all = definitions.ToList();
        var duplicate = all.GroupBy(d => d.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"{duplicate.Key} is registered twice; give each version its own number.", nameof(definitions));
        }

        byKey = all.ToFrozenDictionary(d => d.Key);
        latest = all.GroupBy(d => d.Key.Id, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.MaxBy(d => d.Key.Version)!, StringComparer.Ordinal);
    }

    /// <summary>The catalogue's procedures (<see cref="ProcedureCatalogue.All"/>).</summary>
    public static ProcedureRegistry Catalogue { get; } = new(ProcedureCatalogue.All);

    /// <summary>The latest version of <paramref name="procedureId"/>, or null.</summary>
    public ProcedureDefinition? Latest(string procedureId) => latest.GetValueOrDefault(procedureId);

    /// <summary>The definition of <paramref name="key"/>, or null.</summary>
    public ProcedureDefinition? Find(ProcedureKey key) => byKey.GetValueOrDefault(key);

    /// <summary>The procedure ids, in ordinal order.</summary>
    public IEnumerable<string> Ids => latest.Keys.Order(StringComparer.Ordinal);
}
