using Ceseda.Rules.Calendars;
using Ceseda.Workflows.Procedures;
using Ceseda.Workflows.StateMachines;
using static Ceseda.Workflows.Tests.Time;
using S = Ceseda.Workflows.Procedures.OrdinanceAppealState;
using T = Ceseda.Workflows.Procedures.OrdinanceAppealTrigger;

namespace Ceseda.Workflows.Tests.StateMachines;

public sealed class OrdinanceAppealTests
{
    private static readonly ProcedureDefinition<S, T> Appeal = OrdinanceAppeal.Retention;

    private static CaseSnapshot Pronounced(string at, bool endsMeasure, bool present = true, Territory? territory = null) =>
        Appeal.Fire(Appeal.NewCase(territory ?? Territories.Metropole), T.Pronounce, At(at),
            CaseFacts.Of(("endsMeasure", endsMeasure), ("foreignerPresent", present))).Snapshot;

    [Fact]
    public void Fire_AppealAfterTheWindow_IsRecordedAsLateNotRefused()
    {
        // Cass. 1re civ., 12 mai 2010, n° 09-12.960: ordinance Friday 25 July 2008 at 15:37, window prorogued to Monday 15:37.
        var c = Pronounced("2008-07-25T15:37+02:00", endsMeasure: false);
        var late = Appeal.Fire(c, T.LodgeAppeal, At("2008-07-28T15:38+02:00"), CaseFacts.Of(("appellant", "prefect")));

        Assert.Equal(2, late.Events.Length);
        Assert.Equal(CaseEventKind.Expiry, late.Events[0].Kind);
        Assert.Equal(At("2008-07-28T15:37+02:00"), late.Events[0].At);
        Assert.Equal(nameof(S.OrdinanceFinal), late.Events[0].To);
        Assert.Equal(S.LateAppealLodged, Appeal.StateOf(late.Snapshot));
        Assert.False(late.Event.Check!.Value.Timely);
    }

    [Fact]
    public void Fire_AppealAtTheExactEnd_IsTimelyAndComesBeforeTheExpiry()
    {
        var c = Pronounced("2008-07-25T15:37+02:00", endsMeasure: false);
        var atEnd = Appeal.Fire(c, T.LodgeAppeal, At("2008-07-28T15:37+02:00"), CaseFacts.Of(("appellant", "foreigner")));

        Assert.Single(atEnd.Events);
        Assert.True(atEnd.Event.Check!.Value.Timely);
        Assert.Equal(S.AwaitingRuling, Appeal.StateOf(atEnd.Snapshot));
    }

    [Fact]
    public void Fire_AbsentForeignerNeverNotified_OrdinanceDoesNotBecomeFinal()
    {
        var c = Pronounced("2017-01-20T17:20+01:00", endsMeasure: false, present: false);
        var after = Appeal.AdvanceTo(c, At("2017-02-20T00:00+01:00"));

        Assert.Equal(S.MeasureContinues, Appeal.StateOf(after.Snapshot));
        var expiry = Assert.Single(after.Events);
        Assert.Equal("appeal-window", expiry.Deadline);
        Assert.Equal(nameof(S.MeasureContinues), expiry.To);
        Assert.Null(Appeal.NextDue(after.Snapshot));
    }

    [Fact]
    public void Fire_AbsentForeignerNotified_HisOwnWindowRunsFromTheNotification()
    {
        var c = Pronounced("2017-01-20T17:20+01:00", endsMeasure: false, present: false);
        c = Appeal.Fire(c, T.NotifyForeigner, At("2017-01-21T10:00+01:00")).Snapshot;

        var entry = Appeal.Find(c, Appeal.Slot("foreigner-appeal-window"))!;
        Assert.Equal(At("2017-01-23T10:00+01:00"), entry.Due); // Sunday 22 at 10:00 → Monday 23 at 10:00
        var lodged = Appeal.Fire(c, T.LodgeAppeal, At("2017-01-23T09:59+01:00"), CaseFacts.Of(("appellant", "foreigner")));
        Assert.True(lodged.Event.Check!.Value.Timely);
        Assert.Equal("foreigner-appeal-window", lodged.Event.Check!.Value.Slot);
        // The prefect's window ran from the pronouncement and had closed at Monday 17:20... not yet: it is still running.
        Assert.Equal(S.AwaitingRuling, Appeal.StateOf(lodged.Snapshot));
    }

