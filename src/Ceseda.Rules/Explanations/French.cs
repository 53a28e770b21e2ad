using System.Globalization;
using NodaTime;

namespace Ceseda.Rules.Explanations;

/// <summary>Dates, times and durations written the way French courts write them, independent
/// of the machine's culture.</summary>
public static class French
{
    private static readonly string[] DayNames = ["", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

    private static readonly string[] MonthNames =
        ["", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    /// <summary>"vendredi 20 janvier 2017", "lundi 1er novembre 1999".</summary>
    public static string Date(LocalDate date) =>
        $"{DayName(date.DayOfWeek)} {DayOfMonth(date.Day)} {MonthNames[date.Month]} {date.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"17 h 20", "9 h 01", "0 h".</summary>
    public static string Time(LocalTime time)
    {
        var text = time.Minute == 0
            ? $"{time.Hour.ToString(CultureInfo.InvariantCulture)} h"
            : $"{time.Hour.ToString(CultureInfo.InvariantCulture)} h {time.Minute.ToString("00", CultureInfo.InvariantCulture)}";
        if (time.Second != 0 || time.NanosecondOfSecond != 0)
        {
            text += $" {time.Second.ToString("00", CultureInfo.InvariantCulture)} s";
        }

        return text;
    }

    /// <summary>"vendredi 20 janvier 2017 à 17 h 20".</summary>
    public static string DateTime(LocalDateTime value) => $"{Date(value.Date)} à {Time(value.TimeOfDay)}";

    /// <summary>"vendredi 20 janvier 2017 à 17 h 20 (UTC+01:00)".</summary>
    public static string DateTime(ZonedDateTime value) => $"{DateTime(value.LocalDateTime)} ({Offset(value.Offset)})";

    private static readonly NodaTime.Text.OffsetPattern OffsetPattern = NodaTime.Text.OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    /// <summary>"UTC+01:00", "UTC-03:00".</summary>
    public static string Offset(Offset offset) => "UTC" + OffsetPattern.Format(offset);

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

    private static string DayOfMonth(int day) => day == 1 ? "1er" : day.ToString(CultureInfo.InvariantCulture);

    private static string Count(long n, string one, string many) =>
        $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";
}
