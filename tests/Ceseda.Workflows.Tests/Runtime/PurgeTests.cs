using Ceseda.Rules.Calendars;
using Ceseda.Workflows.Procedures;
using Ceseda.Workflows.Runtime;
using Ceseda.Workflows.StateMachines;
using static Ceseda.Workflows.Tests.Time;
using A = Ceseda.Workflows.Procedures.AttestationValidationTrigger;
using T = Ceseda.Workflows.Procedures.OrdinanceAppealTrigger;

namespace Ceseda.Workflows.Tests.Runtime;

/// <summary>The statutory purge (<see cref="CaseRuntime.PurgeAsync"/>), on SQLite and on PostgreSQL.</summary>
public sealed class PurgeTests
{
    private const string Attestation = "attestation.validation";

    // R.211-21 (rule attestation.data-retention): the data of a request are kept five years from the
    // mayor's validation or refusal. Validation on Wednesday 10 March 2021 at 15:00 (Europe/Paris).
    // Anniversary period, default reading: the day of the decision is not counted, the period ends on
    // the anniversary, 10 March 2026, at 24:00, never prorogued (a retention period is not a deadline
    // for an act) -> 2026-03-11T00:00+01:00 (summer time starts on 29 March 2026).
    private static readonly NodaTime.Instant RetentionEnd = At("2026-03-11T00:00+01:00");

