using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Ceseda.Workflows.Runtime;

/// <summary>The case store on PostgreSQL. A write is one statement, so one round trip and its own
/// transaction: the version check (an <c>UPDATE … WHERE version = expected</c>), the events and the
/// idempotency key are inserted only from the row that update returned. Several writes (a timer run)
/// go in one batch; if the batch fails, each write is retried alone, so one bad write stores nothing
/// and the others are stored.</summary>
internal sealed class PostgresCaseStore : CaseStore
{
    private const string Write = """
        WITH updated AS (
            UPDATE cases SET version = $3, state = $4, snapshot_json = $5, next_due = $6, retention_end = $7,
                retention_rule = $8, retention_rule_version = $9, updated_at = $10, listed_from = $20
            WHERE id = $1 AND version = $2
            RETURNING id),
        events AS (
            INSERT INTO case_events (case_id, sequence, kind, trigger_name, at, event_json)
            SELECT updated.id, e.sequence, e.kind, e.trigger_name, e.at, e.event_json
            FROM updated CROSS JOIN unnest($11::bigint[], $12::text[], $13::text[], $14::bigint[], $15::text[])
                AS e (sequence, kind, trigger_name, at, event_json)),
        keys AS (
            INSERT INTO idempotency_keys (case_id, key, request, version, first_sequence, last_sequence, snapshot_json, created_at)
            SELECT updated.id, $16, $17, $3, $18, $19, $5, $10 FROM updated WHERE $16::text IS NOT NULL)
        SELECT count(*) FROM updated
        """;

    private const string Insert = """
        WITH inserted AS (
            INSERT INTO cases (id, procedure_id, procedure_version, territory, court, state, version, snapshot_json, next_due, opened_at, updated_at,
                listed_from)
            VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $9, $9, $10)
            ON CONFLICT (id) DO NOTHING
            RETURNING id)
        SELECT count(*) FROM inserted
        """;

    private readonly string connectionString;

    /// <param name="connectionString">The store's connection string. Unless it sets <c>Max Auto Prepare</c>
    /// itself, the statements the store runs again and again are prepared on each pooled connection, so the
    /// server parses and plans them once per connection instead of once per call. The store's connections
    /// change no session state, so they go back to the pool without a reset (<c>No Reset On Close</c>),
    /// which would cost a round of <c>RESET ALL</c> at each reuse.</param>
    public PostgresCaseStore(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 16;
        }

        this.connectionString = builder.ConnectionString;
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public override async Task<WriteOutcome[]> WriteAsync(IReadOnlyList<PendingWrite> writes, CancellationToken cancellationToken)
    {
        var outcomes = new WriteOutcome[writes.Count];
        await using var connection = (NpgsqlConnection)await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (writes.Count > 1)
        {
            await using var batch = new NpgsqlBatch(connection);
            foreach (var write in writes)
            {
                var command = new NpgsqlBatchCommand(write.Opening is null ? Write : Insert);
                Bind(command.Parameters, write);
                batch.BatchCommands.Add(command);
            }

            try
            {
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < writes.Count; i++)
                {
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    outcomes[i] = reader.GetInt64(0) == 1 ? WriteOutcome.Written : WriteOutcome.VersionMoved;
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                }

                return outcomes;
            }
            catch (PostgresException)
            {
                // The batch is one implicit transaction and stored nothing: find the write at fault.
            }
        }

        for (var i = 0; i < writes.Count; i++)
        {
            await using var command = Command(writes[i], connection);
            try
            {
                outcomes[i] = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 1
                    ? WriteOutcome.Written
                    : WriteOutcome.VersionMoved;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.TableName == "idempotency_keys")
            {
                outcomes[i] = WriteOutcome.KeyTaken;
            }
        }

        return outcomes;
    }

    private static NpgsqlCommand Command(PendingWrite write, NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(write.Opening is null ? Write : Insert, connection);
        Bind(command.Parameters, write);
        return command;
    }

    private static void Bind(NpgsqlParameterCollection parameters, PendingWrite write)
    {
        if (write.Opening is { } opening)
        {
            parameters.Add(new NpgsqlParameter<string> { TypedValue = write.CaseId });
            parameters.Add(new NpgsqlParameter<string> { TypedValue = opening.ProcedureId });
            parameters.Add(new NpgsqlParameter<int> { TypedValue = opening.ProcedureVersion });
            parameters.Add(new NpgsqlParameter<string> { TypedValue = opening.Territory });
            parameters.Add(new NpgsqlParameter<string> { TypedValue = opening.Court });
            parameters.Add(new NpgsqlParameter<string> { TypedValue = write.State });
            parameters.Add(new NpgsqlParameter<string> { TypedValue = write.SnapshotJson });
            parameters.Add(Ticks(write.NextDue?.ToUnixTimeTicks()));
            parameters.Add(new NpgsqlParameter<long> { TypedValue = write.UpdatedAt.ToUnixTimeTicks() });
            parameters.Add(Ticks(write.ListedFrom?.ToUnixTimeTicks()));
            return;
        }

        var events = write.Events;
        var key = events.Count > 0 ? write.Key : null;
        parameters.Add(new NpgsqlParameter<string> { TypedValue = write.CaseId });
        parameters.Add(new NpgsqlParameter<long> { TypedValue = write.ExpectedVersion });
        parameters.Add(new NpgsqlParameter<long> { TypedValue = write.Version });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = write.State });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = write.SnapshotJson });
        parameters.Add(Ticks(write.NextDue?.ToUnixTimeTicks()));
        parameters.Add(Ticks(write.RetentionEnd?.ToUnixTimeTicks()));
        parameters.Add(Text(write.RetentionRule));
        parameters.Add(Text(write.RetentionRuleVersion));
        parameters.Add(new NpgsqlParameter<long> { TypedValue = write.UpdatedAt.ToUnixTimeTicks() });
        parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. events.Select(e => e.Sequence)] });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. events.Select(e => e.KindName)] });
        parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. events.Select(e => e.Trigger)] });
        parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. events.Select(e => e.At.ToUnixTimeTicks())] });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. events.Select(e => e.Json)] });
        parameters.Add(Text(key?.Key));
        parameters.Add(Text(key?.Request));
        parameters.Add(Ticks(events.Count > 0 ? events[0].Sequence : null));
        parameters.Add(Ticks(events.Count > 0 ? events[^1].Sequence : null));
        parameters.Add(Ticks(write.ListedFrom?.ToUnixTimeTicks()));
    }

    private static NpgsqlParameter Ticks(long? value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = value ?? (object)DBNull.Value };

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = value ?? (object)DBNull.Value };
}
