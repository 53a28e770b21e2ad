using Ceseda.Rules.Calendars;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using Ceseda.Workflows.Diagrams;
using Ceseda.Workflows.StateMachines;
using NodaTime;
using static Ceseda.Workflows.Tests.Time;

namespace Ceseda.Workflows.Tests.StateMachines;

/// <summary>The core on a small procedure built for the purpose: a holding with a 24 h window,
/// nested states, an internal act, an ignored act, exit tasks and the builder's checks.</summary>
public sealed class CoreTests
{
    public enum S { Idle, Holding, Waiting, Heard, Late, Released }

    public enum T { Open, Hear, Note, Noise, Close, Release, WindowPassed }

    public enum R { Idle, Holding, Heard, Released }

    public enum RT { Open, Hear, Release }

    private static readonly Citation Article = Citation.Ceseda("R.552-12", 1);

    private static ProcedureBuilder<S, T> Builder()
    {
        var b = new ProcedureBuilder<S, T>(new ProcedureKey("test.holding", 1), "Essai", [Article]);
        b.Trigger(T.Open, "Ouverture").Trigger(T.Hear, "Audience").Trigger(T.Note, "Mention au dossier")
            .Trigger(T.Noise, "Acte sans effet").Trigger(T.Close, "Clôture", FactDefinition.Input("reason", FactType.Choice, "motif") with { Choices = ["done", "withdrawn"] })
            .Trigger(T.Release, "Levée").Trigger(T.WindowPassed, "Fin du délai");
        return b;
    }

    private static ProcedureDefinition<S, T> Build()
    {
        var b = Builder();
        var window = b.Deadline("window", "le délai de 24 heures", DetentionDeadlines.Appeal, onExpiry: T.WindowPassed);
        b.Initial(S.Idle);
        b.State(S.Idle, "Avant").Permit(T.Open, S.Holding);
        b.State(S.Holding, "Maintien", Article).InitialSubstate(S.Waiting).Arms(window)
            .OnExit(ClerkTaskTemplate.Immediate("notify-end", "Notifier la fin du maintien", Article))
            .Ignore(T.Noise, "Sans effet.")
            .Permit(T.Release, S.Released)
            .Permit(T.WindowPassed, S.Released);
        b.State(S.Waiting, "En attente").SubstateOf(S.Holding)
            .PermitWithin(T.Hear, window, S.Heard, S.Late)
            .InternalTransition(T.Note, [], [ClerkTaskTemplate.Whenever("file", "Classer la mention", Article)]);
        b.State(S.Heard, "Entendu").SubstateOf(S.Holding);
        b.State(S.Late, "Tardif").SubstateOf(S.Holding);
        b.State(S.Released, "Libéré").Final();
        return b.Build();
    }

    private static readonly ProcedureDefinition<S, T> Holding = Build();

    [Fact]
    public void Fire_IntoASuperstate_EntersItsInitialSubstateAndArmsItsDeadline()
    {
        var t = Holding.Fire(Holding.NewCase(Territories.Metropole), T.Open, At("2024-03-01T10:00+01:00"));
        Assert.Equal(S.Waiting, Holding.StateOf(t.Snapshot));
        Assert.True(Holding.IsIn(t.Snapshot, S.Holding));
        var armed = Assert.Single(t.Event.Armed);
        Assert.Equal(("window", "Holding"), (armed.Slot, armed.Owner));
        Assert.Equal(At("2024-03-04T10:00+01:00"), armed.Due); // Saturday 2 → Monday 4, same hour
    }

    [Fact]
    public void Fire_InheritedAndIgnoredTriggers_AreRecordedInTheHistory()
    {
        var open = Holding.Fire(Holding.NewCase(Territories.Metropole), T.Open, At("2024-03-01T10:00+01:00")).Snapshot;
        var noise = Holding.Fire(open, T.Noise, At("2024-03-01T11:00+01:00"));
        Assert.Equal((nameof(S.Waiting), nameof(S.Waiting), "Sans effet."), (noise.Event.From, noise.Event.To, noise.Event.Note));
        Assert.Equal(2, noise.Snapshot.Sequence);

        var note = Holding.Fire(noise.Snapshot, T.Note, At("2024-03-01T11:30+01:00"));
        Assert.Equal(S.Waiting, Holding.StateOf(note.Snapshot));
        Assert.Equal("file", Assert.Single(note.Snapshot.OpenTasks).Id);

        var released = Holding.Fire(note.Snapshot, T.Release, At("2024-03-01T12:00+01:00"));
        Assert.Equal(S.Released, Holding.StateOf(released.Snapshot));
        Assert.Equal(DeadlineStatus.Closed, Assert.Single(released.Snapshot.Deadlines).Status);
        // The entry tasks of the states left are withdrawn; the exit task stays open in the state entered.
        var task = Assert.Single(released.Snapshot.OpenTasks);
        Assert.Equal(("notify-end", nameof(S.Released)), (task.Id, task.Owner));
        Assert.Null(Holding.NextDue(released.Snapshot));
    }

