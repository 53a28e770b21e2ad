using System.Collections.Immutable;
using Ceseda.Rules.Evaluation;
using Ceseda.Rules.Law;
using Ceseda.Workflows.Runtime;
using Ceseda.Workflows.StateMachines;
using NodaTime;

namespace Ceseda.Host.Api;

// The API's JSON, camelCase. Instants are ISO-8601 strings with their UTC offset, in the zone of
// the case's territory ("2017-01-23T17:20:00+01:00"); French titles and reasons come from the
// procedure definitions.

/// <summary>The body of <c>POST /api/cases</c>.</summary>
/// <param name="Procedure">The procedure's id, e.g. "retention.ordinance-appeal".</param>
/// <param name="Territory">The territory's id, e.g. "metropole": its zone and holidays count the deadlines.</param>
/// <param name="Court">The court (or office) whose listing holds the case, e.g. "CA Paris".</param>
/// <param name="CaseId">The case's id (1 to 100 characters); generated when absent.</param>
/// <param name="Readings">The readings of contested points the case's deadlines use, e.g. {"prorogation-end": "same-hour"}.</param>
internal sealed record StartCaseBody(string Procedure, string Territory, string Court, string? CaseId,
    IReadOnlyDictionary<string, string>? Readings);

/// <summary>The body of <c>POST /api/cases/{id}/acts</c>.</summary>
/// <param name="Trigger">The act, e.g. "LodgeAppeal".</param>
/// <param name="At">Its legal instant with its UTC offset (a local time only when it occurs once in the territory's zone).</param>
/// <param name="Facts">The facts it carries, as its trigger declares them.</param>
/// <param name="ExpectedVersion">The case's version as last read; another version is a conflict (409).</param>
internal sealed record ActBody(string Trigger, string At, IReadOnlyDictionary<string, object>? Facts, long ExpectedVersion);

/// <summary>A procedure of the catalogue.</summary>
internal sealed record ProcedureView(string Id, int Version, string Title, IReadOnlyList<string> Citations)
{
    public static ProcedureView Of(ProcedureDefinition d) =>
        new(d.Key.Id, d.Key.Version, d.Title, [.. d.Citations.Select(c => c.Text)]);
}

/// <summary>A deadline of a case.</summary>
/// <param name="Slot">Its name in the procedure, e.g. "appeal-window".</param>
/// <param name="Title">In French.</param>
/// <param name="Rule">The rule that computes it, e.g. "retention.appeal".</param>
/// <param name="Start">The instant it runs from.</param>
/// <param name="ExpiresAt">The last instant an act is on time.</param>
/// <param name="Status">armed (running), expired or closed.</param>
/// <param name="Citation">The articles of the rule version applied.</param>
/// <param name="RuleVersion">The rule version applied (its date of effect).</param>
internal sealed record DeadlineView(string Slot, string Title, string Rule, string Start, string ExpiresAt, string Status, string Citation,
    string RuleVersion)
{
    public static DeadlineView Of(ProcedureDefinition d, DeadlineEntry e, DateTimeZone zone)
    {
        var slot = d.Slot(e.Slot);
        return new(e.Slot, slot.Title, slot.Rule.Id, Views.At(e.Start, zone), Views.At(e.ExpiresAt), Views.Status(e.Status), e.Citation, e.Version);
    }
}

/// <summary>An open clerk task of a case.</summary>
internal sealed record TaskView(string Id, string Title, string? Due, string Citation)
{
    public static TaskView Of(ClerkTask t) => new(t.Id, t.Title, t.Due is { } due ? Views.At(due) : null, t.Citation);
}

/// <summary>How an act stands, or stood, against the deadline guarding it.</summary>
internal sealed record CheckView(string Slot, string? ExpiresAt, bool Timely)
{
    public static CheckView? Of(DeadlineCheck? check) =>
        check is { } c ? new(c.Slot, c.ExpiresAt is { } at ? Views.At(at) : null, c.Timely) : null;
}

/// <summary>A fact an act carries.</summary>
internal sealed record FactView(string Name, string Type, bool Required, string Description, IReadOnlyList<string> Choices)
{
    public static FactView Of(FactDefinition f) =>
        new(f.Name, Views.Camel(f.Type.ToString()), f.Required, f.Description, [.. f.Choices]);
}

/// <summary>Whether an act may be recorded now, and why not, in French (<i>pourquoi pas</i>).</summary>
/// <param name="Trigger">The act, e.g. "LodgeAppeal".</param>
/// <param name="Title">In French.</param>
/// <param name="Permitted">Whether it may be recorded at that instant.</param>
/// <param name="Destination">The state it would lead to, when the facts do not decide it.</param>
/// <param name="Check">For an act guarded by a deadline, whether it would be on time.</param>
/// <param name="Reasons">In French: the guard, the deadline and the article of a refusal; the deadline of a late act.</param>
/// <param name="Facts">The facts the act carries.</param>
internal sealed record ActView(string Trigger, string Title, bool Permitted, string? Destination, CheckView? Check,
    IReadOnlyList<string> Reasons, IReadOnlyList<FactView> Facts)
{
    public static ActView Of(ProcedureDefinition d, TriggerAvailability a) =>
        new(a.Trigger, a.Title, a.Permitted, a.Destination, CheckView.Of(a.Check), [.. a.Reasons],
            [.. d.Triggers.First(t => t.Name == a.Trigger).Facts.Select(FactView.Of)]);
}

