using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Ceseda.Workflows.StateMachines;

namespace Ceseda.Workflows.Diagrams;

/// <summary>A procedure definition drawn as Mermaid, DOT (Graphviz) or BPMN 2.0 XML: states (with
/// their superstates), triggers, guards, deadline-guarded branches and timers.</summary>
public static class DiagramExport
{
    /// <summary>A Mermaid <c>stateDiagram-v2</c>.</summary>
    public static string Mermaid(ProcedureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var text = new StringBuilder();
        text.Append("stateDiagram-v2\n");
        text.Append(CultureInfo.InvariantCulture, $"    %% {definition.Key}: {Clean(definition.Title)}\n");
        foreach (var state in definition.States.Where(s => s.Parent is null))
        {
            MermaidState(definition, state, text, 1);
        }

        text.Append(CultureInfo.InvariantCulture, $"    [*] --> {definition.InitialState}\n");
        foreach (var arrow in Diagram.Arrows(definition))
        {
            text.Append(CultureInfo.InvariantCulture, $"    {arrow.From} --> {arrow.To} : {Clean(arrow.Label)}\n");
        }

        foreach (var state in definition.States.Where(s => s.IsFinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"    {state.Name} --> [*]\n");
        }

        return text.ToString();
    }

    /// <summary>A Graphviz <c>digraph</c>; superstates are clusters.</summary>
    public static string Dot(ProcedureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"digraph \"{definition.Key.Id}\" {{\n");
        text.Append(CultureInfo.InvariantCulture, $"  label=\"{Quote($"{definition.Title} ({definition.Key})")}\";\n");
        text.Append("  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
        text.Append("  __start [shape=point];\n");
        foreach (var state in definition.States.Where(s => s.Parent is null))
        {
            DotState(definition, state, text, "  ");
        }

        text.Append(CultureInfo.InvariantCulture, $"  __start -> \"{definition.InitialState}\";\n");
        foreach (var arrow in Diagram.Arrows(definition))
        {
            var style = arrow.Timer is not null ? ", style=dashed" : arrow.Late ? ", color=red" : "";
            text.Append(CultureInfo.InvariantCulture, $"  \"{arrow.From}\" -> \"{arrow.To}\" [label=\"{Quote(arrow.Label)}\"{style}];\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>A BPMN 2.0 process with its diagram: each state a task (superstates are groups),
    /// each transition a sequence flow named by its trigger and guard, each timer a boundary timer
    /// event. Transitions declared on a superstate are drawn from each of its leaf states.
    /// <c>ceseda:state</c>, <c>ceseda:trigger</c> and <c>ceseda:rule</c> attributes tie the
    /// elements back to the definition.</summary>
    public static string Bpmn(ProcedureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return BpmnDocument.Build(definition).ToString(SaveOptions.None);
    }

    private static void MermaidState(ProcedureDefinition definition, StateDescription state, StringBuilder text, int depth)
    {
        var indent = new string(' ', depth * 4);
        var label = Clean(state.Title) + string.Concat(state.Arms.Select(a =>
            $"<br/>⏱ {Clean(a.Slot.Title)} ({a.Slot.Rule.Id}){(a.When is { } w ? $" si {Clean(w.Description)}" : "")}"));
        var children = definition.States.Where(s => s.Parent == state.Name).ToArray();
        text.Append(CultureInfo.InvariantCulture, $"{indent}state \"{label}\" as {state.Name}");
        if (children.Length == 0)
        {
            text.Append('\n');
            return;
        }

        text.Append(" {\n");
        if (state.InitialSubstate is { } initial)
        {
            text.Append(CultureInfo.InvariantCulture, $"{indent}    [*] --> {initial}\n");
        }

        foreach (var child in children)
        {
            MermaidState(definition, child, text, depth + 1);
        }

        text.Append(CultureInfo.InvariantCulture, $"{indent}}}\n");
    }

    private static void DotState(ProcedureDefinition definition, StateDescription state, StringBuilder text, string indent)
    {
        var children = definition.States.Where(s => s.Parent == state.Name).ToArray();
        var label = Quote(state.Title) + string.Concat(state.Arms.Select(a => $"\\n⏱ {Quote(a.Slot.Title)} ({a.Slot.Rule.Id})"));
        var shape = state.IsFinal ? ", peripheries=2" : "";
        if (children.Length == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{indent}\"{state.Name}\" [label=\"{label}\"{shape}];\n");
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"{indent}subgraph \"cluster_{state.Name}\" {{\n");
        text.Append(CultureInfo.InvariantCulture, $"{indent}  label=\"{Quote(state.Title)}\"; style=dashed;\n");
        text.Append(CultureInfo.InvariantCulture, $"{indent}  \"{state.Name}\" [label=\"{label}\", style=\"rounded,dashed\"];\n");
        foreach (var child in children)
        {
            DotState(definition, child, text, indent + "  ");
        }

        text.Append(CultureInfo.InvariantCulture, $"{indent}}}\n");
    }

    /// <summary>Mermaid labels end at a semicolon or a line break and must not hold quotes or braces.</summary>
    private static string Clean(string text) => text.Replace(';', ',').Replace('"', '\'').Replace('{', '(').Replace('}', ')')
        .Replace("#", "n°", StringComparison.Ordinal).Replace('\n', ' ');

    private static string Quote(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