    [Fact]
    public void Expire_WithNothingDone_FiresTheTimedTransitionAtTheDeadline()
    {
        var open = Holding.Fire(Holding.NewCase(Territories.Metropole), T.Open, At("2024-03-01T10:00+01:00")).Snapshot;
        Assert.Equal(At("2024-03-04T10:00+01:00"), Holding.NextDue(open)!.Due);
        var passed = Holding.AdvanceTo(open, At("2024-03-05T00:00+01:00"));
        var expiry = Assert.Single(passed.Events);
        Assert.Equal((CaseEventKind.Expiry, "window", "WindowPassed", At("2024-03-04T10:00+01:00")), (expiry.Kind, expiry.Deadline, expiry.Trigger, expiry.At));
        Assert.Equal(S.Released, Holding.StateOf(passed.Snapshot));
        Assert.Equal(DeadlineStatus.Expired, Assert.Single(passed.Snapshot.Deadlines).Status);
    }

    [Fact]
    public void DeadlineEntry_CopiedWithAnotherEnd_IsDueAtThatEnd()
    {
        var open = Holding.Fire(Holding.NewCase(Territories.Metropole), T.Open, At("2024-03-01T10:00+01:00")).Snapshot;
        var entry = Assert.Single(open.Deadlines);
        var later = entry.ExpiresAt.Zone.AtStrictly(new LocalDateTime(2024, 3, 5, 10, 0));

        var moved = entry with { ExpiresAt = later };

        Assert.Equal(At("2024-03-05T10:00+01:00"), moved.Due);
        Assert.Equal(At("2024-03-04T10:00+01:00"), entry.Due);
    }

    [Fact]
    public void Reentry_SeventyWindows_EachClosesOnExitAndEarlierSnapshotsKeepTheirStatuses()
    {
        var b = new ProcedureBuilder<R, RT>(new ProcedureKey("test.reentry", 1), "Essai", [Article]);
        b.Trigger(RT.Open, "Ouverture").Trigger(RT.Hear, "Audience").Trigger(RT.Release, "Levée");
        var window = b.Deadline("window", "le délai de 24 heures", DetentionDeadlines.Appeal);
        b.Initial(R.Idle);
        b.State(R.Idle, "Avant").Permit(RT.Open, R.Holding);
        b.State(R.Holding, "Maintien", Article).Arms(window).Permit(RT.Hear, R.Heard);
        b.State(R.Heard, "Entendu").Permit(RT.Open, R.Holding).Permit(RT.Release, R.Released);
        b.State(R.Released, "Libéré").Final();
        var reentry = b.Build();
        var at = At("2024-03-01T10:00+01:00");
        var snapshot = reentry.Fire(reentry.NewCase(Territories.Metropole), RT.Open, at).Snapshot;
        var first = snapshot;
        var history = new List<CaseEvent>();
        for (var round = 0; round < 70; round++)
        {
            var heard = reentry.Fire(snapshot, RT.Hear, at += Duration.FromHours(1));
            var opened = reentry.Fire(heard.Snapshot, RT.Open, at += Duration.FromHours(1));
            history.AddRange([heard.Event, opened.Event]);
            snapshot = opened.Snapshot;
        }

        // Every window but the last closed when the procedure left the state that armed it, the
        // 64 first as the later ones (a snapshot marks the first 64 instead of copying them).
        Assert.Equal([.. Enumerable.Repeat(DeadlineStatus.Closed, 70), DeadlineStatus.Armed], snapshot.Deadlines.Select(d => d.Status));
        Assert.True(snapshot.Deadlines.Equals(snapshot.Deadlines)); // made once: the same array on every read
        Assert.Equal(At("2024-03-08T06:00+01:00"), reentry.NextDue(snapshot)!.Due); // opened Thursday 7 at 06:00, a working day
        Assert.Equal(DeadlineStatus.Armed, Assert.Single(first.Deadlines).Status);
        Assert.Equal(snapshot, CaseJson.ReadSnapshot(CaseJson.Write(snapshot), reentry));
        var opening = reentry.Fire(reentry.NewCase(Territories.Metropole), RT.Open, At("2024-03-01T10:00+01:00"));
        Assert.Equal(snapshot, reentry.Replay(opening.Snapshot, history));
        var released = reentry.Fire(snapshot, RT.Hear, at + Duration.FromHours(1)).Snapshot;
        Assert.All(released.Deadlines, d => Assert.Equal(DeadlineStatus.Closed, d.Status));
        Assert.Null(reentry.NextDue(released));
    }

