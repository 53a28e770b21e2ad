using Ceseda.Rules.Calendars;
using Ceseda.Workflows.Runtime;
using Ceseda.Workflows.StateMachines;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Ceseda.Host.Serve;

/// <summary>What the demonstration seeding did at start-up.</summary>
internal sealed class DemoReport
{
    /// <summary>The ids of the cases started, none when the store already held cases.</summary>
    public IReadOnlyList<string> Seeded { get; set; } = [];

    /// <summary>How many cases the store held before.</summary>
    public long Held { get; set; }
}

/// <summary>Starts the demonstration cases when the store holds none, so that a first
/// <c>ceseda serve</c> shows live deadlines; a store that holds any case is never seeded.</summary>
internal sealed class DemoSeeding(CaseRuntime runtime, IClock clock, DemoReport report, ILogger<DemoSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        report.Held = await runtime.CountAsync(cancellationToken).ConfigureAwait(false);
        if (report.Held > 0)
        {
            return;
        }

        report.Seeded = await DemoCases.SeedAsync(runtime, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Started {Count} demonstration cases: {Cases}", report.Seeded.Count, string.Join(", ", report.Seeded));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Demonstration cases, dated from the present so that their deadlines are running:
/// appeals against the judge's ordinances before the first president of the CA Paris, a
/// waiting-zone holding at the TJ Bobigny (Roissy), an attestation d'accueil in a town hall.</summary>
internal static class DemoCases
{
    public const string AppealCourt = "CA Paris";

    public const string HoldingCourt = "TJ Bobigny";

    public const string TownHall = "Mairie de Montreuil";

    public static async Task<IReadOnlyList<string>> SeedAsync(CaseRuntime runtime, Instant now, CancellationToken cancellationToken = default)
    {
        now = Instant.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / 60 * 60); // acts are recorded to the minute
        var seeded = new List<string>();
        var metropole = Territories.Metropole;

        // Ordinance extending the detention pronounced three hours ago: the 24 h appeal window runs.
        await CaseAsync(runtime, "demo-retention-appeal-window", "retention.ordinance-appeal", AppealCourt, seeded, cancellationToken,
            ("Pronounce", now - Duration.FromHours(3), CaseFacts.Of(("endsMeasure", false), ("foreignerPresent", true))));

        // Appeal lodged by the foreigner five hours ago: the first president has 48 h to rule.
        await CaseAsync(runtime, "demo-retention-ruling", "retention.ordinance-appeal", AppealCourt, seeded, cancellationToken,
            ("Pronounce", now - Duration.FromHours(20), CaseFacts.Of(("endsMeasure", false), ("foreignerPresent", true))),
            ("LodgeAppeal", now - Duration.FromHours(5), CaseFacts.Of(("appellant", "foreigner"))));

        // Release ordered; the prosecutor appealed with a request for suspensive effect, notified
        // forty minutes ago: the two-hour window for observations runs.
        await CaseAsync(runtime, "demo-retention-suspensive-appeal", "retention.ordinance-appeal", AppealCourt, seeded, cancellationToken,
            ("Pronounce", now - Duration.FromHours(2), CaseFacts.Of(("endsMeasure", true), ("foreignerPresent", true))),
            ("LodgeSuspensiveAppeal", now - Duration.FromMinutes(70), CaseFacts.Empty),
            ("NotifyAppeal", now - Duration.FromMinutes(40), CaseFacts.Empty));

        // Waiting-zone holding notified two days ago: the four-day initial period runs.
        await CaseAsync(runtime, "demo-waiting-zone-holding", "waiting-zone.holding", HoldingCourt, seeded, cancellationToken,
            ("Hold", now - Duration.FromDays(2), CaseFacts.Empty));

        // Attestation d'accueil filed ten days ago: the mayor's one-month silence runs.
        await CaseAsync(runtime, "demo-attestation", "attestation.validation", TownHall, seeded, cancellationToken,
            ("FileRequest", now - Duration.FromDays(10), CaseFacts.Empty));

        return seeded;

        async Task CaseAsync(CaseRuntime r, string id, string procedure, string court, List<string> ids, CancellationToken token,
            params (string Trigger, Instant At, CaseFacts Facts)[] acts)
        {
            var version = (await r.StartAsync(procedure, metropole, court, caseId: id, cancellationToken: token).ConfigureAwait(false)).Version;
            foreach (var (trigger, at, facts) in acts)
            {
                version = (await r.FireAsync(id, trigger, at, facts, version, cancellationToken: token).ConfigureAwait(false)).Version;
            }

            ids.Add(id);
        }
    }
}
