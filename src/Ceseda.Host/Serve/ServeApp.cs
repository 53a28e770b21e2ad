using System.Text.Encodings.Web;
using Ceseda.Host.Api;
using Ceseda.Workflows.DependencyInjection;
using Ceseda.Workflows.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Ceseda.Host.Serve;

/// <summary>What <c>ceseda serve</c> runs on.</summary>
/// <param name="Urls">Where it listens, e.g. "http://localhost:5080" (several separated by ';').</param>
/// <param name="Provider">The case store.</param>
/// <param name="ConnectionString">The store's connection string.</param>
/// <param name="Demo">Whether demonstration cases are started in a store that holds none.</param>
/// <param name="Timers">Whether deadlines pass by themselves (the Quartz timer); off only in tests.</param>
internal sealed record ServeSettings(string Urls, CaseStoreProvider Provider, string ConnectionString, bool Demo, bool Timers = true);

/// <summary>The web application of <c>ceseda serve</c>: the case runtime on the store of the
/// settings, the JSON API under <c>/api</c>, the OpenAPI document at <c>/openapi/v1.json</c>.</summary>
internal static class ServeApp
{
    /// <param name="settings">The store and the address.</param>
    /// <param name="clock">The host's clock: the system clock when served, a fake one in tests.</param>
    /// <param name="configure">Changes to the builder before it builds (tests use an in-memory server).</param>
    public static WebApplication Build(ServeSettings settings, IClock clock, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(settings.Urls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning)
            .AddFilter("Quartz", LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(clock);
        services.AddSingleton(new DemoReport());
        if (settings.Demo)
        {
            // Before AddCeseda's services: the demonstration cases are stored before the timer's first run.
            services.AddHostedService<DemoSeeding>();
        }

        services.AddCeseda(o =>
        {
            o.Provider = settings.Provider;
            o.ConnectionString = settings.ConnectionString;
            o.Timers = settings.Timers;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Problems the framework writes (unknown route, wrong method or content type, a fault)
            // get a code too; those of the API carry their own.
            var problem = context.ProblemDetails;
            if (!problem.Extensions.ContainsKey("code"))
            {
                (problem.Extensions["code"], problem.Detail) = problem.Status switch
                {
                    StatusCodes.Status404NotFound => ("not-found", problem.Detail ?? $"No resource at {context.HttpContext.Request.Path}; the API is under /api (GET /openapi/v1.json describes it)."),
                    StatusCodes.Status405MethodNotAllowed => ("method-not-allowed", problem.Detail ?? $"{context.HttpContext.Request.Method} is not accepted at {context.HttpContext.Request.Path}."),
                    StatusCodes.Status415UnsupportedMediaType => ("unsupported-media-type", problem.Detail ?? "The request body must be JSON, sent with Content-Type: application/json."),
                    >= 500 => ("internal-error", problem.Detail ?? "The server failed; the request may be sent again. The log says why."),
                    _ => ("error", problem.Detail),
                };
            }
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Ceseda";
            document.Info.Description = "Durable CESEDA procedures and the evaluation contract. Instants are ISO-8601 with their UTC offset; "
                + "errors are RFC 7807 problem details with a stable code.";
            return Task.CompletedTask;
        }));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapCesedaApi();
        app.MapGet("/", () => TypedResults.Redirect("/openapi/v1.json")).ExcludeFromDescription();
        return app;
    }
}
