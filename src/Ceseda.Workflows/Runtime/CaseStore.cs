using System.Data.Common;
using Ceseda.Workflows.StateMachines;
using NodaTime;

namespace Ceseda.Workflows.Runtime;

/// <summary>The statements of the runtime's hot path (load a case, write a transition, find a stored
/// idempotent result), on the provider's own connection with prepared SQL over the tables of
/// <see cref="CaseStoreContext"/>: a write is the version check, the snapshot and its events in one
/// transaction, and costs one statement on PostgreSQL. The other calls go through the EF Core context.</summary>
internal abstract class CaseStore
{
    protected const string CaseColumns =
        "id, procedure_id, procedure_version, territory, court, state, version, snapshot_json, next_due, opened_at, updated_at, "
        + "retention_end, retention_rule, retention_rule_version";

    /// <summary>A store of <paramref name="provider"/> over <paramref name="connectionString"/>.</summary>
    public static CaseStore Create(CaseStoreProvider provider, string connectionString) => provider switch
    {
        CaseStoreProvider.Sqlite => new SqliteCaseStore(connectionString),
        CaseStoreProvider.PostgreSql => new PostgresCaseStore(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider,
            $"Unknown case store provider {provider}; use {CaseStoreProvider.Sqlite} or {CaseStoreProvider.PostgreSql}."),
    };

    /// <summary>An open connection of the provider's pool.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Stores each write that still finds its case at its expected version, and reports for
    /// each whether it was stored. A write whose version moved, or whose idempotency key was taken
    /// meanwhile, stores nothing; the others are not affected.</summary>
    public abstract Task<WriteOutcome[]> WriteAsync(IReadOnlyList<PendingWrite> writes, CancellationToken cancellationToken);

    /// <summary>The case row, or null when no case has that id.</summary>
    public async Task<CaseRow?> LoadAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, $"SELECT {CaseColumns} FROM cases WHERE id = @id", ("@id", caseId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadCase(reader) : null;
    }

    /// <summary>At most <paramref name="limit"/> cases with a deadline due at or before <paramref name="now"/>,
    /// by due instant then id, after the (due, id) position <paramref name="after"/> when given.</summary>
    public async Task<List<CaseRow>> LoadDueAsync(Instant now, (Instant Due, string Id)? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var sql = after is null
            ? $"SELECT {CaseColumns} FROM cases WHERE next_due IS NOT NULL AND next_due <= @now ORDER BY next_due, id LIMIT @limit"
            : $"SELECT {CaseColumns} FROM cases WHERE next_due IS NOT NULL AND next_due <= @now "
              + "AND (next_due > @due OR (next_due = @due AND id > @id)) ORDER BY next_due, id LIMIT @limit";
        await using var command = Command(connection, sql, ("@now", now.ToUnixTimeTicks()), ("@limit", limit));
        if (after is { } position)
        {
            Add(command, "@due", position.Due.ToUnixTimeTicks());
            Add(command, "@id", position.Id);
        }

        var rows = new List<CaseRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(ReadCase(reader));
        }

