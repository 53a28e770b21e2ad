using System.Diagnostics;
using System.Globalization;
using Ceseda.Rules.Calendars;
using Ceseda.Workflows.CrashProbe;
using Ceseda.Workflows.DependencyInjection;
using Ceseda.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

// The crash probe of the runtime: a host with AddCeseda on the store of args[0] (sqlite or postgres)
// and args[1] (its connection string) runs CrashScript for args[2] cases (300 by default), printing one
// line per committed write. The acts are fired by the probe; the deadlines are let pass by the host's
// durable timer (the Quartz job, every 100 ms, on the case store), the probe only moving the timer's
// clock to each step's AdvanceAt and waiting until nothing due by then is left. Run again after a
// kill, it resumes: the acts already stored come back as retries of their idempotency keys and write
// nothing, and the timer lets pass what the killed run left due.
// With args[3], "writes:N" or "expiries:N", the probe kills itself (SIGKILL) from another thread as soon
// as it has printed N committed writes (N expiries), wherever its writes then stand: the kill lands at
// about the same count on every run, however slowly the test reads the lines.
if (args.Length is < 2 or > 4 || args[0] is not ("sqlite" or "postgres")
    || (args.Length == 4 && !KillSwitch.TryParse(args[3])))
{
    await Console.Error.WriteLineAsync("usage: Ceseda.Workflows.CrashProbe sqlite|postgres <connection string> [cases [writes:N|expiries:N]]");
    return 2;
}

var cases = args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300;
var output = Console.Out;
var clock = new ScriptClock(CrashScript.AdvanceAt(0) - Duration.FromDays(1));
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders().AddProvider(new ExpiryLines(output));
builder.Services.AddSingleton<IClock>(clock).AddCeseda(o =>
{
    o.Provider = args[0] == "postgres" ? CaseStoreProvider.PostgreSql : CaseStoreProvider.Sqlite;
    o.ConnectionString = args[1];
    o.TimerInterval = CesedaOptions.MinTimerInterval;
});
using var host = builder.Build();
await host.StartAsync();
var runtime = host.Services.GetRequiredService<CaseRuntime>();

for (var step = 0; step < CrashScript.Steps; step++)
{
    for (var i = 0; i < cases; i++)
    {
        if (CrashScript.Act(i, step) is not { } act)
        {
            continue;
        }

        var id = CrashScript.CaseId(i);
        StoredCase current;
        try
        {
            current = await runtime.GetAsync(id);
        }
        catch (CaseStoreException e) when (e.Code == "case-unknown")
        {
            current = await runtime.StartAsync(CrashScript.Procedure, Territories.Metropole, CrashScript.Court, caseId: id);
            await Progress($"start {id}", committed: true);
        }

        var write = await runtime.FireAsync(id, act.Trigger, act.At, act.Facts, current.Version, CrashScript.Key(i, step));
        await Progress($"{(write.IsRetry ? "retry" : "act")} {id} {act.Trigger} v{write.Version}", committed: !write.IsRetry);
    }

    // The timer's turn: every deadline due by the step's AdvanceAt passes, through the Quartz job alone.
    var advanceAt = CrashScript.AdvanceAt(step);
    clock.Now = advanceAt;
    var until = DateTime.UtcNow.AddSeconds(45);
    while (true)
    {
        var due = await runtime.DueAsync(CrashScript.Court, Instant.FromUtc(2000, 1, 1, 0, 0), advanceAt + Duration.Epsilon);
        if (due.Unreadable.Length > 0)
        {
            await Console.Error.WriteLineAsync($"{due.Unreadable.Length} cases are unreadable: {due.Unreadable[0].Error.Message}");
            return 1;
        }

        var left = due.Items.Count(d => d.Kind == DueKind.Deadline);
        if (left == 0)
        {
            break;
        }

        if (DateTime.UtcNow > until)
        {
            await Console.Error.WriteLineAsync($"The timer left {left} deadlines due by {advanceAt} after 45 s.");
            return 1;
        }

        await Task.Delay(100);
    }
}

await host.StopAsync();
await Progress("done", committed: false);
return 0;

async Task Progress(string line, bool committed)
{
    await output.WriteLineAsync(line);
    await output.FlushAsync();
    if (committed)
    {
        KillSwitch.Written(expiry: false);
    }
}

/// <summary>Kills the probe once it has printed a given number of committed writes or of expiries.</summary>
internal static class KillSwitch
{
    private static int limit;
    private static bool expiries;
    private static int count;

    /// <summary>Reads "writes:N" or "expiries:N".</summary>
    public static bool TryParse(string text)
    {
        var parts = text.Split(':');
        expiries = parts[0] == "expiries";
        return parts.Length == 2 && parts[0] is "writes" or "expiries"
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit > 0;
    }

    /// <summary>Counts a committed write printed (an expiry, or an act or start); at the limit, kills the
    /// process from a thread of its own, started then, while the writes go on. Should that thread be
    /// late, the writes stop 20 lines past the limit to wait for it.</summary>
    public static void Written(bool expiry)
    {
        if (limit == 0 || (expiries && !expiry))
        {
            return;
        }

        var written = Interlocked.Increment(ref count);
        if (written == limit)
        {
            new Thread(() => Process.GetCurrentProcess().Kill()) { IsBackground = true }.Start();
        }
        else if (written >= limit + 20)
        {
            Thread.Sleep(Timeout.Infinite);
        }
    }
}

/// <summary>The runtime's clock: the timer lets pass what is due by it; the probe moves it.</summary>
internal sealed class ScriptClock(Instant start) : IClock
{
    private long ticks = start.ToUnixTimeTicks();

    public Instant Now
    {
        get => Instant.FromUnixTimeTicks(Interlocked.Read(ref ticks));
        set => Interlocked.Exchange(ref ticks, value.ToUnixTimeTicks());
    }

    public Instant GetCurrentInstant() => Now;
}

/// <summary>Prints one line per deadline the timer let pass (the job's event 4100, logged once the case is
/// committed), so that the kill can land while the timer runs. Nothing else is logged.</summary>
internal sealed class ExpiryLines(TextWriter output) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(output, categoryName.EndsWith("DeadlineTimerJob", StringComparison.Ordinal));

    public void Dispose()
    {
    }

    private sealed class Logger(TextWriter output, bool timer) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => timer;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!timer || state is not IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                return;
            }

            if (eventId.Id == 4100)
            {
                var values = fields.ToDictionary(f => f.Key, f => f.Value);
                output.WriteLine($"expiry {values["CaseId"]} {values["Deadline"]}");
                output.Flush();
                KillSwitch.Written(expiry: true);
            }
            else if (logLevel >= LogLevel.Error)
            {
                Console.Error.WriteLine(formatter(state, exception));
            }
        }
    }
}
