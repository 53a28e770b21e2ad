using System.Collections.Immutable;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Evaluation;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using Ceseda.Workflows.Procedures;
using Ceseda.Workflows.StateMachines;
using NodaTime;
using YamlDotNet.RepresentationModel;

namespace Ceseda.Workflows.Tests.Scenarios;

/// <summary>A scenario golden file (<c>tests/Ceseda.Scenarios/&lt;procedure&gt;/&lt;case&gt;.yaml</c>): a case
/// replayed step by step, each step with the state, deadlines and timeliness worked out by hand.</summary>
internal sealed record Scenario(string Title, string Source, ProcedureDefinition Procedure, Territory Territory, EvaluationOptions Options,
    ImmutableArray<ScenarioStep> Steps)
{
    public static string Root { get; } = Path.Combine(Repository.Root, "tests", "Ceseda.Scenarios");

    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static Scenario Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var procedureId = Scalar(root, "procedure") ?? throw Missing(path, "procedure");
        var procedure = ProcedureCatalogue.Find(procedureId) ?? throw new InvalidDataException($"{path}: unknown procedure '{procedureId}'");
        var territoryId = Scalar(root, "territoire") ?? throw Missing(path, "territoire");
        var territory = Territories.Find(territoryId) ?? throw new InvalidDataException($"{path}: unknown territory '{territoryId}'");
        var options = EvaluationOptions.Default;
        if (Child(root, "options") is YamlMappingNode o)
        {
            foreach (var (key, value) in o.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                var text = ((YamlScalarNode)value).Value!;
                options = name == "goodFriday"
                    ? options with { GoodFriday = bool.Parse(text) }
                    : options.With(Readings.Find(name) ?? throw new InvalidDataException($"{path}: unknown reading '{name}'"), text);
            }
        }

        var steps = ((YamlSequenceNode)(Child(root, "etapes") ?? throw Missing(path, "etapes"))).Children
            .Select((s, i) => ScenarioStep.Read((YamlMappingNode)s, procedure, territory, $"{path} etape {i + 1}")).ToImmutableArray();
        return new Scenario(Scalar(root, "titre") ?? throw Missing(path, "titre"), Scalar(root, "source") ?? throw Missing(path, "source"),
            procedure, territory, options, steps);
    }

    public static Instant ParseInstant(string text, DateTimeZone zone, string field) =>
        IsoText.ToInstant(IsoText.Parse(text, field), zone, LocalTimeResolution.Strict, field);

    internal static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    internal static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    private static InvalidDataException Missing(string path, string key) => new($"{path}: '{key}' is missing");
}

/// <summary>One step: an act (<c>acte</c>, <c>a</c>, <c>faits</c>) or the passing of time
/// (<c>avancer</c>), and what is expected after it (<c>attendu</c>).</summary>
internal sealed record ScenarioStep(string? Trigger, Instant At, CaseFacts Facts, bool Advance, string? ExpectedState,
    ImmutableDictionary<string, Instant> ExpectedDeadlines, bool? ExpectedTimely, ImmutableArray<string> ExpectedExpiries, string? ExpectedError)
{
    public static ScenarioStep Read(YamlMappingNode node, ProcedureDefinition procedure, Territory territory, string where)
    {
        var zone = territory.Zone;
        var advance = Scenario.Scalar(node, "avancer");
        var trigger = Scenario.Scalar(node, "acte");
        var at = advance ?? Scenario.Scalar(node, "a") ?? throw new InvalidDataException($"{where}: 'a' or 'avancer' is missing");
        var facts = new List<(string, object)>();
        if (Scenario.Child(node, "faits") is YamlMappingNode f)
        {
            foreach (var (key, value) in f.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                var text = ((YamlScalarNode)value).Value!;
                var type = procedure.Triggers.SelectMany(t => t.Facts).FirstOrDefault(d => d.Name == name)?.Type;
                facts.Add((name, type switch
                {
                    FactType.Boolean => bool.Parse(text),
                    FactType.Integer => long.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
                    FactType.Amount => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
                    FactType.Instant => Scenario.ParseInstant(text, zone, name),
                    FactType.Date => IsoText.Parse(text, name).Date,
                    _ => text,
                }));
            }
        }

        var expected = Scenario.Child(node, "attendu") as YamlMappingNode;
        var deadlines = ImmutableDictionary.CreateBuilder<string, Instant>();
        if (expected is not null && Scenario.Child(expected, "delais") is YamlMappingNode d)
        {
            foreach (var (key, value) in d.Children)
            {
                deadlines[((YamlScalarNode)key).Value!] = Scenario.ParseInstant(((YamlScalarNode)value).Value!, zone, "delais");
            }
        }

        var expiries = expected is not null && Scenario.Child(expected, "echeances") is YamlSequenceNode e
            ? e.Children.Select(x => ((YamlScalarNode)x).Value!).ToImmutableArray()
            : [];
        var timely = expected is null ? null : Scenario.Scalar(expected, "dansLeDelai");
        return new ScenarioStep(trigger, Scenario.ParseInstant(at, zone, "a"), CaseFacts.Of([.. facts]), advance is not null,
            expected is null ? null : Scenario.Scalar(expected, "etat"), deadlines.ToImmutable(), timely is null ? null : bool.Parse(timely),
            expiries, expected is null ? null : Scenario.Scalar(expected, "erreur"));
    }
}
