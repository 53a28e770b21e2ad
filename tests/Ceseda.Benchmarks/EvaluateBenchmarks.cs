using System.Buffers;
using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Ceseda.Rules.Evaluation;

namespace Ceseda.Benchmarks;

/// <summary>Target 4, in process: <c>ceseda evaluate</c> over a MemoryStream of JSON lines
/// (retention.appeal with an act, cpc.deadline with months, administrative.recourse, all
/// territories), written to <see cref="Stream.Null"/>. Figures are per line.</summary>
/// <remarks><c>EvaluateCommand</c> is internal to the host: it is called through a delegate made
/// by reflection once (the call itself is direct); it answers each batch of lines in parallel, so
/// it may use every core. <see cref="PublicPieces"/> does the same work on one thread with the
/// public contract only; Read, Evaluate and Write split it into its three stages.</remarks>
[MemoryDiagnoser]
public class EvaluateBenchmarks
{
    /// <summary>Lines per invocation.</summary>
    public const int Lines = 20_000;

    private byte[] input = [];
    private (int Start, int Length)[] lineRanges = [];
    private EvaluationRequest[] requests = [];
    private EvaluationResponse[] responses = [];
    private Func<Stream, Stream, Task<int>> evaluateCommand = (_, _) => Task.FromResult(0);

    /// <summary>Whether the requests leave the contract's default (explanation written in the
    /// response) or set <c>"explain": false</c>.</summary>
    [Params(true, false)]
    public bool Explain { get; set; }

    /// <summary>Generates the lines and binds the host's command.</summary>
    [GlobalSetup]
    public void Setup()
    {
        input = Workload.RequestLines(Lines, Explain);
        var ranges = new List<(int, int)>(Lines);
        var start = 0;
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] == (byte)'\n')
            {
                ranges.Add((start, i - start));
                start = i + 1;
            }
        }

        lineRanges = [.. ranges];
        requests = [.. lineRanges.Select(r => EvaluationJson.ReadRequest(input.AsSpan(r.Start, r.Length)))];
        responses = [.. requests.Select(Evaluator.Evaluate)];
        var errors = responses.Count(r => r.Error is not null);
        if (errors > 0)
        {
            throw new InvalidOperationException($"{errors} of {Lines} generated requests were answered with an error, e.g. {responses.First(r => r.Error is not null).Error!.Message}");
        }

        evaluateCommand = BindEvaluateCommand();
    }

    /// <summary>The host's <c>EvaluateCommand.RunAsync(stdin, stdout)</c>.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public int EvaluateCommand() =>
        evaluateCommand(new MemoryStream(input, writable: false), Stream.Null).GetAwaiter().GetResult();

    /// <summary>ReadRequest, Evaluate and WriteResponse per line, synchronously.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public long PublicPieces()
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 17);
        using var writer = new Utf8JsonWriter(buffer, EvaluationJson.WriterOptions);
        var written = 0L;
        foreach (var (start, length) in lineRanges)
        {
            var response = Evaluator.Evaluate(EvaluationJson.ReadRequest(input.AsSpan(start, length)));
            writer.Reset();
            EvaluationJson.WriteResponse(writer, response);
            writer.Flush();
            buffer.Write("\n"u8);
            if (buffer.WrittenCount >= 1 << 16)
            {
                written += buffer.WrittenCount;
                Stream.Null.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
        }

        return written + buffer.WrittenCount;
    }

    /// <summary>Stage 1 alone: <see cref="EvaluationJson.ReadRequest"/>.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int Read()
    {
        var facts = 0;
        foreach (var (start, length) in lineRanges)
        {
            facts += EvaluationJson.ReadRequest(input.AsSpan(start, length)).Facts.Length;
        }

        return facts;
    }

    /// <summary>Stage 2 alone: <see cref="Evaluator.Evaluate"/> on requests already read
    /// (Compute, the explanation if asked, and the divergent readings).</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int Evaluate()
    {
        var divergent = 0;
        foreach (var request in requests)
        {
            divergent += Evaluator.Evaluate(request).DivergentReadings.Length;
        }

        return divergent;
    }

    /// <summary>Stage 3 alone: <see cref="EvaluationJson.WriteResponse"/> of responses already
    /// computed (with the French text of each explanation step when asked).</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public long Write()
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 17);
        using var writer = new Utf8JsonWriter(buffer, EvaluationJson.WriterOptions);
        var written = 0L;
        foreach (var response in responses)
        {
            writer.Reset();
            EvaluationJson.WriteResponse(writer, response);
            writer.Flush();
            buffer.Write("\n"u8);
            if (buffer.WrittenCount >= 1 << 16)
            {
                written += buffer.WrittenCount;
                buffer.ResetWrittenCount();
            }
        }

        return written + buffer.WrittenCount;
    }

    /// <summary>A delegate to the internal <c>Ceseda.Host.Cli.EvaluateCommand.RunAsync</c>.</summary>
    public static Func<Stream, Stream, Task<int>> BindEvaluateCommand()
    {
        var type = Type.GetType("Ceseda.Host.Cli.EvaluateCommand, ceseda", throwOnError: true)!;
        var method = type.GetMethod("RunAsync", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(Stream), typeof(Stream)])
            ?? throw new InvalidOperationException("Ceseda.Host.Cli.EvaluateCommand.RunAsync(Stream, Stream) was not found; update EvaluateBenchmarks.");
        return method.CreateDelegate<Func<Stream, Stream, Task<int>>>();
    }
}
