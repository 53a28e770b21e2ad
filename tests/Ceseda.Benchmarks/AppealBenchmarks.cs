using BenchmarkDotNet.Attributes;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Explanations;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Benchmarks;

/// <summary>Targets 1 and 2: one retention.appeal evaluation in metropole, against a NodaTime
/// baseline written by hand, without and with the explanation captured.</summary>
/// <remarks>Each invocation runs the same 1024 random instants (2 March 2005 to 2035, to the
/// minute) and the reported figures are per evaluation (<c>OperationsPerInvoke</c>).</remarks>
[MemoryDiagnoser]
public class AppealBenchmarks
{
    /// <summary>Instants per invocation.</summary>
    public const int Count = 1024;

    private Instant[] instants = [];
    private HashSet<LocalDate> holidays = [];
    private DateTimeZone zone = DateTimeZone.Utc;
    private Territory metropole = Territories.Metropole;
    private DeadlineRule appeal = DetentionDeadlines.Appeal;

    /// <summary>Builds the instants and the holiday set, and checks the baseline and the engine
    /// agree (they may only differ on ends in a DST overlap or gap).</summary>
    [GlobalSetup]
    public void Setup()
    {
        instants = Workload.AppealInstants(Count);
        holidays = Workload.MetropoleHolidays(2005, 2036);
        metropole = Territories.Metropole;
        zone = metropole.Zone;
        appeal = DetentionDeadlines.Appeal;

        var differences = 0;
        foreach (var start in instants)
        {
            var engine = appeal.Compute(new DeadlineRequest(metropole, start)).ExpiresAt.ToInstant();
            if (engine != Baseline(start, zone, holidays).ToInstant())
            {
                differences++;
            }
        }

        if (differences > 2)
        {
            throw new InvalidOperationException($"The NodaTime baseline and the engine disagree on {differences} of {Count} instants.");
        }
    }

    /// <summary>Hand-written NodaTime: 24 hours on the court's clock, resolved leniently in the
    /// zone; past a Saturday, Sunday or holiday, the same hour of the first working day.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public long NodaTimeBaseline()
    {
        var sum = 0L;
        foreach (var start in instants)
        {
            sum ^= Baseline(start, zone, holidays).ToInstant().ToUnixTimeTicks();
        }

        return sum;
    }

    /// <summary>Target 1: <c>DetentionDeadlines.Appeal.Compute(request)</c>, no explanation.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public long Engine()
    {
        var sum = 0L;
        foreach (var start in instants)
        {
            sum ^= appeal.Compute(new DeadlineRequest(metropole, start)).ExpiresAt.ToInstant().ToUnixTimeTicks();
        }

        return sum;
    }

    /// <summary>Target 2: the same with a new <see cref="Explanation"/> captured (not rendered).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public long EngineWithExplanation()
    {
        var sum = 0L;
        foreach (var start in instants)
        {
            var result = appeal.Compute(new DeadlineRequest(metropole, start), null, new Explanation());
            sum ^= result.ExpiresAt.ToInstant().ToUnixTimeTicks() + result.Explanation!.Steps.Count;
        }

        return sum;
    }

    /// <summary>The baseline computation.</summary>
    public static ZonedDateTime Baseline(Instant start, DateTimeZone zone, HashSet<LocalDate> holidays)
    {
        var local = start.InZone(zone).LocalDateTime.PlusHours(24);
        var end = zone.AtLeniently(local);
        var date = end.Date;
        if (IsWorkingDay(date, holidays))
        {
            return end;
        }

        do
        {
            date = date.PlusDays(1);
        }
        while (!IsWorkingDay(date, holidays));

        return zone.AtLeniently(date.At(local.TimeOfDay));
    }

    private static bool IsWorkingDay(LocalDate date, HashSet<LocalDate> holidays) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !holidays.Contains(date);
}
