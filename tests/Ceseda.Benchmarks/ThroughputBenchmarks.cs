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
}