        return rows;
    }

    /// <summary>What the command with <paramref name="key"/> stored on the case, with the JSON of its
    /// events in order; null when the key was never used on it.</summary>
    public async Task<(IdempotencyRow Key, List<string> Events)?> LoadKeyAsync(string caseId, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        IdempotencyRow row;
        await using (var command = Command(connection,
            "SELECT request, version, first_sequence, last_sequence, snapshot_json, created_at FROM idempotency_keys WHERE case_id = @id AND key = @key",
            ("@id", caseId), ("@key", key)))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            row = new IdempotencyRow
            {
                CaseId = caseId,
                Key = key,
                Request = reader.GetString(0),
                Version = reader.GetInt64(1),
                FirstSequence = reader.GetInt64(2),
                LastSequence = reader.GetInt64(3),
                SnapshotJson = reader.GetString(4),
                CreatedAt = Instant.FromUnixTimeTicks(reader.GetInt64(5)),
            };
        }

        var events = new List<string>();
        await using (var command = Command(connection,
            "SELECT event_json FROM case_events WHERE case_id = @id AND sequence >= @first AND sequence <= @last ORDER BY sequence",
            ("@id", caseId), ("@first", row.FirstSequence), ("@last", row.LastSequence)))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add(reader.GetString(0));
            }
        }

        return (row, events);
    }

    /// <summary>The instant of the case's first stored event fired by one of <paramref name="triggers"/>, if any.</summary>
    public async Task<Instant?> FirstEventAtAsync(string caseId, IReadOnlyCollection<string> triggers, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var names = triggers.Select((t, i) => $"@t{i}").ToArray();
        await using var command = Command(connection,
            $"SELECT at FROM case_events WHERE case_id = @id AND trigger_name IN ({string.Join(", ", names)}) ORDER BY sequence LIMIT 1",
            ("@id", caseId));
        var i = 0;
        foreach (var trigger in triggers)
        {
            Add(command, names[i++], trigger);
        }

        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long ticks ? Instant.FromUnixTimeTicks(ticks) : null;
    }

    protected static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        return command;
    }

    protected static DbParameter Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static CaseRow ReadCase(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        ProcedureId = reader.GetString(1),
        ProcedureVersion = reader.GetInt32(2),
        Territory = reader.GetString(3),
        Court = reader.GetString(4),
        State = reader.GetString(5),
        Version = reader.GetInt64(6),
        SnapshotJson = reader.GetString(7),
        NextDue = reader.IsDBNull(8) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(8)),
        OpenedAt = Instant.FromUnixTimeTicks(reader.GetInt64(9)),
        UpdatedAt = Instant.FromUnixTimeTicks(reader.GetInt64(10)),
        RetentionEnd = reader.IsDBNull(11) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(11)),
        RetentionRule = reader.IsDBNull(12) ? null : reader.GetString(12),
        RetentionRuleVersion = reader.IsDBNull(13) ? null : reader.GetString(13),
    };
}

/// <summary>A transition to store: the case's new columns if it is still at <see cref="ExpectedVersion"/>,
/// the events to append and, for a command with an idempotency key, its stored result. With
/// <see cref="Opening"/>, a new case: its row is inserted at version 1 if the id is free.</summary>
internal sealed record PendingWrite(
    string CaseId,
    long ExpectedVersion,
    string State,
    string SnapshotJson,
    Instant? NextDue,
    Instant? RetentionEnd,
    string? RetentionRule,
    string? RetentionRuleVersion,
    Instant UpdatedAt,
    Instant? ListedFrom,
    IReadOnlyList<PendingEvent> Events,
    PendingKey? Key,
    NewCase? Opening = null)
{
    public long Version => ExpectedVersion + 1;
}

/// <summary>The columns a case is started with, beside those of every write.</summary>
internal sealed record NewCase(string ProcedureId, int ProcedureVersion, string Territory, string Court);

/// <summary>A row of <c>case_events</c> to append.</summary>
internal sealed record PendingEvent(long Sequence, CaseEventKind Kind, string? Trigger, Instant At, string Json)
{
    public string KindName => Kind == CaseEventKind.Act ? "act" : "expiry";
}

/// <summary>A row of <c>idempotency_keys</c> to insert with the write.</summary>
internal sealed record PendingKey(string Key, string Request);

/// <summary>What became of a <see cref="PendingWrite"/>.</summary>
internal enum WriteOutcome
{
    /// <summary>Stored.</summary>
    Written,

    /// <summary>Not stored: the case is no longer at the expected version (or no longer exists); for a
    /// new case, a case with that id is already stored.</summary>
    VersionMoved,

    /// <summary>Not stored: another command stored the same idempotency key on the case meanwhile.</summary>
    KeyTaken,
}