/// <summary>A case as stored, with what may be done now.</summary>
internal sealed record CaseView(string CaseId, ProcedureView Procedure, string Territory, string Court, long Version, string State,
    string StateTitle, bool IsFinal, string OpenedAt, string UpdatedAt, string? NextDue, IReadOnlyDictionary<string, object> Facts,
    IReadOnlyList<DeadlineView> Deadlines, IReadOnlyList<TaskView> OpenTasks, IReadOnlyList<ActView> Acts)
{
    public static CaseView Of(ProcedureDefinition d, StoredCase c, Instant now)
    {
        var s = c.Snapshot;
        var zone = s.Territory.Zone;
        return new(c.CaseId, ProcedureView.Of(d), s.Territory.Id, c.Court, c.Version, s.State, d.StateTitle(s.State),
            d.States.Any(x => x.Name == s.State && x.IsFinal), Views.At(c.OpenedAt, zone), Views.At(c.UpdatedAt, zone),
            c.NextDue is { } due ? Views.At(due, zone) : null, Views.Facts(s.Facts, zone),
            [.. s.Deadlines.Select(e => DeadlineView.Of(d, e, zone))], [.. s.OpenTasks.Select(TaskView.Of)],
            [.. d.Availability(s, now).Select(a => ActView.Of(d, a))]);
    }
}

/// <summary>An event of a case's history: an act, or a deadline that passed.</summary>
/// <param name="Sequence">Its rank in the history, from 1.</param>
/// <param name="Kind">act or expiry.</param>
/// <param name="At">Its legal instant.</param>
/// <param name="Trigger">The act (or the trigger the deadline fired).</param>
/// <param name="Title">In French: the act, or the deadline that passed.</param>
/// <param name="Deadline">For an expiry, the deadline's slot.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="ToTitle">The state after, in French.</param>
/// <param name="Facts">The facts the act carried.</param>
/// <param name="Check">For an act guarded by a deadline, whether it was on time.</param>
/// <param name="Note">Why an ignored act had no effect, in French.</param>
/// <param name="Armed">The deadlines it started.</param>
/// <param name="Tasks">The clerk tasks it opened.</param>
internal sealed record EventView(long Sequence, string Kind, string At, string? Trigger, string Title, string? Deadline, string From,
    string To, string ToTitle, IReadOnlyDictionary<string, object> Facts, CheckView? Check, string? Note, IReadOnlyList<DeadlineView> Armed,
    IReadOnlyList<TaskView> Tasks)
{
    public static EventView Of(ProcedureDefinition d, CaseEvent e, DateTimeZone zone)
    {
        var title = e.Kind == CaseEventKind.Expiry && e.Deadline is { } slot ? d.Slot(slot).Title
            : e.Trigger is { } trigger ? d.TriggerTitle(trigger) : "";
        return new(e.Sequence, e.Kind == CaseEventKind.Act ? "act" : "expiry", Views.At(e.At, zone), e.Trigger, title, e.Deadline, e.From, e.To,
            d.StateTitle(e.To), Views.Facts(e.Facts, zone), CheckView.Of(e.Check), e.Note, [.. e.Armed.Select(a => DeadlineView.Of(d, a, zone))],
            [.. e.Tasks.Select(TaskView.Of)]);
    }
}

/// <summary>A case's history, and the same in French, one line an event.</summary>
internal sealed record HistoryView(string CaseId, IReadOnlyList<EventView> Events, string Timeline);

/// <summary>A stored act, or the stored answer to a retried one (<see cref="IsRetry"/>: nothing was written).</summary>
internal sealed record WriteView(string CaseId, long Version, string State, string StateTitle, bool IsRetry, string WrittenAt,
    IReadOnlyList<EventView> Events);

/// <summary>A deadline or a clerk task of a court's listing.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Kind">deadline or clerk-task.</param>
/// <param name="Name">The deadline's slot, or the task's id.</param>
/// <param name="Title">In French.</param>
/// <param name="Due">When it falls due, in the zone of the case's territory.</param>
/// <param name="Citation">The articles behind it.</param>
internal sealed record DueItemView(string CaseId, string Kind, string Name, string Title, string Due, string Citation);

/// <summary>A case of the listing that could not be read; the others are listed.</summary>
internal sealed record UnreadableView(string CaseId, string Code, string Message);

/// <summary>A court's listing over [from, until), by instant.</summary>
internal sealed record DueView(string Court, string From, string Until, IReadOnlyList<DueItemView> Items, IReadOnlyList<UnreadableView> Unreadable)
{
    public static DueView Of(string court, Instant from, Instant until, DueListing listing) =>
        new(court, Views.At(from, DateTimeZone.Utc), Views.At(until, DateTimeZone.Utc),
            [.. listing.Items.Select(i => new DueItemView(i.CaseId, i.Kind == DueKind.Deadline ? "deadline" : "clerk-task", i.Name, i.Title,
                Views.At(i.Due), i.Citation))],
            [.. listing.Unreadable.Select(u => new UnreadableView(u.CaseId, u.Error.Code, u.Error.Message))]);
}

/// <summary>Formatting shared by the views.</summary>
internal static class Views
{
    public static string At(ZonedDateTime value) => IsoText.Format(value);

    public static string At(Instant value, DateTimeZone zone) => IsoText.Format(value.InZone(zone));

    public static string Status(DeadlineStatus status) => status switch
    {
        DeadlineStatus.Armed => "armed",
        DeadlineStatus.Expired => "expired",
        _ => "closed",
    };

    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The facts as JSON values: instants in the zone, dates as ISO dates.</summary>
    public static ImmutableSortedDictionary<string, object> Facts(CaseFacts facts, DateTimeZone zone) =>
        facts.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value switch
        {
            Instant i => At(i, zone),
            LocalDate d => IsoText.Format(d),
            var other => other,
        }, StringComparer.Ordinal);
}
