using Ceseda.Workflows.Runtime;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Ceseda.Workflows.Tests.Runtime;

/// <summary>A clock the test sets; the runtime's stamps come from it.</summary>
internal sealed class TestClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;
}

/// <summary>A real SQLite file in a temporary directory, deleted afterwards.</summary>
internal sealed class TempStore : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("ceseda-runtime");

    public TempStore() => ConnectionString = $"Data Source={Path.Combine(directory.FullName, "cases.db")}";

    public string ConnectionString { get; }

    public TestClock Clock { get; } = new(Instant.FromUtc(2026, 1, 5, 9, 0));

    public CaseRuntime Runtime() => new(ConnectionString, ProcedureRegistry.Catalogue, Clock);

    public int Execute(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    public long Scalar(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }
}
