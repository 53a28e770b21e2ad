using System.Globalization;
using Ceseda.Rules.Calendars;
using Ceseda.Workflows.CrashProbe;
using Ceseda.Workflows.Runtime;
using NodaTime;

// The crash probe of the runtime: runs CrashScript on the SQLite file of args[0] for args[1] cases
// (300 by default), printing one line per committed write. Run again after a kill, it resumes: the
// acts already stored come back as retries of their idempotency keys and write nothing.
if (args.Length is < 1 or > 2)
{
    await Console.Error.WriteLineAsync("usage: Ceseda.Workflows.CrashProbe <cases.db> [cases]");
    return 2;
}

var cases = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
var clock = new ScriptClock();
var runtime = new CaseRuntime($"Data Source={args[0]}", ProcedureRegistry.Catalogue, clock);
var output = Console.Out;

for (var step = 0; step < CrashScript.Steps; step++)
{
    for (var i = 0; i < cases; i++)
    {
        if (CrashScript.Act(i, step) is not { } act)
        {
            continue;
        }

        var id = CrashScript.CaseId(i);
        clock.Now = act.At;
        StoredCase current;
        try
        {
            current = await runtime.GetAsync(id);
        }
        catch (CaseStoreException e) when (e.Code == "case-unknown")
        {
            current = await runtime.StartAsync(CrashScript.Procedure, Territories.Metropole, CrashScript.Court, caseId: id);
            await Progress($"start {id}");
        }

        var write = await runtime.FireAsync(id, act.Trigger, act.At, act.Facts, current.Version, CrashScript.Key(i, step));
        await Progress($"{(write.IsRetry ? "retry" : "act")} {id} {act.Trigger} v{write.Version}");
    }

    clock.Now = CrashScript.AdvanceAt(step);
    var report = await runtime.AdvanceDueAsync(CrashScript.AdvanceAt(step));
    foreach (var write in report.Advanced)
    {
        await Progress($"expiry {write.CaseId} v{write.Version}");
    }

    if (report.Failed.Length > 0)
    {
        await Console.Error.WriteLineAsync($"{report.Failed.Length} cases could not be advanced: {report.Failed[0].Error.Message}");
        return 1;
    }
}

await Progress("done");
return 0;

async Task Progress(string line)
{
    await output.WriteLineAsync(line);
    await output.FlushAsync();
}

/// <summary>The runtime's own stamps: the instant the script is at.</summary>
internal sealed class ScriptClock : IClock
{
    public Instant Now { get; set; }

    public Instant GetCurrentInstant() => Now;
}
