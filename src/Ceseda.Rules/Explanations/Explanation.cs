using System.Text;
using Ceseda.Rules.Law;

namespace Ceseda.Rules.Explanations;

/// <summary>One step of a result's reasoning, in French, with the authority behind it
/// (<i>étape du raisonnement</i>).</summary>
public abstract record ExplanationStep
{
    /// <summary>The authority for this step, if any.</summary>
    public abstract Citation? Citation { get; init; }

    /// <summary>The step as a sentence in French.</summary>
    public abstract string Text { get; }
}

/// <summary>A step stated in words: a note, a finding.</summary>
/// <param name="Note">The sentence, in French.</param>
/// <param name="Citation">Its authority, if any.</param>
public sealed record NoteStep(string Note, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override string Text => Note;
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
