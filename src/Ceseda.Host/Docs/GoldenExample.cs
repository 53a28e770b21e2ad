using YamlDotNet.RepresentationModel;

namespace Ceseda.Host.Docs;

/// <summary>A golden case as shown in the docs: its title, source, facts, expected result and working.</summary>
internal sealed record GoldenExample(
    string File,
    string Title,
    string Source,
    string Territory,
    IReadOnlyList<(string Name, string Value)> Facts,
    IReadOnlyList<(string Name, string Value)> Options,
    IReadOnlyList<(string Name, string Value)> Expected,
    string? Working)
{
    /// <summary>Constructed (hand-worked) cases come after those taken from decisions.</summary>
    public bool IsConstructed => !new[] { "Cass.", "CE,", "CE ", "CAA ", "CA " }.Any(court => Source.StartsWith(court, StringComparison.Ordinal));

    public static GoldenExample Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return new GoldenExample(
            Path.GetFileName(path),
            Scalar(root, "titre") ?? Path.GetFileName(path),
            Scalar(root, "source") ?? "",
            Scalar(root, "territoire") ?? "",
            Flatten(Child(root, "faits"), ""),
            Flatten(Child(root, "options"), ""),
            Flatten(Child(root, "attendu"), ""),
            Scalar(root, "calcul"));
    }

    private static List<(string, string)> Flatten(YamlNode? node, string prefix)
    {
        var list = new List<(string, string)>();
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = prefix + ((YamlScalarNode)key).Value;
                    if (value is YamlScalarNode scalar)
                    {
                        list.Add((name, scalar.Value ?? ""));
                    }
                    else if (value is YamlSequenceNode sequence)
                    {
                        list.Add((name, string.Join(", ", sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value))));
                    }
                    else
                    {
                        list.AddRange(Flatten(value, name + " "));
                    }
                }

                break;
            case YamlScalarNode scalar:
                list.Add((prefix.Trim(), scalar.Value ?? ""));
                break;
        }

        return list;
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
