using System.Text;
using System.Text.RegularExpressions;

namespace Ceseda.Host.Docs;

/// <summary>An article of the source texts, as printed there.</summary>
/// <param name="Number">Normalised number, e.g. "R.552-12".</param>
/// <param name="Origin">The decree it comes from, as the compilation gives it.</param>
/// <param name="Text">The article's text.</param>
/// <param name="File">The source file.</param>
internal sealed record LawArticle(string Number, string Origin, string Text, string File);

/// <summary>Reads the articles of the source texts (<c>law/</c>) so that the docs can quote them.</summary>
internal static partial class LawTexts
{
    // "R. 111-1", "R.*213-3", "D. 211-5" and, in the 2007 sections of the compilation,
    // "Art. R. 611-18" or "Art. R. 211-4-1.".
    [GeneratedRegex(@"^(?:Art\.\s*)?(?<kind>[RD])\.\*?\s?(?<number>\d{3}-\d+(?:-\d+)?)\.?$")]
    private static partial Regex CompiledHeader();

    // "###### Article R142-11" and the bare "Article R821-1" line of the compilation.
    [GeneratedRegex(@"^(?:#+\s*)?Article\s+(?<kind>[RDL])(?<number>\d{3}-\d+(?:-\d+)?)\s*$")]
    private static partial Regex MarkdownHeader();

    [GeneratedRegex(@"^(Section|Sous-section|Chapitre|TITRE|LIVRE|Sur (les|le|la|l’)|\*{5})")]
    private static partial Regex Heading();

    public static IReadOnlyDictionary<string, LawArticle> Load(string directory)
    {
        var articles = new Dictionary<string, LawArticle>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*.txt").Order(StringComparer.Ordinal))
        {
            string? number = null;
            var origin = new StringBuilder();
            var text = new StringBuilder();
            void Flush()
            {
                if (number is not null && !articles.ContainsKey(number))
                {
                    articles[number] = new LawArticle(number, origin.ToString().Trim(), text.ToString().Trim(), Path.GetFileName(file));
                }

                number = null;
                origin.Clear();
                text.Clear();
            }

            foreach (var raw in File.ReadLines(file))
            {
                var line = raw.TrimEnd();
                var header = CompiledHeader().Match(line.Trim());
                if (!header.Success)
                {
                    header = MarkdownHeader().Match(line.Trim());
                }

                if (header.Success)
                {
                    Flush();
                    number = $"{header.Groups["kind"].Value}.{header.Groups["number"].Value}";
                    continue;
                }

                if (number is null)
                {
                    continue;
                }

                if (Heading().IsMatch(line.Trim()))
                {
                    Flush();
                    continue;
                }

                if (text.Length == 0 && line.TrimStart().StartsWith('('))
                {
                    origin.Append(line.Trim()).Append(' ');
                }
                else if (line.Length > 0 || text.Length > 0)
                {
                    text.Append(line).Append('\n');
                }
            }

            Flush();
        }

        return articles;
    }
}
