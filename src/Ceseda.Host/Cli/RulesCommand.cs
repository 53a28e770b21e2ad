using System.Buffers;
using System.Text;
using System.Text.Json;
using Ceseda.Rules;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Conditions;
using Ceseda.Rules.Evaluation;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;

namespace Ceseda.Host.Cli;

/// <summary><c>ceseda rules</c>: the catalogue of rules, readings and territories.</summary>
internal static class RulesCommand
{
    public static async Task<int> RunAsync(string[] args, Stream stdout)
    {
        var json = args switch
        {
            [] => false,
            ["--json"] => true,
            _ => throw new UsageException($"unexpected argument '{args[0]}'; usage: ceseda rules [--json]."),
        };
        await CesedaCommand.WriteAsync(stdout, json ? Json() : Text()).ConfigureAwait(false);
        return 0;
    }

    internal static string Text()
    {
        var text = new StringBuilder();
        foreach (var rule in RuleCatalogue.All)
        {
            text.Append(rule.Id).Append(" — ").Append(rule.Title).Append('\n');
            text.Append("  faits : ").Append(string.Join(", ", rule.Facts.Select(f => f.Required ? f.Name : f.Name + "?"))).Append('\n');
            if (rule is DeadlineRule deadline)
            {
                foreach (var version in deadline.Versions)
                {
                    text.Append("  ").Append(version.Id).Append(version.Until is { } until ? $" → {IsoText.Format(until)}" : " →        ")
                        .Append("  ").Append(Docs.DocsGenerator.Length(version))
                        .Append("  ").Append(version.Citations[0].Text).Append('\n');
                }
            }
            else if (rule is ConditionRule condition)
            {
                foreach (var version in condition.Versions)
                {
                    text.Append("  ").Append(version.Id).Append(version.Until is { } until ? $" → {IsoText.Format(until)}" : " →        ")
                        .Append("  ").Append(version.Citations[0].Text).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    internal static string Json()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, EvaluationJson.WriterOptions with { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("rules");
            foreach (var rule in RuleCatalogue.All)
            {
                WriteRule(w, rule);
            }

            w.WriteEndArray();
            w.WriteStartArray("readings");
            foreach (var reading in Readings.All)
            {
                w.WriteStartObject();
                w.WriteString("id", reading.Id);
                w.WriteString("question", reading.Question);
                w.WriteString("default", reading.Default.Id);
                w.WriteString("source", reading.Source.Text);
                w.WriteStartArray("options");
                foreach (var option in reading.Options)
                {
                    w.WriteStartObject();
                    w.WriteString("id", option.Id);
                    w.WriteString("label", option.Label);
                    w.WriteString("authority", option.Authority.Text);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("territories");
            foreach (var territory in Territories.All)
            {
                w.WriteStartObject();
                w.WriteString("id", territory.Id);
                w.WriteString("name", territory.Name);
                w.WriteString("zone", territory.Zone.Id);
                w.WriteString("courtOfAppealSeat", territory.CourtOfAppealSeat.Id);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteRule(Utf8JsonWriter w, Rule rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("title", rule.Title);
        w.WriteString("kind", rule is DeadlineRule ? "deadline" : "condition");
        w.WriteStartArray("facts");
        foreach (var fact in rule.Facts)
        {
            w.WriteStartObject();
            w.WriteString("name", fact.Name);
            w.WriteString("type", JsonNamingPolicy.CamelCase.ConvertName(fact.Type.ToString()));
            w.WriteBoolean("required", fact.Required);
            w.WriteString("description", fact.Description);
            if (!fact.Choices.IsEmpty)
            {
                w.WriteStartArray("choices");
                foreach (var choice in fact.Choices)
                {
                    w.WriteStringValue(choice);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("versions");
        if (rule is DeadlineRule deadline)
        {
            foreach (var version in deadline.Versions)
            {
                w.WriteStartObject();
                WriteDates(w, version.Id, version.From, version.Until);

                if (version.Delay is { } delay)
                {
                    w.WriteString("delay", delay.ToString());
                }
                else
                {
                    w.WriteNull("delay");
                }

                if (!version.DelaysByRank.IsEmpty)
                {
                    w.WriteStartArray("delaysByRank");
                    foreach (var byRank in version.DelaysByRank)
                    {
                        w.WriteStringValue(byRank.ToString());
                    }

                    w.WriteEndArray();
                }

                w.WriteString("startEvent", version.StartEvent);
                w.WriteString("confidence", JsonNamingPolicy.CamelCase.ConvertName(version.Confidence.ToString()));
                w.WriteStartObject("method");
                var m = version.Method;
                w.WriteString("hourCounting", Choice(m.HourCounting));
                w.WriteString("dayCounting", Choice(m.DayCounting));
                w.WriteString("franc", Choice(m.Franc));
                w.WriteString("end", Choice(m.End));
                w.WriteString("prorogation", Choice(m.Prorogation));
                w.WriteString("actPlace", JsonNamingPolicy.CamelCase.ConvertName(m.ActPlace.ToString()));
                w.WriteEndObject();
                WriteSources(w, version.Citations, version.Note);
                w.WriteEndObject();
            }
        }
        else if (rule is ConditionRule condition)
        {
            foreach (var version in condition.Versions)
            {
                w.WriteStartObject();
                WriteDates(w, version.Id, version.From, version.Until);

                w.WriteString("confidence", JsonNamingPolicy.CamelCase.ConvertName(version.Confidence.ToString()));
                w.WritePropertyName("conditions");
                WriteCondition(w, version.Condition);
                WriteSources(w, version.Citations, version.Note);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteDates(Utf8JsonWriter w, string id, NodaTime.LocalDate from, NodaTime.LocalDate? until)
    {
        w.WriteString("id", id);
        w.WriteString("from", IsoText.Format(from));
        if (until is { } end)
        {
            w.WriteString("until", IsoText.Format(end));
        }
        else
        {
            w.WriteNull("until");
        }
    }

    private static void WriteSources(Utf8JsonWriter w, System.Collections.Immutable.ImmutableArray<Citation> citations, string? note)
    {
        w.WriteStartArray("citations");
        foreach (var citation in citations)
        {
            w.WriteStringValue(citation.Text);
        }

        w.WriteEndArray();
        if (note is not null)
        {
            w.WriteString("note", note);
        }
    }

    private static void WriteCondition(Utf8JsonWriter w, Condition condition)
    {
        w.WriteStartObject();
        w.WriteString("id", condition.Id);
        w.WriteString("text", condition.Text);
        w.WriteString("citation", condition.Citation.Text);
        if (condition.Children.IsEmpty)
        {
            w.WriteStartArray("facts");
            foreach (var fact in condition.Facts)
            {
                w.WriteStringValue(fact);
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteStartArray("conditions");
            foreach (var child in condition.Children)
            {
                WriteCondition(w, child);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static string Choice<T>(MethodChoice<T> choice)
        where T : struct
    {
        var value = JsonNamingPolicy.CamelCase.ConvertName(choice.Value.ToString()!);
        return choice.Reading is { } reading
            ? $"{value} (lecture {reading.Id}, par défaut)"
            : $"{value} ({choice.Citation.Text})";
    }
}
