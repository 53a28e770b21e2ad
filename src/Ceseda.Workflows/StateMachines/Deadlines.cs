using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Workflows.StateMachines;

/// <summary>A deadline a procedure arms (<i>délai armé</i>): which rule computes it, from which
/// instant it runs, and what happens when it passes with nothing done.</summary>
/// <remarks>A state that <c>Arms</c> the slot computes the deadline on entry and closes it on exit;
/// until then it is a timer whose instant is the rule's <c>expiresAt</c>. Entering the state again
/// (a new mission, a new term) arms a new window; a closed or expired one never reopens.</remarks>
public sealed class DeadlineSlot
{
    private readonly DeadlineVersion[] versions;
    private readonly (string Id, string Citation)[] described;

    internal DeadlineSlot(int index, string name, string title, DeadlineRule rule, string? startFact, int? rank, string? versionFact = null)
    {
        versions = [.. rule.Versions];
        described = [.. versions.Select(v => (v.Id, string.Join(" ; ", v.Citations.OfType<ArticleReference>().Select(c => c.Text))))];
        Index = index;
        Name = name;
        Title = title;
        Rule = rule;
        StartFact = startFact;
        Rank = rank;
        VersionFact = versionFact;
    }

    internal int Index { get; }

    /// <summary>The slot's name in snapshots and histories, e.g. "parties-appeal".</summary>
    public string Name { get; }

    /// <summary>The French name shown to clerks, e.g. "délai d'appel des parties".</summary>
    public string Title { get; }

    /// <summary>The rule that computes the deadline.</summary>
    public DeadlineRule Rule { get; }

    /// <summary>The instant fact the deadline runs from; null when it runs from the act that arms it.</summary>
    public string? StartFact { get; }

    /// <summary>The rank passed to rules whose length depends on it (first or second extension).</summary>
    public int? Rank { get; }

    /// <summary>The date fact that selects the rule's version, for rules whose version is not
    /// chosen by the start (e.g. the date of a visa refusal, <c>refusalDate</c>); null otherwise.</summary>
    public string? VersionFact { get; }

    /// <summary>Whether the deadline runs from the act that arms it and takes the rule's version of
    /// that instant: no start or version fact, no rank.</summary>
    internal bool RunsFromTheAct => StartFact is null && VersionFact is null && Rank is null;

    /// <summary>The trigger fired when the deadline passes, if it moves the procedure on.</summary>
    internal int ExpiryTrigger { get; set; } = -1;

    /// <summary>The name of the trigger fired when the deadline passes; null when it only expires.</summary>
    public string? OnExpiry { get; internal set; }

