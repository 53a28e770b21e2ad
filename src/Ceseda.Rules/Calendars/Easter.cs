using NodaTime;

namespace Ceseda.Rules.Calendars;

/// <summary>Easter Sunday in the Gregorian calendar (<i>dimanche de Pâques</i>), from which Good
/// Friday, Easter Monday, Ascension and Whit Monday follow.</summary>
public static class Easter
{
    /// <summary>First year supported.</summary>
    public const int MinYear = 1900;

    /// <summary>Last year supported.</summary>
    public const int MaxYear = 2200;

    /// <summary>Easter Sunday of <paramref name="year"/> (anonymous Gregorian computus).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1900-2200.</exception>
    public static LocalDate Sunday(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year,
                $"Easter (Pâques) is computed for years {MinYear} to {MaxYear}; {year} is outside that range.");
        }

        int a = year % 19, b = year / 100, c = year % 100;
        int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31;
        int day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }
}
