using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Ceseda.Rules.Calendars;
using Ceseda.Workflows.DependencyInjection;
using Ceseda.Workflows.Runtime;
using Ceseda.Workflows.Runtime.Timers;
using Ceseda.Workflows.StateMachines;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Npgsql;

namespace Ceseda.Benchmarks;

/// <summary>The load harness of the runtime's targets (issue 5): persisted transitions per second,
/// memory with many armed deadlines, and the timer's lateness at a given rate of deadlines.</summary>
/// <remarks>
/// <code>
/// runtime-load throughput sqlite|postgres [--writers 4] [--cases 2000] [--connection CS]
/// runtime-load fill       sqlite|postgres --cases 1000000 [--connection CS]   (prints the store to reuse)
/// runtime-load memory     sqlite|postgres --connection CS [--courts 100]
/// runtime-load lateness   sqlite|postgres [--rate 1000] [--seconds 20] [--period-ms 250] [--timer loop|quartz] [--connection CS]
/// </code>
/// SQLite uses a new file in a temporary directory unless <c>--connection</c> is given; PostgreSQL
/// needs <c>--connection</c> (e.g. from <c>eng/postgres.sh start</c>) and works in a new schema of its own.
/// </remarks>
internal static class RuntimeLoad
{
    private const string Appeal = "retention.ordinance-appeal";

