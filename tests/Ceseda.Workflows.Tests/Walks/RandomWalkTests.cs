using Ceseda.Rules.Time;
using Ceseda.Workflows.Procedures;
using Ceseda.Workflows.StateMachines;

namespace Ceseda.Workflows.Tests.Walks;

/// <summary>Random valid walks through every procedure (Bogus, fixed seeds), with the invariants
/// checked at every step: a closed window never reopens; every timed transition fires at exactly
/// its rule's instant; the history replays to the same snapshot and survives JSON.</summary>
public sealed class RandomWalkTests
{
    private const int WalksPerProcedure = 150;

    public static TheoryData<string> Procedures()
    {
        var data = new TheoryData<string>();
        foreach (var definition in ProcedureCatalogue.All)
        {
            data.Add(definition.Key.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Procedures))]
    public void RandomWalks_KeepTheInvariants(string id)
    {
        var definition = ProcedureCatalogue.Find(id)!;
        var walker = new RandomWalker(definition, seed: 20261122);
        var expiries = 0;
        var lateActs = 0;
        var steps = 0;
        for (var n = 0; n < WalksPerProcedure; n++)
        {
            var (initial, final, history) = walker.Walk(14, step =>
            {
                steps++;
                CheckStep(definition, step);
                expiries += step.Transition.Events.Count(e => e.Kind == CaseEventKind.Expiry);
                lateActs += step.Transition.Events.Count(e => e.Check is { Timely: false });
            });

            Assert.Equal(final, definition.Replay(initial, history));
            Assert.Equal(final, CaseJson.ReadSnapshot(CaseJson.Write(final), definition));
            Assert.Equal(history, CaseJson.ReadHistory(CaseJson.Write(history), definition));
        }

        // The walks must reach the interesting paths, or they prove little.
        Assert.True(steps > WalksPerProcedure * 2, $"{id}: only {steps} steps in {WalksPerProcedure} walks");
        Assert.True(expiries > 0, $"{id}: no deadline passed in {WalksPerProcedure} walks");
        if (definition.Transitions.Any(t => t.Kind == TransitionKind.Within && t.Destination != t.LateDestination))
        {
            Assert.True(lateActs > 0, $"{id}: no late act in {WalksPerProcedure} walks");
        }
    }

    private static void CheckStep(ProcedureDefinition definition, WalkStep step)
    {
        var before = step.Before;
        var after = step.Transition.Snapshot;
        var events = step.Transition.Events;

        // The history grows one event at a time, in the order of legal instants.
        Assert.Equal(before.Sequence + events.Length, after.Sequence);
        var previous = before.LastEventAt;
        foreach (var e in events)
        {
            Assert.True(previous is null || e.At >= previous, $"{e} comes before {previous}");
            previous = e.At;
        }

        // A closed window never reopens: entries are only appended, and an expired or closed one never changes.
        Assert.True(after.Deadlines.Length >= before.Deadlines.Length);
        for (var i = 0; i < before.Deadlines.Length; i++)
        {
            var (was, now) = (before.Deadlines[i], after.Deadlines[i]);
            // A running deadline may be kept by the state entered (Keeps): its owner changes, nothing else.
            Assert.Equal(was with { Status = now.Status, Owner = now.Owner }, now);
            Assert.True(was.Owner == now.Owner || (was.Status, now.Status) == (DeadlineStatus.Armed, DeadlineStatus.Armed));
            Assert.True(was.Status == DeadlineStatus.Armed || was.Status == now.Status, $"{was.Slot} went from {was.Status} to {now.Status}");
        }

        // Every deadline is the rule's, and every timed transition fires at exactly its instant.
        foreach (var entry in after.Deadlines.Skip(before.Deadlines.Length))
        {
            var slot = definition.Slot(entry.Slot);
            var start = entry.StartDate is { } day ? DeadlineStart.On(day) : DeadlineStart.At(entry.Start);
            var versionDate = slot.VersionFact is { } fact ? after.Facts.Date(fact) : null;
            var expected = slot.Rule.Compute(new DeadlineRequest(after.Territory, start) { Rank = slot.Rank, VersionDate = versionDate }, after.Options);
            Assert.Equal(expected.ExpiresAt, entry.ExpiresAt);
        }

        foreach (var expiry in events.Where(e => e.Kind == CaseEventKind.Expiry))
        {
            var entry = after.Deadlines.Last(d => d.Slot == expiry.Deadline && d.Status == DeadlineStatus.Expired && d.Due == expiry.At);
            Assert.Equal(entry.ExpiresAt.ToInstant(), expiry.At);
        }

        // No armed deadline is overdue after an act: those due before it passed first.
        if (!step.Advance)
        {
            Assert.All(after.Deadlines.Where(d => d.Status == DeadlineStatus.Armed), d => Assert.True(d.Due >= step.Transition.Event.At));
        }

        // Open tasks belong to the current state or its superstates.
        Assert.All(after.OpenTasks, t => Assert.True(definition.IsIn(after, t.Owner), $"task {t.Id} of {t.Owner} open in {after.State}"));
    }
}
