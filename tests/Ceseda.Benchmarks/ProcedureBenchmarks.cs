using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using Ceseda.Workflows.Procedures;
using Ceseda.Workflows.StateMachines;
using Ceseda.Workflows.Tests.Walks;
using NodaTime;

namespace Ceseda.Benchmarks;

/// <summary>Issue targets for the state machines: one <c>Fire</c> on the steady path against a
/// hand-written baseline doing the same work; a full appeal case of six transitions with every
/// deadline computed by the rules; 100,000 random walks.</summary>
[MemoryDiagnoser]
public class ProcedureBenchmarks
{
    /// <summary>Acts per invocation of the Fire benchmarks.</summary>
    public const int Count = 1024;

    /// <summary>Walks per invocation of the walk benchmark.</summary>
    public const int Walks = 100_000;

    private static readonly ProcedureDefinition<WindowState, WindowTrigger> Window = BuildWindow();

    private CaseSnapshot open = null!;
    private HandWritten.Snapshot handOpen = null!;
    private Instant[] acts = [];
    private Instant pronounced;
    private Instant[] caseActs = [];

    /// <summary>The states of the steady-path procedure: a window held by a superstate.</summary>
    public enum WindowState
    {
        /// <summary>Before the act that opens the window.</summary>
        Idle,

        /// <summary>The superstate that arms the window.</summary>
        Pending,

        /// <summary>Waiting for the act.</summary>
        Open,

        /// <summary>The act came in time.</summary>
        Lodged,

        /// <summary>The act came late.</summary>
        Late,
    }

    /// <summary>The triggers of the steady-path procedure.</summary>
    public enum WindowTrigger
    {
        /// <summary>Opens the window.</summary>
        Start,

        /// <summary>The act guarded by the window.</summary>
        Lodge,
    }

    /// <summary>Builds the case before the act, the act instants (0 to 30 h after the start) and those
    /// of the full case.</summary>
    [GlobalSetup]
    public void Setup()
    {
        pronounced = Instant.FromUtc(2017, 1, 20, 16, 20);
        open = Window.Fire(Window.NewCase(Territories.Metropole), WindowTrigger.Start, pronounced).Snapshot;
        handOpen = HandWritten.From(open);
        var random = new Random(Workload.Seed);
        acts = [.. Enumerable.Range(0, Count).Select(_ => pronounced + Duration.FromMinutes(random.Next(0, 30 * 60)))];
        caseActs = [pronounced, pronounced + Duration.FromHours(20), pronounced + Duration.FromHours(40), pronounced + Duration.FromHours(42),
            pronounced + Duration.FromDays(10), pronounced + Duration.FromDays(200)];
        foreach (var at in acts)
        {
            var engine = Window.StateOf(Window.Fire(open, WindowTrigger.Lodge, at).Snapshot);
            var hand = HandWritten.Fire(handOpen, HandWritten.Lodge, at).Snapshot.State;
            if ((engine == WindowState.Lodged) != (hand == HandWritten.Lodged))
            {
                throw new InvalidOperationException($"The baseline and the engine disagree at {at}.");
            }
        }
    }

    /// <summary>Hand-written: switch on the state, compare the act with the deadline instant,
    /// allocate the new immutable snapshot and its event.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public long HandWrittenFire()
    {
        var sum = 0L;
        foreach (var at in acts)
        {
            sum += HandWritten.Fire(handOpen, HandWritten.Lodge, at).Snapshot.State;
        }

        return sum;
    }

    /// <summary><c>Fire</c> of a deadline-guarded trigger between two substates (the deadline is
    /// held by their superstate, so nothing is armed or closed).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public long Fire()
    {
        var sum = 0L;
        foreach (var at in acts)
        {
            sum += Window.Fire(open, WindowTrigger.Lodge, at).Snapshot.Sequence;
        }

        return sum;
    }

    /// <summary>A whole appeal case: pronouncement (24 h window armed), appeal lodged (48 h armed,
    /// clerk tasks), hearing, ruling in time, cassation appeal, cassation decided.</summary>
    [Benchmark]
    public CaseSnapshot FullAppealCase()
    {
        var appeal = OrdinanceAppeal.Retention;
        var c = appeal.NewCase(Territories.Metropole);
        c = appeal.Fire(c, OrdinanceAppealTrigger.Pronounce, caseActs[0], PronounceFacts).Snapshot;
        c = appeal.Fire(c, OrdinanceAppealTrigger.LodgeAppeal, caseActs[1], AppealFacts).Snapshot;
        c = appeal.Fire(c, OrdinanceAppealTrigger.HoldHearing, caseActs[2]).Snapshot;
        c = appeal.Fire(c, OrdinanceAppealTrigger.Rule, caseActs[3]).Snapshot;
        c = appeal.Fire(c, OrdinanceAppealTrigger.LodgeCassationAppeal, caseActs[4], CassationFacts).Snapshot;
        return appeal.Fire(c, OrdinanceAppealTrigger.DecideCassation, caseActs[5]).Snapshot;
    }

