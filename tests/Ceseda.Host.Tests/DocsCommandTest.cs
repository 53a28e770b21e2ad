using Ceseda.Host.Cli;
using Ceseda.Host.Docs;

namespace Ceseda.Host.Tests;

public sealed class DocsCommandTest
{
    private static readonly string Root = DocsCommand.FindRepositoryRoot();
    private static readonly string Law = Path.Combine(Root, "..", "shared", "law");

    private static SortedDictionary<string, string> Generate() =>
        new DocsGenerator(LawTexts.Load(Law), Path.Combine(Root, "tests", "Ceseda.Golden")).Generate();

    [Fact]
    public void RulesDocs_Committed_AreUpToDate()
    {
        Assert.True(Directory.Exists(Law), $"The source texts are expected at {Path.GetFullPath(Law)}.");
        var stale = DocsCommand.Stale(Generate(), Path.Combine(Root, "rules-docs"));
        Assert.True(stale.Count == 0, $"rules-docs/ is stale; run `ceseda docs` and commit: {string.Join(", ", stale)}");
    }

    [Fact]
    public void Generate_EveryRuleHasAPageAndTheIndexLinksIt()
    {
        var pages = Generate();
        foreach (var rule in Rules.RuleCatalogue.All)
        {
            Assert.True(pages.ContainsKey($"rules/{rule.Id}.md"), rule.Id);
            Assert.Contains($"(rules/{rule.Id}.md)", pages["README.md"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Generate_AppealPage_QuotesTheArticleAndShowsTheDecisionsFirst()
    {
        var page = Generate()["rules/retention.appeal.md"];
        Assert.Contains("> L’ordonnance est susceptible d’appel devant le premier président de la cour d’appel", page, StringComparison.Ordinal);
        var examples = page[page.IndexOf("## Exemples", StringComparison.Ordinal)..];
        Assert.StartsWith("### ", examples.Split("\n\n")[2], StringComparison.Ordinal);
        var first = examples.Split("### ")[1];
        Assert.True(first.Contains("*Source : Cass.", StringComparison.Ordinal) || first.Contains("*Source : CA ", StringComparison.Ordinal), first);
    }

    [Fact]
    public void Generate_Glossary_ListsDomainTypesWithTheirFrenchTerm()
    {
        var glossary = Generate()["glossary.md"];
        Assert.Contains("| `Time.DeadlineRule` | délai |", glossary, StringComparison.Ordinal);
        Assert.Contains("| `Calendars.Territory` | territoire |", glossary, StringComparison.Ordinal);
        Assert.Contains("| `retention.appeal` |", glossary, StringComparison.Ordinal);
    }

    [Fact]
    public void LawTexts_Seeds_ParseTheArticlesTheRulesCite()
    {
        var law = LawTexts.Load(Law);
        Assert.Contains("vingt-quatre heures de son prononcé", law["R.552-12"].Text, StringComparison.Ordinal);
        Assert.Contains("trente ans au moins et soixante-dix ans au plus", law["R.111-14"].Text, StringComparison.Ordinal);
        Assert.Contains("2000-1093", law["D.211-6"].Origin, StringComparison.Ordinal);
        Assert.Contains("AGDREF2", law["R.142-11"].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("R. 552-13", law["R.552-12"].Text, StringComparison.Ordinal);
    }
}
