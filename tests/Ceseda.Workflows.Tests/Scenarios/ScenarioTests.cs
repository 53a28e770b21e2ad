using Ceseda.Workflows.StateMachines;

namespace Ceseda.Workflows.Tests.Scenarios;

/// <summary>Replays each scenario golden file step by step: the state, deadlines, timeliness and
/// expiries after each step must be those worked out by hand in the file; the French timeline
/// must match its verified <c>.timeline.txt</c>; and the case must replay from its history and
/// survive a JSON round trip unchanged.</summary>
public sealed class ScenarioTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var path in Scenario.All())
        {
            data.Add(Path.GetRelativePath(Scenario.Root, path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scenario_ReplayedStepByStep_MatchesTheHandWorkedExpectations(string relativePath)
    {
        var path = Path.Combine(Scenario.Root, relativePath);
        var scenario = Scenario.Load(path);
        var procedure = scenario.Procedure;
        var initial = procedure.NewCase(scenario.Territory, scenario.Options);
        var snapshot = initial;
        var history = new List<CaseEvent>();
        foreach (var (step, n) in scenario.Steps.Select((s, i) => (s, i + 1)))
        {
            var where = $"{relativePath}, étape {n}";
            if (step.ExpectedError is { } code)
            {
                var error = Assert.Throws<ProcedureException>(() => procedure.Fire(snapshot, step.Trigger!, step.At, step.Facts));
                Assert.True(code == error.Code, $"{where}: expected error {code}, got {error.Code}: {error.Message}");
                continue;
            }

            var transition = step.Advance
                ? procedure.AdvanceTo(snapshot, step.At)
                : procedure.Fire(snapshot, step.Trigger!, step.At, step.Facts);
            snapshot = transition.Snapshot;
            history.AddRange(transition.Events);

            if (step.ExpectedState is { } state)
            {
                Assert.True(state == snapshot.State, $"{where}: expected state {state}, got {snapshot.State}");
            }

            foreach (var (slot, expiresAt) in step.ExpectedDeadlines)
            {
                var entry = procedure.Find(snapshot, procedure.Slot(slot));
                Assert.True(entry is not null, $"{where}: the deadline {slot} was never armed");
                Assert.True(expiresAt == entry!.Due, $"{where}: {slot} expires at {entry!.ExpiresAt}, expected {expiresAt}");
            }

            if (step.ExpectedTimely is { } timely)
            {
                var check = transition.Event.Check;
                Assert.True(check is not null, $"{where}: the act was not checked against a deadline");
                Assert.True(timely == check.Value.Timely, $"{where}: expected timely = {timely}, got {check.Value.Timely}");
            }

            var expiries = transition.Events.Where(e => e.Kind == CaseEventKind.Expiry).ToArray();
            if (!step.ExpectedExpiries.IsDefaultOrEmpty || step.Advance)
            {
                Assert.True(step.ExpectedExpiries.SequenceEqual(expiries.Select(e => e.Deadline!)),
                    $"{where}: expected expiries [{string.Join(", ", step.ExpectedExpiries)}], got [{string.Join(", ", expiries.Select(e => e.Deadline))}]");
            }

            foreach (var expiry in expiries)
            {
                var entry = snapshot.Deadlines.Last(d => d.Slot == expiry.Deadline);
                Assert.Equal(entry.Due, expiry.At);
            }
        }

        Assert.Equal(snapshot, procedure.Replay(initial, history));
        Assert.Equal(snapshot, CaseJson.ReadSnapshot(CaseJson.Write(snapshot), procedure));
        Assert.Equal(history, CaseJson.ReadHistory(CaseJson.Write(history), procedure));

        var timeline = $"{scenario.Title}\nSource : {scenario.Source}\n\n" + CaseTimeline.ToFrench(procedure, history, scenario.Territory.Zone);
        TextGolden.Verify(Path.ChangeExtension(path, ".timeline.txt"), timeline, "timeline");
    }
}
