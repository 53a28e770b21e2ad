using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using Ceseda.Workflows.Procedures;
using Ceseda.Workflows.StateMachines;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Ceseda.Workflows.Runtime;

/// <summary>Long-running cases, persisted: each write stores the new snapshot and
/// all its events in one transaction, checked against the version the caller read (optimistic
/// concurrency), and a command retried with the same idempotency key is answered from the store.</summary>
/// <remarks>Thread-safe; each call uses its own connection. The schema is created or upgraded by
/// <see cref="EnsureSchemaAsync"/>, which the first call runs. Legal instants come in with the
/// calls; the runtime's own stamps (opened, updated) come from its <see cref="IClock"/>.
/// The cases it last wrote or read are kept in memory (a bounded cache, each case for 10 minutes at
/// most), so that an act on a case at the version kept costs one round trip, the write, and no
/// parsing of the stored snapshot; the write's version check still decides, and a case another node
/// wrote is read again. Reads
/// (<see cref="GetAsync"/>, <see cref="HistoryAsync"/>, <see cref="DueAsync"/>) always read the store.</remarks>
public sealed class CaseRuntime
{
    private const int MaxIdLength = 100;

    /// <summary>How many due cases a timer run reads and writes at a time.</summary>
    private const int AdvanceBatch = 256;

    private readonly DbContextOptions<CaseStoreContext> contextOptions;
    private readonly string dialect;
    private readonly CaseStore store;
    private readonly ProcedureRegistry procedures;
    private readonly IClock clock;
    private readonly CaseCache cache;
    private readonly SemaphoreSlim schemaLock = new(1, 1);
    private volatile bool schemaReady;

    /// <summary>Creates a runtime over the SQLite database of <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">A SQLite connection string, e.g. <c>Data Source=ceseda.db</c>.</param>
    /// <param name="procedures">The definitions of every procedure version the cases may run.</param>
    /// <param name="clock">The clock of the runtime's own stamps (the host's; a fake one in tests).</param>
    public CaseRuntime(string connectionString, ProcedureRegistry procedures, IClock clock)
        : this(CaseStoreProvider.Sqlite, connectionString, procedures, clock)
    {
    }

    /// <summary>Creates a runtime over the database of <paramref name="connectionString"/>.</summary>
    /// <param name="provider">SQLite (one node) or PostgreSQL (one or several nodes on the same database).</param>
    /// <param name="connectionString">A connection string of that provider, e.g. <c>Data Source=ceseda.db</c>
    /// or <c>Host=db;Database=ceseda;Username=ceseda</c>.</param>
    /// <param name="procedures">The definitions of every procedure version the cases may run.</param>
    /// <param name="clock">The clock of the runtime's own stamps (the host's; a fake one in tests).</param>
    public CaseRuntime(CaseStoreProvider provider, string connectionString, ProcedureRegistry procedures, IClock clock)
        : this(provider, connectionString, procedures, clock, DefaultCacheCapacity)
    {
    }

