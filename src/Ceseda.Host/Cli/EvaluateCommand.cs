using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Ceseda.Rules.Evaluation;

namespace Ceseda.Host.Cli;

/// <summary><c>ceseda evaluate</c>: the evaluation contract on stdin and stdout, one JSON object
/// per line, answered in order. A bad line gets an error object on its own line; blank lines are
/// skipped. The exit code is 0 once the input is read to its end.</summary>
/// <remarks>The lines available at each read are answered as one batch, cut into chunks answered
/// in parallel when there are enough of them, each chunk written straight into a buffer of its own
/// that is reused from batch to batch; the chunks go out in their input order, and a line is never
/// held back waiting for the next ones.</remarks>
internal static class EvaluateCommand
{
    /// <summary>Lines per chunk: below twice this, a batch is answered on the reading thread.</summary>
    private const int ChunkLines = 64;

    [ThreadStatic]
    private static Utf8JsonWriter? threadWriter;

    public static async Task<int> RunAsync(Stream input, Stream output)
    {
        var reader = PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 1 << 16));
        var lines = new List<ReadOnlyMemory<byte>>(1024);
        var chunks = new List<ArrayBufferWriter<byte>>();
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

            var used = Answer(lines, chunks);
            reader.AdvanceTo(sequence.Start, sequence.End);
            for (var i = 0; i < used; i++)
            {
                await output.WriteAsync(chunks[i].WrittenMemory).ConfigureAwait(false);
            }

            if (used > 0)
            {
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

    /// <summary>Answers <paramref name="lines"/> into the first chunks of <paramref name="chunks"/>,
    /// adding chunks as needed, and returns how many were used.</summary>
    private static int Answer(List<ReadOnlyMemory<byte>> lines, List<ArrayBufferWriter<byte>> chunks)
    {
        if (lines.Count == 0)
        {
            return 0;
        }

        var used = lines.Count < 2 * ChunkLines ? 1 : (lines.Count + ChunkLines - 1) / ChunkLines;
        while (chunks.Count < used)
        {
            chunks.Add(new ArrayBufferWriter<byte>(1 << 16));
        }

        if (used == 1)
        {
            AnswerChunk(lines, 0, lines.Count, chunks[0]);
        }
        else
        {
            Parallel.For(0, used, i =>
            {
                var first = i * ChunkLines;
                AnswerChunk(lines, first, Math.Min(first + ChunkLines, lines.Count), chunks[i]);
            });
        }

        return used;
    }

    /// <summary>Writes the answers to lines <paramref name="first"/> to <paramref name="end"/>
    /// (excluded), one per line, into <paramref name="chunk"/>, after emptying it.</summary>
    private static void AnswerChunk(List<ReadOnlyMemory<byte>> lines, int first, int end, ArrayBufferWriter<byte> chunk)
    {
        chunk.ResetWrittenCount();
        var writer = threadWriter ??= new Utf8JsonWriter(chunk, EvaluationJson.WriterOptions);
        for (var i = first; i < end; i++)
        {
            writer.Reset(chunk);
            EvaluationJson.WriteResponse(writer, Evaluator.Evaluate(EvaluationJson.ReadRequest(lines[i].Span)));
            writer.Flush();
            chunk.Write("\n"u8);
        }
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
}
