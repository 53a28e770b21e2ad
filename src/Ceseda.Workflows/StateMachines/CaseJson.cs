using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;
using NodaTime.Text;

namespace Ceseda.Workflows.StateMachines;

/// <summary>Snapshots and histories as JSON, and back, losslessly: instants to the nanosecond in
/// UTC, deadlines with their offset and zone, facts typed by the procedure's triggers.</summary>
public static class CaseJson
{
    private static readonly InstantPattern InstantText = InstantPattern.ExtendedIso;
    private static readonly OffsetDateTimePattern OffsetText = OffsetDateTimePattern.ExtendedIso;
    private static readonly LocalDatePattern DateText = LocalDatePattern.Iso;

    /// <summary>The snapshot as a JSON object.</summary>
    public static string Write(CaseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Render(w => WriteSnapshot(w, snapshot));
    }

    /// <summary>The history as a JSON array of events.</summary>
    public static string Write(IEnumerable<CaseEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Render(w =>
        {
            w.WriteStartArray();
            foreach (var e in history)
            {
                WriteEvent(w, e);
            }

            w.WriteEndArray();
        });
    }

    /// <summary>One event as a JSON object: an element of <see cref="Write(IEnumerable{CaseEvent})"/>'s array,
    /// as the runtime stores it in a row of its own.</summary>
    internal static string Write(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Render(w => WriteEvent(w, e));
    }

    /// <summary>Reads a snapshot written by <see cref="Write(CaseSnapshot)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="definition">The definition of the snapshot's procedure and version.</param>
    /// <exception cref="ProcedureException"><c>snapshot-invalid</c>, naming the field and what is wrong.</exception>
    public static CaseSnapshot ReadSnapshot(string json, ProcedureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        using var document = Parse(json);
        return ReadSnapshot(document.RootElement, definition);
    }

    /// <summary>Reads a history written by <see cref="Write(IEnumerable{CaseEvent})"/>.</summary>
    /// <exception cref="ProcedureException"><c>snapshot-invalid</c>, naming the field and what is wrong.</exception>
    public static ImmutableArray<CaseEvent> ReadHistory(string json, ProcedureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        using var document = Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("history", "is not a JSON array");
        }

