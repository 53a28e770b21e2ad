using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Benchmarks;

/// <summary>Target 3: 1,000,000 retention.appeal evaluations over random instants and all
/// thirteen territories, on one thread. The reported mean is the time of the whole million.</summary>
[MemoryDiagnoser]
public class ThroughputBenchmarks
{
    /// <summary>Evaluations per invocation.</summary>
    public const int Count = 1_000_000;

    private Instant[] instants = [];
    private Territory[] territories = [];
    private DeadlineRule appeal = DetentionDeadlines.Appeal;

    /// <summary>A million instants (2 March 2005 to 2035) and a million territories.</summary>
    [GlobalSetup]
    public void Setup()
    {
        instants = Workload.AppealInstants(Count);
        territories = [.. Workload.TerritoryIndexes(Count).Select(i => Territories.All[i])];
        appeal = DetentionDeadlines.Appeal;
    }

    /// <summary>A million evaluations, no explanation.</summary>
    [Benchmark]
    public long MillionAppealsAllTerritories()
    {
        var sum = 0L;
        var starts = instants;
        var places = territories;
        for (var i = 0; i < starts.Length; i++)
        {
            sum ^= appeal.Compute(new DeadlineRequest(places[i], starts[i])).ExpiresAt.ToInstant().ToUnixTimeTicks();
        }

        return sum;
    }

    /// <summary>Target 3 without BenchmarkDotNet, for a machine shared with other work: runs
    /// <see cref="MillionAppealsAllTerritories"/> <paramref name="rounds"/> times after warm-up
    /// rounds (at least five, and at least 5 s: the tiered JIT's final code for the loop took
    /// up to 13 rounds to arrive) and prints the process's CPU time and the wall-clock time of a
    /// round (min, median). CPU time leaves out the time the process waits for a core.</summary>
    public static void RunWithCpuTime(int rounds)
    {
        var benchmark = new ThroughputBenchmarks();
        benchmark.Setup();
        var process = Process.GetCurrentProcess();
        var cpu = new List<double>();
        var wall = new List<double>();
        var sum = 0L;
        var warmUp = Stopwatch.StartNew();
        for (var round = -5; round < rounds; round++)
        {
            if (round == 0 && warmUp.Elapsed < TimeSpan.FromSeconds(5))
            {
                round = -1;
            }

            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            sum ^= benchmark.MillionAppealsAllTerritories();
            clock.Stop();
            process.Refresh();
            if (round >= 0)
            {
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                wall.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        cpu.Sort();
        wall.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Count:N0} retention.appeal, {rounds} rounds: CPU min {cpu[0]:F1} ms, median {cpu[rounds / 2]:F1} ms; wall min {wall[0]:F1} ms, median {wall[rounds / 2]:F1} ms (checksum {sum})"));
    }
}
