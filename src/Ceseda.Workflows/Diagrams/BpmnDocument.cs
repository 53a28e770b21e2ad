using System.Globalization;
using System.Xml.Linq;
using Ceseda.Workflows.StateMachines;

namespace Ceseda.Workflows.Diagrams;

/// <summary>Builds the BPMN 2.0 XML of a definition, with a layered layout for its diagram.</summary>
internal static class BpmnDocument
{
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Di = "http://www.omg.org/spec/BPMN/20100524/DI";
    public static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    public static readonly XNamespace DdDi = "http://www.omg.org/spec/DD/20100524/DI";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public static readonly XNamespace Ceseda = "urn:ceseda:procedure";

    private const int TaskWidth = 170;
    private const int TaskHeight = 80;
    private const int ColumnWidth = 250;
    private const int RowHeight = 150;

    public static XDocument Build(ProcedureDefinition definition)
    {
        var leaves = Occupiable(definition);
        var flows = Flows(definition, leaves);
        var positions = Layout(definition, leaves, flows);
        var processId = Id("Process", definition.Key.Id);
        var process = new XElement(Model + "process", new XAttribute("id", processId),
            new XAttribute("name", definition.Title), new XAttribute("isExecutable", "false"),
            new XAttribute(Ceseda + "procedure", definition.Key.Id), new XAttribute(Ceseda + "version", definition.Key.Version));
        var shapes = new List<XElement>();
        var edges = new List<XElement>();

        process.Add(new XElement(Model + "startEvent", new XAttribute("id", "Start"), new XAttribute("name", "Ouverture du dossier")));
        var initialLeaf = Leaf(definition, definition.InitialState);
        var (sx, sy) = positions[initialLeaf];
        shapes.Add(Shape("Start", sx - 90, sy + ((TaskHeight - 36) / 2), 36, 36));
        AddFlow(process, edges, "Flow_Start", "Start", Id("State", initialLeaf), null, (sx - 54, sy + (TaskHeight / 2)), (sx, sy + (TaskHeight / 2)));

        foreach (var leaf in leaves)
        {
            var (x, y) = positions[leaf.Name];
            var documentation = string.Join("\n", new[] { leaf.Citation?.Text }
                .Concat(Diagram.Chain(definition, leaf.Name).SelectMany(s => s.Arms).Select(a => $"Délai armé : {a.Slot.Title} ({a.Slot.Rule.Id})"))
                .Concat(leaf.OnEntry.Select(t => $"Diligence : {t.Title} ({t.Citation.Text})"))
                .Where(d => d is not null));
            process.Add(new XElement(Model + "task", new XAttribute("id", Id("State", leaf.Name)), new XAttribute("name", leaf.Title),
                new XAttribute(Ceseda + "state", leaf.Name),
                documentation.Length == 0 ? null : new XElement(Model + "documentation", documentation)));
            shapes.Add(Shape(Id("State", leaf.Name), x, y, TaskWidth, TaskHeight));
            if (leaf.IsFinal)
            {
                var end = Id("End", leaf.Name);
                process.Add(new XElement(Model + "endEvent", new XAttribute("id", end), new XAttribute("name", "Fin")));
                shapes.Add(Shape(end, x + TaskWidth + 40, y + ((TaskHeight - 36) / 2), 36, 36));
                AddFlow(process, edges, Id("Flow_End", leaf.Name), Id("State", leaf.Name), end, null,
                    (x + TaskWidth, y + (TaskHeight / 2)), (x + TaskWidth + 40, y + (TaskHeight / 2)));
            }
        }

        var timerCount = new Dictionary<string, int>();
        var index = 0;
        foreach (var (leaf, arrow) in flows)
        {
            index++;
            var target = Leaf(definition, arrow.To);
            var (fx, fy) = positions[leaf];
            var (tx, ty) = positions[target];
            var source = Id("State", leaf);
            var start = (fx + TaskWidth, fy + (TaskHeight / 2));
            if (arrow.Timer is { } slot)
            {
                var n = timerCount[leaf] = timerCount.GetValueOrDefault(leaf) + 1;
                var timer = Id("Timer", $"{leaf}_{slot.Name}_{index}");
                process.Add(new XElement(Model + "boundaryEvent", new XAttribute("id", timer), new XAttribute("name", slot.Title),
                    new XAttribute("attachedToRef", source), new XAttribute("cancelActivity", "true"),
                    new XAttribute(Ceseda + "deadline", slot.Name), new XAttribute(Ceseda + "rule", slot.Rule.Id),
                    new XElement(Model + "timerEventDefinition",
                        new XElement(Model + "timeDate", new XAttribute(Xsi + "type", "bpmn:tFormalExpression"), $"ceseda:{slot.Rule.Id}"))));
                var bx = fx + (n * 40) - 20;
                shapes.Add(Shape(timer, bx, fy + TaskHeight - 18, 36, 36));
                source = timer;
                start = (bx + 18, fy + TaskHeight + 18);
            }

            var flow = new XElement(Model + "sequenceFlow", new XAttribute("id", Id("Flow", $"{index}_{leaf}_{arrow.Trigger}")),
                new XAttribute("name", arrow.Label), new XAttribute("sourceRef", source), new XAttribute("targetRef", Id("State", target)),
                new XAttribute(Ceseda + "trigger", arrow.Trigger),
                arrow.Late ? new XAttribute(Ceseda + "late", "true") : null,
                arrow.Guard is { } guard
                    ? new XElement(Model + "conditionExpression", new XAttribute(Xsi + "type", "bpmn:tFormalExpression"), guard)
                    : null);
            process.Add(flow);
            edges.Add(Edge(flow.Attribute("id")!.Value, start, (tx, ty + (TaskHeight / 2))));
        }

        var definitions = new XElement(Model + "definitions",
            new XAttribute(XNamespace.Xmlns + "bpmn", Model), new XAttribute(XNamespace.Xmlns + "bpmndi", Di),
            new XAttribute(XNamespace.Xmlns + "dc", Dc), new XAttribute(XNamespace.Xmlns + "di", DdDi),
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi), new XAttribute(XNamespace.Xmlns + "ceseda", Ceseda),
            new XAttribute("id", Id("Definitions", definition.Key.Id)), new XAttribute("targetNamespace", "urn:ceseda:procedures"),
            new XAttribute("exporter", "Ceseda"), new XAttribute("exporterVersion", definition.Key.Version.ToString(CultureInfo.InvariantCulture)));

