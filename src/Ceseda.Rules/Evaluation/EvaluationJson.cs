using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ceseda.Rules.Conditions;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Rules.Evaluation;

/// <summary>The JSON form of the evaluation contract: one request object per line in, one
/// response object per line out.</summary>
public static class EvaluationJson
{
    /// <summary>Writer options: UTF-8 French text unescaped, one line per response.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    /// <summary>Reads one request. A line that is not a valid request gives a request carrying
    /// its <see cref="EvaluationRequest.ReadError"/>, so that it is answered in turn.</summary>
    public static EvaluationRequest ReadRequest(ReadOnlySpan<byte> json)
    {
        string? id = null, rule = null, territory = null;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new RuleException("invalid-json", null, "The line is not a JSON object; each line must be one request object.");
            }

            var facts = ImmutableArray<FactValue>.Empty;
            var options = EvaluationOptions.Default;
            var explain = true;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = KnownStrings.GetString(ref reader);
                reader.Read();
                switch (name)
                {
                    case "id":
                        id = RawValue(ref reader, json);
                        break;
                    case "rule":
                        rule = ReadString(ref reader, "rule");
                        break;
                    case "territory":
                        territory = ReadString(ref reader, "territory");
                        break;
                    case "facts":
                        facts = ReadFacts(ref reader);
                        break;
                    case "options":
                        (options, explain) = ReadOptions(ref reader);
                        break;
                    default:
                        reader.Skip();
                        throw new RuleException("unknown-field", name,
                            $"'{name}' is not a field of a request; expected id, rule, territory, facts, options.");
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw new RuleException("invalid-json", null, "The line holds more than one JSON value; each line must be one request object.");
            }

