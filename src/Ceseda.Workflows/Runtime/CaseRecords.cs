using System.Collections.Immutable;
using Ceseda.Workflows.StateMachines;
using NodaTime;

namespace Ceseda.Workflows.Runtime;

/// <summary>A stored case: its current snapshot and the row version to send with the next act.</summary>
/// <param name="CaseId">The case's id.</param>
/// <param name="Court">The court (<i>juridiction</i>) whose listings show it.</param>
/// <param name="Version">The row version: 1 when started, + 1 on each committed write. Send it as
/// the expected version of the next act.</param>
/// <param name="Snapshot">The case now.</param>
/// <param name="NextDue">The instant of the next deadline to pass, if any.</param>
/// <param name="OpenedAt">When the runtime stored the case (its clock, not a legal instant).</param>
/// <param name="UpdatedAt">When the runtime last wrote it (its clock).</param>
public sealed record StoredCase(string CaseId, string Court, long Version, CaseSnapshot Snapshot, Instant? NextDue,
    Instant OpenedAt, Instant UpdatedAt);

/// <summary>What an act or a deadline run committed.</summary>
/// <param name="CaseId">The case's id.</param>
/// <param name="Version">The row version after the write.</param>
/// <param name="Snapshot">The case after the events.</param>
/// <param name="Events">The events appended, in order (expiries first, then the act).</param>
/// <param name="IsRetry">True when the idempotency key had already been used for this act: nothing
/// was written and the stored result is returned.</param>
/// <param name="WrittenAt">When the runtime stored it (its clock, not a legal instant): for an expiry,
/// minus the event's legal instant, how late the timer let the deadline pass.</param>
public sealed record CaseWrite(string CaseId, long Version, CaseSnapshot Snapshot, ImmutableArray<CaseEvent> Events, bool IsRetry,
    Instant WrittenAt);

/// <summary>What is due in a court's listing.</summary>
public enum DueKind
{
    /// <summary>A running deadline (<i>délai</i>).</summary>
    Deadline,

    /// <summary>An open clerk task with a due date (<i>diligence du greffe</i>).</summary>
    ClerkTask,
}

/// <summary>A deadline or an open clerk task due in a window.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Kind">A deadline or a clerk task.</param>
/// <param name="Name">The deadline's slot or the task's id.</param>
/// <param name="Title">In French.</param>
/// <param name="Due">When it falls due, in the case's territory.</param>
/// <param name="Citation">The article behind it.</param>
public sealed record DueItem(string CaseId, DueKind Kind, string Name, string Title, ZonedDateTime Due, string Citation);

/// <summary>A case the runtime could not read or advance, and why.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Error">The error, naming the case and what to do.</param>
public sealed record CaseFailure(string CaseId, CaseStoreException Error);

/// <summary>A court's listing: what is due, in order, and the cases that could not be read.</summary>
/// <param name="Items">Due in the window, by instant then case.</param>
/// <param name="Unreadable">Cases of the court whose stored row is unreadable; the others are listed.</param>
public sealed record DueListing(ImmutableArray<DueItem> Items, ImmutableArray<CaseFailure> Unreadable);

/// <summary>What a deadline run did.</summary>
/// <param name="Advanced">The cases whose deadlines passed, with their expiry events.</param>
/// <param name="Failed">The cases that could not be advanced; the others were.</param>
public sealed record AdvanceReport(ImmutableArray<CaseWrite> Advanced, ImmutableArray<CaseFailure> Failed);
