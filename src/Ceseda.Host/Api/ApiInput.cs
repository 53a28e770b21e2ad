using System.Text.Json;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Evaluation;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using Ceseda.Workflows.StateMachines;
using Microsoft.AspNetCore.Http;
using NodaTime;
using NodaTime.Text;

namespace Ceseda.Host.Api;

/// <summary>A request the API cannot take as it is: which field, which value, and what is
/// expected. Answered as a problem with <see cref="Status"/> and <see cref="Code"/>.</summary>
internal sealed class ApiInputException(int status, string code, string field, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string Field { get; } = field;

    public static ApiInputException BadRequest(string code, string field, string message) =>
        new(StatusCodes.Status400BadRequest, code, field, message);
}

/// <summary>An act the procedure refuses, with the French reasons of the refusal (422).</summary>
internal sealed class ApiRefusalException(string code, string message, IReadOnlyList<string> reasons, Exception inner) : Exception(message, inner)
{
    public string Code { get; } = code;

    public IReadOnlyList<string> Reasons { get; } = reasons;
}

/// <summary>Reads the API's request bodies, query strings and headers strictly: a missing or
/// malformed field is an <see cref="ApiInputException"/> naming it, never a silent default.</summary>
internal static class ApiInput
{
    /// <summary>The longest case id or idempotency key the store takes.</summary>
    public const int MaxIdLength = 100;

    private const string InstantExample = "2017-01-23T09:01+01:00";