    /// <summary>Creates a runtime over the database of <paramref name="connectionString"/> that keeps up to
    /// <paramref name="cacheCapacity"/> cases in memory.</summary>
    /// <param name="provider">SQLite (one node) or PostgreSQL (one or several nodes on the same database).</param>
    /// <param name="connectionString">A connection string of that provider.</param>
    /// <param name="procedures">The definitions of every procedure version the cases may run.</param>
    /// <param name="clock">The clock of the runtime's own stamps (the host's; a fake one in tests).</param>
    /// <param name="cacheCapacity">How many cases, last written or read by this runtime, it keeps in memory
    /// (their version and snapshot), so that an act on a case at the version kept is fired without reading
    /// the case again. The store's version check still decides every write, so the cases written by other
    /// nodes are read again when needed. 0 keeps none; the default is <see cref="DefaultCacheCapacity"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cacheCapacity"/> is negative.</exception>
    public CaseRuntime(CaseStoreProvider provider, string connectionString, ProcedureRegistry procedures, IClock clock, int cacheCapacity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(procedures);
        ArgumentNullException.ThrowIfNull(clock);
        var builder = new DbContextOptionsBuilder<CaseStoreContext>();
        (contextOptions, dialect) = provider switch
        {
            CaseStoreProvider.Sqlite => (builder.UseSqlite(connectionString).Options, "sqlite"),
            CaseStoreProvider.PostgreSql => (builder.UseNpgsql(connectionString).Options, "postgres"),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider,
                $"Unknown case store provider {provider}; use {CaseStoreProvider.Sqlite} or {CaseStoreProvider.PostgreSql}."),
        };
        cache = new CaseCache(cacheCapacity, clock);
        store = CaseStore.Create(provider, connectionString);
        this.procedures = procedures;
        this.clock = clock;
    }

    /// <summary>How many cases a runtime keeps in memory unless told otherwise: 10,000.</summary>
    public const int DefaultCacheCapacity = 10_000;

    /// <summary>Creates the schema or applies the scripts it lacks, in order, in one transaction.</summary>
    /// <returns>The script versions applied; none when the schema was up to date.</returns>
    public async Task<ImmutableArray<int>> EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        await schemaLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var db = new CaseStoreContext(contextOptions);
            var applied = await SchemaScripts.ApplyAsync(db.Database.GetDbConnection(), dialect, clock.GetCurrentInstant(), cancellationToken)
                .ConfigureAwait(false);
            schemaReady = true;
            return applied;
        }
        finally
        {
            schemaLock.Release();
        }
    }

    /// <summary>Opens a case of the latest version of <paramref name="procedureId"/>, in its initial state.</summary>
    /// <param name="procedureId">E.g. "retention.ordinance-appeal".</param>
    /// <param name="territory">The territory whose zone and calendar its deadlines use.</param>
    /// <param name="court">The court whose listings show it, e.g. "CA Paris".</param>
    /// <param name="options">The readings its deadlines are computed under; the defaults when null.</param>
    /// <param name="caseId">Its id (e.g. the registry number); a new GUID when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="CaseStoreException"><c>procedure-unknown</c>, <c>case-exists</c>.</exception>
    public async Task<StoredCase> StartAsync(string procedureId, Territory territory, string court, EvaluationOptions? options = null,
        string? caseId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(procedureId);
        ArgumentNullException.ThrowIfNull(territory);
        ArgumentException.ThrowIfNullOrWhiteSpace(court);
        caseId ??= Guid.NewGuid().ToString("N");
        CheckId(caseId);
        var definition = procedures.Latest(procedureId) ?? throw new CaseStoreException("procedure-unknown", caseId,
            $"No procedure '{procedureId}' is registered; the procedures are: {string.Join(", ", procedures.Ids)}.");
        await ReadyAsync(cancellationToken).ConfigureAwait(false);

        var snapshot = definition.NewCase(territory, options);
        var now = clock.GetCurrentInstant();
        var nextDue = definition.NextDue(snapshot)?.Due;
        var write = new PendingWrite(caseId, 0, snapshot.State, CaseJson.Write(snapshot), nextDue, null, null, null, now, ListedFrom(snapshot), [], null,
            new NewCase(definition.Key.Id, definition.Key.Version, territory.Id, court));
        if ((await store.WriteAsync([write], cancellationToken).ConfigureAwait(false))[0] != WriteOutcome.Written)
        {
            throw Exists(caseId);
        }

        Remember(write, definition, snapshot);
        return new StoredCase(caseId, court, write.Version, snapshot, nextDue, now, now);
    }

    /// <summary>The case as stored.</summary>
    /// <exception cref="CaseStoreException"><c>case-unknown</c>, <c>case-unreadable</c>,
    /// <c>procedure-version-missing</c>.</exception>
    public async Task<StoredCase> GetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var row = await LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
        var (definition, snapshot) = Read(row);
        Remember(row.Id, row.Version, row.RetentionEnd, definition, snapshot);
        return ToStored(row, snapshot);
    }

    /// <summary>The case's history, in order.</summary>
    /// <exception cref="CaseStoreException"><c>case-unknown</c>, <c>case-unreadable</c>,
    /// <c>procedure-version-missing</c>.</exception>
    public async Task<ImmutableArray<CaseEvent>> HistoryAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var row = await LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
        var definition = DefinitionOf(row);
        await using var db = new CaseStoreContext(contextOptions);
        var events = await db.Events.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence)
            .Select(e => e.EventJson).ToListAsync(cancellationToken).ConfigureAwait(false);
        return ReadEvents(caseId, definition, events);
    }

    /// <summary>Records an act on a case: the deadlines that passed before it, then the act, stored
    /// with the new snapshot in one transaction if the case is still at <paramref name="expectedVersion"/>.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="trigger">The act's trigger, e.g. "LodgeAppeal".</param>
    /// <param name="at">The act's legal instant.</param>
    /// <param name="facts">The facts it carries.</param>
    /// <param name="expectedVersion">The version the caller read (<see cref="StoredCase.Version"/>).</param>
    /// <param name="idempotencyKey">A key unique to this command; a retry with the same key and the
    /// same act writes nothing and returns the stored result.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="CaseConflictException">The case is no longer at <paramref name="expectedVersion"/>.</exception>
    /// <exception cref="CaseStoreException"><c>case-unknown</c>, <c>case-unreadable</c>,
    /// <c>procedure-version-missing</c>, <c>idempotency-key-reused</c> (the key came with another act).</exception>
    /// <exception cref="ProcedureException">The procedure refuses the act (unknown trigger, malformed
    /// fact, not permitted now, out of order); the message names the case.</exception>
    public async Task<CaseWrite> FireAsync(string caseId, string trigger, Instant at, CaseFacts? facts, long expectedVersion,
        string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(trigger);
        facts ??= CaseFacts.Empty;
        if (idempotencyKey is not null)
        {
            CheckId(idempotencyKey);
        }

        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var request = string.Create(CultureInfo.InvariantCulture, $"{trigger} {at} {facts}");
        var key = idempotencyKey is null ? null : new PendingKey(idempotencyKey, request);
        if (cache.Find(caseId, expectedVersion) is { } cached
            && await FireCachedAsync(caseId, cached, trigger, at, facts, key, cancellationToken).ConfigureAwait(false) is { } fast)
        {
            return fast;
        }

        var row = await LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (idempotencyKey is not null && await StoredResultAsync(row, idempotencyKey, request, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return stored;
        }

        if (row.Version != expectedVersion)
        {
            throw new CaseConflictException(caseId, expectedVersion, row.Version);
        }

        var (definition, snapshot) = Read(row);
        Transition transition;
        try
        {
            transition = definition.Fire(snapshot, trigger, at, facts);
        }
        catch (ProcedureException e)
        {
            throw new ProcedureException(e.Code, $"Case '{caseId}' ({definition.Key}, state {snapshot.State}): {e.Message}");
        }

        var (write, written) = await PrepareAsync(row.Id, row.Version, definition, transition, key, cancellationToken).ConfigureAwait(false);
        if (await WriteAsync(write, definition, written, cancellationToken).ConfigureAwait(false))
        {
            return written;
        }

        // Lost the race: answer a concurrent twin of this command from the store, else report the conflict.
        cache.Forget(caseId);
        var current = await LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (idempotencyKey is not null && await StoredResultAsync(current, idempotencyKey, request, cancellationToken).ConfigureAwait(false) is { } twin)
        {
            return twin;
        }

        throw new CaseConflictException(caseId, expectedVersion, current.Version);
    }

    /// <summary>Fires the act on the case kept in memory at the expected version, without reading it, and
    /// stores it; null when that does not settle the call, which then goes the way of a case not kept.</summary>
    /// <remarks>The idempotency key is not looked up: if it is stored on the case, this attempt cannot succeed,
    /// and the full path answers it as without the cache. Either the key's write left the case at a later
    /// version than this caller expects (a retry carries the version its first attempt expected), and the
    /// write finds the version moved; or the caller expects the current version, and the write finds the key
    /// taken (it is unique per case) and stores nothing. An act the procedure refuses on the kept snapshot
    /// is answered by the full path too: the key's stored result comes first there, and a kept version
    /// that moved is a conflict there, not a refusal.</remarks>
    private async Task<CaseWrite?> FireCachedAsync(string caseId, CachedCase cached, string trigger, Instant at, CaseFacts facts,
        PendingKey? key, CancellationToken cancellationToken)
    {
        PendingWrite write;
        CaseWrite written;
        try
        {
            var transition = cached.Definition.Fire(cached.Snapshot, trigger, at, facts);
            (write, written) = await PrepareAsync(caseId, cached.Version, cached.Definition, transition, key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ProcedureException or CaseStoreException)
        {
            return null;
        }

        if (await WriteAsync(write, cached.Definition, written, cancellationToken).ConfigureAwait(false))
        {
            return written;
        }

        cache.Forget(caseId);
        return null;
    }

    /// <summary>Stores one write and keeps the case as written; false when the version moved or the key was taken.</summary>
    private async Task<bool> WriteAsync(PendingWrite write, ProcedureDefinition definition, CaseWrite written, CancellationToken cancellationToken)
    {
        if ((await store.WriteAsync([write], cancellationToken).ConfigureAwait(false))[0] != WriteOutcome.Written)
        {
            return false;
        }

        Remember(write, definition, written.Snapshot);
        return true;
    }

    private void Remember(PendingWrite write, ProcedureDefinition definition, CaseSnapshot snapshot) =>
        Remember(write.CaseId, write.Version, write.RetentionEnd, definition, snapshot);

    /// <summary>Keeps the case at <paramref name="version"/>, unless it has a retention end: such a case is
    /// final and a purge, of this node or another, may erase it, so its data are not kept in memory.</summary>
    private void Remember(string caseId, long version, Instant? retentionEnd, ProcedureDefinition definition, CaseSnapshot snapshot)
    {
        if (retentionEnd is null)
        {
            cache.Keep(caseId, new CachedCase(version, definition, snapshot));
        }
        else
        {
            cache.Forget(caseId);
        }
    }

    /// <summary>How many cases the store holds, whatever their state: a host seeds demonstration
    /// cases only into a store that holds none.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var db = new CaseStoreContext(contextOptions);
        return await db.Cases.LongCountAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The running deadlines and the open clerk tasks of <paramref name="court"/>'s cases
    /// that fall due in [<paramref name="from"/>, <paramref name="until"/>), by instant.</summary>
    public async Task<DueListing> DueAsync(string court, Instant from, Instant until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(court);
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        // Only the cases listed before the window ends (an index on court and listed_from); each item
        // is then checked against the window.
        var end = until.ToUnixTimeTicks();
        await using var db = new CaseStoreContext(contextOptions);
        var rows = await db.Cases.AsNoTracking().Where(c => c.Court == court && c.ListedFrom != null && c.ListedFrom < end).OrderBy(c => c.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<DueItem>();
        var unreadable = ImmutableArray.CreateBuilder<CaseFailure>();
        foreach (var row in rows)
        {
            ProcedureDefinition definition;
            CaseSnapshot snapshot;
            try
            {
                (definition, snapshot) = Read(row);
            }
            catch (CaseStoreException e)
            {
                unreadable.Add(new CaseFailure(row.Id, e));
                continue;
            }

            items.AddRange(snapshot.Deadlines
                .Where(d => d.Status == DeadlineStatus.Armed && d.Due >= from && d.Due < until)
                .Select(d => new DueItem(row.Id, DueKind.Deadline, d.Slot, definition.Slot(d.Slot).Title, d.ExpiresAt, d.Citation)));
            items.AddRange(snapshot.OpenTasks
                .Where(t => t.Due is { } due && due.ToInstant() >= from && due.ToInstant() < until)
                .Select(t => new DueItem(row.Id, DueKind.ClerkTask, t.Id, t.Title, t.Due!.Value, t.Citation)));
        }

        return new DueListing([.. items.OrderBy(i => i.Due.ToInstant()).ThenBy(i => i.CaseId, StringComparer.Ordinal)], unreadable.ToImmutable());
    }

    /// <summary>Lets every deadline due at or before <paramref name="now"/> pass, in every case, each
    /// stamped with its legal instant. Safe to run twice or on several nodes: a deadline passes once.</summary>
    /// <returns>The cases advanced, and those that could not be (the others still are).</returns>
    public async Task<AdvanceReport> AdvanceDueAsync(Instant now, CancellationToken cancellationToken = default)
    {
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var advanced = ImmutableArray.CreateBuilder<CaseWrite>();
        var failed = ImmutableArray.CreateBuilder<CaseFailure>();
        (Instant, string)? after = null;
        while (true)
        {
            // A page of due cases at a time, in (due, id) order: memory stays bounded after a long outage,
            // and a case that cannot be advanced is passed over, not read again.
            var rows = await store.LoadDueAsync(now, after, AdvanceBatch, cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                break;
            }

            after = (rows[^1].NextDue!.Value, rows[^1].Id);
            var writes = new List<PendingWrite>(rows.Count);
            var results = new List<(CaseWrite Result, ProcedureDefinition Definition)>(rows.Count);
            foreach (var row in rows)
            {
                try
                {
                    var (write, result, definition) = await PrepareAdvanceAsync(row, now, cancellationToken).ConfigureAwait(false);
                    writes.Add(write);
                    results.Add((result, definition));
                }
                catch (Exception e) when (e is CaseStoreException or ProcedureException)
                {
                    failed.Add(new CaseFailure(row.Id, NotAdvanced(row.Id, now, e)));
                }
            }

            var outcomes = writes.Count == 0 ? [] : await store.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < outcomes.Length; i++)
            {
                var (result, definition) = results[i];
                if (outcomes[i] == WriteOutcome.Written)
                {
                    Remember(writes[i], definition, result.Snapshot);
                    advanced.Add(result);
                    continue;
                }

                // Written meanwhile (an act, or another node's run): read it again and pass what is still due.
                cache.Forget(result.CaseId);
                try
                {
                    if (await AdvanceAsync(result.CaseId, now, cancellationToken).ConfigureAwait(false) is { } write)
                    {
                        advanced.Add(write);
                    }
                }
                catch (Exception e) when (e is CaseStoreException or ProcedureException)
                {
                    failed.Add(new CaseFailure(result.CaseId, NotAdvanced(result.CaseId, now, e)));
                }
            }

            if (rows.Count < AdvanceBatch)
            {
                break;
            }
        }

        return new AdvanceReport(advanced.ToImmutable(), failed.ToImmutable());
    }

    private static CaseStoreException NotAdvanced(string caseId, Instant now, Exception e) => e as CaseStoreException
        ?? new CaseStoreException("case-unreadable", caseId, $"Case '{caseId}' could not be advanced to {now}: {e.Message}", e);

    /// <summary>Erases every case whose retention period has ended at <paramref name="now"/>: its row,
    /// its events and its idempotency keys, in one transaction per case, recording the erasure in
    /// <c>erasures</c> without personal data (the case id only as its SHA-256). Only the cases of a
    /// procedure with a <see cref="RetentionPolicy"/> (<see cref="RetentionPolicies"/>), in a final
    /// state, whose period counted from the policy's start event has ended are erased; the others never are.
    /// Safe to run twice or on several nodes: a case is erased once. The cases it finds due are dropped
    /// from those this runtime keeps in memory, erased or not.</summary>
    /// <param name="now">The instant of the run; a case is erased when its retention end is at or before it.</param>
    /// <param name="cancellationToken">Cancels the call; the cases already erased stay erased.</param>
    /// <returns>The erasures, and the cases that could not be erased (the others were).</returns>
    public async Task<PurgeReport> PurgeAsync(Instant now, CancellationToken cancellationToken = default)
    {
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        List<string> ids;
        await using (var db = new CaseStoreContext(contextOptions))
        {
            ids = await db.Cases.AsNoTracking().Where(c => c.RetentionEnd != null && c.RetentionEnd <= now).OrderBy(c => c.RetentionEnd).ThenBy(c => c.Id)
                .Select(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var erased = ImmutableArray.CreateBuilder<Erasure>();
        var failed = ImmutableArray.CreateBuilder<CaseFailure>();
        foreach (var id in ids)
        {
            try
            {
                if (await EraseAsync(id, now, cancellationToken).ConfigureAwait(false) is { } erasure)
                {
                    erased.Add(erasure);
                }
            }
            catch (Exception e) when (e is DbException or DbUpdateException)
            {
                failed.Add(new CaseFailure(id, new CaseStoreException("case-not-erased", id,
                    $"Case '{id}' could not be erased at {now}: {e.Message} It stays stored and the next purge retries it.", e)));
            }
            finally
            {
                // Erased or not, its data leave this runtime's memory: an erased case is never served from it.
                cache.Forget(id);
            }
        }

        return new PurgeReport(erased.ToImmutable(), failed.ToImmutable());
    }

    /// <summary>The SHA-256 of a case id, lower-case hexadecimal: how <c>erasures</c> names an erased case.</summary>
    public static string HashCaseId(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(caseId)));
    }

    private async Task<Erasure?> EraseAsync(string caseId, Instant now, CancellationToken cancellationToken)
    {
        await using var db = new CaseStoreContext(contextOptions);
        var row = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken).ConfigureAwait(false);
        if (row is not { RetentionEnd: { } end, RetentionRule: { } rule, RetentionRuleVersion: { } ruleVersion } || end > now)
        {
            return null; // Erased by another run, or written since with a later end.
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var expected = row.Version;
        await db.IdempotencyKeys.Where(k => k.CaseId == caseId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Events.Where(e => e.CaseId == caseId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await db.Cases.Where(c => c.Id == caseId && c.Version == expected).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (deleted == 0)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return null; // Written or erased concurrently: the next run decides again.
        }

        var erasure = new Erasure(HashCaseId(caseId), new ProcedureKey(row.ProcedureId, row.ProcedureVersion), row.Court, rule, ruleVersion, end, now);
        db.Erasures.Add(new ErasureRow
        {
            CaseHash = erasure.CaseHash,
            ProcedureId = row.ProcedureId,
            ProcedureVersion = row.ProcedureVersion,
            Court = row.Court,
            RuleId = rule,
            RuleVersion = ruleVersion,
            RetentionEnd = end,
            ErasedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return erasure;
    }

    /// <summary>The retention end of the case after a write: set when its procedure has a policy, the
    /// policy's start event is in the history (the new events or the stored ones) and the new state is final.</summary>
    private async Task<(Instant? End, string? Rule, string? RuleVersion)> RetentionAsync(ProcedureDefinition definition,
        string caseId, CaseSnapshot snapshot, ImmutableArray<CaseEvent> events, CancellationToken cancellationToken)
    {
        if (RetentionPolicies.Find(definition.Key.Id) is not { } policy
            || !definition.States.Any(s => s.Name == snapshot.State && s.IsFinal))
        {
            return (null, null, null);
        }

        var start = await store.FirstEventAtAsync(caseId, policy.StartTriggers, cancellationToken).ConfigureAwait(false)
            ?? policy.StartOf(events);
        if (start is not { } from)
        {
            return (null, null, null);
        }

        try
        {
            var result = policy.End(snapshot, from);
            return (result.ExpiresAt.ToInstant(), policy.Rule.Id, result.Version.Id);
        }
        catch (RuleException e)
        {
            throw new CaseStoreException("case-unreadable", caseId,
                $"The retention period of case '{caseId}' ({policy.Rule.Id}) cannot be computed from {from}: {e.Message}", e);
        }
    }

    /// <summary>Passes the deadlines of one case due by <paramref name="now"/>, reading it again when it
    /// changed in between; null when none is due any more.</summary>
    private async Task<CaseWrite?> AdvanceAsync(string caseId, Instant now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var row = await LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
            if (row.NextDue is not { } due || due > now)
            {
                return null; // Another run passed them already.
            }

            var (write, result, definition) = await PrepareAdvanceAsync(row, now, cancellationToken).ConfigureAwait(false);
            if (await WriteAsync(write, definition, result, cancellationToken).ConfigureAwait(false))
            {
                return result;
            }
        }

        throw new CaseStoreException("case-conflict", caseId,
            $"Case '{caseId}' changed three times while its deadlines due by {now} were passing; run the deadlines again.");
    }

    /// <summary>The write that lets the deadlines of <paramref name="row"/> due by <paramref name="now"/> pass.</summary>
    private async Task<(PendingWrite Write, CaseWrite Result, ProcedureDefinition Definition)> PrepareAdvanceAsync(CaseRow row, Instant now,
        CancellationToken cancellationToken)
    {
        var (definition, snapshot) = Read(row);
        var (write, result) = await PrepareAsync(row.Id, row.Version, definition, definition.AdvanceTo(snapshot, now), null, cancellationToken)
            .ConfigureAwait(false);
        return (write, result, definition);
    }

    /// <summary>The write that stores <paramref name="transition"/> over the case <paramref name="caseId"/> (of
    /// <paramref name="definition"/>) if it is still at <paramref name="version"/>, and what the caller gets once it is stored.</summary>
    private async Task<(PendingWrite Write, CaseWrite Result)> PrepareAsync(string caseId, long version, ProcedureDefinition definition,
        Transition transition, PendingKey? key, CancellationToken cancellationToken)
    {
        var snapshot = transition.Snapshot;
        var events = transition.Events;
        var retention = await RetentionAsync(definition, caseId, snapshot, events, cancellationToken).ConfigureAwait(false);
        var now = clock.GetCurrentInstant();
        var pending = new PendingEvent[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            pending[i] = new PendingEvent(e.Sequence, e.Kind, e.Trigger, e.At, CaseJson.Write(e));
        }

        var write = new PendingWrite(caseId, version, snapshot.State, CaseJson.Write(snapshot), definition.NextDue(snapshot)?.Due,
            retention.End, retention.Rule, retention.RuleVersion, now, ListedFrom(snapshot), pending, key);
        return (write, new CaseWrite(caseId, write.Version, snapshot, events, IsRetry: false, now));
    }

    private async Task<CaseWrite?> StoredResultAsync(CaseRow row, string key, string request, CancellationToken cancellationToken)
    {
        var caseId = row.Id;
        if (await store.LoadKeyAsync(caseId, key, cancellationToken).ConfigureAwait(false) is not var (stored, events))
        {
            return null;
        }

        if (stored.Request != request)
        {
            throw new CaseStoreException("idempotency-key-reused", caseId,
                $"The idempotency key '{key}' of case '{caseId}' was used for another act ({stored.Request}), not {request}; give each command its own key.");
        }

        var definition = DefinitionOf(row);
        var snapshot = ReadSnapshot(caseId, definition, stored.SnapshotJson, "the stored result of its idempotency key");
        return new CaseWrite(caseId, stored.Version, snapshot, ReadEvents(caseId, definition, events), IsRetry: true, stored.CreatedAt);
    }

    private async Task ReadyAsync(CancellationToken cancellationToken)
    {
        if (!schemaReady)
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<CaseRow> LoadAsync(string caseId, CancellationToken cancellationToken) =>
        await store.LoadAsync(caseId, cancellationToken).ConfigureAwait(false)
        ?? throw new CaseStoreException("case-unknown", caseId, $"No case '{caseId}' is stored; check the id, or start the case first.");

    private ProcedureDefinition DefinitionOf(CaseRow row) =>
        procedures.Find(new ProcedureKey(row.ProcedureId, row.ProcedureVersion)) ?? throw new CaseStoreException("procedure-version-missing", row.Id,
            $"Case '{row.Id}' runs {new ProcedureKey(row.ProcedureId, row.ProcedureVersion)}, which this runtime does not have; "
            + "register that archived version in the ProcedureRegistry (a running case keeps the version it started with).");

    private (ProcedureDefinition Definition, CaseSnapshot Snapshot) Read(CaseRow row)
    {
        var definition = DefinitionOf(row);
        return (definition, ReadSnapshot(row.Id, definition, row.SnapshotJson, "its stored snapshot"));
    }

    private static CaseSnapshot ReadSnapshot(string caseId, ProcedureDefinition definition, string json, string what)
    {
        try
        {
            return CaseJson.ReadSnapshot(json, definition);
        }
        catch (ProcedureException e)
        {
            throw Unreadable(caseId, definition, what, e);
        }
    }

    private static ImmutableArray<CaseEvent> ReadEvents(string caseId, ProcedureDefinition definition, List<string> events)
    {
        try
        {
            return CaseJson.ReadHistory("[" + string.Join(",", events) + "]", definition);
        }
        catch (ProcedureException e)
        {
            throw Unreadable(caseId, definition, "its stored history", e);
        }
    }

    private static CaseStoreException Unreadable(string caseId, ProcedureDefinition definition, string what, ProcedureException e) =>
        new("case-unreadable", caseId,
            $"Case '{caseId}' ({definition.Key}) cannot be read: {what} is invalid. {e.Message} Restore the row from a backup; the other cases are not affected.", e);

    /// <summary>The earliest instant at which the case shows in a listing (<see cref="DueAsync"/>): the first
    /// due instant of its armed deadlines and of its open clerk tasks with a due date; null when none.</summary>
    private static Instant? ListedFrom(CaseSnapshot snapshot)
    {
        Instant? first = null;
        foreach (var d in snapshot.Deadlines)
        {
            if (d.Status == DeadlineStatus.Armed && (first is null || d.Due < first))
            {
                first = d.Due;
            }
        }

        foreach (var t in snapshot.OpenTasks)
        {
            if (t.Due is { } due && (first is null || due.ToInstant() < first))
            {
                first = due.ToInstant();
            }
        }

        return first;
    }

    private static StoredCase ToStored(CaseRow row, CaseSnapshot snapshot) =>
        new(row.Id, row.Court, row.Version, snapshot, row.NextDue, row.OpenedAt, row.UpdatedAt);

    private static CaseStoreException Exists(string caseId) =>
        new("case-exists", caseId, $"A case '{caseId}' is already stored; choose another id, or load it with GetAsync.");

    private static void CheckId(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength)
        {
            throw new ArgumentException($"An id must be 1 to {MaxIdLength} characters, not blank; got '{id}'.", nameof(id));
        }
    }
}

/// <summary>A case erased at the end of its retention period, as <c>erasures</c> records it: no personal data.</summary>
/// <param name="CaseHash">The SHA-256 of the case id (<see cref="CaseRuntime.HashCaseId"/>), never the id itself.</param>
/// <param name="Procedure">The procedure and version the case ran.</param>
/// <param name="Court">The court whose listings showed it.</param>
/// <param name="Rule">The retention rule applied, e.g. <c>attestation.data-retention</c>.</param>
/// <param name="RuleVersion">The version of the rule applied (its date of effect).</param>
/// <param name="RetentionEnd">The end of the retention period.</param>
/// <param name="ErasedAt">The instant of the purge that erased it.</param>
public sealed record Erasure(string CaseHash, ProcedureKey Procedure, string Court, string Rule, string RuleVersion, Instant RetentionEnd, Instant ErasedAt);

/// <summary>What a purge did.</summary>
/// <param name="Erased">The cases erased.</param>
/// <param name="Failed">The cases that could not be erased; they stay stored and the next purge retries them.</param>
public sealed record PurgeReport(ImmutableArray<Erasure> Erased, ImmutableArray<CaseFailure> Failed);
