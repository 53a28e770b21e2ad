using Ceseda.Rules.Evaluation;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Ceseda.Rules.Tests.Golden;

/// <summary>Runs every golden case of tests/Ceseda.Golden. A mismatch writes the engine's
/// result beside the case as <c>*.received.yaml</c> (git-ignored) and fails with the diff; the
/// verified file changes only with the legal team's review.</summary>
public sealed class GoldenTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var path in GoldenFiles.All())
        {
            data.Add(Path.GetRelativePath(GoldenFiles.Root, path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_Evaluated_MatchesVerifiedResult(string relativePath)
    {
        var path = Path.Combine(GoldenFiles.Root, relativePath);
        var golden = GoldenCase.Load(path);
        Assert.Equal(Path.GetFileName(Path.GetDirectoryName(path)), golden.Rule);

        var response = Evaluator.Evaluate(golden.ToRequest());
        var actual = GoldenOutcome.Of(response);
        var receivedPath = Path.ChangeExtension(path, ".received.yaml");
        if (golden.Expected.Matches(actual))
        {
            File.Delete(receivedPath);
            return;
        }

        var verified = File.ReadAllText(path);
        var received = GoldenFiles.ReplaceExpected(verified, actual.ToYaml());
        File.WriteAllText(receivedPath, received);
        var diff = new InlineDiffBuilder(new DiffPlex.Differ()).BuildDiffModel(verified, received);
        var lines = diff.Lines
            .Where(l => l.Type != ChangeType.Unchanged)
            .Select(l => (l.Type == ChangeType.Inserted ? "+ " : "- ") + l.Text);
        var error = response.Error is { } e ? $"\nerror: {e.Code}: {e.Message}" : "";
        Assert.Fail($"{relativePath}: the engine's result differs from the verified one ({golden.Source}).{error}\n{string.Join("\n", lines)}\nreceived: {receivedPath}");
    }

    [Fact]
    public void Cases_EachRuleOfTheLegalTimeCore_HasAtLeastOneCase()
    {
        var rules = GoldenFiles.All().Select(p => Path.GetFileName(Path.GetDirectoryName(p))).ToHashSet();
        var missing = RuleCatalogue.All.Select(r => r.Id).Where(id => !rules.Contains(id)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Cases_AllFiles_NameTheirSourceAndKnownRuleAndTerritory()
    {
        foreach (var path in GoldenFiles.All())
        {
            var golden = GoldenCase.Load(path);
            Assert.False(string.IsNullOrWhiteSpace(golden.Source), $"{path}: source is empty");
            Assert.NotNull(RuleCatalogue.Find(golden.Rule));
            Assert.NotNull(Ceseda.Rules.Calendars.Territories.Find(golden.Territory));
        }
    }
}