            return new EvaluationRequest { IdJson = id, Rule = rule, Territory = territory, Facts = facts, Options = options, Explain = explain };
        }
        catch (JsonException e)
        {
            return new EvaluationRequest
            {
                IdJson = id, Rule = rule,
                ReadError = new RuleException("invalid-json", null, $"The line is not valid JSON ({FirstSentence(e.Message)})."),
            };
        }
        catch (RuleException e)
        {
            return new EvaluationRequest { IdJson = id, Rule = rule, ReadError = e };
        }
    }

    /// <summary>Writes one response as a single JSON object (no newline).</summary>
    /// <remarks>Property names, version ids and citations are encoded once; dates and the
    /// explanation's sentences are written straight into UTF-8.</remarks>
    public static void WriteResponse(Utf8JsonWriter writer, EvaluationResponse response)
    {
        Span<byte> scratch = stackalloc byte[ScratchLength];
        writer.WriteStartObject();
        writer.WritePropertyName(Names.Id);
        if (response.IdJson is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(response.IdJson, skipInputValidation: true);
        }

        WriteNullableString(writer, Names.Rule, response.Rule);
        if (response.Deadline is { } result)
        {
            WriteVersion(writer, result.Version, result.Version.Id, result.Version.Citations);
            writer.WriteStartObject(Names.Result);
            WriteInstant(writer, Names.ExpiresAt, result.ExpiresAt, scratch);
            WriteNullableBool(writer, Names.Timely, result.Timely);
            writer.WriteString(Names.Delay, result.Delay.TryFormatIsoPeriod(scratch, out var period) ? scratch[..period] : Encoding.UTF8.GetBytes(result.Delay.ToIsoPeriod()));
            writer.WriteEndObject();
        }
        else if (response.Condition is { } condition)
        {
            WriteVersion(writer, condition.Version, condition.Version.Id, condition.Version.Citations);
            writer.WriteStartObject(Names.Result);
            writer.WriteString(Names.Outcome, OutcomeId(condition.Outcome));
            writer.WriteStartArray(Names.Unmet);
            foreach (var unmet in condition.Unmet)
            {
                writer.WriteStartObject();
                writer.WriteString(Names.Condition, unmet.Id);
                writer.WriteString(Names.Text, unmet.Text);
                writer.WriteString(Names.Detail, unmet.Detail);
                writer.WriteString(Names.Citation, unmet.Citation.JsonText);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray(Names.Missing);
            foreach (var fact in condition.Missing)
            {
                writer.WriteStringValue(fact);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull(Names.Version);
            writer.WriteStartArray(Names.Citations);
            writer.WriteEndArray();
            writer.WriteNull(Names.Result);
        }

        writer.WriteStartArray(Names.DivergentReadings);
        foreach (var divergent in response.DivergentReadings)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Reading, divergent.Reading.Id);
            writer.WriteString(Names.Option, divergent.Option.Id);
            WriteInstant(writer, Names.ExpiresAt, divergent.ExpiresAt, scratch);
            WriteNullableBool(writer, Names.Timely, divergent.Timely);
            writer.WriteEndObject();
        }

        foreach (var divergent in response.DivergentOutcomes)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Reading, divergent.Reading.Id);
            writer.WriteString(Names.Option, divergent.Option.Id);
            writer.WriteString(Names.Outcome, OutcomeId(divergent.Outcome));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Names.Explanation);
        if (response.Explanation is { } explanation)
        {
            foreach (var step in explanation.Steps)
            {
                writer.WriteStartObject();
                if (step.TryFormat(scratch[1..^1], out var written))
                {
                    // One byte before and after the sentence for its quotes.
                    JsonStrings.WriteString(writer, Names.Text, scratch[..(written + 2)]);
                }
                else
                {
                    writer.WriteString(Names.Text, step.Text);
                }

                if (step.Citation is { } citation)
                {
                    writer.WriteString(Names.Citation, citation.JsonText);
                }
                else
                {
                    writer.WriteNull(Names.Citation);
                }

                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
        if (response.Error is { } error)
        {
            writer.WriteStartObject(Names.Error);
            writer.WriteString(Names.Code, error.Code);
            WriteNullableString(writer, Names.Field, error.Field);
            writer.WriteString(Names.Message, error.Message);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull(Names.Error);
        }

        writer.WriteEndObject();
    }

    /// <summary>Bytes for one sentence of an explanation or one date; a longer sentence is
    /// written through a string.</summary>
    private const int ScratchLength = 1024;

    private static void WriteInstant(Utf8JsonWriter writer, JsonEncodedText name, ZonedDateTime value, Span<byte> scratch)
    {
        if (IsoText.TryFormat(value, scratch, out var written))
        {
            writer.WriteString(name, scratch[..written]);
        }
        else
        {
            writer.WriteString(name, IsoText.Format(value));
        }
    }

    /// <summary>The property names of a response, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
        public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
        public static readonly JsonEncodedText Citations = JsonEncodedText.Encode("citations");
        public static readonly JsonEncodedText Result = JsonEncodedText.Encode("result");
        public static readonly JsonEncodedText ExpiresAt = JsonEncodedText.Encode("expiresAt");
        public static readonly JsonEncodedText Timely = JsonEncodedText.Encode("timely");
        public static readonly JsonEncodedText Delay = JsonEncodedText.Encode("delay");
        public static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
        public static readonly JsonEncodedText Unmet = JsonEncodedText.Encode("unmet");
        public static readonly JsonEncodedText Condition = JsonEncodedText.Encode("condition");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail");
        public static readonly JsonEncodedText Citation = JsonEncodedText.Encode("citation");
        public static readonly JsonEncodedText Missing = JsonEncodedText.Encode("missing");
        public static readonly JsonEncodedText DivergentReadings = JsonEncodedText.Encode("divergentReadings");
        public static readonly JsonEncodedText Reading = JsonEncodedText.Encode("reading");
        public static readonly JsonEncodedText Option = JsonEncodedText.Encode("option");
        public static readonly JsonEncodedText Explanation = JsonEncodedText.Encode("explanation");
        public static readonly JsonEncodedText Error = JsonEncodedText.Encode("error");
        public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
        public static readonly JsonEncodedText Field = JsonEncodedText.Encode("field");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    }

    /// <summary>One response as a JSON string.</summary>
    public static string Serialize(EvaluationResponse response)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteResponse(writer, response);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, EncodedVersion> Encoded = [];

    private static void WriteVersion(Utf8JsonWriter writer, object version, string id, ImmutableArray<Citation> citations)
    {
        var encoded = Encoded.GetValue(version, _ => new EncodedVersion(
            JsonEncodedText.Encode(id, WriterOptions.Encoder),
            [.. citations.Select(c => c.JsonText)]));
        writer.WriteString(Names.Version, encoded.Id);
        writer.WriteStartArray(Names.Citations);
        foreach (var citation in encoded.Citations)
        {
            writer.WriteStringValue(citation);
        }

        writer.WriteEndArray();
    }

    /// <summary>A version's id and citations, escaped once for JSON.</summary>
    private sealed record EncodedVersion(JsonEncodedText Id, JsonEncodedText[] Citations);

    private static ImmutableArray<FactValue> ReadFacts(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            throw new RuleException("malformed-field", "facts", "facts: expected an object of named facts, e.g. {\"start\": \"2017-01-20T17:20+01:00\"}.");
        }

        var facts = ImmutableArray.CreateBuilder<FactValue>(4);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = KnownStrings.GetString(ref reader);
            reader.Read();
            facts.Add(reader.TokenType switch
            {
                JsonTokenType.String => new FactValue(name, FactValueKind.String, reader.GetString()),
                JsonTokenType.Number => new FactValue(name, FactValueKind.Number, Encoding.UTF8.GetString(reader.ValueSpan)),
                JsonTokenType.True => new FactValue(name, FactValueKind.Boolean, null, true),
                JsonTokenType.False => new FactValue(name, FactValueKind.Boolean, null, false),
                JsonTokenType.Null => new FactValue(name, FactValueKind.Null, null),
                _ => Structured(ref reader, name),
            });
        }

        return facts.ToImmutable();
    }

    private static FactValue Structured(ref Utf8JsonReader reader, string name)
    {
        reader.Skip();
        return new FactValue(name, FactValueKind.Structured, null);
    }

    private static (EvaluationOptions Options, bool Explain) ReadOptions(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            throw new RuleException("malformed-field", "options", "options: expected an object, e.g. {\"readings\": {\"prorogation-end\": \"end-of-day\"}}.");
        }

        var options = EvaluationOptions.Default;
        var explain = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = KnownStrings.GetString(ref reader);
            reader.Read();
            switch (name)
            {
                case "readings":
                    options = options with { Readings = ReadReadings(ref reader) };
                    break;
                case "goodFriday":
                    options = options with { GoodFriday = ReadBool(ref reader, "options.goodFriday") };
                    break;
                case "explain":
                    explain = ReadBool(ref reader, "options.explain");
                    break;
                case "resolveLocalTime":
                    options = options with
                    {
                        LocalTimeResolution = ReadString(ref reader, "options.resolveLocalTime") switch
                        {
                            "strict" => LocalTimeResolution.Strict,
                            "earlier" => LocalTimeResolution.Earlier,
                            "later" => LocalTimeResolution.Later,
                            var other => throw new RuleException("invalid-option", "options.resolveLocalTime",
                                $"options.resolveLocalTime: '{other}' is not a resolution; expected \"strict\", \"earlier\" or \"later\"."),
                        },
                    };
                    break;
                default:
                    reader.Skip();
                    throw new RuleException("invalid-option", "options." + name,
                        $"options.{name}: not an option; expected readings, goodFriday, resolveLocalTime, explain.");
            }
        }

        return (options, explain);
    }

    private static ReadingSelection ReadReadings(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            throw new RuleException("invalid-option", "options.readings", "options.readings: expected an object of reading ids and options, e.g. {\"prorogation-end\": \"end-of-day\"}.");
        }

        var selection = ReadingSelection.Defaults;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var id = KnownStrings.GetString(ref reader);
            reader.Read();
            var field = "options.readings." + id;
            var reading = Readings.Find(id)
                ?? throw new RuleException("unknown-reading", field,
                    $"{field}: '{id}' is not a reading; expected one of {string.Join(", ", Readings.All.Select(r => r.Id))}.");
            var optionId = ReadString(ref reader, field);
            var option = reading.Option(optionId)
                ?? throw new RuleException("unknown-reading-option", field,
                    $"{field}: '{optionId}' is not an option of {id}; expected one of {string.Join(", ", reading.Options.Select(o => o.Id))}.");
            selection = selection.With(reading, option);
        }

        return selection;
    }

    private static string ReadString(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            throw new RuleException("malformed-field", field, $"{field}: expected a string.");
        }

        return KnownStrings.GetString(ref reader);
    }

    private static bool ReadBool(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw new RuleException("invalid-option", field, $"{field}: expected true or false."),
    };

    private static string RawValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var end = (int)reader.BytesConsumed;
        return Encoding.UTF8.GetString(json[start..end]);
    }

    private static void WriteNullableString(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNullableBool(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is { } b)
        {
            writer.WriteBoolean(name, b);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>The contract's word for an outcome: "met", "not-met", "undetermined".</summary>
    public static string OutcomeId(Outcome outcome) => outcome switch
    {
        Outcome.Met => "met",
        Outcome.NotMet => "not-met",
        _ => "undetermined",
    };

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return (dot > 0 ? message[..dot] : message).TrimEnd('.');
    }
}
