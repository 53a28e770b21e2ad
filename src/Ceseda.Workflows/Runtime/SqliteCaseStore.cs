using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Ceseda.Workflows.Runtime;

/// <summary>The case store on a SQLite file. SQLite has one writer at a time, and each commit waits
/// for the disk (the default <c>synchronous=FULL</c>: a committed act survives a power cut). So the
/// writes of a process to one file go through one queue: the first writer to find the file free
/// commits everything waiting in one transaction (each write in a savepoint of its own, so that a
/// version that moved undoes that write only) and wakes its waiters, then the next batch, and so on.
/// Four clerks writing at once cost one disk flush instead of four, and no writer spins on the lock.</summary>
/// <remarks>The queue is drained by a task of its own, started when a write finds no drain running and
/// ending when nothing waits, so that no caller commits the others' writes for longer than its own.</remarks>
internal sealed class SqliteCaseStore(string connectionString) : CaseStore
{
    /// <summary>One queue per database file and process, whichever runtime instance writes.</summary>
    private static readonly ConcurrentDictionary<string, WriteQueue> Queues = new(StringComparer.Ordinal);

    private readonly WriteQueue queue = Queues.GetOrAdd(FileOf(connectionString), _ => new WriteQueue());

    /// <summary>The database file of the connection string, as a full path, so that two spellings of one
    /// file share its queue; an in-memory or URI data source as written.</summary>
    private static string FileOf(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return source.Length == 0 || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? source
            : Path.GetFullPath(source);
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public override async Task<WriteOutcome[]> WriteAsync(IReadOnlyList<PendingWrite> writes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var mine = new Batch(writes);
        if (queue.Enqueue(mine))
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        // Once queued, the write is committed or fails with its group; cancellation is not passed on.
        return await mine.Done.Task.ConfigureAwait(false);
    }

    /// <summary>Commits every batch waiting, group after group, until none waits.</summary>
    private async Task DrainAsync()
    {
        while (queue.TakeAll() is { } group)
        {
            await CommitAsync(group).ConfigureAwait(false);
        }
    }

    private async Task CommitAsync(List<Batch> group)
    {
        var outcomes = group.Select(b => new WriteOutcome[b.Writes.Count]).ToArray();
        try
        {
            await using var connection = (SqliteConnection)await OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
            await using var statements = new Statements(connection, transaction);
            for (var b = 0; b < group.Count; b++)
            {
                for (var w = 0; w < group[b].Writes.Count; w++)
                {
                    outcomes[b][w] = await statements.WriteAsync(group[b].Writes[w]).ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The transaction is rolled back: nothing of the group is stored, and each caller gets the error.
            foreach (var batch in group)
            {
                batch.Done.TrySetException(e);
            }

            return;
        }

        for (var b = 0; b < group.Count; b++)
        {
            group[b].Done.TrySetResult(outcomes[b]);
        }
    }

    /// <summary>The prepared statements of one transaction.</summary>
    private sealed class Statements : IAsyncDisposable
    {
        private readonly SqliteCommand savepoint;
        private readonly SqliteCommand rollback;
        private readonly SqliteCommand release;
        private readonly SqliteCommand update;
        private readonly SqliteCommand insertEvent;
        private readonly SqliteCommand insertKey;
        private readonly SqliteCommand insertCase;

        public Statements(SqliteConnection connection, SqliteTransaction transaction)
        {
            SqliteCommand Prepare(string sql)
            {
                var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                return command;
            }

            savepoint = Prepare("SAVEPOINT write");
            rollback = Prepare("ROLLBACK TO write");
            release = Prepare("RELEASE write");
            update = Prepare("UPDATE cases SET version = @version, state = @state, snapshot_json = @snapshot, next_due = @next_due, "
                + "retention_end = @retention_end, retention_rule = @retention_rule, retention_rule_version = @retention_rule_version, "
                + "updated_at = @updated_at, listed_from = @listed_from WHERE id = @id AND version = @expected");
            insertEvent = Prepare("INSERT INTO case_events (case_id, sequence, kind, trigger_name, at, event_json) "
                + "VALUES (@id, @sequence, @kind, @trigger, @at, @json)");
            insertCase = Prepare("INSERT INTO cases (id, procedure_id, procedure_version, territory, court, state, version, snapshot_json, next_due, "
                + "opened_at, updated_at, listed_from) VALUES (@id, @procedure_id, @procedure_version, @territory, @court, @state, @version, @snapshot, "
                + "@next_due, @updated_at, @updated_at, @listed_from) ON CONFLICT (id) DO NOTHING");
            insertKey = Prepare("INSERT INTO idempotency_keys (case_id, key, request, version, first_sequence, last_sequence, snapshot_json, created_at) "
                + "VALUES (@id, @key, @request, @version, @first, @last, @snapshot, @created_at)");
        }

        public async Task<WriteOutcome> WriteAsync(PendingWrite write)
        {
            await savepoint.ExecuteNonQueryAsync().ConfigureAwait(false);
            var outcome = await StatementsOfAsync(write).ConfigureAwait(false);
            if (outcome != WriteOutcome.Written)
            {
                await rollback.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            await release.ExecuteNonQueryAsync().ConfigureAwait(false);
            return outcome;
        }

        private async Task<WriteOutcome> StatementsOfAsync(PendingWrite write)
        {
            if (write.Opening is { } opening)
            {
                Set(insertCase, ("@id", write.CaseId), ("@procedure_id", opening.ProcedureId), ("@procedure_version", opening.ProcedureVersion),
                    ("@territory", opening.Territory), ("@court", opening.Court), ("@state", write.State), ("@version", write.Version),
                    ("@snapshot", write.SnapshotJson), ("@next_due", write.NextDue?.ToUnixTimeTicks()), ("@updated_at", write.UpdatedAt.ToUnixTimeTicks()),
                    ("@listed_from", write.ListedFrom?.ToUnixTimeTicks()));
                return await insertCase.ExecuteNonQueryAsync().ConfigureAwait(false) == 1 ? WriteOutcome.Written : WriteOutcome.VersionMoved;
            }

            Set(update, ("@id", write.CaseId), ("@expected", write.ExpectedVersion), ("@version", write.Version), ("@state", write.State),
                ("@snapshot", write.SnapshotJson), ("@next_due", write.NextDue?.ToUnixTimeTicks()),
                ("@retention_end", write.RetentionEnd?.ToUnixTimeTicks()), ("@retention_rule", write.RetentionRule),
                ("@retention_rule_version", write.RetentionRuleVersion), ("@updated_at", write.UpdatedAt.ToUnixTimeTicks()),
                ("@listed_from", write.ListedFrom?.ToUnixTimeTicks()));
            if (await update.ExecuteNonQueryAsync().ConfigureAwait(false) == 0)
            {
                return WriteOutcome.VersionMoved;
            }

            foreach (var e in write.Events)
            {
                Set(insertEvent, ("@id", write.CaseId), ("@sequence", e.Sequence), ("@kind", e.KindName), ("@trigger", e.Trigger),
                    ("@at", e.At.ToUnixTimeTicks()), ("@json", e.Json));
                await insertEvent.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            if (write.Key is { } key && write.Events.Count > 0)
            {
                Set(insertKey, ("@id", write.CaseId), ("@key", key.Key), ("@request", key.Request), ("@version", write.Version),
                    ("@first", write.Events[0].Sequence), ("@last", write.Events[^1].Sequence), ("@snapshot", write.SnapshotJson),
                    ("@created_at", write.UpdatedAt.ToUnixTimeTicks()));
                try
                {
                    await insertKey.ExecuteNonQueryAsync().ConfigureAwait(false);
                }
                catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT)
                {
                    return WriteOutcome.KeyTaken;
                }
            }

            return WriteOutcome.Written;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in new[] { savepoint, rollback, release, update, insertEvent, insertKey, insertCase })
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }

        private static void Set(SqliteCommand command, params (string Name, object? Value)[] values)
        {
            foreach (var (name, value) in values)
            {
                if (command.Parameters.Contains(name))
                {
                    command.Parameters[name].Value = value ?? DBNull.Value;
                }
                else
                {
                    command.Parameters.AddWithValue(name, value ?? DBNull.Value);
                }
            }
        }
    }

    /// <summary>The writes of one caller, and the task it waits on.</summary>
    private sealed class Batch(IReadOnlyList<PendingWrite> writes)
    {
        public IReadOnlyList<PendingWrite> Writes { get; } = writes;

        public TaskCompletionSource<WriteOutcome[]> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The batches waiting for the file, and whether a drain is running.</summary>
    private sealed class WriteQueue
    {
        private readonly Lock gate = new();
        private List<Batch> waiting = [];
        private bool draining;

        /// <summary>Queues the batch; true when the caller must start the drain (none was running).</summary>
        public bool Enqueue(Batch batch)
        {
            lock (gate)
            {
                waiting.Add(batch);
                if (draining)
                {
                    return false;
                }

                draining = true;
                return true;
            }
        }

        /// <summary>Every batch waiting, or null (and the drain over) when none is.</summary>
        public List<Batch>? TakeAll()
        {
            lock (gate)
            {
                if (waiting.Count == 0)
                {
                    draining = false;
                    return null;
                }

                var group = waiting;
                waiting = [];
                return group;
            }
        }
    }
}