    private static async Task<CaseRuntime> ValidatedAsync(TempStore store, string caseId, string court = "Mairie de Lyon")
    {
        var runtime = store.Runtime();
        var started = await runtime.StartAsync(Attestation, Territories.Metropole, court, caseId: caseId);
        var filed = await runtime.FireAsync(caseId, nameof(A.FileRequest), At("2021-03-01T10:00+01:00"), null, started.Version, idempotencyKey: caseId + "-file");
        await runtime.FireAsync(caseId, nameof(A.Validate), At("2021-03-10T15:00+01:00"), null, filed.Version, idempotencyKey: caseId + "-validate");
        return runtime;
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Purge_AttestationValidated_KeptTheDayBeforeRetentionEnd_ErasedOnIt_OthersUntouched(CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        var runtime = await ValidatedAsync(store, "ATT 2021/0042");
        await ValidatedAsync(store, "ATT 2021/0043");
        var pending = await runtime.StartAsync(Attestation, Territories.Metropole, "Mairie de Lyon", caseId: "ATT 2021/0099");
        await runtime.FireAsync("ATT 2021/0099", nameof(A.FileRequest), At("2021-03-01T10:00+01:00"), null, pending.Version);

        // The last tick of 10 March 2026 (Paris): kept.
        var dayBefore = await runtime.PurgeAsync(RetentionEnd - NodaTime.Duration.Epsilon);
        Assert.Empty(dayBefore.Erased);
        Assert.Equal(3, store.Scalar("SELECT count(*) FROM cases"));

        var onIt = await runtime.PurgeAsync(RetentionEnd);

        Assert.Empty(onIt.Failed);
        Assert.Equal(
            new[] { CaseRuntime.HashCaseId("ATT 2021/0042"), CaseRuntime.HashCaseId("ATT 2021/0043") }.Order(StringComparer.Ordinal),
            onIt.Erased.Select(e => e.CaseHash).Order(StringComparer.Ordinal));
        var erasure = onIt.Erased.Single(e => e.CaseHash == CaseRuntime.HashCaseId("ATT 2021/0042"));
        Assert.Equal("attestation.data-retention", erasure.Rule);
        Assert.Equal("2005-08-02", erasure.RuleVersion);
        Assert.Equal(RetentionEnd, erasure.RetentionEnd);
        Assert.Equal(RetentionEnd, erasure.ErasedAt);

        // The case, its events and its idempotency keys are gone; the pending request is untouched.
        Assert.Equal(["ATT 2021/0099"], store.Rows("SELECT id FROM cases").Select(r => (string)r[0]).ToArray());
        Assert.Equal(0, store.Scalar("SELECT count(*) FROM case_events WHERE case_id <> 'ATT 2021/0099'"));
        Assert.Equal(1, store.Scalar("SELECT count(*) FROM case_events WHERE case_id = 'ATT 2021/0099'"));
        Assert.Equal(0, store.Scalar("SELECT count(*) FROM idempotency_keys"));
        var unknown = await Assert.ThrowsAsync<CaseStoreException>(() => runtime.GetAsync("ATT 2021/0042"));
        Assert.Equal("case-unknown", unknown.Code);
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Purge_ErasureRow_HoldsNoPersonalData_OnlyTheHashTheProcedureTheCourtTheRuleAndTheInstants(CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        var runtime = await ValidatedAsync(store, "ATT 2021/0042");

        await runtime.PurgeAsync(RetentionEnd);

        var row = Assert.Single(store.Rows(
            "SELECT case_hash, procedure_id, procedure_version, court, rule_id, rule_version, retention_end, erased_at FROM erasures"));
        Assert.Equal(CaseRuntime.HashCaseId("ATT 2021/0042"), row[0]);
        Assert.Matches("^[0-9a-f]{64}$", (string)row[0]);
        Assert.Equal(Attestation, row[1]);
        Assert.Equal(1L, Convert.ToInt64(row[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Mairie de Lyon", row[3]);
        Assert.Equal("attestation.data-retention", row[4]);
        Assert.Equal("2005-08-02", row[5]);
        Assert.Equal(RetentionEnd.ToUnixTimeTicks(), Convert.ToInt64(row[6], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(RetentionEnd.ToUnixTimeTicks(), Convert.ToInt64(row[7], System.Globalization.CultureInfo.InvariantCulture));
        var columns = store.Rows("SELECT * FROM erasures").Single().Length;
        Assert.Equal(8, columns); // No other column: no facts, snapshot or events.
        Assert.DoesNotContain(row, v => v is string text && text.Contains("ATT", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Purge_ProcedureWithoutRetentionPolicy_NeverErased_AndPurgeTwiceIsANoOp(CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        Assert.Null(RetentionPolicies.Find("retention.ordinance-appeal"));
        Assert.True(RetentionPolicies.NotPurged.ContainsKey("retention.ordinance-appeal"));
        var runtime = store.Runtime();
        var started = await runtime.StartAsync("retention.ordinance-appeal", Territories.Metropole, "CA Paris", caseId: "RG 25/01234");
        await runtime.FireAsync("RG 25/01234", nameof(T.Pronounce), At("2025-03-12T11:00+01:00"),
            CaseFacts.Of(("endsMeasure", true), ("foreignerPresent", true)), started.Version);
        await runtime.AdvanceDueAsync(At("2026-01-01T00:00+01:00"));
        await ValidatedAsync(store, "ATT 2021/0042");

        var first = await runtime.PurgeAsync(At("2100-01-01T00:00+01:00"));
        var second = await runtime.PurgeAsync(At("2100-01-01T00:00+01:00"));

        Assert.Single(first.Erased);
        Assert.Empty(second.Erased);
        Assert.Empty(second.Failed);
        Assert.Equal(1, store.Scalar("SELECT count(*) FROM erasures"));
        Assert.Equal(["RG 25/01234"], store.Rows("SELECT id FROM cases").Select(r => (string)r[0]).ToArray());
        Assert.True(store.Scalar("SELECT count(*) FROM case_events WHERE case_id = 'RG 25/01234'") > 0);
    }

    [Fact]
    public void Policies_EveryCatalogueProcedure_HasAPolicyOrADocumentedReason()
    {
        foreach (var definition in ProcedureCatalogue.All)
        {
            var mapped = RetentionPolicies.Find(definition.Key.Id) is not null;
            var reason = RetentionPolicies.NotPurged.GetValueOrDefault(definition.Key.Id);
            Assert.True(mapped ^ !string.IsNullOrWhiteSpace(reason), $"{definition.Key.Id}: a retention policy or a reason, not both, not neither.");
        }

        var attestation = RetentionPolicies.AttestationValidation;
        Assert.Same(Ceseda.Rules.Data.DataRetention.AttestationRequests, attestation.Rule);
        Assert.All(attestation.StartTriggers, t => Assert.Contains(AttestationValidation.Definition.Triggers, d => d.Name == t));
    }
}
