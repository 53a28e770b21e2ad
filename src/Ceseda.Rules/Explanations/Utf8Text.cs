using System.Buffers;
using System.Text;

namespace Ceseda.Rules.Explanations;

/// <summary>Strings from values that write themselves in UTF-8, so that a text is written in one
/// place only.</summary>
internal static class Utf8Text
{
    /// <summary>The text <paramref name="value"/> writes, decoded.</summary>
    public static string ToString<T>(in T value)
        where T : IUtf8SpanFormattable
    {
        Span<byte> buffer = stackalloc byte[512];
        if (value.TryFormat(buffer, out var written, default, null))
        {
            return Encoding.UTF8.GetString(buffer[..written]);
        }

        for (var size = 2048; size <= MaxLength; size *= 2)
        {
            var rented = ArrayPool<byte>.Shared.Rent(size);
            try
            {
                if (value.TryFormat(rented, out written, default, null))
                {
                    return Encoding.UTF8.GetString(rented, 0, written);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        throw new FormatException($"The text of this {typeof(T).Name} is longer than {MaxLength} bytes.");
    }

    private const int MaxLength = 1 << 20;
}
