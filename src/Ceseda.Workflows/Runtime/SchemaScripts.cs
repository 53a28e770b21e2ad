using System.Collections.Immutable;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Ceseda.Workflows.Runtime;

/// <summary>The runtime's schema as versioned SQL scripts embedded in the assembly
/// (<c>Runtime/Schema/NNNN_name.{dialect}.sql</c>), applied in order, each once, inside one
/// transaction; <c>schema_version</c> records the scripts applied.</summary>
internal static partial class SchemaScripts
{
    private const string Prefix = "Ceseda.Workflows.Runtime.Schema.";

    /// <summary>The PostgreSQL advisory lock held while the scripts are applied ("CESEDA" in ASCII).</summary>
    private const long AdvisoryLock = 0x434553454441;

    /// <summary>The scripts of <paramref name="dialect"/> ("sqlite" or "postgres"), in version order.</summary>
    public static ImmutableArray<(int Version, string Name, string Sql)> For(string dialect)
    {
        var assembly = typeof(SchemaScripts).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[Prefix.Length..];
            var match = ScriptName().Match(name);
            if (!match.Success || match.Groups["dialect"].Value != dialect)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add((int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), name, reader.ReadToEnd()));
        }

        var ordered = scripts.OrderBy(s => s.Item1).ToImmutableArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            if (ordered[i].Item1 != i + 1)
            {
                throw new InvalidOperationException(
                    $"The {dialect} schema scripts must be numbered 0001, 0002, … without gap or duplicate; found {string.Join(", ", ordered.Select(s => s.Item2))}.");
            }
        }

        return ordered;
    }

    /// <summary>Applies the scripts not yet recorded in <c>schema_version</c>, in order, in one
    /// transaction. Returns the versions applied (none when the schema is up to date).</summary>
    public static async Task<ImmutableArray<int>> ApplyAsync(DbConnection connection, string dialect, Instant now, CancellationToken cancellationToken)
    {
        var scripts = For(dialect);
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        if (dialect == "sqlite")
        {
            // Write-ahead logging: readers no longer wait for the writer, and a commit is one append
            // to the log. The mode is stored in the file, so setting it once is enough; it cannot be
            // changed inside a transaction.
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (dialect == "postgres")
        {
            // Nodes starting together: one applies the scripts, the others wait and then find them applied.
            // (SQLite needs nothing: a write transaction already locks the whole file.)
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLock})", cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction,
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, script TEXT NOT NULL, applied_at BIGINT NOT NULL)",
            cancellationToken).ConfigureAwait(false);

        var applied = new HashSet<int>();
        await using (var query = connection.CreateCommand())
        {
            query.Transaction = transaction;
            query.CommandText = "SELECT version FROM schema_version";
            await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        if (applied.Count > 0 && applied.Max() > scripts.Length)
        {
            throw new InvalidOperationException(
                $"The database's schema is at version {applied.Max()}, newer than this Ceseda.Workflows ({scripts.Length}); upgrade the library before opening it.");
        }

        var done = ImmutableArray.CreateBuilder<int>();
        foreach (var (version, name, sql) in scripts.Where(s => !applied.Contains(s.Version)))
        {
            await ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, script, applied_at) VALUES (@version, @script, @at)";
            AddParameter(record, "@version", version);
            AddParameter(record, "@script", name);
            AddParameter(record, "@at", now.ToUnixTimeTicks());
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            done.Add(version);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return done.ToImmutable();
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    [GeneratedRegex(@"^(?<version>\d{4})_[a-z0-9_-]+\.(?<dialect>[a-z]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptName();
}
