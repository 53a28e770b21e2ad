using System.Buffers;
using System.Text;
using System.Text.Json;
using Ceseda.Rules.Evaluation;
using Ceseda.Workflows.Diagrams;
using Ceseda.Workflows.Runtime;
using Ceseda.Workflows.StateMachines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace Ceseda.Host.Api;

/// <summary>The JSON HTTP API of <c>ceseda serve</c>, under <c>/api</c>.</summary>
internal static class ApiEndpoints
{
    /// <summary>How far ahead a court's listing looks when <c>until</c> is not given.</summary>
    public static readonly Duration DefaultListingSpan = Duration.FromDays(7);

    public static void MapCesedaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter(ApiProblems.Filter)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/evaluate", EvaluateAsync)
            .WithName("Evaluate")
            .WithSummary("Evaluates one request of the evaluation contract, or an array of them (answered in order), as `ceseda evaluate` does.")
            .Accepts<JsonElement>("application/json")
            .Produces<JsonElement>(StatusCodes.Status200OK, "application/json");

        api.MapGet("/procedures", (ProcedureRegistry procedures) => TypedResults.Ok(procedures.Ids
                .Select(id => ProcedureView.Of(procedures.Latest(id)!)).ToList()))
            .WithName("ListProcedures")
            .WithSummary("The procedures: id, version, French title and citations.");