    [Fact]
    public void Expire_ProsecutorWindowPassesWithNothingDone_ReleaseIsCarriedOutAtItsInstant()
    {
        var c = Pronounced("2025-03-12T11:00+01:00", endsMeasure: true);
        c = Appeal.Fire(c, T.NotifyProsecutor, At("2025-03-12T11:30+01:00")).Snapshot;
        var windowDue = Appeal.NextDue(c)!;
        Assert.Equal("appeal-window", windowDue.Slot);
        Assert.Equal(At("2025-03-13T11:00+01:00"), windowDue.Due);

        // The parties' window passes first; the prosecutor's (24 h from his notification since
        // 15 July 2024) still runs, so the foreigner stays held and the ordinance is not final.
        var first = Appeal.Expire(c);
        Assert.Equal(S.HeldAtDisposalOfJustice, Appeal.StateOf(first.Snapshot));
        var due = Appeal.NextDue(first.Snapshot)!;
        Assert.Equal("prosecutor-window", due.Slot);
        Assert.Equal(At("2025-03-13T11:30+01:00"), due.Due);

        var released = Appeal.Expire(first.Snapshot);
        Assert.Equal(S.ReleasedOrdinanceFinal, Appeal.StateOf(released.Snapshot));
        Assert.True(Appeal.IsIn(released.Snapshot, S.OrdinanceFinal));
        Assert.Equal(due.Due, released.Event.At);
        Assert.Contains(released.Snapshot.OpenTasks, t => t.Id == "end-holding");
    }

    [Fact]
    public void Expire_ProsecutorWindowBeforeTheParties_ReleasesWhileTheAppealWindowRuns()
    {
        var c = Pronounced("2019-03-12T11:00+01:00", endsMeasure: true);
        c = Appeal.Fire(c, T.NotifyProsecutor, At("2019-03-12T11:30+01:00")).Snapshot;
        var released = Appeal.Expire(c);
        Assert.Equal(At("2019-03-12T21:30+01:00"), released.Event.At); // 10 h in 2019
        Assert.Equal(S.Released, Appeal.StateOf(released.Snapshot));

        var final = Appeal.Expire(released.Snapshot);
        Assert.Equal(At("2019-03-13T11:00+01:00"), final.Event.At);
        Assert.Equal(S.OrdinanceFinal, Appeal.StateOf(final.Snapshot));
    }

    [Fact]
    public void WhyNot_SuspensiveDecisionDuringTheObservations_SaysWhichStateAndDeadline()
    {
        var c = Pronounced("2025-03-12T11:00+01:00", endsMeasure: true);
        c = Appeal.Fire(c, T.NotifyProsecutor, At("2025-03-12T11:30+01:00")).Snapshot;
        c = Appeal.Fire(c, T.LodgeSuspensiveAppeal, At("2025-03-12T15:00+01:00")).Snapshot;
        c = Appeal.Fire(c, T.NotifyAppeal, At("2025-03-12T15:10+01:00")).Snapshot;

        var why = Appeal.WhyNot(c, T.DecideSuspensiveEffect, At("2025-03-12T16:00+01:00"));
        Assert.False(why.Permitted);
        string[] expected =
        [
            "« Décision du premier président sur l'effet suspensif » n'est pas prévu dans l'état « Délai d'observations en cours (2 heures) ».",
            "Délai en cours : le délai de 48 heures pour statuer au fond, jusqu'au vendredi 14 mars 2025 à 15 h (UTC+01:00) (CESEDA art. R.743-19 (depuis le 1er mai 2021) [numérotation probable]",
            "Délai en cours : le délai d'observations de deux heures, jusqu'au mercredi 12 mars 2025 à 17 h 10 (UTC+01:00) (CESEDA art. R.743-12 (depuis le 1er mai 2021)",
        ];
        Assert.Equal(expected.Length, why.Reasons.Length);
        Assert.All(expected.Zip(why.Reasons), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));

