using Ceseda.Host.Docs;

namespace Ceseda.Host.Cli;

/// <summary><c>ceseda docs</c>: regenerates <c>rules-docs/</c>, or with <c>--check</c> says
/// whether it is stale.</summary>
internal static class DocsCommand
{
    public static async Task<int> RunAsync(string[] args, Stream stdout, TextWriter stderr)
    {
        var root = FindRepositoryRoot();
        string law = Path.Combine(root, "..", "shared", "law"), golden = Path.Combine(root, "tests", "Ceseda.Golden"), output = Path.Combine(root, "rules-docs");
        var check = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new UsageException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--law":
                    law = Next();
                    break;
                case "--golden":
                    golden = Next();
                    break;
                case "--out":
                    output = Next();
                    break;
                case "--check":
                    check = true;
                    break;
                default:
                    throw new UsageException($"unexpected argument '{args[i]}'; usage: ceseda docs [--law DIR] [--golden DIR] [--out DIR] [--check].");
            }
        }

        if (!Directory.Exists(law))
        {
            throw new UsageException($"the source texts were not found at {Path.GetFullPath(law)}; give --law DIR.");
        }

        var pages = new DocsGenerator(LawTexts.Load(law), golden).Generate();
        var stale = Stale(pages, output);
        if (check)
        {
            foreach (var path in stale)
            {
                await stderr.WriteLineAsync($"rules-docs/{path} is stale: run `ceseda docs`.").ConfigureAwait(false);
            }

            return stale.Count == 0 ? 0 : 1;
        }

        foreach (var path in Directory.Exists(output) ? Directory.EnumerateFiles(output, "*.md", SearchOption.AllDirectories) : [])
        {
            if (!pages.ContainsKey(Path.GetRelativePath(output, path).Replace('\\', '/')))
            {
                File.Delete(path);
            }
        }

        foreach (var (path, content) in pages)
        {
            var file = Path.Combine(output, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, content).ConfigureAwait(false);
        }

        await CesedaCommand.WriteAsync(stdout, $"rules-docs: {pages.Count} pages written to {Path.GetFullPath(output)} ({stale.Count} changed).\n").ConfigureAwait(false);
        return 0;
    }

    /// <summary>The pages whose file is missing, different, or no longer generated.</summary>
    internal static List<string> Stale(IReadOnlyDictionary<string, string> pages, string output)
    {
        var stale = pages.Where(p => !File.Exists(Path.Combine(output, p.Key)) || File.ReadAllText(Path.Combine(output, p.Key)) != p.Value)
            .Select(p => p.Key).ToList();
        if (Directory.Exists(output))
        {
            stale.AddRange(Directory.EnumerateFiles(output, "*.md", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
                .Where(p => !pages.ContainsKey(p)));
        }

        return stale;
    }

    internal static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Ceseda.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new UsageException("run `ceseda docs` inside the Ceseda repository (Ceseda.sln not found), or give --law, --golden and --out.");
    }
}
