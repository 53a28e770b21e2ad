using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ceseda.Host.Serve;
using Ceseda.Workflows.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Ceseda.Host.Tests.Serve;

/// <summary>A clock the test sets.</summary>
internal sealed class TestClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;
}

/// <summary>A SQLite file of its own in a temporary directory, deleted afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("ceseda-serve");

    public string ConnectionString => $"Data Source={Path.Combine(directory.FullName, "ceseda.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }
}

/// <summary><c>ceseda serve</c> in memory, on a SQLite file, with a test clock and the timer off
/// (the tests let deadlines pass themselves, never by sleeping).</summary>
internal sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ApiHost(WebApplication app)
    {
        this.app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public DemoReport Demo => app.Services.GetRequiredService<DemoReport>();

    public static async Task<ApiHost> StartAsync(TempDatabase database, IClock clock, bool demo = true)
    {
        var settings = new ServeSettings("http://localhost:5080", CaseStoreProvider.Sqlite, database.ConnectionString, demo, Timers: false);
        var app = ServeApp.Build(settings, clock, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        return new ApiHost(app);
    }

    public async Task<(int Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return ((int)response.StatusCode, await ReadAsync(response));
    }

    public async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(string path, string json,
        string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await Client.SendAsync(request);
        return ((int)response.StatusCode, await ReadAsync(response), response);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}

/// <summary>Reading the API's JSON in assertions.</summary>
internal static class Json
{
    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static long Long(this JsonElement e, string name) => e.GetProperty(name).GetInt64();

    public static bool Bool(this JsonElement e, string name) => e.GetProperty(name).GetBoolean();

    public static JsonElement[] Items(this JsonElement e, string name) => [.. e.GetProperty(name).EnumerateArray()];

    public static string Body(object value) => JsonSerializer.Serialize(value);

    public static JsonContent Content(object value) => JsonContent.Create(value);
}
