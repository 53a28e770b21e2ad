using System.Globalization;
using System.Text.Unicode;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Explanations;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Time;

/// <summary>The starting point of a deadline (<i>point de départ</i>, CPC art. 640).</summary>
/// <param name="Event">What happened, e.g. "Prononcé de l'ordonnance".</param>
/// <param name="At">When, in the zone of the place of the act; null for a date.</param>
/// <param name="Date">The date, for a deadline counted in days, months or years.</param>
/// <param name="ZoneId">The IANA zone.</param>
/// <param name="Citation">The article that sets the starting point.</param>
public sealed record StartStep(string Event, ZonedDateTime? At, LocalDate Date, string ZoneId, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override bool TryFormat(Span<byte> utf8Destination, out int bytesWritten) => At is { } at
        ? Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"{Event} : {French.Of(at)}, heure de {ZoneId}.", out bytesWritten)
        : Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"{Event} : {French.Of(Date)}.", out bytesWritten);
}

/// <summary>Hours, or days counted hour to hour, added to the start (<i>computation d'heure à heure</i>).</summary>
public sealed record AddClockStep(StatutoryDelay Delay, HourCounting Counting, ZonedDateTime End, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override bool TryFormat(Span<byte> utf8Destination, out int bytesWritten) => Counting == HourCounting.WallClock
        ? Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"+ {Delay}, d'heure à heure sur l'horloge locale (ni jour de départ écarté ni fin à 24 heures) → {French.Of(End)}.", out bytesWritten)
        : Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"+ {Delay} écoulé{(Delay.IsHours ? "e" : "")}s, d'heure à heure → {French.Of(End)}.", out bytesWritten);
}

/// <summary>A daylight-saving change during an hour deadline.</summary>
public sealed record DstChangeStep(Offset Before, Offset After, HourCounting Counting, Duration Elapsed, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override bool TryFormat(Span<byte> utf8Destination, out int bytesWritten) => Counting == HourCounting.WallClock
        ? Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"Changement d'heure pendant le délai ({French.Of(Before)} → {French.Of(After)}) : compté sur l'horloge, le délai dure {French.Of(Elapsed)} réelles.", out bytesWritten)
        : Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"Changement d'heure pendant le délai ({French.Of(Before)} → {French.Of(After)}) : compté en temps écoulé, l'échéance ne tombe pas à la même heure locale.", out bytesWritten);
}

/// <summary>The wall-clock end falls in a skipped or repeated local hour.</summary>
public sealed record AmbiguousEndStep(LocalDateTime Nominal, bool Skipped, ZonedDateTime Chosen, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override bool TryFormat(Span<byte> utf8Destination, out int bytesWritten) => Skipped
        ? Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"L'heure {French.Of(Nominal)} n'existe pas (passage à l'heure d'été) : l'échéance est l'instant où l'horloge la dépasse, {French.Of(Chosen)}.", out bytesWritten)
        : Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"L'heure {French.Of(Nominal)} existe deux fois (retour à l'heure d'hiver) : occurrence retenue {French.Of(Chosen)}.", out bytesWritten);
}

/// <summary>Days, months or years added to the start date (CPC art. 641).</summary>
public sealed record AddCalendarStep(StatutoryDelay Delay, DayCounting Counting, LocalDate LastDay, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override bool TryFormat(Span<byte> utf8Destination, out int bytesWritten)
    {
        var how = Delay.HasMonths
            ? Delay.Days > 0 ? "les mois de quantième à quantième (à défaut, le dernier jour du mois), puis les jours" : "de quantième à quantième (à défaut de quantième identique, le dernier jour du mois)"
            : Counting == DayCounting.FirstDayExcluded ? "le jour du point de départ ne compte pas" : "le jour du point de départ compte";
        var eve = Delay.HasMonths && Counting == DayCounting.FirstDayIncluded
            ? ", le jour du point de départ comptant : la période s'achève la veille de l'anniversaire"
            : "";
        return Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"+ {Delay}, {how}{eve} → dernier jour : {French.Of(LastDay)}.", out bytesWritten);
    }
}

/// <summary>A délai franc: the last day moves to the next day.</summary>
public sealed record FrancStep(LocalDate LastDay, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override bool TryFormat(Span<byte> utf8Destination, out int bytesWritten) =>
        Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"Délai franc : le jour de l'échéance ne compte pas, le dernier jour est le {French.Of(LastDay)}.", out bytesWritten);
}