    // A Wednesday without a DST change in Europe/Paris: a pronouncement on Tuesday arms a 24 h window
    // ending on Wednesday at the same hour, with no prorogation.
    private static readonly Instant Tuesday = Instant.FromUtc(2025, 3, 11, 9, 0);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            await Console.Error.WriteLineAsync("usage: runtime-load throughput|fill|memory|lateness sqlite|postgres [options]").ConfigureAwait(false);
            return 2;
        }

        var provider = args[1] switch
        {
            "sqlite" => CaseStoreProvider.Sqlite,
            "postgres" => CaseStoreProvider.PostgreSql,
            _ => throw new ArgumentException($"Unknown provider '{args[1]}'; use sqlite or postgres."),
        };
        var options = Options(args.AsSpan(2));
        Console.WriteLine($"runtime-load {args[0]} {args[1]}: {Environment.ProcessorCount} cores, "
            + $"load average {LoadAverage()}, {DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture)}");
        switch (args[0])
        {
            case "throughput":
                await ThroughputAsync(Store(provider, options), Int(options, "writers", 4), Int(options, "cases", 2_000)).ConfigureAwait(false);
                return 0;
            case "fill":
                await FillAsync(Store(provider, options), Int(options, "cases", 1_000_000), Int(options, "courts", 100)).ConfigureAwait(false);
                return 0;
            case "memory":
                await MemoryAsync(new LoadStore(provider, options["connection"], null), Int(options, "courts", 100)).ConfigureAwait(false);
                return 0;
            case "lateness":
                await LatenessAsync(Store(provider, options), Int(options, "rate", 1_000), Int(options, "seconds", 20), Int(options, "period-ms", 250),
                    options.GetValueOrDefault("timer", "loop") switch
                    {
                        "loop" => false,
                        "quartz" => true,
                        var other => throw new ArgumentException($"Unknown --timer '{other}'; use loop or quartz."),
                    }).ConfigureAwait(false);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown runtime-load mode '{args[0]}'.").ConfigureAwait(false);
                return 2;
        }
    }

    /// <summary>Writers each drive their own cases through four acts (pronouncement, appeal, hearing,
    /// ruling), one <see cref="CaseRuntime.FireAsync"/> after the other; the cases are started before the clock starts.</summary>
    private static async Task ThroughputAsync(LoadStore store, int writers, int cases)
    {
        var clock = new LoadClock();
        var runtime = store.Runtime(clock);
        var ids = Enumerable.Range(0, cases).Select(i => $"tp-{i}").ToArray();
        await ForEachAsync(ids, writers, id => runtime.StartAsync(Appeal, Territories.Metropole, "CA Paris", caseId: id)).ConfigureAwait(false);

        var acts = new (string Trigger, Duration After, CaseFacts Facts)[]
        {
            ("Pronounce", Duration.Zero, CaseFacts.Of(("endsMeasure", false), ("foreignerPresent", true))),
            ("LodgeAppeal", Duration.FromHours(4), CaseFacts.Of(("appellant", "prefect"))),
            ("HoldHearing", Duration.FromHours(20), CaseFacts.Empty),
            ("Rule", Duration.FromHours(30), CaseFacts.Empty),
        };
        var latencies = new ConcurrentBag<double>();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        await ForEachAsync(ids, writers, async id =>
        {
            var version = 1L;
            foreach (var (trigger, after, facts) in acts)
            {
                var started = Stopwatch.GetTimestamp();
                var write = await runtime.FireAsync(id, trigger, Tuesday + after, facts, version).ConfigureAwait(false);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                version = write.Version;
            }
        }).ConfigureAwait(false);
        stopwatch.Stop();
        process.Refresh();
        cpu = process.TotalProcessorTime - cpu;

        var transitions = cases * acts.Length;
        var events = store.Scalar("SELECT count(*) FROM case_events");
        var sorted = latencies.Order().ToArray();
        Console.WriteLine($"  {transitions:N0} acts persisted by {writers} writers in {stopwatch.Elapsed.TotalSeconds:F2} s: "
            + $"{transitions / stopwatch.Elapsed.TotalSeconds:N0} transitions/s ({events:N0} events stored)");
        Console.WriteLine($"  FireAsync latency: median {Percentile(sorted, 0.50):F2} ms, p99 {Percentile(sorted, 0.99):F2} ms, max {sorted[^1]:F2} ms");
        Console.WriteLine($"  CPU of this process: {cpu.TotalSeconds:F2} s ({cpu.TotalMilliseconds * 1000 / transitions:F0} µs per act; "
            + $"{cpu.TotalSeconds / stopwatch.Elapsed.TotalSeconds:F2} cores busy on average)");
        store.Drop();
    }

    /// <summary>Stores one pronounced case through the runtime, then copies it <paramref name="cases"/>
    /// times in SQL (new ids, spread over courts), each with the same armed 24 h window.</summary>
    private static async Task FillAsync(LoadStore store, int cases, int courts)
    {
        var clock = new LoadClock();
        var runtime = store.Runtime(clock);
        var template = await runtime.StartAsync(Appeal, Territories.Metropole, "CA Paris", caseId: "template").ConfigureAwait(false);
        await runtime.FireAsync("template", "Pronounce", Tuesday, CaseFacts.Of(("endsMeasure", false), ("foreignerPresent", true)), template.Version)
            .ConfigureAwait(false);
        var stopwatch = Stopwatch.StartNew();
        var series = store.Provider == CaseStoreProvider.Sqlite
            ? $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {cases}) "
            : $"WITH n(i) AS (SELECT generate_series(1, {cases})) ";
        var (id, court) = store.Provider == CaseStoreProvider.Sqlite ? ("i", $"(i % {courts})") : ("i::text", $"(i % {courts})::text");
        store.Execute(series
            + "INSERT INTO cases (id, procedure_id, procedure_version, territory, court, state, version, snapshot_json, next_due, opened_at, updated_at, "
            + "listed_from) "
            + $"SELECT 'mem-' || {id}, procedure_id, procedure_version, territory, 'TJ ' || {court}, "
            + "state, version, snapshot_json, next_due, opened_at, updated_at, listed_from FROM n, cases WHERE cases.id = 'template'");
        var armed = store.Scalar("SELECT count(*) FROM cases WHERE next_due IS NOT NULL");
        Console.WriteLine($"  {armed:N0} cases with an armed deadline stored in {stopwatch.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"  store: {store.ConnectionString}");
    }

    /// <summary>Opens a filled store in a fresh process and does what a node does, reporting the
    /// process's working set after each step.</summary>
    private static async Task MemoryAsync(LoadStore store, int courts)
    {
        var clock = new LoadClock();
        var armed = store.Scalar("SELECT count(*) FROM cases WHERE next_due IS NOT NULL");
        var nextDue = Instant.FromUnixTimeTicks(store.Scalar("SELECT min(next_due) FROM cases"));
        Console.WriteLine($"  store: {armed:N0} cases with an armed deadline, the first due at {nextDue}");
        Report("start");
        var runtime = store.Runtime(clock);
        await runtime.EnsureSchemaAsync().ConfigureAwait(false);
        Report("runtime ready");

        var before = nextDue - Duration.FromMinutes(1);
        for (var run = 0; run < 60; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var report = await runtime.AdvanceDueAsync(before + Duration.FromSeconds(run)).ConfigureAwait(false);
            if (run == 0 || run == 59)
            {
                Console.WriteLine($"  timer run {run + 1}: {report.Advanced.Length} advanced in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms");
            }
        }

        Report("60 timer runs (nothing due yet)");
        for (var court = 0; court < 10; court++)
        {
            var started = Stopwatch.GetTimestamp();
            var listing = await runtime.DueAsync($"TJ {court}", nextDue - Duration.FromDays(1), nextDue + Duration.FromDays(1)).ConfigureAwait(false);
            if (court == 0)
            {
                Console.WriteLine($"  listing of one court: {listing.Items.Length:N0} items in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
            }
        }

        Report($"10 court listings (1/{courts} of the cases each)");
        var quiet = Stopwatch.GetTimestamp();
        var early = await runtime.DueAsync("TJ 0", nextDue - Duration.FromDays(3), nextDue - Duration.FromDays(2)).ConfigureAwait(false);
        Console.WriteLine($"  listing of the same court on a day before anything falls due: {early.Items.Length:N0} items in "
            + $"{Stopwatch.GetElapsedTime(quiet).TotalMilliseconds:F1} ms");
        for (var i = 1; i <= 1_000; i++)
        {
            var id = $"mem-{i * 997 % Math.Max(1, armed - 1) + 1}";
            var stored = await runtime.GetAsync(id).ConfigureAwait(false);
            await runtime.FireAsync(id, "LodgeAppeal", Tuesday + Duration.FromHours(2), CaseFacts.Of(("appellant", "prefect")), stored.Version)
                .ConfigureAwait(false);
        }

        Report("1,000 acts on random cases");
        GC.Collect();
        Report("after a full GC");
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"  peak working set: {process.PeakWorkingSet64 / 1048576.0:F0} MiB");
    }

    /// <summary>Arms <paramref name="rate"/> × <paramref name="seconds"/> deadlines falling due
    /// <paramref name="rate"/> a second, then lets a timer run every <paramref name="periodMs"/> ms (the
    /// default <c>TimerInterval</c>) on a clock that maps the wall clock onto the legal time line: a loop
    /// calling what the Quartz job calls, or, with <paramref name="quartz"/>, the job itself in a host
    /// with <c>AddCeseda</c> (its store in the case store, clustered on PostgreSQL).</summary>
    private static async Task LatenessAsync(LoadStore store, int rate, int seconds, int periodMs, bool quartz)
    {
        var clock = new LoadClock();
        var runtime = store.Runtime(clock);
        var count = rate * seconds;
        var spacing = Duration.FromTicks(TimeSpan.TicksPerSecond / rate);
        var setup = Stopwatch.StartNew();
        await ForEachAsync(Enumerable.Range(0, count).ToArray(), 4, async i =>
        {
            var id = $"late-{i}";
            var started = await runtime.StartAsync(Appeal, Territories.Metropole, "CA Paris", caseId: id).ConfigureAwait(false);
            await runtime.FireAsync(id, "Pronounce", Tuesday + spacing * i, CaseFacts.Of(("endsMeasure", false), ("foreignerPresent", true)), started.Version)
                .ConfigureAwait(false);
        }).ConfigureAwait(false);
        var firstDue = Instant.FromUnixTimeTicks(store.Scalar("SELECT min(next_due) FROM cases"));
        var lastDue = Instant.FromUnixTimeTicks(store.Scalar("SELECT max(next_due) FROM cases"));
        Console.WriteLine($"  {count:N0} deadlines armed in {setup.Elapsed.TotalSeconds:F1} s, due from {firstDue} to {lastDue} ({rate:N0}/s)");

        // The legal time line starts 3 s before the first deadline, and runs with the wall clock.
        clock.Start(firstDue - Duration.FromSeconds(3));
        if (quartz)
        {
            await QuartzLatenessAsync(store, clock, periodMs, count).ConfigureAwait(false);
            return;
        }

        var runs = new List<(Instant Now, double Ms, int Advanced)>();
        var jobLateness = new List<double>();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(periodMs));
        while (await timer.WaitForNextTickAsync().ConfigureAwait(false))
        {
            var now = clock.GetCurrentInstant();
            var started = Stopwatch.GetTimestamp();
            var report = await runtime.AdvanceDueAsync(now).ConfigureAwait(false);
            runs.Add((now, Stopwatch.GetElapsedTime(started).TotalMilliseconds, report.Advanced.Length));
            jobLateness.AddRange(report.Advanced.SelectMany(w => w.Events.Where(e => e.Kind == CaseEventKind.Expiry).Select(e => (w.WrittenAt - e.At).TotalSeconds)));
            if (now > lastDue && report.Advanced.IsEmpty && report.Failed.IsEmpty)
            {
                break;
            }
        }

        var written = WrittenLateness(store);
        var job = jobLateness.Order().ToArray();
        Console.WriteLine($"  {runs.Count} timer runs every {periodMs} ms; expiries: {job.Length:N0} reported, {written.Length:N0} stored");
        Console.WriteLine($"  busiest run: {runs.Max(r => r.Advanced):N0} cases in {runs.Max(r => r.Ms):N0} ms; "
            + $"advance rate {runs.Sum(r => r.Advanced) / (runs.Sum(r => r.Ms) / 1000):N0} cases/s while running");
        Console.WriteLine($"  lateness as ceseda.timer.lateness records it (CaseWrite.WrittenAt - legal instant): "
            + $"p50 {Percentile(job, 0.50):F3} s, p99 {Percentile(job, 0.99):F3} s, max {job[^1]:F3} s");
        Console.WriteLine($"  lateness at the write (updated_at - legal instant): "
            + $"p50 {Percentile(written, 0.50):F3} s, p99 {Percentile(written, 0.99):F3} s, max {written[^1]:F3} s");
        store.Drop();
    }

    /// <summary>The deadline job of a host with <c>AddCeseda</c> lets the armed deadlines pass, every
    /// <paramref name="periodMs"/> ms, until all <paramref name="expected"/> expiries are stored; its metrics
    /// are read with a <see cref="MeterListener"/>.</summary>
    private static async Task QuartzLatenessAsync(LoadStore store, IClock clock, int periodMs, int expected)
    {
        var lateness = new ConcurrentQueue<double>();
        var runs = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CesedaTelemetry.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (instrument.Name == CesedaTelemetry.TimerLateness)
            {
                lateness.Enqueue(value);
            }
        });
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == CesedaTelemetry.TimerRuns)
            {
                Interlocked.Add(ref runs, value);
            }
        });
        listener.Start();

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(clock).AddCeseda(o =>
        {
            o.Provider = store.Provider;
            o.ConnectionString = store.ConnectionString;
            o.TimerInterval = Duration.FromMilliseconds(periodMs);
        });
        using var host = builder.Build();
        var watch = Stopwatch.StartNew();
        await host.StartAsync().ConfigureAwait(false);
        long stored;
        while ((stored = store.Scalar("SELECT count(*) FROM case_events WHERE kind = 'expiry'")) < expected && watch.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(500).ConfigureAwait(false);
        }

        await host.StopAsync().ConfigureAwait(false);
        var written = WrittenLateness(store);
        var metric = lateness.Order().ToArray();
        Console.WriteLine($"  the Quartz job every {periodMs} ms in a host with AddCeseda: {Interlocked.Read(ref runs)} runs in {watch.Elapsed.TotalSeconds:F1} s; "
            + $"expiries: {metric.Length:N0} recorded by the metric, {stored:N0} stored of {expected:N0}");
        Console.WriteLine($"  ceseda.timer.lateness: p50 {Percentile(metric, 0.50):F3} s, p99 {Percentile(metric, 0.99):F3} s, max {metric[^1]:F3} s");
        Console.WriteLine($"  lateness at the write (updated_at - legal instant): "
            + $"p50 {Percentile(written, 0.50):F3} s, p99 {Percentile(written, 0.99):F3} s, max {written[^1]:F3} s");
        store.Drop();
    }

    /// <summary>For each stored expiry, the runtime's stamp of its write (<c>updated_at</c>, the case's last
    /// write) minus its legal instant, in seconds, in order.</summary>
    private static double[] WrittenLateness(LoadStore store) =>
        store.Pairs("SELECT c.updated_at, e.at FROM case_events e JOIN cases c ON c.id = e.case_id WHERE e.kind = 'expiry'")
            .Select(p => (Instant.FromUnixTimeTicks(p.A) - Instant.FromUnixTimeTicks(p.B)).TotalSeconds).Order().ToArray();

    private static async Task ForEachAsync<T>(IReadOnlyList<T> items, int writers, Func<T, Task> body)
    {
        var next = -1;
        var tasks = Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < items.Count)
            {
                await body(items[i]).ConfigureAwait(false);
            }
        }));
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static void Report(string step)
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"  {step}: working set {process.WorkingSet64 / 1048576.0:F0} MiB, "
            + $"managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MiB");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static LoadStore Store(CaseStoreProvider provider, Dictionary<string, string> options)
    {
        if (provider == CaseStoreProvider.Sqlite)
        {
            var path = options.TryGetValue("connection", out var given) ? null : Path.Combine(Directory.CreateTempSubdirectory("ceseda-load").FullName, "cases.db");
            return new LoadStore(provider, given ?? $"Data Source={path}", null);
        }

        var server = options.TryGetValue("connection", out var cs) ? cs
            : throw new ArgumentException("PostgreSQL needs --connection (e.g. the output of eng/postgres.sh start).");
        var schema = "load_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE SCHEMA {schema}";
            command.ExecuteNonQuery();
        }

        return new LoadStore(provider, new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, MaxPoolSize = 50 }.ConnectionString, schema);
    }

    private static Dictionary<string, string> Options(ReadOnlySpan<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }

    private static int Int(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The runtime's clock: the wall clock by default; after <see cref="Start"/>, the legal
    /// instant given plus the time elapsed since.</summary>
    private sealed class LoadClock : IClock
    {
        private Instant origin = Instant.FromUnixTimeTicks(DateTimeOffset.UtcNow.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks);
        private long started = Stopwatch.GetTimestamp();

        public void Start(Instant legal)
        {
            origin = legal;
            started = Stopwatch.GetTimestamp();
        }

        public Instant GetCurrentInstant() => origin + Duration.FromTimeSpan(Stopwatch.GetElapsedTime(started));
    }

    private sealed class LoadStore(CaseStoreProvider provider, string connectionString, string? schema)
    {
        public CaseStoreProvider Provider { get; } = provider;

        public string ConnectionString { get; } = connectionString;

        public CaseRuntime Runtime(IClock clock) => new(Provider, ConnectionString, ProcedureRegistry.Catalogue, clock);

        public void Execute(string sql)
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 3600;
            command.ExecuteNonQuery();
        }

        public long Scalar(string sql)
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        public List<(long A, long B)> Pairs(string sql)
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var pairs = new List<(long, long)>();
            while (reader.Read())
            {
                pairs.Add((reader.GetInt64(0), reader.GetInt64(1)));
            }

            return pairs;
        }

        /// <summary>Drops the PostgreSQL schema of the run; SQLite files stay in the temporary directory.</summary>
        public void Drop()
        {
            if (schema is not null)
            {
                Execute($"DROP SCHEMA {schema} CASCADE");
            }
        }

        private DbConnection Open()
        {
            DbConnection connection = Provider == CaseStoreProvider.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
            connection.Open();
            return connection;
        }
    }
}
