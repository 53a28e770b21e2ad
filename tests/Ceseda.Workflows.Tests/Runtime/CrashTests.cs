using System.Diagnostics;
using System.Globalization;
using Ceseda.Rules.Calendars;
using Ceseda.Workflows.CrashProbe;
using Ceseda.Workflows.Procedures;
using Ceseda.Workflows.Runtime;
using Ceseda.Workflows.StateMachines;
using Xunit.Abstractions;

namespace Ceseda.Workflows.Tests.Runtime;

/// <summary>Issue 5: the process is killed (SIGKILL) in the middle of a burst of acts and deadlines,
/// then restarted; no act is lost or stored twice, and every deadline due passes once, at its legal instant.</summary>
/// <remarks>The burst is the crash probe (tests/Ceseda.Workflows.CrashProbe, built with the solution): a host
/// with AddCeseda whose durable timer (the Quartz job, its store in the case store, clustered on PostgreSQL)
/// lets the deadlines pass, run as a child process on a SQLite file or a PostgreSQL schema and killed four
/// times: three times among the acts, the fourth while the deadline job
/// runs (it prints the deadlines it let pass). On PostgreSQL that job is then held by the dead node until the
/// restarted one finds that node dead and takes it over.
/// The store is then compared with the same script run in memory by the pure definition.</remarks>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Cases = 200;

    private static readonly ProcedureDefinition Definition = OrdinanceAppeal.Retention;

    [Theory]
    [InlineData(CaseStoreProvider.Sqlite)]
    [PostgresData]
    public async Task Burst_KilledFourTimesAndRestarted_EveryActAndExpiryStoredOnceAtItsLegalInstant(CaseStoreProvider provider)
    {
        using var store = new TempStore(provider);
        var watch = Stopwatch.StartNew();
        var committed = 0;
        var expiryLines = 0;
        // A fresh run prints 400 lines for step 0, 150 acts of step 1, then the 150 expiries of the timer's run.
        // Each run kills itself just after a number of committed writes of its own, the last one after its
        // first expiry line, whatever it is writing then; the lines it printed are all read.
        foreach (var (killAfter, atExpiry) in new[] { (20, false), (150, false), (60, false), (1, true) })
        {
            var run = await RunProbeAsync(store, killAfter, atExpiry);
            Assert.False(run.Finished, $"The probe finished before its kill after {killAfter} {(atExpiry ? "expiries" : "writes")} of its run; give it more cases.");
            committed += run.Committed;
            expiryLines += run.Expiries;
            output.WriteLine($"killed after {committed} committed writes ({run.Retries} retries answered from the store on this run, {run.Expiries} expiries), "
                + $"{watch.Elapsed.TotalSeconds:F1} s");
        }

        var last = await RunProbeAsync(store, killAfter: null, atExpiry: false);
        Assert.True(last.Finished, "The probe did not finish after its last restart.");
        committed += last.Committed;
        expiryLines += last.Expiries;
        output.WriteLine($"finished: {committed} committed writes seen, {last.Retries} retries and {last.Expiries} expiries on the last run, {watch.Elapsed.TotalSeconds:F1} s");

        var runtime = store.Runtime();
        var acts = 0;
        var expiries = 0;
        var states = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Cases; i++)
        {
            var id = CrashScript.CaseId(i);
            var (expected, events) = Expected(i);
            var stored = await runtime.GetAsync(id);
            var history = await runtime.HistoryAsync(id);

            Assert.Equal(expected.State, stored.Snapshot.State);
            Assert.Equal(expected, stored.Snapshot);
            Assert.Equal(events, history.ToArray());
            Assert.Equal(Enumerable.Range(1, events.Count).Select(n => (long)n), history.Select(e => e.Sequence));
            Assert.DoesNotContain(stored.Snapshot.Deadlines, d => d.Status == DeadlineStatus.Armed && d.Due <= CrashScript.End);

            var keys = store.Rows($"SELECT key FROM idempotency_keys WHERE case_id = '{id}' ORDER BY key").Select(r => (string)r[0]);
            var scripted = Enumerable.Range(0, CrashScript.Steps).Where(s => CrashScript.Act(i, s) is not null).Select(s => CrashScript.Key(i, s));
            Assert.Equal(scripted, keys);
            states[stored.Snapshot.State] = states.GetValueOrDefault(stored.Snapshot.State) + 1;
            acts += history.Count(e => e.Kind == CaseEventKind.Act);
            expiries += history.Count(e => e.Kind == CaseEventKind.Expiry);
        }

        Assert.Equal(acts + expiries, store.Scalar("SELECT count(*) FROM case_events"));
        Assert.Equal(acts, store.Scalar("SELECT count(*) FROM idempotency_keys"));
        Assert.True(expiries >= Cases / 2, $"The script let only {expiries} deadlines pass; it should exercise the timers.");

        // The probe passes no deadline itself: the expiries are the timer's, each reported at most once (a kill
        // during a run of the job loses the lines of what that run had committed).
        Assert.InRange(expiryLines, 1, expiries);
        Assert.Equal(4, states.Count);
        output.WriteLine($"{Cases} cases: {acts} acts and {expiries} expiries, each stored once, as the in-memory run has them");
        output.WriteLine("final states: " + string.Join(", ", states.Select(s => $"{s.Key} {s.Value}")));
    }

    /// <summary>The case after the script, and its events, run in memory by the pure definition.</summary>
    private static (CaseSnapshot Snapshot, List<CaseEvent> Events) Expected(int index)
    {
        var snapshot = Definition.NewCase(Territories.Metropole);
        var events = new List<CaseEvent>();
        for (var step = 0; step < CrashScript.Steps; step++)
        {
            if (CrashScript.Act(index, step) is { } act)
            {
                var fired = Definition.Fire(snapshot, act.Trigger, act.At, act.Facts);
                events.AddRange(fired.Events);
                snapshot = fired.Snapshot;
            }

            var advanced = Definition.AdvanceTo(snapshot, CrashScript.AdvanceAt(step));
            events.AddRange(advanced.Events);
            snapshot = advanced.Snapshot;
        }

        return (snapshot, events);
    }

    /// <summary>Runs the probe, which kills itself (SIGKILL) just after it has printed <paramref name="killAfter"/>
    /// committed writes (expiries, when <paramref name="atExpiry"/>), or lets it finish when null; reads every
    /// line it printed.</summary>
    private static async Task<(bool Finished, int Committed, int Retries, int Expiries)> RunProbeAsync(TempStore store, int? killAfter, bool atExpiry)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ProbePath());
        start.ArgumentList.Add(store.Provider == CaseStoreProvider.PostgreSql ? "postgres" : "sqlite");
        start.ArgumentList.Add(store.ConnectionString);
        start.ArgumentList.Add(Cases.ToString(CultureInfo.InvariantCulture));
        if (killAfter is { } limit)
        {
            start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"{(atExpiry ? "expiries" : "writes")}:{limit}"));
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var committed = 0;
        var retries = 0;
        var expiries = 0;
        var finished = false;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line == "done")
                {
                    finished = true;
                }
                else if (line.StartsWith("retry ", StringComparison.Ordinal))
                {
                    retries++;
                }
                else
                {
                    committed++;
                    expiries += line.StartsWith("expiry ", StringComparison.Ordinal) ? 1 : 0;
                }
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        await process.WaitForExitAsync(timeout.Token);
        // A probe killed by its switch ends on SIGKILL (137); one that finished first is reported by the caller.
        Assert.True(process.ExitCode == (killAfter is null || finished ? 0 : 137), $"The probe exited with {process.ExitCode}: {await errors}");

        return (finished, committed, retries, expiries);
    }

    /// <summary>The probe's dll, built by the solution build in the same configuration as this assembly.</summary>
    private static string ProbePath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var tests = output.Parent.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(tests, "Ceseda.Workflows.CrashProbe", "bin", configuration, output.Name, "Ceseda.Workflows.CrashProbe.dll");
        Assert.True(File.Exists(path), $"The crash probe is not built at {path}; build Ceseda.sln first.");
        return path;
    }
}
