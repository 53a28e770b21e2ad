using System.Text;
using Ceseda.Workflows.Diagrams;
using Ceseda.Workflows.Procedures;
using Ceseda.Workflows.StateMachines;

namespace Ceseda.Host.Docs;

/// <summary>The pages of <c>rules-docs/procedures/</c>: one per procedure, with its state diagram
/// (the Mermaid golden file), its states, acts, transitions and deadlines, and its scenarios
/// replayed in French.</summary>
internal static class ProcedurePages
{
    public static void Add(SortedDictionary<string, string> pages, string scenarioRoot, string generated)
    {
        foreach (var definition in ProcedureCatalogue.All)
        {
            pages[$"procedures/{definition.Key.Id}.md"] = Page(definition, scenarioRoot, generated);
        }
    }

    /// <summary>The index's section listing the procedures.</summary>
    public static void IndexSection(StringBuilder md)
    {
        md.Append("## Procédures\n\n| Procédure | Objet | Version |\n| --- | --- | --- |\n");
        foreach (var definition in ProcedureCatalogue.All)
        {
            md.Append("| [`").Append(definition.Key.Id).Append("`](procedures/").Append(definition.Key.Id).Append(".md) | ")
                .Append(DocsGenerator.Cell(definition.Title)).Append(" | ").Append(definition.Key.Version).Append(" |\n");
        }

        md.Append('\n');
    }

    private static string Page(ProcedureDefinition definition, string scenarioRoot, string generated)
    {
        var md = new StringBuilder($"# {definition.Title}\n\nIdentifiant : `{definition.Key.Id}`, version {definition.Key.Version}\n\n{generated}\n\n");
        md.Append("Textes : ").Append(string.Join(" ; ", definition.Citations.Select(c => c.Text))).Append(".\n\n");
        md.Append("Un dossier en cours garde la version de la procédure sous laquelle il a commencé. Un acte accompli après l'expiration d'un délai ")
            .Append("est enregistré comme tardif et mène là où le texte le prévoit ; il n'est jamais refusé en silence. ")
            .Append("Lorsqu'un délai expire sans que rien ne soit fait, la procédure avance à l'instant légal de l'échéance.\n\n");

        md.Append("## Diagramme d'états\n\n```mermaid\n").Append(DiagramExport.Mermaid(definition)).Append("```\n\n");

        md.Append("## États\n\n| État | Intitulé | Dans | Délais armés à l'entrée | Diligences du greffe | Texte |\n| --- | --- | --- | --- | --- | --- |\n");
        foreach (var state in definition.States)
        {
            md.Append("| `").Append(state.Name).Append("`").Append(state.IsFinal ? " (fin)" : "").Append(" | ").Append(DocsGenerator.Cell(state.Title)).Append(" | ")
                .Append(state.Parent is null ? "" : $"`{state.Parent}`").Append(" | ")
                .Append(DocsGenerator.Cell(string.Join(" ; ", state.Arms.Select(a => a.Slot.Name + (a.When is { } w ? $" (si {w.Description})" : ""))))).Append(" | ")
                .Append(DocsGenerator.Cell(string.Join(" ; ", state.OnEntry.Select(t => t.Title + Due(t)).Concat(state.OnExit.Select(t => t.Title + " (à la sortie)"))))).Append(" | ")
                .Append(DocsGenerator.Cell(state.Citation?.Text ?? "")).Append(" |\n");
        }

        md.Append("\n## Actes et échéances\n\n| Déclencheur | Intitulé | Faits |\n| --- | --- | --- |\n");
        foreach (var trigger in definition.Triggers)
        {
            var facts = trigger.IsTimer
                ? "déclenché par l'échéance d'un délai"
                : string.Join(" ; ", trigger.Facts.Select(f => $"`{f.Name}` ({f.Type}{(f.Choices.IsEmpty ? "" : ": " + string.Join(", ", f.Choices))}{(f.Required ? ", requis" : "")}) : {f.Description}"));
            md.Append("| `").Append(trigger.Name).Append("` | ").Append(DocsGenerator.Cell(trigger.Title)).Append(" | ").Append(DocsGenerator.Cell(facts)).Append(" |\n");
        }

        md.Append("\n## Délais\n\n| Délai | Intitulé | Règle | Court à compter de | À l'échéance |\n| --- | --- | --- | --- | --- |\n");
        foreach (var slot in definition.DeadlineSlots)
        {
            md.Append("| `").Append(slot.Name).Append("` | ").Append(DocsGenerator.Cell(slot.Title)).Append(" | [`").Append(slot.Rule.Id).Append("`](../rules/")
                .Append(slot.Rule.Id).Append(".md) | ").Append(slot.StartFact is { } fact ? $"le fait `{fact}`" : "l'acte qui l'arme").Append(" | ")
                .Append(slot.OnExpiry is { } name ? $"`{name}`" : "rien (le délai expire seulement)").Append(" |\n");
        }

        md.Append("\n## Transitions\n\n| Depuis | Acte | Vers | Condition | Délai contrôlé |\n| --- | --- | --- | --- | --- |\n");
        foreach (var t in definition.Transitions)
        {
            var to = t.Kind switch
            {
                TransitionKind.Within when t.LateDestination != t.Destination => $"`{t.Destination}` dans le délai, `{t.LateDestination}` hors délai",
                TransitionKind.Internal => "(reste ; " + (t.Arms.IsEmpty ? "enregistré" : "arme " + string.Join(", ", t.Arms.Select(a => a.Name))) + ")",
                TransitionKind.Ignore => $"(reste : {t.Note})",
                _ => $"`{t.Destination}`",
            };
            md.Append("| `").Append(t.Source).Append("` | `").Append(t.Trigger).Append("` | ").Append(DocsGenerator.Cell(to)).Append(" | ")
                .Append(DocsGenerator.Cell(t.Guard?.ToString() ?? "")).Append(" | ").Append(t.Deadline is { } d ? $"`{d.Name}`" : "").Append(" |\n");
        }

        Scenarios(md, definition, scenarioRoot);
        return md.ToString();
    }

    private static void Scenarios(StringBuilder md, ProcedureDefinition definition, string scenarioRoot)
    {
        var directory = Path.Combine(scenarioRoot, definition.Key.Id);
        var files = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.timeline.txt").Where(f => !f.Contains(".received.", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList()
            : [];
        md.Append("\n## Scénarios (cas de référence)\n\n");
        if (files.Count == 0)
        {
            md.Append("Aucun scénario.\n");
            return;
        }

        md.Append(files.Count).Append(" scénarios dans `tests/Ceseda.Scenarios/").Append(definition.Key.Id)
            .Append("/`, rejoués pas à pas par les tests ; chaque étape y porte les valeurs calculées à la main.\n");
        foreach (var file in files)
        {
            var text = File.ReadAllText(file).ReplaceLineEndings("\n").TrimEnd();
            var title = text.Split('\n')[0];
            md.Append("\n### ").Append(title).Append("\n\n```text\n").Append(string.Join('\n', text.Split('\n').Skip(1)).Trim()).Append("\n```\n");
        }
    }

    private static string Due(ClerkTaskTemplate task) => task.Due switch
    {
        TaskDueKind.Immediately => " (immédiatement)",
        TaskDueKind.ByDeadline => $" (avant l'échéance de {task.Deadline!.Name})",
        _ => "",
    };
}