    /// <summary>100,000 random walks (up to 14 steps each) through the retention appeal, on one thread.</summary>
    [Benchmark]
    public long HundredThousandWalks()
    {
        var walker = new RandomWalker(OrdinanceAppeal.Retention, Workload.Seed);
        var events = 0L;
        for (var i = 0; i < Walks; i++)
        {
            events += walker.Walk(14).Final.Sequence;
        }

        return events;
    }

    private static readonly CaseFacts PronounceFacts = CaseFacts.Of(("endsMeasure", false), ("foreignerPresent", true));
    private static readonly CaseFacts AppealFacts = CaseFacts.Of(("appellant", "foreigner"));
    private static readonly CaseFacts CassationFacts = CaseFacts.Of(("appellant", "prefect"));

    private static ProcedureDefinition<WindowState, WindowTrigger> BuildWindow()
    {
        var citation = Citation.Ceseda("R.552-12", 1);
        var b = new ProcedureBuilder<WindowState, WindowTrigger>(new ProcedureKey("benchmark.window", 1), "Fenêtre", [citation]);
        b.Trigger(WindowTrigger.Start, "Ouverture").Trigger(WindowTrigger.Lodge, "Acte");
        var window = b.Deadline("window", "le délai", DetentionDeadlines.Appeal);
        b.Initial(WindowState.Idle);
        b.State(WindowState.Idle, "Avant").Permit(WindowTrigger.Start, WindowState.Open);
        b.State(WindowState.Pending, "Délai ouvert").Arms(window);
        b.State(WindowState.Open, "En attente").SubstateOf(WindowState.Pending)
            .PermitWithin(WindowTrigger.Lodge, window, WindowState.Lodged, WindowState.Late);
        b.State(WindowState.Lodged, "Dans le délai").SubstateOf(WindowState.Pending);
        b.State(WindowState.Late, "Hors délai").SubstateOf(WindowState.Pending);
        return b.Build();
    }

    /// <summary>The same work, written by hand: a switch on the state, the deadline's instant looked
    /// up in the case's deadlines, and a new immutable snapshot and event carrying the same
    /// information as Ceseda's, laid out as Ceseda lays it out: the snapshot shares what never
    /// changes in a case (procedure and its state names, territory, options, opening instant) and
    /// holds its state, facts, deadlines and tasks; the event shares what the transition says in
    /// every case (kind, trigger, states, note) and holds the deadline entry the act was checked
    /// against.</summary>
    private static class HandWritten
    {
        public const int Open = 2;
        public const int Lodged = 3;
        public const int Late = 4;
        public const int Lodge = 1;
        private static readonly string[] Names = ["Idle", "Pending", "Open", "Lodged", "Late"];
        private static readonly Heading InTime = new(CaseEventKind.Act, "Lodge", null, "Open", "Lodged", null);
        private static readonly Heading TooLate = InTime with { To = "Late" };

        public sealed record Origin(ProcedureKey Procedure, string[] StateNames, Territory Territory, EvaluationOptions Options, Instant? OpenedAt);

        public sealed record Snapshot(Origin Origin, int State, long Sequence, Instant LastEventAt, bool LastWasExpiry, CaseFacts Facts,
            ImmutableArray<DeadlineEntry> Deadlines, ImmutableArray<ClerkTask> Tasks);

        public sealed record Heading(CaseEventKind Kind, string? Trigger, string? Deadline, string From, string To, string? Note);

        public sealed record Event(long Sequence, Heading Heading, bool Timely, Instant At, CaseFacts Facts, DeadlineEntry? CheckedAgainst,
            ImmutableArray<DeadlineEntry> Armed, ImmutableArray<ClerkTask> Tasks);

        public readonly record struct Result(Snapshot Snapshot, Event Event);

        public static Snapshot From(CaseSnapshot c) => new(new Origin(c.Procedure, Names, c.Territory, c.Options, c.OpenedAt), Open,
            c.Sequence, c.LastEventAt!.Value, c.LastWasExpiry, c.Facts, c.Deadlines, c.OpenTasks);

        public static Result Fire(Snapshot s, int trigger, Instant at)
        {
            if (at < s.LastEventAt)
            {
                throw new InvalidOperationException("out of order");
            }

            int to;
            DeadlineEntry deadline;
            bool timely;
            switch (s.State)
            {
                case Open when trigger == Lodge:
                    deadline = s.Deadlines[^1];
                    timely = at <= deadline.Due;
                    to = timely ? Lodged : Late;
                    break;
                default:
                    throw new InvalidOperationException("not permitted");
            }

            var next = s with { State = to, Sequence = s.Sequence + 1, LastEventAt = at, LastWasExpiry = false };
            return new Result(next, new Event(next.Sequence, timely ? InTime : TooLate, timely, at, CaseFacts.Empty, deadline, [], []));
        }
    }
}
