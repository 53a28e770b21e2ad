using System.Data.Common;
using Ceseda.Host.Cli;
using Ceseda.Workflows.Runtime;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Npgsql;

namespace Ceseda.Host.Serve;

/// <summary><c>ceseda serve [--urls URL] [--store sqlite|postgres] [--connection CS] [--no-demo]</c>:
/// the HTTP API over durable cases, on a SQLite file in the working directory by default.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://localhost:5080";

    public const string DefaultSqliteFile = "ceseda.db";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var settings = Parse(args);
        await using var app = ServeApp.Build(settings, SystemClock.Instance);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await stderr.WriteLineAsync($"ceseda serve: cannot listen on {settings.Urls}: {e.Message} Choose another address with --urls.").ConfigureAwait(false);
            return 1;
        }
        catch (DbException e)
        {
            await stderr.WriteLineAsync($"ceseda serve: the case store ({Describe(settings)}) cannot be opened: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? settings.Urls;
        var demo = app.Services.GetRequiredService<DemoReport>();
        await stdout.WriteLineAsync($"""
            Ceseda is serving on {string.Join(", ", addresses)}
              API:      {url}/api (e.g. {url}/api/procedures)
              OpenAPI:  {url}/openapi/v1.json
              Cases:    {Describe(settings)}
              {(demo.Seeded.Count > 0
                ? $"Demo:     {demo.Seeded.Count} cases started ({string.Join(", ", demo.Seeded)}); {url}/api/courts/{Uri.EscapeDataString(DemoCases.AppealCourt)}/due lists their deadlines"
                : settings.Demo ? $"Demo:     none started, the store already holds {demo.Held} case(s)" : "Demo:     off (--no-demo)")}
            Press Ctrl+C to stop.
            """).ConfigureAwait(false);
        await app.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    internal static ServeSettings Parse(string[] args)
    {
        string urls = DefaultUrls, store = "sqlite";
        string? connection = null;
        var demo = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--urls":
                    urls = Value(args, ref i);
                    break;
                case "--store":
                    store = Value(args, ref i);
                    break;
                case "--connection":
                    connection = Value(args, ref i);
                    break;
                case "--no-demo":
                    demo = false;
                    break;
                default:
                    throw new UsageException($"'{args[i]}' is not an option of serve; expected --urls URL, --store sqlite|postgres, --connection CS or --no-demo.");
            }
        }

        foreach (var url in urls.Split(';'))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
            {
                throw new UsageException($"--urls is '{urls}'; expected http:// or https:// addresses with a host and a port and no path, separated by ';', e.g. {DefaultUrls}.");
            }
        }

        return store switch
        {
            "sqlite" => new ServeSettings(urls, CaseStoreProvider.Sqlite, SqliteConnection(connection), demo),
            "postgres" => new ServeSettings(urls, CaseStoreProvider.PostgreSql, PostgresConnection(connection), demo),
            _ => throw new UsageException($"--store is '{store}'; expected sqlite (a file, the default) or postgres (with --connection)."),
        };
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length && !args[i].StartsWith("--", StringComparison.Ordinal)
            ? args[i]
            : throw new UsageException($"{args[i - 1]} needs a value; `ceseda --help` shows the usage.");

    /// <summary>A file path, or a SQLite connection string ("Data Source=..."); the default file is
    /// <c>ceseda.db</c> in the working directory.</summary>
    private static string SqliteConnection(string? connection)
    {
        if (connection is null || !connection.Contains('=', StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(connection ?? DefaultSqliteFile);
            return new SqliteConnectionStringBuilder { DataSource = path }.ConnectionString;
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(connection);
            return string.IsNullOrWhiteSpace(builder.DataSource)
                ? throw new UsageException($"--connection is '{connection}'; expected a SQLite file path, or a connection string with a Data Source, e.g. Data Source=ceseda.db.")
                : builder.ConnectionString;
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--connection is '{connection}', which SQLite does not read ({e.Message}); expected a file path, or a connection string such as Data Source=ceseda.db.");
        }
    }

    private static string PostgresConnection(string? connection)
    {
        if (connection is null)
        {
            throw new UsageException("--store postgres needs --connection, e.g. --connection \"Host=localhost;Database=ceseda;Username=ceseda\".");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connection);
            return string.IsNullOrWhiteSpace(builder.Host)
                ? throw new UsageException($"--connection is '{connection}'; expected a PostgreSQL connection string with a Host, e.g. Host=localhost;Database=ceseda;Username=ceseda.")
                : builder.ConnectionString;
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--connection is '{connection}', which PostgreSQL does not read ({e.Message}); expected e.g. Host=localhost;Database=ceseda;Username=ceseda.");
        }
    }

    private static string Describe(ServeSettings settings) => settings.Provider == CaseStoreProvider.Sqlite
        ? $"SQLite file {new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource}"
        : $"PostgreSQL {new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Password = null }.ConnectionString}";
}
