using System.Collections.Immutable;
using Ceseda.Rules.Evaluation;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ceseda.Rules.Tests.Golden;

/// <summary>One golden case: a request and the legal result the legal team verified, read from
/// a YAML file of tests/Ceseda.Golden.</summary>
public sealed record GoldenCase(
    string Path,
    string Title,
    string Source,
    string Rule,
    string Territory,
    ImmutableArray<FactValue> Facts,
    EvaluationOptions Options,
    GoldenOutcome Expected)
{
    public static GoldenCase Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var facts = ImmutableArray.CreateBuilder<FactValue>();
        if (Child(root, "faits") is YamlMappingNode factNodes)
        {
            foreach (var (key, value) in factNodes.Children)
            {
                facts.Add(ToFact(((YamlScalarNode)key).Value!, (YamlScalarNode)value));
            }
        }

        var options = EvaluationOptions.Default;
        if (Child(root, "options") is YamlMappingNode optionNodes)
        {
            if (Child(optionNodes, "readings") is YamlMappingNode readings)
            {
                foreach (var (key, value) in readings.Children)
                {
                    var id = ((YamlScalarNode)key).Value!;
                    var reading = Readings.Find(id) ?? throw new InvalidDataException($"{path}: unknown reading '{id}'.");
                    options = options.With(reading, ((YamlScalarNode)value).Value!);
                }
            }

            if (Scalar(optionNodes, "goodFriday") is { } goodFriday)
            {
                options = options with { GoodFriday = bool.Parse(goodFriday) };
            }

            if (Scalar(optionNodes, "resolveLocalTime") is { } resolution)
            {
                options = options with { LocalTimeResolution = Enum.Parse<LocalTimeResolution>(resolution, ignoreCase: true) };
            }
        }

        return new GoldenCase(
            path,
            Scalar(root, "titre") ?? throw new InvalidDataException($"{path}: 'titre' is required."),
            Scalar(root, "source") ?? throw new InvalidDataException($"{path}: 'source' is required."),
            Scalar(root, "regle") ?? throw new InvalidDataException($"{path}: 'regle' is required."),
            Scalar(root, "territoire") ?? throw new InvalidDataException($"{path}: 'territoire' is required."),
            facts.ToImmutable(),
            options,
            GoldenOutcome.Read(Child(root, "attendu") as YamlMappingNode ?? throw new InvalidDataException($"{path}: 'attendu' is required.")));
    }

    public EvaluationRequest ToRequest() => new()
    {
        Rule = Rule,
        Territory = Territory,
        Facts = Facts,
        Options = Options,
        Explain = true,
    };

    private static FactValue ToFact(string name, YamlScalarNode node)
    {
        var text = node.Value ?? "";
        if (node.Style is ScalarStyle.Plain)
        {
            if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return FactValue.Of(name, number);
            }

            if (decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                return new FactValue(name, FactValueKind.Number, text);
            }

            if (text is "true" or "false")
            {
                return FactValue.Of(name, text == "true");
            }
        }

        return FactValue.Of(name, text);
    }

    internal static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    internal static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}

