using Ceseda.Rules.Law;

namespace Ceseda.Workflows.Procedures;

/// <summary>Citations of the procedures, in the 2009 numbering and the numbering in force since
/// 1 May 2021, with the confidence LEGAL-NOTES §4.1 gives the current number.</summary>
internal static class Cite
{
    public const string Numbering2009 = "numérotation 2009";
    public const string Numbering2021 = "depuis le 1er mai 2021";

    /// <summary>A CESEDA article in the 2009 numbering.</summary>
    public static ArticleReference Then(string article, int? alinea = null) => Citation.Ceseda(article, alinea).In(Numbering2009);

    /// <summary>A CESEDA article in the numbering in force since 1 May 2021.</summary>
    public static ArticleReference Now(string article, Confidence confidence = Confidence.Settled) =>
        Citation.Ceseda(article).In(Numbering2021) with { Confidence = confidence };

    /// <summary>Both numberings, e.g. "CESEDA art. R.552-12 al. 1 (numérotation 2009) ; CESEDA art.
    /// R.743-10 (depuis le 1er mai 2021) [numérotation probable]".</summary>
    public static Citation Both(ArticleReference then, ArticleReference now) => new SourceNote($"{then.Text} ; {now.Text}");

    /// <summary>Several authorities read together.</summary>
    public static Citation All(params Citation[] citations) => new SourceNote(string.Join(" ; ", citations.Select(c => c.Text)));
}
