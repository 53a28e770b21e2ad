using System.Text;

namespace Ceseda.Rules.Tests.Golden;

/// <summary>Where the golden cases live and how a received file is written.</summary>
public static class GoldenFiles
{
    public static string Root { get; } = Path.Combine(RepositoryRoot(), "tests", "Ceseda.Golden");

    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Root, "*.yaml", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith(".received.yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>The file's text with its <c>attendu:</c> block replaced.</summary>
    public static string ReplaceExpected(string text, string expectedBlock)
    {
        var lines = text.Split('\n');
        var result = new StringBuilder();
        var i = 0;
        while (i < lines.Length && !lines[i].StartsWith("attendu:", StringComparison.Ordinal))
        {
            result.Append(lines[i++]).Append('\n');
        }

        result.Append(expectedBlock);
        i++;
        while (i < lines.Length && (lines[i].StartsWith(' ') || lines[i].Length == 0))
        {
            i++;
        }

        for (; i < lines.Length; i++)
        {
            result.Append(lines[i]);
            if (i < lines.Length - 1)
            {
                result.Append('\n');
            }
        }

        return result.ToString();
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ceseda.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Ceseda.sln not found above " + AppContext.BaseDirectory);
    }
}
