using System.Text;
using Ceseda.Workflows.Diagrams;
using Ceseda.Workflows.Procedures;

namespace Ceseda.Host.Cli;

/// <summary><c>ceseda procedures [ID [--format mermaid|dot|bpmn]]</c>: the procedure catalogue, or
/// one procedure's diagram.</summary>
internal static class ProceduresCommand
{
    public static async Task<int> RunAsync(string[] args, Stream stdout)
    {
        if (args.Length == 0)
        {
            var list = new StringBuilder();
            foreach (var definition in ProcedureCatalogue.All)
            {
                list.Append(definition.Key.Id).Append(" v").Append(definition.Key.Version).Append(" — ").Append(definition.Title).Append('\n')
                    .Append("  ").Append(definition.States.Length).Append(" états, ").Append(definition.Triggers.Count(t => !t.IsTimer))
                    .Append(" actes, ").Append(definition.DeadlineSlots.Length).Append(" délais : ")
                    .Append(string.Join(", ", definition.DeadlineSlots.Select(s => s.Rule.Id).Distinct())).Append('\n');
            }

            await CesedaCommand.WriteAsync(stdout, list.ToString()).ConfigureAwait(false);
            return 0;
        }

        var id = args[0];
        var procedure = ProcedureCatalogue.Find(id)
            ?? throw new UsageException($"'{id}' is not a procedure; expected one of: {string.Join(", ", ProcedureCatalogue.All.Select(d => d.Key.Id))}.");
        var format = args.Length switch
        {
            1 => "mermaid",
            3 when args[1] == "--format" => args[2],
            _ => throw new UsageException($"expected `ceseda procedures {id} [--format mermaid|dot|bpmn]`, got `{string.Join(' ', args)}`."),
        };
        var text = format switch
        {
            "mermaid" => DiagramExport.Mermaid(procedure),
            "dot" => DiagramExport.Dot(procedure),
            "bpmn" => DiagramExport.Bpmn(procedure) + "\n",
            _ => throw new UsageException($"--format is '{format}'; expected mermaid, dot or bpmn."),
        };
        await CesedaCommand.WriteAsync(stdout, text).ConfigureAwait(false);
        return 0;
    }
}
