using System.Text.RegularExpressions;
using Ceseda.Host.Cli;
using Ceseda.Host.Docs;
using Ceseda.Rules;
using Ceseda.Rules.Conditions;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;

namespace Ceseda.Host.Tests;

/// <summary>Every provision of <c>law/</c> that states a deadline, a period or a condition is
/// a rule's citation or is listed, with its reason, in <see cref="NotImplementedProvisions"/>.</summary>
public sealed partial class CoverageTest
{
    private static readonly string Root = DocsCommand.FindRepositoryRoot();
    private static readonly string Law = Path.Combine(Root, "..", "shared", "law");

    // A number, in figures or in words, followed by a unit of time: "72 heures", "un mois",
    // "vingt-quatre heures" (matched on "quatre heures"), "cinq années".
    [GeneratedRegex(@"\b(?:\d+|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent)\s+(?:heures?|jours?|semaines?|mois|ans?|années?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"\bdélais?\b|\bne peu(?:t|vent)\b|\bque si\b|\bconditions suivantes\b|\bau moins\b|\bau plus\b|\bdoi(?:t|vent)\b|\bà condition\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConditionMarker();

    private static IReadOnlyDictionary<string, LawArticle> LoadLaw()
    {
        Assert.True(Directory.Exists(Law), $"The source texts are expected at {Path.GetFullPath(Law)}.");
        return LawTexts.Load(Law);
    }

    /// <summary>Each CESEDA article a rule cites, with the rules that cite it and the alinéas
    /// (null for the whole article).</summary>
    private static Dictionary<string, List<(string Rule, int? Alinea)>> Cited()
    {
        var cited = new Dictionary<string, List<(string Rule, int? Alinea)>>(StringComparer.Ordinal);
        foreach (var rule in RuleCatalogue.All)
        {
            foreach (var reference in Citations(rule).OfType<ArticleReference>().Where(a => a.Code == "CESEDA"))
            {
                if (!cited.TryGetValue(reference.Number, out var by))
                {
                    cited[reference.Number] = by = [];
                }

                by.Add((rule.Id, reference.Alinea));
            }
        }

        return cited;
    }

    private static IEnumerable<Citation> Citations(Rule rule) => rule switch
    {
        DeadlineRule deadline => deadline.Versions.SelectMany(v => v.Citations),
        ConditionRule condition => condition.Versions.SelectMany(v => v.Citations.Concat(Tree(v.Condition))),
        _ => [],
    };

    private static IEnumerable<Citation> Tree(Condition condition) =>
        condition.Children.SelectMany(Tree).Prepend(condition.Citation);

    private static bool HasDurationOrCondition(LawArticle article) =>
        Duration().IsMatch(article.Text) || ConditionMarker().IsMatch(article.Text);

    private static string Describe(LawArticle article)
    {
        var found = Duration().Matches(article.Text).Concat(ConditionMarker().Matches(article.Text)).Select(m => $"« {m.Value} »").Distinct();
        return $"{article.Number} ({article.File}: {string.Join(", ", found)})";
    }

    [Fact]
    public void EveryArticleWithADurationOrACondition_IsCitedByARuleOrListedAsNotImplemented()
    {
        var cited = Cited();
        var listed = NotImplementedProvisions.All.Select(p => p.Article).ToHashSet(StringComparer.Ordinal);
        var offenders = LoadLaw().Values
            .Where(HasDurationOrCondition)
            .Where(a => !cited.ContainsKey(a.Number) && !listed.Contains(a.Number))
            .Select(Describe)
            .ToList();
        Assert.True(offenders.Count == 0,
            "These articles of law/ state a duration or a condition but no rule cites them and NotImplementedProvisions.All does not list them; "
            + "encode a rule citing them, or list them with the reason (Planned if the deadline or condition is computable):\n"
            + string.Join("\n", offenders));
    }

    [Fact]
    public void EveryArticleOfTheSourceTexts_IsCitedByARuleOrListedAsNotImplemented()
    {
        var cited = Cited();
        var listed = NotImplementedProvisions.All.Select(p => p.Article).ToHashSet(StringComparer.Ordinal);
        var offenders = LoadLaw().Values
            .Where(a => !cited.ContainsKey(a.Number) && !listed.Contains(a.Number))
            .Select(a => $"{a.Number} ({a.File})")
            .ToList();
        Assert.True(offenders.Count == 0,
            "not-implemented.md must list each provision of the source texts that no rule cites; missing from NotImplementedProvisions.All:\n"
            + string.Join("\n", offenders));
    }

    [Fact]
    public void NotImplementedProvisions_NameArticlesOfTheSourceTexts()
    {
        var law = LoadLaw();
        var raw = string.Join("\n", Directory.EnumerateFiles(Law, "*.txt").Select(File.ReadAllText));
        var offenders = NotImplementedProvisions.All
            .Where(p => !law.ContainsKey(p.Article)
                && !p.Explanation.Contains(NotImplementedProvisions.NumberNotPrinted, StringComparison.Ordinal)
                && !PrintedAsHeading(raw, p.Article))
            .Select(p => p.Text)
            .ToList();
        Assert.True(offenders.Count == 0,
            "These NotImplementedProvisions entries name no article of law/ (and their explanation does not say that the source prints no number):\n"
            + string.Join("\n", offenders));
    }

    /// <summary>Whether the source prints the article as a heading the parser leaves out, such
    /// as "Article R611-17 (abrogé)".</summary>
    private static bool PrintedAsHeading(string raw, string article)
    {
        var parts = article.Split('.', 2);
        return parts.Length == 2 && parts[0].Length == 1
            && Regex.IsMatch(raw, $@"\bArticle\s+{Regex.Escape(parts[0])}\.?\s?{Regex.Escape(parts[1])}\b");
    }

    [Fact]
    public void NotImplementedProvisions_AreNotAlsoCitedByARule()
    {
        var cited = Cited();
        var offenders = NotImplementedProvisions.All
            .Where(p => cited.TryGetValue(p.Article, out var by) && (p.Alinea is null || by.Any(c => c.Alinea == p.Alinea)))
            .Select(p => $"{p.Text} is cited by {string.Join(", ", cited[p.Article].Where(c => p.Alinea is null || c.Alinea == p.Alinea).Select(c => c.Rule).Distinct())}")
            .ToList();
        Assert.True(offenders.Count == 0,
            "These provisions are listed as not implemented but a rule cites them; remove them from NotImplementedProvisions.All (or narrow the entry to an alinéa the rule does not cite):\n"
            + string.Join("\n", offenders));
    }

    [Fact]
    public void NotImplementedProvisions_AreUniqueAndExplained()
    {
        var duplicates = NotImplementedProvisions.All.GroupBy(p => p.Text, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "Listed more than once in NotImplementedProvisions.All: " + string.Join(", ", duplicates));
        var articleAndWhole = NotImplementedProvisions.All.GroupBy(p => p.Article, StringComparer.Ordinal)
            .Where(g => g.Count() > 1 && g.Any(p => p.Alinea is null)).Select(g => g.Key).ToList();
        Assert.True(articleAndWhole.Count == 0, "Listed both as a whole and by alinéa: " + string.Join(", ", articleAndWhole));
        Assert.All(NotImplementedProvisions.All, p => Assert.False(string.IsNullOrWhiteSpace(p.Explanation), p.Text));
    }

    [Fact]
    public void NotImplementedPage_ListsEveryProvisionAndTheIndexLinksIt()
    {
        var pages = new DocsGenerator(LoadLaw(), Path.Combine(Root, "tests", "Ceseda.Golden")).Generate();
        var page = pages["not-implemented.md"];
        Assert.Contains("(not-implemented.md)", pages["README.md"], StringComparison.Ordinal);
        Assert.All(NotImplementedProvisions.All, p => Assert.Contains($"| {p.Text} | ", page, StringComparison.Ordinal));
        Assert.True(page.IndexOf("## Règles prévues", StringComparison.Ordinal) < page.IndexOf("## Dispositions d'organisation", StringComparison.Ordinal),
            "Planned rules come first.");
    }

    [Fact]
    public void LawTexts_Seeds_ParseTheArticlesHeadedArtOrArticle()
    {
        var law = LoadLaw();
        Assert.Contains("32 jours", law["R.611-20"].Text, StringComparison.Ordinal);
        Assert.Contains("photographie d’identité", law["R.211-4-1"].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("photographie", law["R.211-4"].Text, StringComparison.Ordinal);
        Assert.Contains("marché public", law["R.821-1"].Text, StringComparison.Ordinal);
    }
}
