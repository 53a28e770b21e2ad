namespace Ceseda.Rules.Law;

/// <summary>How firmly a legal point is established (<i>degré de certitude</i>), as labelled in
/// the project's legal research.</summary>
public enum Confidence
{
    /// <summary>Text plus a Cour de cassation or Conseil d'État holding, or an unambiguous text
    /// (<i>acquis</i>).</summary>
    Settled,

    /// <summary>Text, or analogy with a holding, with no contrary authority found
    /// (<i>probable</i>).</summary>
    Likely,

    /// <summary>Authorities diverge, or reasonable readings differ (<i>discuté</i>).</summary>
    Contested,

    /// <summary>The primary text could not be read (<i>non confirmé</i>).</summary>
    NotConfirmed,
}

/// <summary>A legal authority a result relies on (<i>fondement</i>): an article of a code or a
/// decision.</summary>
public abstract record Citation
{
    private string? text;
    private System.Text.Json.JsonEncodedText? jsonText;

    /// <summary>Creates a citation.</summary>
    protected Citation()
    {
    }

    /// <summary>Copies a citation for a <c>with</c> expression; the text is rebuilt from the new values.</summary>
    protected Citation(Citation original) => Confidence = original.Confidence;

    /// <summary>How established this reference is.</summary>
    public Confidence Confidence { get; init; } = Confidence.Settled;

    /// <summary>The reference as a lawyer writes it, in French (built once).</summary>
    public string Text => text ??= Format();

    /// <summary>The text escaped once for the evaluation contract's JSON.</summary>
    internal System.Text.Json.JsonEncodedText JsonText =>
        jsonText ??= System.Text.Json.JsonEncodedText.Encode(Text, Evaluation.EvaluationJson.WriterOptions.Encoder);

    /// <summary>Writes the reference in French.</summary>
    protected abstract string Format();

    /// <inheritdoc />
    public sealed override string ToString() => Text;

    /// <summary>Equal when of the same kind with the same values (the cached text is not a value).</summary>
    public virtual bool Equals(Citation? other) =>
        other is not null && EqualityContract == other.EqualityContract && Confidence == other.Confidence;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EqualityContract, Confidence);

    /// <summary>An article of a code.</summary>
    public static ArticleReference Article(string code, string article, int? alinea = null) =>
        new(code, article, alinea);

    /// <summary>A CESEDA article.</summary>
    public static ArticleReference Ceseda(string article, int? alinea = null) => new("CESEDA", article, alinea);

    /// <summary>A Code de procédure civile article.</summary>
    public static ArticleReference Cpc(string article, int? alinea = null) => new("CPC", article, alinea);

    /// <summary>A court decision.</summary>
    public static DecisionReference Decision(string court, string date, string? number = null, string? name = null) =>
        new(court, date, number, name);
}

/// <summary>An article of a code or text (<i>article</i>), optionally narrowed to an alinéa,
/// with the numbering it belongs to.</summary>
/// <param name="Code">"CESEDA", "CPC", "CJA", "C. trav."...</param>
/// <param name="Number">The article number as printed, e.g. "R.552-12".</param>
/// <param name="Alinea">The alinéa, when the reference is that narrow.</param>
public sealed record ArticleReference(string Code, string Number, int? Alinea = null) : Citation
{
    /// <summary>Which numbering the article number belongs to, e.g. "numérotation 2009" or
    /// "depuis le 1er mai 2021"; null when the numbering never changed.</summary>
    public string? Numbering { get; init; }

    /// <inheritdoc />
    protected override string Format()
    {
        var text = Alinea is { } al ? $"{Code} art. {Number} al. {al}" : $"{Code} art. {Number}";
        if (Numbering is not null)
        {
            text += $" ({Numbering})";
        }

        return Confidence switch
        {
            Confidence.Likely => text + " [numérotation probable]",
            Confidence.NotConfirmed => text + " [non confirmé]",
            Confidence.Contested => text + " [discuté]",
            _ => text,
        };
    }

    /// <summary>The same reference with the numbering it belongs to.</summary>
    public ArticleReference In(string numbering) => this with { Numbering = numbering };
}

/// <summary>A court decision (<i>décision de justice</i>).</summary>
/// <param name="Court">As abbreviated in French reports, e.g. "Cass. 1re civ.", "CE".</param>
/// <param name="Date">As written in French, e.g. "27 juin 2018".</param>
/// <param name="Number">The docket number, e.g. "17-22.135".</param>
/// <param name="Name">The usual name of the decision, e.g. "Oprea".</param>
public sealed record DecisionReference(string Court, string Date, string? Number = null, string? Name = null) : Citation
{
    /// <inheritdoc />
    protected override string Format()
    {
        var text = $"{Court}, {Date}";
        if (Number is not null)
        {
            text += $", n° {Number}";
        }

        if (Name is not null)
        {
            text += $", {Name}";
        }

        return text;
    }
}

/// <summary>A source that is neither an article nor a decision: a decree identified by its
/// number, a consolidated version, a reading of the legal research.</summary>
/// <param name="Description">The source, in French.</param>
public sealed record SourceNote(string Description) : Citation
{
    /// <inheritdoc />
    protected override string Format() => Description;
}
