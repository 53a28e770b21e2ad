using System.Xml.Linq;
using Ceseda.Workflows.Diagrams;
using Ceseda.Workflows.Procedures;
using Ceseda.Workflows.StateMachines;

namespace Ceseda.Workflows.Tests.Diagrams;

/// <summary>Each procedure's Mermaid diagram is a golden file (<c>&lt;id&gt;.v&lt;version&gt;.mmd</c>)
/// that rules-docs embeds; the DOT and BPMN exports are checked for what they must contain.</summary>
public sealed class DiagramTests
{
    public static TheoryData<string> Procedures()
    {
        var data = new TheoryData<string>();
        foreach (var definition in ProcedureCatalogue.All)
        {
            data.Add(definition.Key.Id);
        }

        return data;
    }

    private static ProcedureDefinition Definition(string id) => ProcedureCatalogue.Find(id)!;

    [Theory]
    [MemberData(nameof(Procedures))]
    public void Mermaid_OfEachProcedure_MatchesItsGolden(string id)
    {
        var definition = Definition(id);
        var path = Path.Combine(Repository.Root, "tests", "Ceseda.Workflows.Tests", "Diagrams", $"{id}.v{definition.Key.Version}.mmd");
        TextGolden.Verify(path, DiagramExport.Mermaid(definition), "Mermaid diagram");
    }

    [Theory]
    [MemberData(nameof(Procedures))]
    public void Mermaid_OfEachProcedure_NamesEveryStateTimerAndGuard(string id)
    {
        var definition = Definition(id);
        var mermaid = DiagramExport.Mermaid(definition);
        Assert.All(definition.States, s => Assert.Contains($" as {s.Name}", mermaid, StringComparison.Ordinal));
        Assert.All(definition.DeadlineSlots.Where(s => definition.Triggers.Any(t => t.IsTimer)),
            s => Assert.Contains(s.Rule.Id, mermaid, StringComparison.Ordinal));
        Assert.All(definition.Transitions.Where(t => t.Guard is not null && t.Kind is TransitionKind.Permit or TransitionKind.Within),
            t => Assert.Contains(t.Guard!.Description.Replace(';', ','), mermaid, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Procedures))]
    public void Dot_OfEachProcedure_HasANodePerStateAndAnEdgePerArrow(string id)
    {
        var definition = Definition(id);
        var dot = DiagramExport.Dot(definition);
        Assert.StartsWith($"digraph \"{id}\" {{", dot, StringComparison.Ordinal);
        Assert.All(definition.States, s => Assert.Contains($"\"{s.Name}\" [label=", dot, StringComparison.Ordinal));
        var mermaidArrows = DiagramExport.Mermaid(definition).Split('\n').Count(l => l.Contains(" --> ", StringComparison.Ordinal) && !l.Contains("[*]", StringComparison.Ordinal));
        var dotArrows = dot.Split('\n').Count(l => l.Contains(" -> ", StringComparison.Ordinal) && !l.Contains("__start", StringComparison.Ordinal));
        Assert.Equal(mermaidArrows, dotArrows);
    }

    [Theory]
    [MemberData(nameof(Procedures))]
    public void Bpmn_OfEachProcedure_IsAConsistentProcessWithItsDiagram(string id)
    {
        var definition = Definition(id);
        var xml = XDocument.Parse(DiagramExport.Bpmn(definition));
        XNamespace bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        XNamespace di = "http://www.omg.org/spec/BPMN/20100524/DI";
        XNamespace ceseda = "urn:ceseda:procedure";
        var process = Assert.Single(xml.Root!.Elements(bpmn + "process"));
        var ids = process.Descendants().Select(e => (string?)e.Attribute("id")).Where(i => i is not null).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        var tasks = process.Elements(bpmn + "task").Select(t => (string)t.Attribute(ceseda + "state")!).ToHashSet();
        Assert.Equal(BpmnDocument.Occupiable(definition).Select(s => s.Name).ToHashSet(), tasks);
        Assert.Superset(definition.States.Where(s => !definition.States.Any(c => c.Parent == s.Name)).Select(s => s.Name).ToHashSet(), tasks);

        var flows = process.Elements(bpmn + "sequenceFlow").ToArray();
        Assert.All(flows, f =>
        {
            Assert.Contains((string)f.Attribute("sourceRef")!, ids);
            Assert.Contains((string)f.Attribute("targetRef")!, ids);
        });
        var timers = process.Elements(bpmn + "boundaryEvent").ToArray();
        Assert.All(timers, t => Assert.NotNull(t.Element(bpmn + "timerEventDefinition")));
        var timerSlots = definition.DeadlineSlots.Where(s => s.ExpiryTrigger >= 0 && definition.Transitions.Any(t =>
            t.Kind == TransitionKind.Permit && t.Trigger == definition.Triggers[s.ExpiryTrigger].Name)).Select(s => s.Name);
        Assert.Subset(timers.Select(t => (string)t.Attribute(ceseda + "deadline")!).ToHashSet(), timerSlots.ToHashSet());

        var shapes = xml.Descendants(di + "BPMNShape").Select(s => (string)s.Attribute("bpmnElement")!).ToHashSet();
        var edges = xml.Descendants(di + "BPMNEdge").Select(s => (string)s.Attribute("bpmnElement")!).ToHashSet();
        Assert.All(process.Elements().Where(e => e.Name != bpmn + "sequenceFlow"), e => Assert.Contains((string)e.Attribute("id")!, shapes));
        Assert.All(flows, f => Assert.Contains((string)f.Attribute("id")!, edges));
    }
}
