using System.Diagnostics;
using System.Globalization;

namespace Ceseda.Benchmarks;

/// <summary>Whether a measurement fell in one of the machine's slow spells: rounds of the full appeal
/// case, of the hand-written baseline of <c>Fire</c> and of fixed arithmetic that allocates nothing,
/// taken in turn for <c>SECONDS</c>, so that the three run under the same conditions.</summary>
/// <remarks>
/// <code>machine-check [SECONDS]</code> (120 by default). For each of the three: the fastest round,
/// the median, and the medians of the rounds in which the full case ran within 10 % of its fastest
/// (quiet) and of the others (slow), with the ratio of the two.
/// </remarks>
internal static class MachineCheck
{
    private const int Cases = 20_000;
    private const int BaselineInvocations = 400;
    private const int Steps = 8_000_000;

    public static void Run(int seconds)
    {
        var benchmark = new ProcedureBenchmarks();
        benchmark.Setup();
        var table = new ulong[8192];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = unchecked((ulong)i * 0x9E3779B97F4A7C15UL);
        }

        var rounds = new List<(double Case, double Baseline, double Arithmetic)>();
        var sum = 0L;
        var warmUp = TimeSpan.FromSeconds(3);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < warmUp + TimeSpan.FromSeconds(seconds))
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < Cases; i++)
            {
                sum += benchmark.FullAppealCase().Sequence;
            }

            var fullCase = Stopwatch.GetElapsedTime(start).TotalNanoseconds / Cases;
            start = Stopwatch.GetTimestamp();
            for (var i = 0; i < BaselineInvocations; i++)
            {
                sum += benchmark.HandWrittenFire();
            }

            var baseline = Stopwatch.GetElapsedTime(start).TotalNanoseconds / (BaselineInvocations * ProcedureBenchmarks.Count);
            start = Stopwatch.GetTimestamp();
            sum ^= unchecked((long)Arithmetic(table));
            var arithmetic = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (clock.Elapsed > warmUp)
            {
                rounds.Add((fullCase, baseline, arithmetic));
            }
        }

        var fastest = rounds.Min(r => r.Case);
        var quiet = rounds.Where(r => r.Case <= fastest * 1.1).ToList();
        var slow = rounds.Where(r => r.Case > fastest * 1.1).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rounds.Count} rounds in {seconds} s, {quiet.Count} quiet (full case within 10 % of its fastest), {slow.Count} slow (checksum {sum})"));
        Console.WriteLine("| Work | Fastest | Median | Quiet median | Slow median | Slow / quiet |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Print("Full appeal case (ns a case)", rounds, quiet, slow, r => r.Case);
        Print("Hand-written Fire (ns an act)", rounds, quiet, slow, r => r.Baseline);
        Print("Arithmetic, no allocation (ms)", rounds, quiet, slow, r => r.Arithmetic);
    }

    private static void Print<T>(string work, List<T> all, List<T> quiet, List<T> slow, Func<T, double> value)
    {
        var quietMedian = Median(quiet, value);
        var slowMedian = slow.Count == 0 ? double.NaN : Median(slow, value);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {work} | {all.Min(value):F1} | {Median(all, value):F1} | {quietMedian:F1} | {slowMedian:F1} | {slowMedian / quietMedian:F2} |"));
    }

    private static double Median<T>(List<T> rounds, Func<T, double> value)
    {
        var sorted = rounds.Select(value).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>Fixed work in registers and a 64 KB table: xorshift steps, each reading the table.</summary>
    private static ulong Arithmetic(ulong[] table)
    {
        unchecked
        {
            ulong x = 88172645463325252UL, sum = 0;
            for (var i = 0; i < Steps; i++)
            {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                sum += table[x & 8191] ^ x;
            }

            return sum;
        }
    }
}
