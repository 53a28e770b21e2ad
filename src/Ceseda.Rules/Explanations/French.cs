using System.Globalization;
using NodaTime;

namespace Ceseda.Rules.Explanations;

/// <summary>Dates, times and durations written the way French courts write them, independent
/// of the machine's culture.</summary>
/// <remarks>The values returned by <see cref="Of(LocalDate)"/> and its overloads format straight
/// into an interpolated string, without intermediate strings.</remarks>
public static class French
{
    private static readonly string[] DayNames = ["", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

    private static readonly string[] MonthNames =
        ["", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

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
    public static FrenchText Of(LocalDate date) => new(FrenchText.Kind.Date, date, default, default);

    /// <summary>A time of day to format in French.</summary>
    public static FrenchText Of(LocalTime time) => new(FrenchText.Kind.Time, default, time, default);

    /// <summary>A date and time to format in French.</summary>
    public static FrenchText Of(LocalDateTime value) => new(FrenchText.Kind.DateTime, value.Date, value.TimeOfDay, default);

    /// <summary>A date, time and offset to format in French.</summary>
    public static FrenchText Of(ZonedDateTime value) => new(FrenchText.Kind.Zoned, value.Date, value.TimeOfDay, value.Offset);

    /// <summary>An offset to format as "UTC+01:00".</summary>
    public static FrenchText Of(Offset offset) => new(FrenchText.Kind.Offset, default, default, offset);

    /// <summary>"lundi".</summary>
    public static string DayName(IsoDayOfWeek day) => DayNames[(int)day];

    /// <summary>"2 minutes", "1 heure 5 minutes", "3 jours".</summary>
    public static string Duration(NodaTime.Duration duration)
    {
        var totalMinutes = (long)Math.Ceiling(duration.TotalMinutes);
        var days = totalMinutes / (24 * 60);
        var hours = totalMinutes / 60 % 24;
        var minutes = totalMinutes % 60;
        var parts = new List<string>(3);
        if (days > 0)
        {
            parts.Add(Count(days, "jour", "jours"));
        }

        if (hours > 0)
        {
            parts.Add(Count(hours, "heure", "heures"));
        }

        if (minutes > 0 || parts.Count == 0)
        {
            parts.Add(Count(minutes, "minute", "minutes"));
        }

        return string.Join(" ", parts);
    }

    private static string Count(long n, string one, string many) =>
        $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";

    /// <summary>A date, time or offset that formats itself in French, into a span.</summary>
    public readonly struct FrenchText : ISpanFormattable
    {
        private readonly Kind kind;
        private readonly LocalDate date;
        private readonly LocalTime time;
        private readonly Offset offset;

        internal FrenchText(Kind kind, LocalDate date, LocalTime time, Offset offset) =>
            (this.kind, this.date, this.time, this.offset) = (kind, date, time, offset);

        internal enum Kind
        {
            Date,
            Time,
            DateTime,
            Zoned,
            Offset,
        }

        /// <inheritdoc />
        public override string ToString()
        {
            Span<char> buffer = stackalloc char[80];
            return TryFormat(buffer, out var written, default, null) ? new string(buffer[..written]) : throw new FormatException();
        }

        /// <inheritdoc />
        public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

        /// <inheritdoc />
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            var w = new Writer(destination);
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
                    w.Text(" à ");
                    w.Time(time);
                    break;
                case Kind.Zoned:
                    w.Date(date);
                    w.Text(" à ");
                    w.Time(time);
                    w.Text(" (");
                    w.Offset(offset);
                    w.Text(")");
                    break;
                default:
                    w.Offset(offset);
                    break;
            }

            charsWritten = w.Written;
            return w.Ok;
        }

        private ref struct Writer(Span<char> destination)
        {
            private readonly Span<char> destination = destination;

            public int Written { get; private set; }

            public bool Ok { get; private set; } = true;

            public void Text(ReadOnlySpan<char> text)
            {
                if (!Ok || !text.TryCopyTo(destination[Written..]))
                {
                    Ok = false;
                    return;
                }

                Written += text.Length;
            }

            public void Number(int value, int minDigits)
            {
                if (!Ok || !value.TryFormat(destination[Written..], out var n, minDigits == 2 ? "00" : default, CultureInfo.InvariantCulture))
                {
                    Ok = false;
                    return;
                }

                Written += n;
            }

            public void Date(LocalDate date)
            {
                Text(DayNames[(int)date.DayOfWeek]);
                Text(" ");
                if (date.Day == 1)
                {
                    Text("1er");
                }
                else
                {
                    Number(date.Day, 1);
                }

                Text(" ");
                Text(MonthNames[date.Month]);
                Text(" ");
                Number(date.Year, 1);
            }

            public void Time(LocalTime time)
            {
                Number(time.Hour, 1);
                Text(" h");
                if (time.Minute != 0 || time.Second != 0 || time.NanosecondOfSecond != 0)
                {
                    Text(" ");
                    Number(time.Minute, 2);
                }

                if (time.Second != 0 || time.NanosecondOfSecond != 0)
                {
                    Text(" ");
                    Number(time.Second, 2);
                    Text(" s");
                }
            }

            public void Offset(Offset offset)
            {
                var seconds = offset.Seconds;
                Text(seconds < 0 ? "UTC-" : "UTC+");
                seconds = Math.Abs(seconds);
                Number(seconds / 3600, 2);
                Text(":");
                Number(seconds / 60 % 60, 2);
            }
        }
    }
}
