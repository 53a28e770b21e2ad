using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Ceseda.Workflows.Runtime;

/// <summary>The EF Core mapping of the runtime's tables. The schema itself comes from the
/// versioned scripts of <see cref="SchemaScripts"/>, never from EF migrations.</summary>
internal sealed class CaseStoreContext(DbContextOptions<CaseStoreContext> options) : DbContext(options)
{
    /// <summary>Instants as ticks (100 ns) since the Unix epoch: sortable and comparable in SQL on
    /// SQLite and PostgreSQL alike, with no provider-specific NodaTime mapping.</summary>
    private static readonly ValueConverter<Instant, long> InstantTicks =
        new(i => i.ToUnixTimeTicks(), t => Instant.FromUnixTimeTicks(t));

    private static readonly ValueConverter<Instant?, long?> OptionalInstantTicks =
        new(i => i.HasValue ? i.Value.ToUnixTimeTicks() : null, t => t.HasValue ? Instant.FromUnixTimeTicks(t.Value) : null);

    public DbSet<CaseRow> Cases => Set<CaseRow>();

    public DbSet<EventRow> Events => Set<EventRow>();

    public DbSet<IdempotencyRow> IdempotencyKeys => Set<IdempotencyRow>();

    public DbSet<ErasureRow> Erasures => Set<ErasureRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CaseRow>(e =>
        {
            e.ToTable("cases");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasColumnName("id");
            e.Property(c => c.ProcedureId).HasColumnName("procedure_id");
            e.Property(c => c.ProcedureVersion).HasColumnName("procedure_version");
            e.Property(c => c.Territory).HasColumnName("territory");
            e.Property(c => c.Court).HasColumnName("court");
            e.Property(c => c.State).HasColumnName("state");
            e.Property(c => c.Version).HasColumnName("version").IsConcurrencyToken();
            e.Property(c => c.SnapshotJson).HasColumnName("snapshot_json");
            e.Property(c => c.NextDue).HasColumnName("next_due").HasConversion(OptionalInstantTicks);
            e.Property(c => c.OpenedAt).HasColumnName("opened_at").HasConversion(InstantTicks);
            e.Property(c => c.UpdatedAt).HasColumnName("updated_at").HasConversion(InstantTicks);
            e.Property(c => c.RetentionEnd).HasColumnName("retention_end").HasConversion(OptionalInstantTicks);
            e.Property(c => c.RetentionRule).HasColumnName("retention_rule");
            e.Property(c => c.RetentionRuleVersion).HasColumnName("retention_rule_version");
            e.Property(c => c.ListedFrom).HasColumnName("listed_from");
        });
        modelBuilder.Entity<EventRow>(e =>
        {
            e.ToTable("case_events");
            e.HasKey(r => new { r.CaseId, r.Sequence });
            e.Property(r => r.CaseId).HasColumnName("case_id");
            e.Property(r => r.Sequence).HasColumnName("sequence");
            e.Property(r => r.Kind).HasColumnName("kind");
            e.Property(r => r.Trigger).HasColumnName("trigger_name");
            e.Property(r => r.At).HasColumnName("at").HasConversion(InstantTicks);
            e.Property(r => r.EventJson).HasColumnName("event_json");
        });
        modelBuilder.Entity<IdempotencyRow>(e =>
        {
            e.ToTable("idempotency_keys");
            e.HasKey(r => new { r.CaseId, r.Key });
            e.Property(r => r.CaseId).HasColumnName("case_id");
            e.Property(r => r.Key).HasColumnName("key");
            e.Property(r => r.Request).HasColumnName("request");
            e.Property(r => r.Version).HasColumnName("version");
            e.Property(r => r.FirstSequence).HasColumnName("first_sequence");
            e.Property(r => r.LastSequence).HasColumnName("last_sequence");
            e.Property(r => r.SnapshotJson).HasColumnName("snapshot_json");
            e.Property(r => r.CreatedAt).HasColumnName("created_at").HasConversion(InstantTicks);
        });
        modelBuilder.Entity<ErasureRow>(e =>
        {
            e.ToTable("erasures");
            e.HasKey(r => new { r.CaseHash, r.ErasedAt });
            e.Property(r => r.CaseHash).HasColumnName("case_hash");
            e.Property(r => r.ProcedureId).HasColumnName("procedure_id");
            e.Property(r => r.ProcedureVersion).HasColumnName("procedure_version");
            e.Property(r => r.Court).HasColumnName("court");
            e.Property(r => r.RuleId).HasColumnName("rule_id");
            e.Property(r => r.RuleVersion).HasColumnName("rule_version");
            e.Property(r => r.RetentionEnd).HasColumnName("retention_end").HasConversion(InstantTicks);
            e.Property(r => r.ErasedAt).HasColumnName("erased_at").HasConversion(InstantTicks);
        });
    }
}

/// <summary>A row of <c>cases</c>: the current snapshot and its row version.</summary>
internal sealed class CaseRow
{
    public required string Id { get; set; }

    public required string ProcedureId { get; set; }

    public int ProcedureVersion { get; set; }

    public required string Territory { get; set; }

    public required string Court { get; set; }

    public required string State { get; set; }

    public long Version { get; set; }

    public required string SnapshotJson { get; set; }

    public Instant? NextDue { get; set; }

    public Instant OpenedAt { get; set; }

    public Instant UpdatedAt { get; set; }

    /// <summary>When its records must be erased; null when it is never erased (yet).</summary>
    public Instant? RetentionEnd { get; set; }

    public string? RetentionRule { get; set; }

    public string? RetentionRuleVersion { get; set; }

    /// <summary>In ticks, the earliest instant at which the case shows in a listing; null when never;
    /// <see cref="long.MinValue"/> for a case not written since the column came (read by every listing).</summary>
    public long? ListedFrom { get; set; }
}

/// <summary>A row of <c>case_events</c>: one event of the append-only history.</summary>
internal sealed class EventRow
{
    public required string CaseId { get; set; }

    public long Sequence { get; set; }

    public required string Kind { get; set; }

    public string? Trigger { get; set; }

    public Instant At { get; set; }

    public required string EventJson { get; set; }
}

/// <summary>A row of <c>idempotency_keys</c>: what a command with that key produced.</summary>
internal sealed class IdempotencyRow
{
    public required string CaseId { get; set; }

    public required string Key { get; set; }

    public required string Request { get; set; }

    public long Version { get; set; }

    public long FirstSequence { get; set; }

    public long LastSequence { get; set; }

    public required string SnapshotJson { get; set; }

    public Instant CreatedAt { get; set; }
}

/// <summary>A row of <c>erasures</c>: a case erased at the end of its retention period, without
/// personal data (the case id only as its SHA-256).</summary>
internal sealed class ErasureRow
{
    public required string CaseHash { get; set; }

    public required string ProcedureId { get; set; }

    public int ProcedureVersion { get; set; }

    public required string Court { get; set; }

    public required string RuleId { get; set; }

    public required string RuleVersion { get; set; }

    public Instant RetentionEnd { get; set; }

    public Instant ErasedAt { get; set; }
}