    [Fact]
    public void Export_ShowsSuperstatesTimersAndLateBranches()
    {
        var mermaid = DiagramExport.Mermaid(Holding);
        Assert.Contains("state \"Maintien<br/>⏱ le délai de 24 heures (retention.appeal)\" as Holding {", mermaid, StringComparison.Ordinal);
        Assert.Contains("        [*] --> Waiting", mermaid, StringComparison.Ordinal);
        Assert.Contains("Waiting --> Late : Audience (hors délai : retention.appeal)", mermaid, StringComparison.Ordinal);
        Assert.Contains("Holding --> Released : ⏱ échéance : le délai de 24 heures (retention.appeal)", mermaid, StringComparison.Ordinal);
        Assert.Contains("subgraph \"cluster_Holding\"", DiagramExport.Dot(Holding), StringComparison.Ordinal);
        Assert.Contains("<bpmn:boundaryEvent", DiagramExport.Bpmn(Holding), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AmbiguousGuards_AreRefusedWhenBothHold()
    {
        var b = Builder();
        b.Initial(S.Idle);
        var always = new Guard("toujours", Article, _ => true);
        b.State(S.Idle, "Avant").PermitIf(T.Open, S.Holding, always).PermitIf(T.Open, S.Released, always);
        foreach (var s in new[] { S.Holding, S.Waiting, S.Heard, S.Late, S.Released })
        {
            b.State(s, s.ToString());
        }

        var definition = b.Build();
        var error = Assert.Throws<ProcedureException>(() => definition.Fire(definition.NewCase(Territories.Metropole), T.Open, At("2024-03-01T10:00+01:00")));
        Assert.Equal("guards-ambiguous", error.Code);
    }

    [Fact]
    public void Build_TheDefinitionIsImmutable_TheBuilderTakesNoMoreConfiguration()
    {
        var b = Builder();
        b.Initial(S.Idle);
        var idle = b.State(S.Idle, "Avant");
        foreach (var s in new[] { S.Holding, S.Waiting, S.Heard, S.Late, S.Released })
        {
            b.State(s, s.ToString());
        }

        var definition = b.Build();

        var refused = Assert.Throws<InvalidOperationException>(() => idle.Permit(T.Open, S.Holding));
        Assert.Contains("test.holding v1 is built", refused.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => idle.OnEntry(ClerkTaskTemplate.Whenever("file", "Classer", Article)));
        Assert.Throws<InvalidOperationException>(() => b.State(S.Heard));
        Assert.Throws<InvalidOperationException>(() => b.Deadline("window", "le délai de 24 heures", DetentionDeadlines.Appeal));
        Assert.Empty(definition.Transitions);
        Assert.Empty(definition.DeadlineSlots);
    }

    [Fact]
    public void Build_IncompleteDefinitions_SayWhatIsMissing()
    {
        var noStates = Builder();
        noStates.Initial(S.Idle);
        noStates.State(S.Idle, "Avant");
        Assert.Contains("the states Holding, Waiting, Heard, Late, Released are not configured",
            Assert.Throws<InvalidOperationException>(noStates.Build).Message, StringComparison.Ordinal);

        var loop = Builder();
        loop.Initial(S.Idle);
        loop.State(S.Idle, "Avant");
        loop.State(S.Holding, "A").SubstateOf(S.Waiting);
        loop.State(S.Waiting, "B").SubstateOf(S.Holding);
        foreach (var s in new[] { S.Heard, S.Late, S.Released })
        {
            loop.State(s, s.ToString());
        }

        Assert.Contains("loop", Assert.Throws<InvalidOperationException>(loop.Build).Message, StringComparison.Ordinal);
    }
}
