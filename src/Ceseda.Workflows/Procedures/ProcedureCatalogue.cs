using System.Collections.Immutable;
using Ceseda.Workflows.StateMachines;

namespace Ceseda.Workflows.Procedures;

/// <summary>Every procedure definition, latest version of each.</summary>
public static class ProcedureCatalogue
{
    /// <summary>The definitions, in the order of DESIGN §4.</summary>
    public static ImmutableArray<ProcedureDefinition> All { get; } =
    [
        OrdinanceAppeal.Retention,
        OrdinanceAppeal.WaitingZone,
        WaitingZoneHolding.Definition,
        AttestationValidation.Definition,
        VisaRefusalAppeal.Definition,
        AdHocAdministratorList.Definition,
        InterpreterList.Definition,
        CarrierSanction.Definition,
    ];

    /// <summary>The definition of <paramref name="id"/> at <paramref name="version"/> (the latest when null), or null.</summary>
    public static ProcedureDefinition? Find(string id, int? version = null) =>
        All.Where(d => d.Key.Id == id && (version is null || d.Key.Version == version)).MaxBy(d => d.Key.Version);
}