/// <summary>A deadline ending on non-working days moved to the first working day (CPC art. 642 al. 2).</summary>
public sealed record ProrogationStep(IReadOnlyList<SkippedDay> Skipped, Prorogation Prorogation, LocalDate To, ZonedDateTime? At, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override bool TryFormat(Span<byte> utf8Destination, out int bytesWritten)
    {
        var text = new Utf8.TryWriteInterpolatedStringHandler(160, Skipped.Count + 1, utf8Destination, CultureInfo.InvariantCulture, out _);
        text.AppendLiteral("Le délai expirerait un jour non ouvrable (");
        for (var i = 0; i < Skipped.Count; i++)
        {
            text.AppendLiteral(i == 0 ? "" : ", ");
            text.AppendFormatted(Skipped[i]);
        }

        if (Prorogation == Prorogation.SameHour && At is { } at)
        {
            text.AppendLiteral(") : il est prorogé au premier jour ouvrable suivant, à la même heure → ");
            text.AppendFormatted(French.Of(at));
        }
        else
        {
            text.AppendLiteral(") : il est prorogé au premier jour ouvrable suivant, à 24 heures → ");
            text.AppendFormatted(French.Of(To));
        }

        text.AppendLiteral(".");
        return Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, ref text, out bytesWritten);
    }
}

/// <summary>A deadline ending on a non-working day that is not prorogued.</summary>
public sealed record NoProrogationStep(SkippedDay Day, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override bool TryFormat(Span<byte> utf8Destination, out int bytesWritten) =>
        Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"Le délai expire un jour non ouvrable ({Day}) mais il n'est pas prorogé.", out bytesWritten);
}

/// <summary>The deadline ends at 24:00 of its last day (CPC art. 642 al. 1).</summary>
public sealed record EndOfDayStep(LocalDate LastDay, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override bool TryFormat(Span<byte> utf8Destination, out int bytesWritten) =>
        Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"Le délai expire le {French.Of(LastDay)} à 24 heures.", out bytesWritten);
}

/// <summary>The last instant on time.</summary>
public sealed record ExpiryStep(ZonedDateTime ExpiresAt, bool AtMidnight, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override bool TryFormat(Span<byte> utf8Destination, out int bytesWritten) => AtMidnight
        ? Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"Échéance : {French.Of(ExpiresAt.Date.PlusDays(-1))} à 24 heures, soit {French.Of(ExpiresAt)} ; un acte est dans le délai s'il est accompli au plus tard à cet instant.", out bytesWritten)
        : Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"Échéance : {French.Of(ExpiresAt)} ; un acte est dans le délai s'il est accompli au plus tard à cet instant.", out bytesWritten);
}

/// <summary>Whether the act was on time.</summary>
public sealed record TimelinessStep(ZonedDateTime Act, bool Timely, Duration Margin, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override bool TryFormat(Span<byte> utf8Destination, out int bytesWritten) => Timely
        ? Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"Acte accompli le {French.Of(Act)} : dans le délai.", out bytesWritten)
        : Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"Acte accompli le {French.Of(Act)} : hors délai, de {French.Of(Margin)}.", out bytesWritten);
}

/// <summary>A non-working day and why.</summary>
/// <param name="Date">The day.</param>
/// <param name="Holiday">The holiday that day, if it is one.</param>
public readonly record struct SkippedDay(LocalDate Date, HolidayDefinition? Holiday) : IUtf8SpanFormattable
{
    /// <summary>"samedi 14 juillet 2018 : Fête nationale", "dimanche 15 juillet 2018 : dimanche".</summary>
    public override string ToString() => Utf8Text.ToString(this);

    /// <summary>Writes <see cref="ToString"/> in UTF-8; false when it does not fit.</summary>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) => Holiday switch
    {
        null => Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"{French.Of(Date)} : {French.DayNameUtf8(Date.DayOfWeek)}", out bytesWritten),
        { Confidence: Confidence.Settled } h => Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"{French.Of(Date)} : {h.Name}", out bytesWritten),
        var h => Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"{French.Of(Date)} : {h.Name}, jour férié non confirmé", out bytesWritten),
    };
}
