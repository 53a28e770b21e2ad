using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Workflows.StateMachines;

/// <summary>When a clerk task is due.</summary>
public enum TaskDueKind
{
    /// <summary>No set time.</summary>
    None,

    /// <summary>At once (<i>sans délai, immédiatement</i>): due at the instant the state is entered.</summary>
    Immediately,

    /// <summary>By the end of a deadline armed in the case.</summary>
    ByDeadline,
}

/// <summary>What a state asks of the registry when entered (<i>diligence du greffe</i>): notify the
/// parties, send the file to the court of appeal, hold the hearing before the 48 h end.</summary>
/// <param name="Id">A stable id, e.g. "send-file".</param>
/// <param name="Title">The task in French, e.g. "Transmettre sans délai le dossier au greffe de la cour d'appel".</param>
/// <param name="Citation">The article that asks for it.</param>
public sealed record ClerkTaskTemplate(string Id, string Title, Citation Citation)
{
    /// <summary>When it is due.</summary>
    public TaskDueKind Due { get; init; }

    /// <summary>The deadline it is due by, for <see cref="TaskDueKind.ByDeadline"/>.</summary>
    public DeadlineSlot? Deadline { get; init; }

    /// <summary>A task due at once.</summary>
    public static ClerkTaskTemplate Immediate(string id, string title, Citation citation) =>
        new(id, title, citation) { Due = TaskDueKind.Immediately };

    /// <summary>A task due by the end of <paramref name="deadline"/>.</summary>
    public static ClerkTaskTemplate By(DeadlineSlot deadline, string id, string title, Citation citation) =>
        new(id, title, citation) { Due = TaskDueKind.ByDeadline, Deadline = deadline };

    /// <summary>A task with no set time.</summary>
    public static ClerkTaskTemplate Whenever(string id, string title, Citation citation) => new(id, title, citation);
}

/// <summary>A clerk task emitted in a case, open while the state that emitted it is current. A value:
/// the case's arrays hold the tasks themselves.</summary>
/// <param name="Id">The template's id.</param>
/// <param name="Title">The task in French.</param>
/// <param name="Due">When it is due, in the territory's zone (or the deadline's), if set.</param>
/// <param name="Citation">The article that asks for it.</param>
/// <param name="Owner">The state that emitted it.</param>
public readonly record struct ClerkTask(string Id, string Title, ZonedDateTime? Due, string Citation, string Owner);
