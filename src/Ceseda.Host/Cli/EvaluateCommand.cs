using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Ceseda.Rules.Evaluation;

namespace Ceseda.Host.Cli;

/// <summary><c>ceseda evaluate</c>: the evaluation contract on stdin and stdout, one JSON object
/// per line, answered in order. A bad line gets an error object on its own line; blank lines are
/// skipped. The exit code is 0 once the input is read to its end.</summary>
/// <remarks>The lines available at each read are answered as one batch, in parallel when there
/// are enough of them, and written in their input order; a line is never held back waiting for
/// the next ones.</remarks>
internal static class EvaluateCommand
{
    private const int ParallelThreshold = 64;

    [ThreadStatic]
    private static Answerer? answerer;

    public static async Task<int> RunAsync(Stream input, Stream output)
    {
        var reader = PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 1 << 16));
        var lines = new List<ReadOnlyMemory<byte>>(1024);
        var answers = new List<ArraySegment<byte>>(1024);
        var batch = new ArrayBufferWriter<byte>(1 << 20);
        while (true)
        {
            var read = await reader.ReadAsync().ConfigureAwait(false);
            var sequence = read.Buffer;
            lines.Clear();
            while (TakeLine(ref sequence, out var line))
            {
                AddLine(lines, line);
            }

            if (read.IsCompleted && !sequence.IsEmpty)
            {
                AddLine(lines, sequence);
                sequence = sequence.Slice(sequence.End);
            }

            Answer(lines, answers);
            reader.AdvanceTo(sequence.Start, sequence.End);
            if (answers.Count > 0)
            {
                // One write per batch: the answers of a read go out together, in order.
                batch.ResetWrittenCount();
                foreach (var answer in answers)
                {
                    batch.Write(answer);
                    ArrayPool<byte>.Shared.Return(answer.Array!);
                }

                await output.WriteAsync(batch.WrittenMemory).ConfigureAwait(false);
                await output.FlushAsync().ConfigureAwait(false);
            }

            if (read.IsCompleted)
            {
                break;
            }
        }

        await reader.CompleteAsync().ConfigureAwait(false);
        return 0;
    }

    private static void Answer(List<ReadOnlyMemory<byte>> lines, List<ArraySegment<byte>> answers)
    {
        answers.Clear();
        if (lines.Count < ParallelThreshold)
        {
            foreach (var line in lines)
            {
                answers.Add(Answerer.Current.Answer(line.Span));
            }

            return;
        }

        var results = new ArraySegment<byte>[lines.Count];
        Parallel.For(0, lines.Count, i => results[i] = Answerer.Current.Answer(lines[i].Span));
        answers.AddRange(results);
    }

    /// <remarks>A line within one segment of the reader's buffer is answered from that buffer,
    /// which stays valid until <c>AdvanceTo</c>, after the batch is answered; only a line across
    /// two segments is copied.</remarks>
    private static void AddLine(List<ReadOnlyMemory<byte>> lines, in ReadOnlySequence<byte> line)
    {
        var bytes = line.IsSingleSegment ? line.First : line.ToArray().AsMemory();
        var span = bytes.Span.TrimEnd((byte)'\r');
        if (!span.Trim(" \t"u8).IsEmpty)
        {
            lines.Add(bytes[..span.Length]);
        }
    }

    private static bool TakeLine(ref ReadOnlySequence<byte> sequence, out ReadOnlySequence<byte> line)
    {
        var newline = sequence.PositionOf((byte)'\n');
        if (newline is null)
        {
            line = default;
            return false;
        }

        line = sequence.Slice(0, newline.Value);
        sequence = sequence.Slice(sequence.GetPosition(1, newline.Value));
        return true;
    }

    /// <summary>One thread's reusable JSON writer.</summary>
    private sealed class Answerer
    {
        private readonly ArrayBufferWriter<byte> buffer = new(4096);
        private readonly Utf8JsonWriter writer;

        private Answerer() => writer = new Utf8JsonWriter(buffer, EvaluationJson.WriterOptions);

        public static Answerer Current => answerer ??= new Answerer();

        /// <summary>The answer to <paramref name="line"/>, in a pooled array the caller returns.</summary>
        public ArraySegment<byte> Answer(ReadOnlySpan<byte> line)
        {
            var response = Evaluator.Evaluate(EvaluationJson.ReadRequest(line));
            buffer.ResetWrittenCount();
            writer.Reset();
            EvaluationJson.WriteResponse(writer, response);
            writer.Flush();
            buffer.Write("\n"u8);
            var answer = ArrayPool<byte>.Shared.Rent(buffer.WrittenCount);
            buffer.WrittenSpan.CopyTo(answer);
            return new ArraySegment<byte>(answer, 0, buffer.WrittenCount);
        }
    }
}