        var after = Appeal.WhyNot(c, T.DecideSuspensiveEffect, At("2025-03-12T17:11+01:00"));
        Assert.True(after.Permitted);
        var refused = Assert.Throws<ProcedureException>(() => Appeal.Fire(c, T.DecideSuspensiveEffect, At("2025-03-12T16:00+01:00"),
            CaseFacts.Of(("granted", true))));
        Assert.Equal("trigger-refused", refused.Code);
    }

    [Fact]
    public void PermittedTriggers_AfterPronouncement_ListsTheActsAndTheirTimeliness()
    {
        var c = Pronounced("2017-01-20T17:20+01:00", endsMeasure: false);
        var permitted = Appeal.PermittedTriggers(c, At("2017-01-21T10:00+01:00"));

        Assert.Equal(["NotifyForeigner", "NotifyProsecutor", "LodgeAppeal"], permitted.Select(p => p.Trigger));
        var appeal = permitted.Single(p => p.Trigger == "LodgeAppeal");
        Assert.StartsWith("Dans le délai : le délai d'appel de 24 heures", appeal.Reasons[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RulingDeadlinePassed", "timer-trigger")]
    [InlineData("Nope", "trigger-unknown")]
    public void Fire_NotAnAct_IsAnError(string trigger, string code)
    {
        var c = Pronounced("2017-01-20T17:20+01:00", endsMeasure: false);
        Assert.Equal(code, Assert.Throws<ProcedureException>(() => Appeal.Fire(c, trigger, At("2017-01-21T10:00+01:00"))).Code);
    }

    [Fact]
    public void Fire_BadFacts_NameTheFactAndWhatIsExpected()
    {
        var c = Appeal.NewCase(Territories.Metropole);
        var at = At("2017-01-20T17:20+01:00");
        var missing = Assert.Throws<ProcedureException>(() => Appeal.Fire(c, T.Pronounce, at, CaseFacts.Of(("endsMeasure", true))));
        Assert.Equal("fact-missing", missing.Code);
        Assert.Contains("foreignerPresent", missing.Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<ProcedureException>(() => Appeal.Fire(c, T.Pronounce, at,
            CaseFacts.Of(("endsMeasure", true), ("foreignerPresent", true), ("hearingRoom", "B"))));
        Assert.Equal("fact-unknown", unknown.Code);

        var wrongType = Assert.Throws<ProcedureException>(() => Appeal.Fire(c, T.Pronounce, at,
            CaseFacts.Of(("endsMeasure", "yes"), ("foreignerPresent", true))));
        Assert.Equal("fact-type", wrongType.Code);
        Assert.Contains("expected true or false", wrongType.Message, StringComparison.Ordinal);

        var c2 = Pronounced("2017-01-20T17:20+01:00", endsMeasure: false);
        var choice = Assert.Throws<ProcedureException>(() => Appeal.Fire(c2, T.LodgeAppeal, at.Plus(NodaTime.Duration.FromHours(1)),
            CaseFacts.Of(("appellant", "lawyer"))));
        Assert.Equal("fact-type", choice.Code);
        Assert.Contains("one of foreigner, prefect, prosecutor", choice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fire_ActBeforeTheLastEvent_IsOutOfOrder()
    {
        var c = Pronounced("2017-01-20T17:20+01:00", endsMeasure: false);
        var error = Assert.Throws<ProcedureException>(() => Appeal.Fire(c, T.LodgeAppeal, At("2017-01-20T17:19+01:00"),
            CaseFacts.Of(("appellant", "prefect"))));
        Assert.Equal("out-of-order", error.Code);

        var final = Appeal.AdvanceTo(c, At("2017-01-24T00:00+01:00")).Snapshot;
        Assert.Equal(S.OrdinanceFinal, Appeal.StateOf(final));
        var atExpiry = Assert.Throws<ProcedureException>(() => Appeal.Fire(final, T.LodgeAppeal, At("2017-01-23T17:20+01:00"),
            CaseFacts.Of(("appellant", "prefect"))));
        Assert.Equal("out-of-order", atExpiry.Code);
    }

    [Fact]
    public void Fire_OnACaseOfAnotherProcedure_IsAMismatch()
    {
        var waitingZone = OrdinanceAppeal.WaitingZone.NewCase(Territories.Metropole);
        Assert.Equal("procedure-mismatch", Assert.Throws<ProcedureException>(() =>
            Appeal.Fire(waitingZone, T.Pronounce, At("2017-01-20T17:20+01:00"))).Code);
    }

    [Fact]
    public void Replay_AlteredHistory_IsDetected()
    {
        var initial = Appeal.NewCase(Territories.Metropole);
        var t1 = Appeal.Fire(initial, T.Pronounce, At("2017-01-20T17:20+01:00"), CaseFacts.Of(("endsMeasure", false), ("foreignerPresent", true)));
        var t2 = Appeal.Fire(t1.Snapshot, T.LodgeAppeal, At("2017-01-23T09:01+01:00"), CaseFacts.Of(("appellant", "foreigner")));
        CaseEvent[] history = [.. t1.Events, .. t2.Events];
        Assert.Equal(t2.Snapshot, Appeal.Replay(initial, history));

        var json = CaseJson.Write(history).Replace("2017-01-23T08:01:00Z", "2017-01-24T08:01:00Z", StringComparison.Ordinal);
        var altered = CaseJson.ReadHistory(json, Appeal);
        Assert.Equal("replay-mismatch", Assert.Throws<ProcedureException>(() => Appeal.Replay(initial, altered)).Code);
    }

    [Theory]
    [InlineData("{", "is not JSON")]
    [InlineData("""{"procedure":"retention.ordinance-appeal","version":1,"territory":"atlantis"}""", "The field territory 'atlantis' is not a territory")]
    [InlineData("""{"procedure":"retention.ordinance-appeal","version":2}""", "not retention.ordinance-appeal v1")]
    public void ReadSnapshot_CorruptRow_IsAClearError(string json, string message)
    {
        var error = Assert.Throws<ProcedureException>(() => CaseJson.ReadSnapshot(json, Appeal));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSnapshot_UnknownState_NamesTheField()
    {
        var json = CaseJson.Write(Pronounced("2017-01-20T17:20+01:00", endsMeasure: false))
            .Replace("\"state\":\"MeasureContinues\"", "\"state\":\"Limbo\"", StringComparison.Ordinal);
        var error = Assert.Throws<ProcedureException>(() => CaseJson.ReadSnapshot(json, Appeal));
        Assert.Equal("snapshot-invalid", error.Code);
        Assert.StartsWith("The field state ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WaitingZone_Since2021_ProsecutorWindowRunsFromThePronouncement()
    {
        var wz = OrdinanceAppeal.WaitingZone;
        var c = wz.Fire(wz.NewCase(Territories.Metropole), T.Pronounce, At("2022-06-03T18:00+02:00"),
            CaseFacts.Of(("endsMeasure", true), ("foreignerPresent", true))).Snapshot;
        var window = wz.Find(c, wz.Slot("prosecutor-window-from-pronouncement"))!;
        Assert.Equal(At("2022-06-04T04:00+02:00"), window.Due); // 10 h from the pronouncement, R.342-12
        var notified = wz.Fire(c, T.NotifyProsecutor, At("2022-06-03T19:00+02:00"));
        Assert.Equal(notified.Event.From, notified.Event.To);
        Assert.Empty(notified.Event.Armed);
    }
}