        foreach (var composite in definition.States.Where(s => definition.States.Any(c => c.Parent == s.Name)))
        {
            var members = leaves.Where(l => Diagram.Chain(definition, l.Name).Any(s => s.Name == composite.Name)).Select(l => positions[l.Name]).ToArray();
            var category = Id("Category", composite.Name);
            definitions.Add(new XElement(Model + "category", new XAttribute("id", category),
                new XElement(Model + "categoryValue", new XAttribute("id", Id("CategoryValue", composite.Name)), new XAttribute("value", composite.Title))));
            var group = Id("Group", composite.Name);
            process.Add(new XElement(Model + "group", new XAttribute("id", group), new XAttribute("categoryValueRef", Id("CategoryValue", composite.Name)),
                new XAttribute(Ceseda + "state", composite.Name)));
            var depth = Diagram.Chain(definition, composite.Name).Count();
            var pad = 40 - (depth * 10);
            var left = members.Min(m => m.X) - pad;
            var top = members.Min(m => m.Y) - pad - 10;
            shapes.Add(Shape(group, left, top, members.Max(m => m.X) + TaskWidth + pad - left, members.Max(m => m.Y) + TaskHeight + pad + 20 - top));
        }

        definitions.Add(process);
        definitions.Add(new XElement(Di + "BPMNDiagram", new XAttribute("id", Id("Diagram", definition.Key.Id)),
            new XElement(Di + "BPMNPlane", new XAttribute("id", Id("Plane", definition.Key.Id)), new XAttribute("bpmnElement", processId),
                shapes, edges)));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), definitions);
    }

    /// <summary>The states a case can be in: leaves, and superstates entered directly (without an
    /// initial substate) by some transition.</summary>
    public static StateDescription[] Occupiable(ProcedureDefinition definition) =>
        [.. definition.States.Where(s => !definition.States.Any(c => c.Parent == s.Name)
            || (s.InitialSubstate is null && definition.Transitions.Any(t => t.Destination == s.Name || t.LateDestination == s.Name)))];

    /// <summary>For each leaf state, the arrows that apply to it: its own, then those of its
    /// superstates for triggers it does not handle itself.</summary>
    private static List<(string Leaf, Arrow Arrow)> Flows(ProcedureDefinition definition, StateDescription[] leaves)
    {
        var arrows = Diagram.Arrows(definition);
        var result = new List<(string, Arrow)>();
        foreach (var leaf in leaves)
        {
            var handled = new HashSet<string>();
            foreach (var level in Diagram.Chain(definition, leaf.Name))
            {
                var declared = definition.Transitions.Where(t => t.Source == level.Name).Select(t => t.Trigger).ToHashSet();
                foreach (var arrow in arrows.Where(a => a.From == level.Name && !handled.Contains(a.Trigger)))
                {
                    result.Add((leaf.Name, arrow));
                }

                handled.UnionWith(declared);
            }
        }

        return result;
    }

    private static Dictionary<string, (int X, int Y)> Layout(ProcedureDefinition definition, StateDescription[] leaves,
        List<(string Leaf, Arrow Arrow)> flows)
    {
        var layer = new Dictionary<string, int> { [Leaf(definition, definition.InitialState)] = 0 };
        var queue = new Queue<string>(layer.Keys);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var (_, arrow) in flows.Where(f => f.Leaf == current))
            {
                var target = Leaf(definition, arrow.To);
                if (!layer.ContainsKey(target))
                {
                    layer[target] = layer[current] + 1;
                    queue.Enqueue(target);
                }
            }
        }

        var lastLayer = layer.Count == 0 ? 0 : layer.Values.Max();
        foreach (var leaf in leaves.Where(l => !layer.ContainsKey(l.Name)))
        {
            layer[leaf.Name] = ++lastLayer;
        }

        var positions = new Dictionary<string, (int, int)>();
        foreach (var column in leaves.GroupBy(l => layer[l.Name]))
        {
            var row = 0;
            foreach (var leaf in column)
            {
                positions[leaf.Name] = (200 + (column.Key * ColumnWidth), 100 + (row++ * RowHeight));
            }
        }

        return positions;
    }

    /// <summary>The leaf entered when <paramref name="state"/> is entered (following initial substates).</summary>
    private static string Leaf(ProcedureDefinition definition, string state)
    {
        var s = definition.States.First(x => x.Name == state);
        while (s.InitialSubstate is { } child)
        {
            s = definition.States.First(x => x.Name == child);
        }

        return s.Name;
    }

    private static void AddFlow(XElement process, List<XElement> edges, string id, string from, string to, string? name,
        (int X, int Y) start, (int X, int Y) end)
    {
        process.Add(new XElement(Model + "sequenceFlow", new XAttribute("id", id), name is null ? null : new XAttribute("name", name),
            new XAttribute("sourceRef", from), new XAttribute("targetRef", to)));
        edges.Add(Edge(id, start, end));
    }

    private static XElement Shape(string element, int x, int y, int width, int height) =>
        new(Di + "BPMNShape", new XAttribute("id", element + "_di"), new XAttribute("bpmnElement", element),
            new XElement(Dc + "Bounds", new XAttribute("x", x), new XAttribute("y", y), new XAttribute("width", width), new XAttribute("height", height)));

    private static XElement Edge(string element, (int X, int Y) start, (int X, int Y) end) =>
        new(Di + "BPMNEdge", new XAttribute("id", element + "_di"), new XAttribute("bpmnElement", element),
            new XElement(DdDi + "waypoint", new XAttribute("x", start.X), new XAttribute("y", start.Y)),
            new XElement(DdDi + "waypoint", new XAttribute("x", end.X), new XAttribute("y", end.Y)));

    /// <summary>An XML id (NCName): letters, digits, '_', '-', '.', not starting with a digit.</summary>
    private static string Id(string prefix, string name) =>
        prefix + "_" + new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_')]);
}