        return [.. document.RootElement.EnumerateArray().Select((e, i) => ReadEvent(e, definition, $"history[{i}]"))];
    }

    private static string Render(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteSnapshot(Utf8JsonWriter w, CaseSnapshot s)
    {
        w.WriteStartObject();
        w.WriteString("procedure", s.Procedure.Id);
        w.WriteNumber("version", s.Procedure.Version);
        w.WriteString("territory", s.Territory.Id);
        w.WriteStartObject("options");
        w.WriteStartObject("readings");
        foreach (var reading in Readings.All.Where(r => !s.Options.Readings.IsDefault(r)))
        {
            w.WriteString(reading.Id, s.Options.Readings[reading].Id);
        }

        w.WriteEndObject();
        w.WriteBoolean("goodFriday", s.Options.GoodFriday);
        w.WriteEndObject();
        w.WriteString("state", s.State);
        w.WriteNumber("sequence", s.Sequence);
        WriteInstant(w, "openedAt", s.OpenedAt);
        WriteInstant(w, "lastEventAt", s.LastEventAt);
        w.WriteBoolean("lastWasExpiry", s.LastWasExpiry);
        WriteFacts(w, "facts", s.Facts);
        w.WriteStartArray("deadlines");
        foreach (var d in s.Deadlines)
        {
            WriteDeadline(w, d);
        }

        w.WriteEndArray();
        WriteTasks(w, "openTasks", s.OpenTasks);
        w.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter w, CaseEvent e)
    {
        w.WriteStartObject();
        w.WriteNumber("sequence", e.Sequence);
        w.WriteString("kind", e.Kind == CaseEventKind.Act ? "act" : "expiry");
        w.WriteString("at", InstantText.Format(e.At));
        WriteOptional(w, "trigger", e.Trigger);
        WriteOptional(w, "deadline", e.Deadline);
        WriteFacts(w, "facts", e.Facts);
        w.WriteString("from", e.From);
        w.WriteString("to", e.To);
        if (e.Check is { } check)
        {
            w.WriteStartObject("check");
            w.WriteString("slot", check.Slot);
            WriteZoned(w, "expiresAt", check.ExpiresAt);
            w.WriteBoolean("timely", check.Timely);
            w.WriteEndObject();
        }

        WriteOptional(w, "note", e.Note);
        w.WriteStartArray("armed");
        foreach (var d in e.Armed)
        {
            WriteDeadline(w, d);
        }

        w.WriteEndArray();
        WriteTasks(w, "tasks", e.Tasks);
        w.WriteEndObject();
    }

    private static void WriteDeadline(Utf8JsonWriter w, DeadlineEntry d)
    {
        w.WriteStartObject();
        w.WriteString("slot", d.Slot);
        w.WriteString("start", InstantText.Format(d.Start));
        if (d.StartDate is { } startDate)
        {
            w.WriteString("startDate", DateText.Format(startDate));
        }

        WriteZoned(w, "expiresAt", d.ExpiresAt);
        w.WriteString("version", d.Version);
        w.WriteString("citation", d.Citation);
        w.WriteString("status", d.Status.ToString().ToLowerInvariant());
        w.WriteString("owner", d.Owner);
        w.WriteEndObject();
    }

    private static void WriteTasks(Utf8JsonWriter w, string name, ImmutableArray<ClerkTask> tasks)
    {
        w.WriteStartArray(name);
        foreach (var t in tasks)
        {
            w.WriteStartObject();
            w.WriteString("id", t.Id);
            w.WriteString("title", t.Title);
            WriteZoned(w, "due", t.Due);
            w.WriteString("citation", t.Citation);
            w.WriteString("owner", t.Owner);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteFacts(Utf8JsonWriter w, string name, CaseFacts facts)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in facts)
        {
            switch (value)
            {
                case Instant i:
                    w.WriteString(key, InstantText.Format(i));
                    break;
                case LocalDate d:
                    w.WriteString(key, DateText.Format(d));
                    break;
                case bool b:
                    w.WriteBoolean(key, b);
                    break;
                case long l:
                    w.WriteNumber(key, l);
                    break;
                case decimal m:
                    w.WriteNumber(key, m);
                    break;
                default:
                    w.WriteString(key, (string)value);
                    break;
            }
        }

        w.WriteEndObject();
    }

    private static void WriteZoned(Utf8JsonWriter w, string name, ZonedDateTime? value)
    {
        if (value is not { } z)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("at", OffsetText.Format(z.ToOffsetDateTime()));
        w.WriteString("zone", z.Zone.Id);
        w.WriteEndObject();
    }

    private static void WriteInstant(Utf8JsonWriter w, string name, Instant? value)
    {
        if (value is { } i)
        {
            w.WriteString(name, InstantText.Format(i));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static JsonDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw Invalid("(document)", $"is not JSON: {e.Message}");
        }
    }

    private static CaseSnapshot ReadSnapshot(JsonElement o, ProcedureDefinition definition)
    {
        var id = String(o, "procedure");
        var version = (int)Integer(o, "version");
        if (id != definition.Key.Id || version != definition.Key.Version)
        {
            throw new ProcedureException("procedure-mismatch",
                $"The snapshot is of {new ProcedureKey(id, version)}, not {definition.Key}; read it with the definition of its version.");
        }

        var territoryId = String(o, "territory");
        var territory = Territories.Find(territoryId) ?? throw Invalid("territory", $"'{territoryId}' is not a territory");
        var options = ReadOptions(Property(o, "options"));
        var state = String(o, "state");
        var stateIndex = Resolve(() => definition.StateIndex(state), "state");
        var deadlines = Property(o, "deadlines").EnumerateArray().Select((d, i) => ReadDeadline(d, definition, $"deadlines[{i}]")).ToImmutableArray();
        var tasks = ReadTasks(Property(o, "openTasks"), definition, "openTasks");
        return new CaseSnapshot(definition.Key, definition.StateNames, territory, options, stateIndex, Integer(o, "sequence"),
            OptionalInstant(o, "openedAt"), OptionalInstant(o, "lastEventAt"), Boolean(o, "lastWasExpiry"),
            ReadFacts(Property(o, "facts"), definition, "facts"), deadlines, tasks);
    }

    private static EvaluationOptions ReadOptions(JsonElement o)
    {
        var options = EvaluationOptions.Default;
        foreach (var p in Property(o, "readings").EnumerateObject())
        {
            var reading = Readings.Find(p.Name) ?? throw Invalid($"options.readings.{p.Name}", "is not a reading");
            var option = p.Value.GetString() is { } optionId ? reading.Option(optionId) : null;
            options = options.With(reading, option ?? throw Invalid($"options.readings.{p.Name}", $"is not an option of {reading.Id}"));
        }

        var goodFriday = Boolean(o, "goodFriday");
        return goodFriday == options.GoodFriday ? options : options with { GoodFriday = goodFriday };
    }

    private static CaseEvent ReadEvent(JsonElement o, ProcedureDefinition definition, string path)
    {
        var kind = String(o, "kind", path) switch
        {
            "act" => CaseEventKind.Act,
            "expiry" => CaseEventKind.Expiry,
            var other => throw Invalid($"{path}.kind", $"is '{other}'; expected act or expiry"),
        };
        DeadlineCheck? check = null;
        if (o.TryGetProperty("check", out var c) && c.ValueKind == JsonValueKind.Object)
        {
            check = new DeadlineCheck(Intern(definition, String(c, "slot", path)), OptionalZoned(c, "expiresAt", $"{path}.check"), Boolean(c, "timely", path));
        }

        var trigger = OptionalString(o, "trigger");
        var deadline = OptionalString(o, "deadline");
        var heading = new EventHeading(kind,
            trigger is null ? null : definition.TriggerName(Resolve(() => definition.TriggerIndex(trigger), $"{path}.trigger")),
            deadline is null ? null : Intern(definition, deadline),
            definition.StateName(Resolve(() => definition.StateIndex(String(o, "from", path)), $"{path}.from")),
            definition.StateName(Resolve(() => definition.StateIndex(String(o, "to", path)), $"{path}.to")),
            OptionalString(o, "note"));
        return new CaseEvent(Integer(o, "sequence", path), heading, Instant(String(o, "at", path), $"{path}.at"),
            ReadFacts(Property(o, "facts", path), definition, $"{path}.facts"), CheckedDeadline.Of(check),
            [.. Property(o, "armed", path).EnumerateArray().Select((d, i) => ReadDeadline(d, definition, $"{path}.armed[{i}]"))],
            ReadTasks(Property(o, "tasks", path), definition, $"{path}.tasks"));
    }

    private static DeadlineEntry ReadDeadline(JsonElement o, ProcedureDefinition definition, string path)
    {
        var status = String(o, "status", path) switch
        {
            "armed" => DeadlineStatus.Armed,
            "expired" => DeadlineStatus.Expired,
            "closed" => DeadlineStatus.Closed,
            var other => throw Invalid($"{path}.status", $"is '{other}'; expected armed, expired or closed"),
        };
        return new DeadlineEntry(Intern(definition, String(o, "slot", path)), Instant(String(o, "start", path), $"{path}.start"),
            OptionalZoned(o, "expiresAt", path) ?? throw Invalid($"{path}.expiresAt", "is missing"),
            String(o, "version", path), String(o, "citation", path), status,
            definition.StateName(Resolve(() => definition.StateIndex(String(o, "owner", path)), $"{path}.owner")),
            OptionalString(o, "startDate") is { } startDate ? Date(startDate, $"{path}.startDate") : null);
    }

    private static ImmutableArray<ClerkTask> ReadTasks(JsonElement array, ProcedureDefinition definition, string path) =>
        [.. array.EnumerateArray().Select((t, i) => new ClerkTask(String(t, "id", $"{path}[{i}]"), String(t, "title", $"{path}[{i}]"),
            OptionalZoned(t, "due", $"{path}[{i}]"), String(t, "citation", $"{path}[{i}]"),
            definition.StateName(Resolve(() => definition.StateIndex(String(t, "owner", $"{path}[{i}]")), $"{path}[{i}].owner"))))];

    private static CaseFacts ReadFacts(JsonElement o, ProcedureDefinition definition, string path)
    {
        if (o.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, "is not an object");
        }

        var facts = new List<(string, object)>();
        foreach (var p in o.EnumerateObject())
        {
            var field = $"{path}.{p.Name}";
            var type = definition.Triggers.SelectMany(t => t.Facts).FirstOrDefault(f => f.Name == p.Name)?.Type
                ?? throw Invalid(field, "is not a fact of any trigger of this procedure");
            object value = (type, p.Value.ValueKind) switch
            {
                (FactType.Boolean, JsonValueKind.True or JsonValueKind.False) => p.Value.GetBoolean(),
                (FactType.Integer, JsonValueKind.Number) when p.Value.TryGetInt64(out var l) => l,
                (FactType.Amount, JsonValueKind.Number) when p.Value.TryGetDecimal(out var m) => m,
                (FactType.Choice, JsonValueKind.String) => p.Value.GetString()!,
                (FactType.Date, JsonValueKind.String) => Date(p.Value.GetString()!, field),
                (FactType.Instant, JsonValueKind.String) => Instant(p.Value.GetString()!, field),
                (FactType.InstantOrDate, JsonValueKind.String) => p.Value.GetString()!.Length == 10
                    ? Date(p.Value.GetString()!, field)
                    : Instant(p.Value.GetString()!, field),
                _ => throw Invalid(field, $"is {p.Value.GetRawText()}; expected a {type} value"),
            };
            facts.Add((p.Name, value));
        }

        return CaseFacts.Of([.. facts]);
    }

    private static string Intern(ProcedureDefinition definition, string slot) => Resolve(() => definition.Slot(slot).Name, "slot");

    private static T Resolve<T>(Func<T> lookup, string field)
    {
        try
        {
            return lookup();
        }
        catch (ProcedureException e)
        {
            throw Invalid(field, e.Message);
        }
    }

    private static JsonElement Property(JsonElement o, string name, string? path = null) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Invalid(path is null ? name : $"{path}.{name}", "is missing");

    private static string String(JsonElement o, string name, string? path = null) =>
        Property(o, name, path) is { ValueKind: JsonValueKind.String } p ? p.GetString()! : throw Invalid(path is null ? name : $"{path}.{name}", "is not a string");

    private static string? OptionalString(JsonElement o, string name) =>
        o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static long Integer(JsonElement o, string name, string? path = null) =>
        Property(o, name, path) is { ValueKind: JsonValueKind.Number } p && p.TryGetInt64(out var l)
            ? l
            : throw Invalid(path is null ? name : $"{path}.{name}", "is not an integer");

    private static bool Boolean(JsonElement o, string name, string? path = null) =>
        Property(o, name, path) is { ValueKind: JsonValueKind.True or JsonValueKind.False } p
            ? p.GetBoolean()
            : throw Invalid(path is null ? name : $"{path}.{name}", "is not true or false");

    private static Instant? OptionalInstant(JsonElement o, string name) =>
        o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? Instant(p.GetString()!, name) : null;

    private static ZonedDateTime? OptionalZoned(JsonElement o, string name, string path)
    {
        if (!o.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var field = $"{path}.{name}";
        var text = String(p, "at", field);
        var zoneId = String(p, "zone", field);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? throw Invalid($"{field}.zone", $"'{zoneId}' is not a time zone");
        var parsed = OffsetText.Parse(text);
        if (!parsed.Success)
        {
            throw Invalid($"{field}.at", $"'{text}' is not a date and time with offset");
        }

        var zoned = parsed.Value.InZone(zone);
        return zoned.Offset == parsed.Value.Offset
            ? zoned
            : throw Invalid($"{field}.at", $"'{text}' has an offset that {zoneId} does not have at that instant");
    }

    private static Instant Instant(string text, string field) => InstantText.Parse(text) is { Success: true } r
        ? r.Value
        : throw Invalid(field, $"'{text}' is not a UTC instant like 2017-01-20T16:20:00Z");

    private static LocalDate Date(string text, string field) => DateText.Parse(text) is { Success: true } r
        ? r.Value
        : throw Invalid(field, $"'{text}' is not a date like 2017-01-20");

    private static ProcedureException Invalid(string field, string what) =>
        new("snapshot-invalid", string.Create(CultureInfo.InvariantCulture, $"The field {field} {what}."));
}