    /// <summary>A version of the slot's rule as a deadline entry records it: its id and its articles.</summary>
    internal (string Id, string Citation) Describe(DeadlineVersion version)
    {
        for (var i = 0; i < versions.Length; i++)
        {
            if (ReferenceEquals(versions[i], version))
            {
                return described[i];
            }
        }

        throw new ArgumentException($"{version.Id} is not a version of {Rule.Id}.", nameof(version));
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>Where a deadline stands in a case.</summary>
public enum DeadlineStatus
{
    /// <summary>Running: its instant has not passed and the state that armed it is current.</summary>
    Armed,

    /// <summary>Passed with the state that armed it still current (<i>expiré</i>).</summary>
    Expired,

    /// <summary>Ended before its instant because the procedure left the state that armed it.</summary>
    Closed,
}

/// <summary>A deadline as computed in a case.</summary>
/// <param name="Slot">The slot's name.</param>
/// <param name="Start">The instant it runs from.</param>
/// <param name="ExpiresAt">The last instant an act is on time, in the zone of the place of the act.</param>
/// <param name="Version">The rule version applied (its date of effect).</param>
/// <param name="Citation">The articles of that version (its decisions are on the rule's page).</param>
/// <param name="Status">Armed, expired or closed.</param>
/// <param name="Owner">The state that armed it.</param>
/// <param name="StartDate">When the rule counted from a day rather than from <paramref name="Start"/>
/// (a deadline in days or months armed by a deadline that ended at 24:00 of that day), the day.</param>
public sealed record DeadlineEntry(string Slot, Instant Start, ZonedDateTime ExpiresAt, string Version, string Citation,
    DeadlineStatus Status, string Owner, LocalDate? StartDate = null)
{
    /// <summary>The last instant an act is on time, in the zone of the place of the act.</summary>
    public ZonedDateTime ExpiresAt
    {
        get;
        init
        {
            field = value;
            Due = value.ToInstant();
        }
    } = ExpiresAt;

    /// <summary>The instant of <see cref="ExpiresAt"/>: when a runtime's timer fires. It follows
    /// <see cref="ExpiresAt"/>, in a copy made with another end too.</summary>
    public Instant Due { get; private init; } = ExpiresAt.ToInstant();
}

/// <summary>How an act stood against the deadline guarding it.</summary>
/// <param name="Slot">The deadline's slot.</param>
/// <param name="ExpiresAt">The deadline, or null if it had not started to run.</param>
/// <param name="Timely">Whether the act was at or before <paramref name="ExpiresAt"/>.</param>
public readonly record struct DeadlineCheck(string Slot, ZonedDateTime? ExpiresAt, bool Timely);

/// <summary>A condition on a transition (<i>condition</i>), described in French with the article
/// it comes from, so that diagrams and refusals quote it.</summary>
/// <param name="Description">What must hold, in French, e.g. "l'ordonnance met fin à la rétention".</param>
/// <param name="Citation">The article or decision the condition comes from.</param>
/// <param name="Predicate">Pure and side-effect free.</param>
public sealed record Guard(string Description, Citation Citation, Func<GuardContext, bool> Predicate)
{
    /// <summary>"description (citation)".</summary>
    public override string ToString() => $"{Description} ({Citation.Text})";
}

/// <summary>What a guard sees: the case as it would be after the act's facts are recorded.</summary>
public readonly struct GuardContext
{
    internal GuardContext(CaseSnapshot snapshot, Instant at, CaseFacts facts)
    {
        Snapshot = snapshot;
        At = at;
        Facts = facts;
    }

    /// <summary>The case before the act.</summary>
    public CaseSnapshot Snapshot { get; }

    /// <summary>The instant of the act.</summary>
    public Instant At { get; }

    /// <summary>The case's facts with the act's facts added.</summary>
    public CaseFacts Facts { get; }

    /// <summary>The instant of the case's first act (this act's, for the first one).</summary>
    public Instant OpenedAt => Snapshot.OpenedAt ?? At;

    /// <summary>The date of the case's first act in the territory's zone: the date that selects the
    /// rules in force for the case.</summary>
    public LocalDate OpenedOn => OpenedAt.InZone(Snapshot.Territory.Zone).Date;

    /// <summary>Whether the deadline of <paramref name="slot"/> has passed (expired, or closed after its instant).</summary>
    public bool HasPassed(DeadlineSlot slot) => Snapshot.LatestIndex(Slot(slot)) is >= 0 and var i
        && (Snapshot.StatusAt(i) == DeadlineStatus.Expired || Snapshot.Entries.ItemRef(i).Due < At);

    /// <summary>Whether the deadline of <paramref name="slot"/> is running.</summary>
    public bool IsRunning(DeadlineSlot slot) => Snapshot.LatestIndex(Slot(slot)) is >= 0 and var i
        && Snapshot.StatusAt(i) == DeadlineStatus.Armed;

    /// <summary>Whether the deadline of <paramref name="slot"/> has been armed in this case.</summary>
    public bool WasArmed(DeadlineSlot slot) => Snapshot.LatestIndex(Slot(slot)) >= 0;

    private static string Slot(DeadlineSlot slot) => (slot ?? throw new ArgumentNullException(nameof(slot))).Name;
}
