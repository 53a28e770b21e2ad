using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Ceseda.Workflows.Tests;

/// <summary>Compares a text with its verified golden file; on a difference, writes the received
/// text beside it (<c>name.received.ext</c>, git-ignored) and fails with the diff. A reviewer
/// renames the received file over the verified one once the legal team has approved it.</summary>
internal static class TextGolden
{
    public static void Verify(string verifiedPath, string actual, string what)
    {
        var received = Path.Combine(Path.GetDirectoryName(verifiedPath)!,
            Path.GetFileNameWithoutExtension(verifiedPath) + ".received" + Path.GetExtension(verifiedPath));
        var relative = Path.GetRelativePath(Repository.Root, verifiedPath);
        if (!File.Exists(verifiedPath))
        {
            File.WriteAllText(received, actual);
            Assert.Fail($"{relative}: no verified {what}. The received one is at {received}; review it before renaming it.");
        }

        var verified = File.ReadAllText(verifiedPath).ReplaceLineEndings("\n");
        if (verified == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        var diff = new InlineDiffBuilder(new DiffPlex.Differ()).BuildDiffModel(verified, actual);
        var lines = diff.Lines.Where(l => l.Type != ChangeType.Unchanged)
            .Select(l => (l.Type == ChangeType.Inserted ? "+ " : "- ") + l.Text).Take(40);
        Assert.Fail($"{relative}: the {what} differs from the verified one.\n{string.Join("\n", lines)}\nreceived: {received}");
    }
}
