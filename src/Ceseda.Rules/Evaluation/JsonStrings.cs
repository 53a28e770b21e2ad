using System.Buffers;
using System.Text.Json;

namespace Ceseda.Rules.Evaluation;

/// <summary>Writes UTF-8 strings that need no escaping as they are, without the writer scanning
/// them again rune by rune.</summary>
/// <remarks>The writer's encoder decides, character by character, what it escapes; the table
/// here is read from it (<see cref="System.Text.Encodings.Web.TextEncoder.WillEncode"/>), so a
/// string written raw is byte for byte what <see cref="Utf8JsonWriter.WriteString(JsonEncodedText, ReadOnlySpan{byte})"/>
/// writes. Anything else (a character the encoder escapes, one outside the Basic Multilingual
/// Plane, invalid UTF-8) goes through the writer.</remarks>
internal static class JsonStrings
{
    /// <summary>One bit per BMP character: set when the encoder leaves it as it is.</summary>
    private static readonly ulong[] Unescaped = BuildUnescaped();

    /// <summary>The ASCII bytes the encoder leaves as they are.</summary>
    private static readonly SearchValues<byte> UnescapedAscii =
        SearchValues.Create([.. Enumerable.Range(0, 128).Where(IsUnescaped).Select(b => (byte)b)]);

    /// <summary>Writes <paramref name="name"/> and the string <c>quoted[1..^1]</c>, whose first and
    /// last bytes are free for the quotes.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="quoted">The text, with one free byte before and after it.</param>
    public static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, Span<byte> quoted)
    {
        var text = quoted[1..^1];
        if (!NeedsNoEscaping(text))
        {
            writer.WriteString(name, text);
            return;
        }

        quoted[0] = (byte)'"';
        quoted[^1] = (byte)'"';
        writer.WritePropertyName(name);
        writer.WriteRawValue(quoted, skipInputValidation: true);
    }

    /// <summary>Whether every character of <paramref name="utf8"/> is valid UTF-8 that the encoder
    /// leaves as it is.</summary>
    internal static bool NeedsNoEscaping(ReadOnlySpan<byte> utf8)
    {
        var i = 0;
        while (true)
        {
            var next = utf8[i..].IndexOfAnyExcept(UnescapedAscii);
            if (next < 0)
            {
                return true;
            }

            i += next;
            var b = utf8[i];
            int character;
            if ((b & 0xE0) == 0xC0 && i + 1 < utf8.Length && IsContinuation(utf8[i + 1]))
            {
                character = ((b & 0x1F) << 6) | (utf8[i + 1] & 0x3F);
                i += 2;
                if (character < 0x80)
                {
                    return false;
                }
            }
            else if ((b & 0xF0) == 0xE0 && i + 2 < utf8.Length && IsContinuation(utf8[i + 1]) && IsContinuation(utf8[i + 2]))
            {
                character = ((b & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F);
                i += 3;
                if (character < 0x800 || char.IsSurrogate((char)character))
                {
                    return false;
                }
            }
            else
            {
                // An ASCII byte the encoder escapes, a character outside the BMP, or invalid UTF-8.
                return false;
            }

            if ((Unescaped[character >> 6] & (1UL << (character & 63))) == 0)
            {
                return false;
            }
        }
    }

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;

    private static bool IsUnescaped(int character) =>
        !char.IsSurrogate((char)character) && !EvaluationJson.WriterOptions.Encoder!.WillEncode(character);

    private static ulong[] BuildUnescaped()
    {
        var bits = new ulong[(char.MaxValue + 1) / 64];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (IsUnescaped(c))
            {
                bits[c >> 6] |= 1UL << (c & 63);
            }
        }

        return bits;
    }
}