    public static async Task<JsonDocument> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
            return document;
        }
        catch (JsonException e)
        {
            throw ApiInputException.BadRequest("malformed-json", "(body)", $"The request body is not JSON: {e.Message}");
        }
    }

    public static JsonElement Object(JsonDocument document)
    {
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Object
            ? root
            : throw ApiInputException.BadRequest("invalid-field", "(body)", $"The request body is {Kind(root)}; expected a JSON object.");
    }

    public static string RequiredString(JsonElement body, string field, string expected) =>
        OptionalString(body, field, expected) ?? throw ApiInputException.BadRequest("missing-field", field, $"{field} is missing; expected {expected}.");

    public static string? OptionalString(JsonElement body, string field, string expected)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw ApiInputException.BadRequest("invalid-field", field, $"{field} is {value.GetRawText()}; expected {expected}.");
        }

        return value.GetString()!;
    }

    public static long RequiredVersion(JsonElement body, string field)
    {
        const string Expected = "the case's version as last read (a whole number, GET /api/cases/{id} gives it)";
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw ApiInputException.BadRequest("missing-field", field, $"{field} is missing; expected {Expected}.");
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var version) && version >= 0
            ? version
            : throw ApiInputException.BadRequest("invalid-field", field, $"{field} is {value.GetRawText()}; expected {Expected}.");
    }

    public static string Id(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxIdLength)
        {
            throw ApiInputException.BadRequest("invalid-field", field,
                $"{field} is '{value}'; expected 1 to {MaxIdLength} characters, not blank.");
        }

        return value;
    }

    public static Territory Territory(string id, string field) => Territories.Find(id)
        ?? throw ApiInputException.BadRequest("unknown-territory", field,
            $"{field} is '{id}'; expected a territory: {string.Join(", ", Territories.All.Select(t => t.Id))}.");

    public static EvaluationOptions Readings(JsonElement body, string field)
    {
        var options = EvaluationOptions.Default;
        if (!body.TryGetProperty(field, out var readings) || readings.ValueKind == JsonValueKind.Null)
        {
            return options;
        }

        if (readings.ValueKind != JsonValueKind.Object)
        {
            throw ApiInputException.BadRequest("invalid-field", field,
                $"{field} is {readings.GetRawText()}; expected an object naming a reading and its option, e.g. {{\"prorogation-end\": \"same-hour\"}}.");
        }

        foreach (var p in readings.EnumerateObject())
        {
            var path = $"{field}.{p.Name}";
            var reading = Rules.Law.Readings.Find(p.Name) ?? throw ApiInputException.BadRequest("unknown-reading", path,
                $"{path}: '{p.Name}' is not a reading; expected one of: {string.Join(", ", Rules.Law.Readings.All.Select(r => r.Id))}.");
            var option = p.Value.ValueKind == JsonValueKind.String ? reading.Option(p.Value.GetString()!) : null;
            options = options.With(reading, option ?? throw ApiInputException.BadRequest("unknown-reading", path,
                $"{path} is {p.Value.GetRawText()}; expected an option of {reading.Id}: {string.Join(", ", reading.Options.Select(o => o.Id))}."));
        }

        return options;
    }

    /// <summary>An instant with its UTC offset; without one, the local time if it occurs exactly
    /// once in <paramref name="zone"/> (the evaluation contract's rule), else an error; with no zone,
    /// the offset is required.</summary>
    public static Instant Instant(string? text, string field, DateTimeZone? zone)
    {
        if (text is null)
        {
            throw ApiInputException.BadRequest("missing-field", field, $"{field} is missing; expected an instant with its UTC offset, e.g. {InstantExample}.");
        }

        IsoValue? parsed;
        try
        {
            parsed = IsoText.Parse(text, field);
        }
        catch (RuleException)
        {
            parsed = null;
        }

        if (parsed is not { HasTime: true } value)
        {
            throw ApiInputException.BadRequest("invalid-instant", field,
                $"{field} is '{text}'; expected an ISO-8601 instant with its UTC offset, e.g. {InstantExample}.");
        }

        if (value.Offset is { } offset)
        {
            return value.LocalDateTime.WithOffset(offset).ToInstant();
        }

        if (zone is null)
        {
            throw ApiInputException.BadRequest("instant-without-offset", field,
                $"{field} is '{text}', a local time with no UTC offset, and nothing here says which time zone it is in; "
                + $"expected an instant with its UTC offset, e.g. {InstantExample}.");
        }

        var mapping = zone.MapLocal(value.LocalDateTime);
        return mapping.Count switch
        {
            1 => mapping.Single().ToInstant(),
            0 => throw ApiInputException.BadRequest("local-time-skipped", field,
                $"{field} is '{text}', a local time that does not exist in {zone.Id} (the clocks skip it); expected an instant with its UTC offset, e.g. {InstantExample}."),
            _ => throw ApiInputException.BadRequest("local-time-ambiguous", field,
                $"{field} is '{text}', a local time that occurs twice in {zone.Id} (at {Offset(mapping.First())} and at {Offset(mapping.Last())}); "
                + "expected the instant with its UTC offset, one of those two."),
        };
    }

    /// <summary>The facts of an act, typed as its trigger declares them. A fact the trigger does
    /// not declare is passed on as it is, so that the procedure names it in its refusal.</summary>
    public static CaseFacts Facts(JsonElement body, string field, TriggerDescription trigger, DateTimeZone zone)
    {
        if (!body.TryGetProperty(field, out var facts) || facts.ValueKind == JsonValueKind.Null)
        {
            return CaseFacts.Empty;
        }

        if (facts.ValueKind != JsonValueKind.Object)
        {
            throw ApiInputException.BadRequest("invalid-field", field, $"{field} is {facts.GetRawText()}; expected an object of the act's facts.");
        }

        var values = new List<(string, object)>();
        foreach (var p in facts.EnumerateObject())
        {
            var path = $"{field}.{p.Name}";
            var definition = trigger.Facts.FirstOrDefault(f => f.Name == p.Name);
            if (p.Value.ValueKind == JsonValueKind.Null)
            {
                continue; // Unknown, as the contract reads a null fact.
            }

            values.Add((p.Name, definition is null ? Untyped(p.Value, path) : Typed(p.Value, path, definition, zone)));
        }

        return CaseFacts.Of([.. values]);
    }

    public static string Offset(ZonedDateTime value) => IsoText.Format(value);

    private static object Typed(JsonElement value, string path, FactDefinition fact, DateTimeZone zone)
    {
        var expected = fact.Type switch
        {
            FactType.Boolean => "true or false",
            FactType.Integer => "a whole number",
            FactType.Amount => "an amount in euros (a number)",
            FactType.Choice => $"one of: {string.Join(", ", fact.Choices)}",
            FactType.Date => "a date, e.g. 2024-01-15",
            FactType.Instant => $"an instant with its UTC offset, e.g. {InstantExample}",
            _ => $"an instant with its UTC offset, e.g. {InstantExample}, or a date, e.g. 2024-01-15",
        };
        object? typed = (fact.Type, value.ValueKind) switch
        {
            (FactType.Boolean, JsonValueKind.True or JsonValueKind.False) => value.GetBoolean(),
            (FactType.Integer, JsonValueKind.Number) when value.TryGetInt64(out var l) => l,
            (FactType.Amount, JsonValueKind.Number) when value.TryGetDecimal(out var m) => m,
            (FactType.Choice, JsonValueKind.String) => value.GetString()!,
            (FactType.Date, JsonValueKind.String) => Date(value.GetString()!),
            (FactType.Instant, JsonValueKind.String) => Instant(value.GetString(), path, zone),
            (FactType.InstantOrDate, JsonValueKind.String) when value.GetString()!.Length == 10 => Date(value.GetString()!),
            (FactType.InstantOrDate, JsonValueKind.String) => Instant(value.GetString(), path, zone),
            _ => null,
        };
        return typed ?? throw new ApiInputException(StatusCodes.Status422UnprocessableEntity, "fact-type", path,
            $"{path} is {value.GetRawText()}; expected {expected} ({fact.Description.TrimEnd('.')}).");
    }

    private static object? Date(string text) => LocalDatePattern.Iso.Parse(text) is { Success: true } parsed ? parsed.Value : null;

    private static object Untyped(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => value.GetBoolean(),
        JsonValueKind.Number when value.TryGetInt64(out var l) => l,
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.String => value.GetString()!,
        _ => throw new ApiInputException(StatusCodes.Status422UnprocessableEntity, "fact-type", path,
            $"{path} is {value.GetRawText()}; expected a string, a number or true or false."),
    };

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => value.GetRawText(),
    };
}
