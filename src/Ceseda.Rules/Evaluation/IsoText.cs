using System.Globalization;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;
using NodaTime.Text;

namespace Ceseda.Rules.Evaluation;

/// <summary>A date or date-time read from ISO 8601 text: a date, a local date-time, or a
/// date-time with its UTC offset.</summary>
public readonly record struct IsoValue(LocalDate Date, LocalTime? Time, Offset? Offset)
{
    /// <summary>Whether a time of day was given.</summary>
    public bool HasTime => Time is not null;

    /// <summary>The local date-time (midnight for a date).</summary>
    public LocalDateTime LocalDateTime => Date + (Time ?? LocalTime.Midnight);
}

/// <summary>Strict ISO 8601 reading and writing of the contract's dates and instants:
/// <c>2004-05-21</c>, <c>2017-01-20T17:20</c>, <c>2017-01-20T17:20:05.5+01:00</c>,
/// <c>2017-01-20T16:20Z</c>.</summary>
public static class IsoText
{
    private static readonly OffsetDateTimePattern InstantPattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFFFo<+HH:mm>");

    /// <summary>Writes an instant in its zone's offset, e.g. "2017-01-23T17:20:00+01:00".</summary>
    public static string Format(ZonedDateTime value) => InstantPattern.Format(value.ToOffsetDateTime());

    /// <summary>Writes <see cref="Format(ZonedDateTime)"/> in UTF-8, without an intermediate
    /// string for years 0 to 9999 and offsets in whole minutes (every offset since 1980).</summary>
    /// <returns>false when it does not fit in <paramref name="utf8Destination"/>.</returns>
    public static bool TryFormat(ZonedDateTime value, Span<byte> utf8Destination, out int bytesWritten)
    {
        var year = value.Year;
        var offsetSeconds = value.Offset.Seconds;
        if (year is < 0 or > 9999 || offsetSeconds % 60 != 0)
        {
            return System.Text.Encoding.UTF8.TryGetBytes(Format(value), utf8Destination, out bytesWritten);
        }

        // uuuu-MM-ddTHH:mm:ss, then .FFFFFFFFF (trailing zeros and an empty fraction left out),
        // then +HH:mm.
        const int fixedLength = 19 + 6;
        var nanos = value.NanosecondOfSecond;
        var fraction = 0;
        if (nanos != 0)
        {
            fraction = 9;
            while (nanos % 10 == 0)
            {
                nanos /= 10;
                fraction--;
            }
        }

        bytesWritten = fixedLength + (fraction == 0 ? 0 : fraction + 1);
        if (utf8Destination.Length < bytesWritten)
        {
            bytesWritten = 0;
            return false;
        }

        var d = utf8Destination;
        Digits(d[..4], year);
        d[4] = (byte)'-';
        Digits(d.Slice(5, 2), value.Month);
        d[7] = (byte)'-';
        Digits(d.Slice(8, 2), value.Day);
        d[10] = (byte)'T';
        Digits(d.Slice(11, 2), value.Hour);
        d[13] = (byte)':';
        Digits(d.Slice(14, 2), value.Minute);
        d[16] = (byte)':';
        Digits(d.Slice(17, 2), value.Second);
        var i = 19;
        if (fraction > 0)
        {
            d[i++] = (byte)'.';
            Digits(d.Slice(i, fraction), nanos);
            i += fraction;
        }

        d[i] = offsetSeconds < 0 ? (byte)'-' : (byte)'+';
        var minutes = Math.Abs(offsetSeconds) / 60;
        Digits(d.Slice(i + 1, 2), minutes / 60);
        d[i + 3] = (byte)':';
        Digits(d.Slice(i + 4, 2), minutes % 60);
        return true;
    }

