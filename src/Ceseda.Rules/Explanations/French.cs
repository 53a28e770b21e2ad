using System.Text;
using System.Text.Unicode;
using NodaTime;

namespace Ceseda.Rules.Explanations;

/// <summary>Dates, times and durations written the way French courts write them, independent
/// of the machine's culture.</summary>
/// <remarks>The values returned by <see cref="Of(LocalDate)"/> and its overloads format straight
/// into an interpolated string, UTF-16 or UTF-8, without intermediate strings.</remarks>
public static class French
{
    private static readonly string[] DayNames = ["", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

    private static readonly byte[][] DayNamesUtf8 = [.. DayNames.Select(Encoding.UTF8.GetBytes)];

    private static readonly byte[][] MonthNamesUtf8 =
        [.. new[] { "", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre" }
            .Select(Encoding.UTF8.GetBytes)];

    /// <summary>"vendredi 20 janvier 2017", "lundi 1er novembre 1999".</summary>
    public static string Date(LocalDate date) => Of(date).ToString();

    /// <summary>"17 h 20", "9 h 01", "0 h".</summary>
    public static string Time(LocalTime time) => Of(time).ToString();

    /// <summary>"vendredi 20 janvier 2017 à 17 h 20".</summary>
    public static string DateTime(LocalDateTime value) => Of(value).ToString();

    /// <summary>"vendredi 20 janvier 2017 à 17 h 20 (UTC+01:00)".</summary>
    public static string DateTime(ZonedDateTime value) => Of(value).ToString();

    /// <summary>"UTC+01:00", "UTC-03:00".</summary>
    public static string Offset(Offset offset) => Of(offset).ToString();

    /// <summary>A date to format in French.</summary>
    public static FrenchText Of(LocalDate date) => new(FrenchText.Kind.Date, date, default, default, 0);

    /// <summary>A time of day to format in French.</summary>
    public static FrenchText Of(LocalTime time) => new(FrenchText.Kind.Time, default, time, default, 0);

    /// <summary>A date and time to format in French.</summary>
    public static FrenchText Of(LocalDateTime value) => new(FrenchText.Kind.DateTime, value.Date, value.TimeOfDay, default, 0);

    /// <summary>A date, time and offset to format in French.</summary>
    public static FrenchText Of(ZonedDateTime value) => new(FrenchText.Kind.Zoned, value.Date, value.TimeOfDay, value.Offset, 0);

    /// <summary>An offset to format as "UTC+01:00".</summary>
    public static FrenchText Of(Offset offset) => new(FrenchText.Kind.Offset, default, default, offset, 0);

    /// <summary>A duration to format as in <see cref="Duration(NodaTime.Duration)"/>.</summary>
    public static FrenchText Of(NodaTime.Duration duration) =>
        new(FrenchText.Kind.Duration, default, default, default, (long)Math.Ceiling(duration.TotalMinutes));

    /// <summary>"lundi".</summary>
    public static string DayName(IsoDayOfWeek day) => DayNames[(int)day];

    /// <summary>"lundi", in UTF-8.</summary>
    internal static ReadOnlySpan<byte> DayNameUtf8(IsoDayOfWeek day) => DayNamesUtf8[(int)day];

    /// <summary>"2 minutes", "1 heure 5 minutes", "3 jours"; a duration is rounded up to the minute.</summary>
    public static string Duration(NodaTime.Duration duration) => Of(duration).ToString();

    /// <summary>A date, time, offset or duration that formats itself in French, into a span of
    /// characters or of UTF-8 bytes.</summary>
    public readonly struct FrenchText : ISpanFormattable, IUtf8SpanFormattable
    {
        private const int MaxUtf8Length = 96;

        private readonly Kind kind;
        private readonly LocalDate date;
        private readonly LocalTime time;
        private readonly Offset offset;
        private readonly long minutes;

        internal FrenchText(Kind kind, LocalDate date, LocalTime time, Offset offset, long minutes) =>
            (this.kind, this.date, this.time, this.offset, this.minutes) = (kind, date, time, offset, minutes);

        internal enum Kind
        {
            Date,
            Time,
            DateTime,
            Zoned,
            Offset,
            Duration,
        }

        /// <inheritdoc />
        public override string ToString()
        {
            Span<byte> buffer = stackalloc byte[MaxUtf8Length];
            return TryFormat(buffer, out var written) ? Encoding.UTF8.GetString(buffer[..written]) : throw new FormatException();
        }

        /// <inheritdoc />
        public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

        /// <inheritdoc />
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            Span<byte> buffer = stackalloc byte[MaxUtf8Length];
            charsWritten = 0;
            return TryFormat(buffer, out var written)
                && Utf8.ToUtf16(buffer[..written], destination, out _, out charsWritten) == System.Buffers.OperationStatus.Done;
        }

        /// <inheritdoc />
        public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
            TryFormat(utf8Destination, out bytesWritten);

        /// <summary>Writes the text in UTF-8; false when it does not fit.</summary>
        public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten)
        {
            var w = new Writer(utf8Destination);
            switch (kind)
            {
                case Kind.Date:
                    w.Date(date);
                    break;
                case Kind.Time:
                    w.Time(time);
                    break;
                case Kind.DateTime:
                    w.Date(date);
                    w.Text(" à "u8);
                    w.Time(time);
                    break;
                case Kind.Zoned:
                    w.Date(date);
                    w.Text(" à "u8);
                    w.Time(time);
                    w.Text(" ("u8);
                    w.Offset(offset);
                    w.Text(")"u8);
                    break;
                case Kind.Offset:
                    w.Offset(offset);
                    break;
                default:
                    w.Duration(minutes);
                    break;
            }

            bytesWritten = w.Written;
            return w.Ok;
        }

        /// <summary>Appends UTF-8 text and numbers to a span, remembering whether all of it fitted.</summary>
        private ref struct Writer(Span<byte> destination)
        {
            private readonly Span<byte> destination = destination;

            public int Written { get; private set; }

            public bool Ok { get; private set; } = true;

            public void Text(ReadOnlySpan<byte> text)
            {
                if (!Ok || !text.TryCopyTo(destination[Written..]))
                {
                    Ok = false;
                    return;
                }

                Written += text.Length;
            }

            /// <summary>A number without leading zeros.</summary>
            public void Number(long value)
            {
                if (!Ok || !value.TryFormat(destination[Written..], out var n, default, System.Globalization.CultureInfo.InvariantCulture))
                {
                    Ok = false;
                    return;
                }

                Written += n;
            }

            /// <summary>A number from 0 to 99 on two digits.</summary>
            public void TwoDigits(int value)
            {
                if (!Ok || Written + 2 > destination.Length)
                {
                    Ok = false;
                    return;
                }

                destination[Written] = (byte)('0' + (value / 10));
                destination[Written + 1] = (byte)('0' + (value % 10));
                Written += 2;
            }

            public void Date(LocalDate date)
            {
                Text(DayNamesUtf8[(int)date.DayOfWeek]);
                Text(" "u8);
                if (date.Day == 1)
                {
                    Text("1er"u8);
                }
                else
                {
                    Number(date.Day);
                }

                Text(" "u8);
                Text(MonthNamesUtf8[date.Month]);
                Text(" "u8);
                Number(date.Year);
            }

            public void Time(LocalTime time)
            {
                Number(time.Hour);
                Text(" h"u8);
                if (time.Minute != 0 || time.Second != 0 || time.NanosecondOfSecond != 0)
                {
                    Text(" "u8);
                    TwoDigits(time.Minute);
                }

                if (time.Second != 0 || time.NanosecondOfSecond != 0)
                {
                    Text(" "u8);
                    TwoDigits(time.Second);
                    Text(" s"u8);
                }
            }

            public void Offset(Offset offset)
            {
                var seconds = offset.Seconds;
                Text(seconds < 0 ? "UTC-"u8 : "UTC+"u8);
                seconds = Math.Abs(seconds);
                TwoDigits(seconds / 3600);
                Text(":"u8);
                TwoDigits(seconds / 60 % 60);
            }

            public void Duration(long totalMinutes)
            {
                var days = totalMinutes / (24 * 60);
                var hours = totalMinutes / 60 % 24;
                var minutes = totalMinutes % 60;
                var first = true;
                if (days > 0)
                {
                    Count(days, "jour"u8, "jours"u8, ref first);
                }

                if (hours > 0)
                {
                    Count(hours, "heure"u8, "heures"u8, ref first);
                }

                if (minutes > 0 || first)
                {
                    Count(minutes, "minute"u8, "minutes"u8, ref first);
                }
            }

            private void Count(long n, ReadOnlySpan<byte> one, ReadOnlySpan<byte> many, ref bool first)
            {
                if (!first)
                {
                    Text(" "u8);
                }

                first = false;
                Number(n);
                Text(" "u8);
                Text(n == 1 ? one : many);
            }
        }
    }
}
