using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Ceseda.Rules.Evaluation;

namespace Ceseda.Host.Cli;

/// <summary><c>ceseda evaluate</c>: the evaluation contract on stdin and stdout, one JSON object
/// per line, answered in order. A bad line gets an error object on its own line; blank lines are
/// skipped. The exit code is 0 once the input is read to its end.</summary>
internal static class EvaluateCommand
{
    private const int FlushThreshold = 1 << 16;

    public static async Task<int> RunAsync(Stream input, Stream output)
    {
        var reader = PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 1 << 16));
        var buffer = new ArrayBufferWriter<byte>(FlushThreshold * 2);
        var writer = new Utf8JsonWriter(buffer, EvaluationJson.WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            while (true)
            {
                var read = await reader.ReadAsync().ConfigureAwait(false);
                var sequence = read.Buffer;
                while (TryTakeLine(ref sequence, out var line))
                {
                    Answer(line, writer, buffer);
                }

                if (read.IsCompleted && !sequence.IsEmpty)
                {
                    Answer(sequence, writer, buffer);
                    sequence = sequence.Slice(sequence.End);
                }

                reader.AdvanceTo(sequence.Start, sequence.End);
                if (buffer.WrittenCount >= FlushThreshold || read.IsCompleted)
                {
                    await output.WriteAsync(buffer.WrittenMemory).ConfigureAwait(false);
                    buffer.ResetWrittenCount();
                }

                if (read.IsCompleted)
                {
                    break;
                }
            }
        }

        await output.FlushAsync().ConfigureAwait(false);
        await reader.CompleteAsync().ConfigureAwait(false);
        return 0;
    }

    private static bool TryTakeLine(ref ReadOnlySequence<byte> sequence, out ReadOnlySequence<byte> line)
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

    private static void Answer(in ReadOnlySequence<byte> line, Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer)
    {
        var span = line.IsSingleSegment ? line.FirstSpan : line.ToArray();
        span = span.TrimEnd((byte)'\r');
        if (span.Trim(" \t"u8).IsEmpty)
        {
            return;
        }

        var response = Evaluator.Evaluate(EvaluationJson.ReadRequest(span));
        writer.Reset();
        EvaluationJson.WriteResponse(writer, response);
        writer.Flush();
        buffer.Write("\n"u8);
    }
}
