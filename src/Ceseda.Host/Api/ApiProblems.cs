using Ceseda.Workflows.Runtime;
using Ceseda.Workflows.StateMachines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Ceseda.Host.Api;

/// <summary>The API's errors as RFC 7807 problem details, each with a stable <c>code</c>: 400 for
/// malformed input, 404 for an unknown case or procedure, 409 for a version conflict or a taken
/// id, 422 for what a procedure refuses (with its French reasons). Bad input is never a 500.</summary>
internal static class ApiProblems
{
    /// <summary>Turns the exceptions of the runtime, the procedures and the input into problems;
    /// any other exception goes on to the host's handler (500).</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (ApiInputException e)
        {
            return Problem(e.Status, e.Code, e.Message, new() { ["field"] = e.Field });
        }
        catch (ApiRefusalException e)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, e.Code, e.Message, new() { ["reasons"] = e.Reasons });
        }
        catch (CaseConflictException e)
        {
            return Problem(StatusCodes.Status409Conflict, e.Code, e.Message,
                new() { ["caseId"] = e.CaseId, ["expectedVersion"] = e.ExpectedVersion, ["actualVersion"] = e.ActualVersion });
        }
        catch (CaseStoreException e) when (StatusOf(e) is { } status)
        {
            return Problem(status, e.Code, e.Message, new() { ["caseId"] = e.CaseId });
        }
        catch (ProcedureException e) when (e.Code == "trigger-unknown")
        {
            return Problem(StatusCodes.Status400BadRequest, e.Code, e.Message, new() { ["field"] = "trigger" });
        }
        catch (ProcedureException e) when (IsRefusal(e.Code))
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, e.Code, e.Message, new());
        }
    }

    /// <summary>A problem with its <c>code</c> and extensions.</summary>
    public static IResult Problem(int status, string code, string detail, Dictionary<string, object?> extensions)
    {
        extensions["code"] = code;
        return TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = Title(status),
            Detail = detail,
            Extensions = extensions,
        });
    }

    private static int? StatusOf(CaseStoreException e) => e.Code switch
    {
        "case-unknown" or "procedure-unknown" => StatusCodes.Status404NotFound,
        "case-exists" or "case-conflict" => StatusCodes.Status409Conflict,
        "idempotency-key-reused" => StatusCodes.Status422UnprocessableEntity,
        _ => null, // case-unreadable, procedure-version-missing: the store, not the request
    };

    private static bool IsRefusal(string code) =>
        code is "trigger-refused" or "out-of-order" or "timer-trigger" or "deadline" || code.StartsWith("fact-", StringComparison.Ordinal);

    private static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is malformed.",
        StatusCodes.Status404NotFound => "Not found.",
        StatusCodes.Status409Conflict => "Conflict with the stored case.",
        StatusCodes.Status422UnprocessableEntity => "The procedure refuses the request.",
        _ => "Error.",
    };
}
