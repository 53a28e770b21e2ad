using System.Globalization;
using System.Text;
using Ceseda.Rules.Explanations;
using NodaTime;

namespace Ceseda.Workflows.StateMachines;

/// <summary>A case's history told in French, one numbered entry per event: the act or the deadline
/// that passed, the move, the deadline check, the deadlines armed and the clerk tasks.</summary>
public static class CaseTimeline
{
    /// <summary>The history of a case of <paramref name="definition"/>, with instants shown in <paramref name="zone"/>.</summary>
    public static string ToFrench(ProcedureDefinition definition, IEnumerable<CaseEvent> history, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(zone);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{definition.Title} ({definition.Key})\n");
        foreach (var e in history)
        {
            var when = French.DateTime(e.At.InZone(zone));
            var what = e.Kind == CaseEventKind.Act
                ? definition.TriggerTitle(e.Trigger!)
                : $"Échéance : {definition.Slot(e.Deadline!).Title}";
            text.Append(CultureInfo.InvariantCulture, $"\n{e.Sequence}. {when} — {what}");
            if (!e.Facts.IsEmpty)
            {
                text.Append(" [").AppendJoin(", ", e.Facts.Select(f => $"{f.Key} = {Fact(f.Value, zone)}")).Append(']');
            }

            text.Append('\n');
            if (e.Check is { } check)
            {
                var deadline = definition.Slot(check.Slot).Title;
                text.Append(check.ExpiresAt is { } end
                    ? $"   {(check.Timely ? "Dans le délai" : "Hors délai")} : {deadline} expire le {French.DateTime(end)}.\n"
                    : $"   Dans le délai : {deadline} n'a pas commencé à courir.\n");
            }

            text.Append(e.From == e.To
                ? $"   Reste : « {definition.StateTitle(e.From)} »"
                : $"   « {definition.StateTitle(e.From)} » → « {definition.StateTitle(e.To)} »");
            text.Append(e.Note is null ? ".\n" : $" ({e.Note}).\n");
            foreach (var d in e.Armed)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"   Délai armé : {definition.Slot(d.Slot).Title}, jusqu'au {French.DateTime(d.ExpiresAt)} (version du {d.Version} ; {d.Citation}).\n");
            }

            foreach (var t in e.Tasks)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"   Diligence : {t.Title}{(t.Due is { } due ? $", pour le {French.DateTime(due)}" : "")} ({t.Citation}).\n");
            }
        }

        return text.ToString();
    }

    private static string Fact(object value, DateTimeZone zone) => value switch
    {
        bool b => b ? "oui" : "non",
        Instant i => French.DateTime(i.InZone(zone)),
        LocalDate d => French.Date(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
