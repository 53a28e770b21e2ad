using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Ceseda.Benchmarks;

// dotnet run -c Release --project tests/Ceseda.Benchmarks -- --filter '*' [--job short]
// dotnet run -c Release --project tests/Ceseda.Benchmarks -- generate-lines 200000 lines.jsonl [--no-explain]
// dotnet run -c Release --project tests/Ceseda.Benchmarks -- million-appeals [ROUNDS]
// dotnet run -c Release --project tests/Ceseda.Benchmarks -- runtime-load throughput|fill|memory|lateness sqlite|postgres [options]
// dotnet run -c Release --project tests/Ceseda.Benchmarks -- machine-check [SECONDS]
if (args is ["runtime-load", .. var load])
{
    return await RuntimeLoad.RunAsync(load).ConfigureAwait(false);
}

if (args is ["machine-check", .. var secondsText])
{
    MachineCheck.Run(secondsText is [var s] ? int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture) : 120);
    return 0;
}

if (args is ["million-appeals", .. var roundsText])
{
    ThroughputBenchmarks.RunWithCpuTime(roundsText is [var r] ? int.Parse(r, NumberStyles.None, CultureInfo.InvariantCulture) : 30);
    return 0;
}

if (args is ["generate-lines", var countText, var path, .. var rest])
{
    var count = int.Parse(countText, NumberStyles.None, CultureInfo.InvariantCulture);
    var explain = !rest.Contains("--no-explain");
    await File.WriteAllBytesAsync(path, Workload.RequestLines(count, explain)).ConfigureAwait(false);
    return 0;
}

// Results go beside this project (tests/Ceseda.Benchmarks/BenchmarkDotNet.Artifacts) whatever the
// working directory; --artifacts overrides.
var projectDirectory = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", ".."));
var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(projectDirectory, "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(Workload).Assembly).Run(args, config);
return 0;
