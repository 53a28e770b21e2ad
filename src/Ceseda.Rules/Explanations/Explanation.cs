using System.Text;
using Ceseda.Rules.Law;

namespace Ceseda.Rules.Explanations;

/// <summary>One step of a result's reasoning, in French, with the authority behind it
/// (<i>étape du raisonnement</i>).</summary>
/// <remarks>A step writes its sentence straight into UTF-8 (<see cref="TryFormat(Span{byte}, out int)"/>),
/// as the evaluation contract sends it; <see cref="Text"/> decodes that.</remarks>
public abstract record ExplanationStep : IUtf8SpanFormattable
{
    /// <summary>The authority for this step, if any.</summary>
    public abstract Citation? Citation { get; init; }

    /// <summary>The step as a sentence in French.</summary>
    public virtual string Text => Utf8Text.ToString(this);

    /// <summary>Writes the sentence in UTF-8; false when it does not fit in
    /// <paramref name="utf8Destination"/>.</summary>
    public abstract bool TryFormat(Span<byte> utf8Destination, out int bytesWritten);

    /// <inheritdoc />
    bool IUtf8SpanFormattable.TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryFormat(utf8Destination, out bytesWritten);
}

/// <summary>A step stated in words: a note, a finding.</summary>
/// <param name="Note">The sentence, in French.</param>
/// <param name="Citation">Its authority, if any.</param>
public sealed record NoteStep(string Note, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override string Text => Note;

    /// <inheritdoc />
    public override bool TryFormat(Span<byte> utf8Destination, out int bytesWritten) =>
        Encoding.UTF8.TryGetBytes(Note, utf8Destination, out bytesWritten);
}

/// <summary>The steps that led to a result (<i>explication</i>). Steps are captured as data
/// and written in French only when rendered.</summary>
public sealed class Explanation
{
    private readonly List<ExplanationStep> steps = new(8);

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<ExplanationStep> Steps => steps;

    /// <summary>Adds a step.</summary>
    public void Add(ExplanationStep step) => steps.Add(step);

    /// <summary>Plain text: one step per line, each followed by its citation in brackets.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            text.Append(i + 1).Append(". ").Append(step.Text);
            if (step.Citation is { } citation)
            {
                text.Append(" [").Append(citation.Text).Append(']');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Markdown: a numbered list, citations in italics.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            text.Append(i + 1).Append(". ").Append(step.Text);
            if (step.Citation is { } citation)
            {
                text.Append(" — *").Append(citation.Text).Append('*');
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
