using System.Data.Common;
using System.Globalization;
using Ceseda.Workflows.Runtime;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;

namespace Ceseda.Workflows.Tests.Runtime;

/// <summary>A clock the test sets; the runtime's stamps come from it.</summary>
internal sealed class TestClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;
}

/// <summary>A store of its own for one test: a real SQLite file in a temporary directory, or a
/// PostgreSQL schema of its own on the server of <c>CESEDA_TEST_POSTGRES</c> (the connection's search
/// path); deleted or dropped afterwards.</summary>
internal sealed class TempStore : IDisposable
{
    private readonly DirectoryInfo? directory;
    private readonly string? schema;

    public TempStore(CaseStoreProvider provider = CaseStoreProvider.Sqlite)
    {
        Provider = provider;
        if (provider == CaseStoreProvider.Sqlite)
        {
            directory = Directory.CreateTempSubdirectory("ceseda-runtime");
            ConnectionString = $"Data Source={Path.Combine(directory.FullName, "cases.db")}";
            return;
        }

        var server = PostgresServer.ConnectionString
            ?? throw new InvalidOperationException($"{PostgresServer.Variable} is not set; mark the test [PostgresFact] or [PostgresData] so that it is skipped.");
        schema = "t_" + Guid.NewGuid().ToString("N");
        PostgresServer.Execute($"CREATE SCHEMA {schema}");
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, MaxPoolSize = 50 }.ConnectionString;
    }

    public CaseStoreProvider Provider { get; }

    public string ConnectionString { get; }

    public TestClock Clock { get; } = new(Instant.FromUtc(2026, 1, 5, 9, 0));

    public CaseRuntime Runtime() => new(Provider, ConnectionString, ProcedureRegistry.Catalogue, Clock);

    public CaseRuntime Runtime(int cacheCapacity) => new(Provider, ConnectionString, ProcedureRegistry.Catalogue, Clock, cacheCapacity);

    public int Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    public long Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The rows of <paramref name="sql"/>, each as its columns' values.</summary>
    public List<object[]> Rows(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return rows;
    }

    public void Dispose()
    {
        if (directory is not null)
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
            return;
        }

        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        PostgresServer.Execute($"DROP SCHEMA {schema} CASCADE");
    }

    private DbConnection Open()
    {
        DbConnection connection = Provider == CaseStoreProvider.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }
}

/// <summary>The PostgreSQL server of the tests: <c>CESEDA_TEST_POSTGRES</c>, a connection string that
/// <c>eng/test.sh</c> exports after <c>eng/postgres.sh start</c>. Without it the PostgreSQL tests are
/// reported as skipped, never as passed.</summary>
internal static class PostgresServer
{
    public const string Variable = "CESEDA_TEST_POSTGRES";

    public const string SkipReason =
        $"{Variable} is not set: no PostgreSQL server for this run. Run eng/test.sh, or eng/postgres.sh start and export {Variable}.";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>A fact that needs the PostgreSQL server; skipped, with the reason, when there is none.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.ConnectionString is null)
        {
            Skip = PostgresServer.SkipReason;
        }
    }
}

/// <summary>The <see cref="CaseStoreProvider.PostgreSql"/> row of a theory over the providers; skipped,
/// with the reason, when there is no PostgreSQL server. Pair it with
/// <c>[InlineData(CaseStoreProvider.Sqlite)]</c>.</summary>
public sealed class PostgresDataAttribute : Xunit.Sdk.DataAttribute
{
    public PostgresDataAttribute()
    {
        if (PostgresServer.ConnectionString is null)
        {
            Skip = PostgresServer.SkipReason;
        }
    }

    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => [[CaseStoreProvider.PostgreSql]];
}
