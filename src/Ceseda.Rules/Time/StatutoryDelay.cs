using System.Globalization;
using System.Text.Unicode;

namespace Ceseda.Rules.Time;

/// <summary>The length of a deadline as the text states it (<i>durée du délai</i>): a number of
/// hours, or years, months and days (CPC art. 641 al. 3: months first, then days).</summary>
public readonly record struct StatutoryDelay : IUtf8SpanFormattable
{
    private StatutoryDelay(int hours, int years, int months, int days)
    {
        Hours = hours;
        Years = years;
        Months = months;
        Days = days;
    }

    /// <summary>Hours, for an hour deadline; 0 otherwise.</summary>
    public int Hours { get; }

    /// <summary>Years of a calendar deadline.</summary>
    public int Years { get; }

    /// <summary>Months of a calendar deadline.</summary>
    public int Months { get; }

    /// <summary>Days of a calendar deadline.</summary>
    public int Days { get; }

    /// <summary>Whether the delay is counted in hours.</summary>
    public bool IsHours => Hours > 0;

    /// <summary>Whether the delay has a month or year part (quantième counting).</summary>
    public bool HasMonths => Years > 0 || Months > 0;

    /// <summary>A delay of <paramref name="hours"/> hours.</summary>
    public static StatutoryDelay FromHours(int hours) =>
        hours > 0 ? new(hours, 0, 0, 0) : throw new ArgumentOutOfRangeException(nameof(hours), hours, "A delay in hours must be positive.");

    /// <summary>A delay of <paramref name="days"/> days.</summary>
    public static StatutoryDelay FromDays(int days) => Calendar(0, 0, days);

    /// <summary>A delay of <paramref name="months"/> months.</summary>
    public static StatutoryDelay FromMonths(int months) => Calendar(0, months, 0);

    /// <summary>A delay of <paramref name="years"/> years.</summary>
    public static StatutoryDelay FromYears(int years) => Calendar(years, 0, 0);

    /// <summary>A delay of years, months and days, none negative, not all zero.</summary>
    public static StatutoryDelay Calendar(int years, int months, int days)
    {
        if (years < 0 || months < 0 || days < 0 || (years | months | days) == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(days),
                $"A calendar delay needs years, months and days that are not negative and not all zero; got {years} years, {months} months, {days} days.");
        }

        return new(0, years, months, days);
    }

    /// <summary>The delay as an ISO 8601 period, e.g. "PT24H", "P3Y", "P2M15D".</summary>
    public string ToIsoPeriod()
    {
        if (IsHours)
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PT{Hours}H");
        }

        var text = new System.Text.StringBuilder("P");
        if (Years > 0)
        {
            text.Append(Years).Append('Y');
        }

        if (Months > 0)
        {
            text.Append(Months).Append('M');
        }

        if (Days > 0)
        {
            text.Append(Days).Append('D');
        }

        return text.ToString();
    }

    /// <summary>Writes <see cref="ToIsoPeriod"/> in UTF-8; false when it does not fit.</summary>
    public bool TryFormatIsoPeriod(Span<byte> utf8Destination, out int bytesWritten)
    {
        var text = new Utf8.TryWriteInterpolatedStringHandler(4, 3, utf8Destination, CultureInfo.InvariantCulture, out _);
        text.AppendLiteral(IsHours ? "PT" : "P");
        Part(ref text, Hours, "H");
        Part(ref text, Years, "Y");
        Part(ref text, Months, "M");
        Part(ref text, Days, "D");
        return Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, ref text, out bytesWritten);

        static void Part(ref Utf8.TryWriteInterpolatedStringHandler text, int count, string unit)
        {
            if (count > 0)
            {
                text.AppendFormatted(count);
                text.AppendLiteral(unit);
            }
        }
    }

    /// <summary>The delay in French, e.g. "24 heures", "2 mois et 15 jours".</summary>
    public override string ToString() => Explanations.Utf8Text.ToString(this);

    /// <summary>Writes <see cref="ToString"/> in UTF-8; false when it does not fit.</summary>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (IsHours)
        {
            return Utf8.TryWrite(utf8Destination, invariant, $"{Hours} {(Hours == 1 ? "heure" : "heures")}", out bytesWritten);
        }

        // Years, months and days joined as "a, b et c".
        var parts = (Years > 0 ? 1 : 0) + (Months > 0 ? 1 : 0) + (Days > 0 ? 1 : 0);
        var index = 0;
        var text = new Utf8.TryWriteInterpolatedStringHandler(16, 6, utf8Destination, invariant, out _);
        if (Years > 0)
        {
            text.AppendLiteral(Separator(index++, parts));
            text.AppendFormatted(Years);
            text.AppendLiteral(Years == 1 ? " an" : " ans");
        }

        if (Months > 0)
        {
            text.AppendLiteral(Separator(index++, parts));
            text.AppendFormatted(Months);
            text.AppendLiteral(" mois");
        }

        if (Days > 0)
        {
            text.AppendLiteral(Separator(index, parts));
            text.AppendFormatted(Days);
            text.AppendLiteral(Days == 1 ? " jour" : " jours");
        }

        return Utf8.TryWrite(utf8Destination, invariant, ref text, out bytesWritten);
    }

    private static string Separator(int index, int count) =>
        index == 0 ? "" : index == count - 1 ? " et " : ", ";
}