        api.MapGet("/procedures/{id}/diagram", Diagram)
            .WithName("ProcedureDiagram")
            .WithSummary("A procedure's state diagram: format mermaid (default), dot or bpmn.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain", "text/vnd.graphviz", "application/xml")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/cases", StartCaseAsync)
            .WithName("StartCase")
            .WithSummary("Starts a case of a procedure in a territory and a court; 201 with its Location.")
            .Accepts<StartCaseBody>("application/json")
            .Produces<CaseView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/cases/{id}", GetCaseAsync)
            .WithName("GetCase")
            .WithSummary("A case: its state, version, deadlines, open clerk tasks and the acts available now, with the French reasons of each refusal.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/cases/{id}/history", HistoryAsync)
            .WithName("CaseHistory")
            .WithSummary("A case's events, and its timeline in French.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/cases/{id}/acts", FireAsync)
            .WithName("RecordAct")
            .WithSummary("Records an act at its legal instant, against the version last read. An Idempotency-Key header makes a retry return the stored result (isRetry true) and write nothing.")
            .Accepts<ActBody>("application/json")
            .Produces<WriteView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/cases/{id}/why-not", WhyNotAsync)
            .WithName("WhyNot")
            .WithSummary("Whether an act may be recorded at an instant (now by default) and, if not, why, in French.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/courts/{court}/due", DueAsync)
            .WithName("CourtListing")
            .WithSummary("A court's running deadlines and open clerk tasks falling due in [from, until) (now and seven days later by default), by instant; and its cases that could not be read.");
    }

    private static async Task<IResult> EvaluateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var document = await ApiInput.ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        var output = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(output, EvaluationJson.WriterOptions))
        {
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    Answer(writer, root);
                    break;
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (var item in root.EnumerateArray())
                    {
                        Answer(writer, item);
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    throw ApiInputException.BadRequest("invalid-field", "(body)",
                        $"The request body is {root.GetRawText()}; expected a request object of the evaluation contract, or an array of them.");
            }
        }

        return TypedResults.Bytes(output.WrittenMemory.ToArray(), "application/json");
    }

    /// <summary>Answers one request exactly as <c>ceseda evaluate</c> answers a line.</summary>
    private static void Answer(Utf8JsonWriter writer, JsonElement request)
    {
        var response = Evaluator.Evaluate(EvaluationJson.ReadRequest(Encoding.UTF8.GetBytes(request.GetRawText())));
        EvaluationJson.WriteResponse(writer, response);
    }

    private static IResult Diagram(string id, string? format, ProcedureRegistry procedures)
    {
        var definition = procedures.Latest(id) ?? throw UnknownProcedure(procedures, id, "id");
        return (format ?? "mermaid") switch
        {
            "mermaid" => TypedResults.Text(DiagramExport.Mermaid(definition), "text/plain; charset=utf-8"),
            "dot" => TypedResults.Text(DiagramExport.Dot(definition), "text/vnd.graphviz; charset=utf-8"),
            "bpmn" => TypedResults.Text(DiagramExport.Bpmn(definition) + "\n", "application/xml; charset=utf-8"),
            var other => throw ApiInputException.BadRequest("invalid-field", "format", $"format is '{other}'; expected mermaid, dot or bpmn."),
        };
    }

    private static async Task<Created<CaseView>> StartCaseAsync(HttpRequest request, CaseRuntime runtime, ProcedureRegistry procedures, IClock clock,
        CancellationToken cancellationToken)
    {
        using var document = await ApiInput.ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        var body = ApiInput.Object(document);
        var procedureId = ApiInput.RequiredString(body, "procedure", "a procedure id (GET /api/procedures lists them)");
        var territory = ApiInput.Territory(ApiInput.RequiredString(body, "territory", "a territory id, e.g. metropole"), "territory");
        var court = ApiInput.RequiredString(body, "court", "the court whose listing holds the case, e.g. \"CA Paris\"");
        var caseId = ApiInput.OptionalString(body, "caseId", $"a case id of 1 to {ApiInput.MaxIdLength} characters") is { } id
            ? ApiInput.Id(id, "caseId")
            : null;
        var options = ApiInput.Readings(body, "readings");
        if (procedures.Latest(procedureId) is null)
        {
            throw UnknownProcedure(procedures, procedureId, "procedure");
        }

        var started = await runtime.StartAsync(procedureId, territory, court, options, caseId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/cases/{Uri.EscapeDataString(started.CaseId)}", View(started, procedures, clock));
    }

    private static async Task<Ok<CaseView>> GetCaseAsync(string id, CaseRuntime runtime, ProcedureRegistry procedures, IClock clock, CancellationToken cancellationToken)
    {
        var stored = await runtime.GetAsync(CaseId(id), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(View(stored, procedures, clock));
    }

    private static async Task<Ok<HistoryView>> HistoryAsync(string id, CaseRuntime runtime, ProcedureRegistry procedures, CancellationToken cancellationToken)
    {
        var caseId = CaseId(id);
        var stored = await runtime.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        var history = await runtime.HistoryAsync(caseId, cancellationToken).ConfigureAwait(false);
        var definition = Definition(stored, procedures);
        var zone = stored.Snapshot.Territory.Zone;
        return TypedResults.Ok(new HistoryView(caseId, [.. history.Select(e => EventView.Of(definition, e, zone))],
            CaseTimeline.ToFrench(definition, history, zone)));
    }

    private static async Task<Ok<WriteView>> FireAsync(string id, HttpRequest request, CaseRuntime runtime, ProcedureRegistry procedures,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caseId = CaseId(id);
        using var document = await ApiInput.ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        var body = ApiInput.Object(document);
        var triggerName = ApiInput.RequiredString(body, "trigger", "an act of the case's procedure (GET /api/cases/{id} lists them under acts)");
        var atText = ApiInput.RequiredString(body, "at", "the act's instant with its UTC offset, e.g. 2017-01-23T09:01+01:00");
        var expectedVersion = ApiInput.RequiredVersion(body, "expectedVersion");
        var key = idempotencyKey is null ? null : ApiInput.Id(idempotencyKey, "Idempotency-Key");

        var stored = await runtime.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        var definition = Definition(stored, procedures);
        var zone = stored.Snapshot.Territory.Zone;
        var trigger = Trigger(definition, triggerName, "trigger");
        var at = ApiInput.Instant(atText, "at", zone);
        var facts = ApiInput.Facts(body, "facts", trigger, zone);
        CaseWrite write;
        try
        {
            write = await runtime.FireAsync(caseId, trigger.Name, at, facts, expectedVersion, key, cancellationToken).ConfigureAwait(false);
        }
        catch (ProcedureException e) when (e.Code == "trigger-refused")
        {
            throw new ApiRefusalException(e.Code, e.Message, definition.WhyNot(stored.Snapshot, trigger.Name, at).Reasons, e);
        }


        return TypedResults.Ok(new WriteView(caseId, write.Version, write.Snapshot.State, definition.StateTitle(write.Snapshot.State), write.IsRetry,
            Views.At(write.WrittenAt, zone), [.. write.Events.Select(e => EventView.Of(definition, e, zone))]));
    }

    private static async Task<Ok<ActView>> WhyNotAsync(string id, string? trigger, string? at, CaseRuntime runtime, ProcedureRegistry procedures, IClock clock,
        CancellationToken cancellationToken)
    {
        var stored = await runtime.GetAsync(CaseId(id), cancellationToken).ConfigureAwait(false);
        var definition = Definition(stored, procedures);
        if (trigger is null)
        {
            throw ApiInputException.BadRequest("missing-field", "trigger", "trigger is missing; expected an act of the case's procedure, e.g. ?trigger=LodgeAppeal.");
        }

        var act = Trigger(definition, trigger, "trigger");
        var instant = at is null ? clock.GetCurrentInstant() : ApiInput.Instant(at, "at", stored.Snapshot.Territory.Zone);
        return TypedResults.Ok(ActView.Of(definition, definition.WhyNot(stored.Snapshot, act.Name, instant)));
    }

    private static async Task<Ok<DueView>> DueAsync(string court, string? from, string? until, CaseRuntime runtime, IClock clock,
        CancellationToken cancellationToken)
    {
        var start = from is null ? clock.GetCurrentInstant() : ApiInput.Instant(from, "from", null);
        var end = until is null ? start + DefaultListingSpan : ApiInput.Instant(until, "until", null);
        if (end < start)
        {
            throw ApiInputException.BadRequest("invalid-field", "until",
                $"until is '{until}', before from ({Views.At(start, DateTimeZone.Utc)}); expected an instant at or after from.");
        }

        var listing = await runtime.DueAsync(court, start, end, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(DueView.Of(court, start, end, listing));
    }

    private static CaseView View(StoredCase stored, ProcedureRegistry procedures, IClock clock) =>
        CaseView.Of(Definition(stored, procedures), stored, clock.GetCurrentInstant());

    private static ProcedureDefinition Definition(StoredCase stored, ProcedureRegistry procedures) =>
        procedures.Find(stored.Snapshot.Procedure)
        ?? throw new InvalidOperationException($"The runtime read case '{stored.CaseId}' with {stored.Snapshot.Procedure}, which its registry does not hold.");

    private static TriggerDescription Trigger(ProcedureDefinition definition, string name, string field) =>
        definition.Triggers.FirstOrDefault(t => t.Name == name && !t.IsTimer)
        ?? throw ApiInputException.BadRequest("unknown-trigger", field,
            $"{field} is '{name}'; expected an act of {definition.Key}: {string.Join(", ", definition.Triggers.Where(t => !t.IsTimer).Select(t => t.Name))}"
            + (definition.Triggers.Any(t => t.Name == name) ? $" ('{name}' is fired by a deadline passing, never by an act)." : "."));

    /// <summary>The case id of a route: an id holding '/' (e.g. "RG 25/01234") travels as %2F,
    /// which the router leaves encoded.</summary>
    private static string CaseId(string id) => ApiInput.Id(id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase), "id");

    private static CaseStoreException UnknownProcedure(ProcedureRegistry procedures, string id, string field) =>
        new("procedure-unknown", null,
            $"{field} is '{id}', which is not a procedure; expected one of: {string.Join(", ", procedures.Ids)}.");
}