    /// <summary>Writes <paramref name="value"/> in decimal, left-padded with zeros to the span's length.</summary>
    private static void Digits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>Writes a date, e.g. "2017-01-23".</summary>
    /// <remarks>Years 0 to 9999 are written digit by digit, without NodaTime's pattern machinery
    /// (whose first use costs milliseconds at start-up); the text is the same.</remarks>
    public static string Format(LocalDate value) => value.Year is >= 0 and <= 9999
        ? string.Create(10, value, static (text, date) =>
        {
            Digits(text[..4], date.Year);
            text[4] = '-';
            Digits(text.Slice(5, 2), date.Month);
            text[7] = '-';
            Digits(text.Slice(8, 2), date.Day);
        })
        : value.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);

    private static void Digits(Span<char> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>Reads <paramref name="text"/> as a date, a local date-time or an offset
    /// date-time.</summary>
    /// <param name="text">The text.</param>
    /// <param name="field">The field's name for error messages, e.g. "facts.start".</param>
    /// <exception cref="RuleException">"malformed-fact" or "impossible-date".</exception>
    public static IsoValue Parse(ReadOnlySpan<char> text, string field)
    {
        if (text.Length < 10 || text[4] != '-' || text[7] != '-'
            || !Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day))
        {
            throw Malformed(text, field);
        }

        var date = MakeDate(year, month, day, text, field);
        if (text.Length == 10)
        {
            return new IsoValue(date, null, null);
        }

        if (text[10] != 'T' || text.Length < 16 || text[13] != ':'
            || !Digits(text.Slice(11, 2), out var hour) || !Digits(text.Slice(14, 2), out var minute))
        {
            throw Malformed(text, field);
        }

        var i = 16;
        var second = 0;
        var nanos = 0;
        if (i < text.Length && text[i] == ':')
        {
            if (i + 3 > text.Length || !Digits(text.Slice(i + 1, 2), out second))
            {
                throw Malformed(text, field);
            }

            i += 3;
            if (i < text.Length && text[i] == '.')
            {
                var start = ++i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                var digits = i - start;
                if (digits is 0 or > 9 || !Digits(text[start..i], out var fraction))
                {
                    throw Malformed(text, field);
                }

                nanos = fraction * Pow10(9 - digits);
            }
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            throw new RuleException("impossible-date", field,
                $"{field}: '{text}' has no such time of day (hours 00-23, minutes and seconds 00-59; 24:00 is written as 00:00 of the next day).");
        }

        var time = LocalTime.FromHourMinuteSecondNanosecond(hour, minute, second, nanos);
        if (i == text.Length)
        {
            return new IsoValue(date, time, null);
        }

        Offset offset;
        if (text[i] == 'Z' && i + 1 == text.Length)
        {
            offset = Offset.Zero;
        }
        else if ((text[i] == '+' || text[i] == '-') && i + 6 == text.Length && text[i + 3] == ':'
                 && Digits(text.Slice(i + 1, 2), out var oh) && Digits(text.Slice(i + 4, 2), out var om) && oh <= 18 && om <= 59)
        {
            var seconds = ((oh * 3600) + (om * 60)) * (text[i] == '-' ? -1 : 1);
            offset = Offset.FromSeconds(seconds);
        }
        else
        {
            throw Malformed(text, field);
        }

        return new IsoValue(date, time, offset);
    }

    /// <summary>The instant a parsed value denotes in <paramref name="zone"/>: with an offset, that
    /// instant; without, the local time if it exists exactly once, else as
    /// <paramref name="resolution"/> says.</summary>
    /// <exception cref="RuleException">"dst-gap" or "dst-ambiguous" under strict resolution.</exception>
    public static Instant ToInstant(IsoValue value, DateTimeZone zone, LocalTimeResolution resolution, string field)
    {
        var local = value.LocalDateTime;
        if (value.Offset is { } offset)
        {
            return local.WithOffset(offset).ToInstant();
        }

        var mapping = zone.MapLocal(local);
        switch (mapping.Count)
        {
            case 1:
                return mapping.Single().ToInstant();
            case 2 when resolution == LocalTimeResolution.Earlier:
                return mapping.First().ToInstant();
            case 2 when resolution == LocalTimeResolution.Later:
                return mapping.Last().ToInstant();
            case 2:
                throw new RuleException("dst-ambiguous", field,
                    $"{field}: {Format(local)} occurs twice in {zone.Id} (at {Format(mapping.First())} and at {Format(mapping.Last())}); give the UTC offset, or set options.resolveLocalTime to \"earlier\" or \"later\".");
            case 0 when resolution == LocalTimeResolution.Earlier:
                return mapping.EarlyInterval.End - Duration.Epsilon;
            case 0 when resolution == LocalTimeResolution.Later:
                return mapping.LateInterval.Start;
            default:
                throw new RuleException("dst-gap", field,
                    $"{field}: {Format(local)} does not exist in {zone.Id} (the clocks skip from {Format(mapping.EarlyInterval.IsoLocalEnd)} to {Format(mapping.LateInterval.IsoLocalStart)}); give the UTC offset, or set options.resolveLocalTime to \"earlier\" or \"later\".");
        }
    }

    private static string Format(LocalDateTime value) =>
        value.ToString("uuuu'-'MM'-'dd'T'HH':'mm", CultureInfo.InvariantCulture);

    private static LocalDate MakeDate(int year, int month, int day, ReadOnlySpan<char> text, string field)
    {
        if (year < 1 || month is < 1 or > 12)
        {
            throw new RuleException("impossible-date", field, $"{field}: '{text}' is not a date (months run from 01 to 12).");
        }

        var days = CalendarSystem.Iso.GetDaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            throw new RuleException("impossible-date", field,
                $"{field}: '{text}' is not a date: {year:0000}-{month:00} has {days} days.");
        }

        return new LocalDate(year, month, day);
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return text.Length > 0;
    }

    private static int Pow10(int n)
    {
        var result = 1;
        for (var i = 0; i < n; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static RuleException Malformed(ReadOnlySpan<char> text, string field) =>
        new("malformed-fact", field,
            $"{field}: '{text}' is not an ISO 8601 date or instant; expected a date (2004-05-21) or a date and time with its UTC offset (2017-01-20T17:20+01:00).");
}