/// <summary>The verified result of a golden case, or the result the engine gave.</summary>
public sealed record GoldenOutcome(
    string? ExpiresAt,
    bool? Timely,
    ImmutableSortedDictionary<string, (string ExpiresAt, bool? Timely)> DivergentReadings,
    string? Error)
{
    /// <summary>For a condition: "met", "not-met" or "undetermined".</summary>
    public string? Outcome { get; init; }

    /// <summary>For a condition: the ids of the unmet conditions, in order.</summary>
    public ImmutableArray<string> Unmet { get; init; } = [];

    /// <summary>For a condition: the missing facts, in order.</summary>
    public ImmutableArray<string> Missing { get; init; } = [];

    public static GoldenOutcome Read(YamlMappingNode node)
    {
        var divergent = ImmutableSortedDictionary.CreateBuilder<string, (string, bool?)>(StringComparer.Ordinal);
        if (GoldenCase.Child(node, "divergentReadings") is YamlMappingNode readings)
        {
            foreach (var (key, value) in readings.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                divergent[name] = value switch
                {
                    YamlScalarNode scalar => (scalar.Value!, null),
                    YamlMappingNode map => (GoldenCase.Scalar(map, "expiresAt")!, GoldenCase.Scalar(map, "timely") is { } t ? bool.Parse(t) : null),
                    _ => throw new InvalidDataException($"divergentReadings.{name}: expected an instant or {{expiresAt, timely}}."),
                };
            }
        }

        return new GoldenOutcome(
            GoldenCase.Scalar(node, "expiresAt"),
            GoldenCase.Scalar(node, "timely") is { } timely ? bool.Parse(timely) : null,
            divergent.ToImmutable(),
            GoldenCase.Scalar(node, "erreur"))
        {
            Outcome = GoldenCase.Scalar(node, "outcome"),
            Unmet = List(node, "unmet"),
            Missing = List(node, "missing"),
        };
    }

    private static ImmutableArray<string> List(YamlMappingNode node, string key) =>
        GoldenCase.Child(node, key) is YamlSequenceNode items ? [.. items.Children.Select(i => ((YamlScalarNode)i).Value!)] : [];

    public static GoldenOutcome Of(EvaluationResponse response)
    {
        if (response.Error is { } error)
        {
            return new GoldenOutcome(null, null, ImmutableSortedDictionary<string, (string, bool?)>.Empty, error.Code);
        }

        if (response.Condition is { } condition)
        {
            return new GoldenOutcome(null, null,
                response.DivergentOutcomes.ToImmutableSortedDictionary(
                    d => $"{d.Reading.Id}={d.Option.Id}", d => (EvaluationJson.OutcomeId(d.Outcome), (bool?)null), StringComparer.Ordinal),
                null)
            {
                Outcome = EvaluationJson.OutcomeId(condition.Outcome),
                Unmet = [.. condition.Unmet.Select(u => u.Id)],
                Missing = [.. condition.Missing],
            };
        }

        var result = response.Deadline!.Value;
        var divergent = response.DivergentReadings.ToImmutableSortedDictionary(
            d => $"{d.Reading.Id}={d.Option.Id}",
            d => (IsoText.Format(d.ExpiresAt), d.Timely),
            StringComparer.Ordinal);
        return new GoldenOutcome(IsoText.Format(result.ExpiresAt), result.Timely, divergent, null);
    }

    /// <summary>Whether <paramref name="actual"/> matches this verified outcome; a divergent
    /// reading written as a bare instant is not checked for timeliness.</summary>
    public bool Matches(GoldenOutcome actual)
    {
        if (Error is not null || actual.Error is not null)
        {
            return Error == actual.Error;
        }

        if (ExpiresAt != actual.ExpiresAt || Timely != actual.Timely || DivergentReadings.Count != actual.DivergentReadings.Count
            || Outcome != actual.Outcome || !Unmet.SequenceEqual(actual.Unmet) || !Missing.SequenceEqual(actual.Missing))
        {
            return false;
        }

        foreach (var (name, expected) in DivergentReadings)
        {
            if (!actual.DivergentReadings.TryGetValue(name, out var got)
                || got.ExpiresAt != expected.ExpiresAt
                || (expected.Timely is not null && got.Timely != expected.Timely))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The outcome as the YAML block a golden file holds under <c>attendu:</c>.</summary>
    public string ToYaml()
    {
        if (Error is not null)
        {
            return $"attendu:\n  erreur: {Error}\n";
        }

        var text = new System.Text.StringBuilder("attendu:\n");
        if (Outcome is not null)
        {
            text.Append("  outcome: ").Append(Outcome).Append('\n');
            if (!Unmet.IsEmpty)
            {
                text.Append("  unmet: [").Append(string.Join(", ", Unmet.Select(u => $"\"{u}\""))).Append("]\n");
            }

            if (!Missing.IsEmpty)
            {
                text.Append("  missing: [").Append(string.Join(", ", Missing)).Append("]\n");
            }
        }
        else
        {
            text.Append("  expiresAt: ").Append(ExpiresAt).Append('\n');
        }

        if (Timely is { } timely)
        {
            text.Append("  timely: ").Append(timely ? "true" : "false").Append('\n');
        }

        if (!DivergentReadings.IsEmpty)
        {
            text.Append("  divergentReadings:\n");
            foreach (var (name, (expiresAt, t)) in DivergentReadings)
            {
                text.Append("    ").Append(name).Append(": ");
                text.Append(t is { } b ? $"{{ expiresAt: {expiresAt}, timely: {(b ? "true" : "false")} }}" : expiresAt).Append('\n');
            }
        }

        return text.ToString();
    }
}
