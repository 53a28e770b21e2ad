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
    public override string Text => At is { } at
        ? $"{Event} : {French.Of(at)}, heure de {ZoneId}."
        : $"{Event} : {French.Of(Date)}.";
}

/// <summary>Hours, or days counted hour to hour, added to the start (<i>computation d'heure à heure</i>).</summary>
public sealed record AddClockStep(StatutoryDelay Delay, HourCounting Counting, ZonedDateTime End, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override string Text => Counting == HourCounting.WallClock
        ? $"+ {Delay}, d'heure à heure sur l'horloge locale (ni jour de départ écarté ni fin à 24 heures) → {French.Of(End)}."
        : $"+ {Delay} écoulé{(Delay.IsHours ? "e" : "")}s, d'heure à heure → {French.Of(End)}.";
}

/// <summary>A daylight-saving change during an hour deadline.</summary>
public sealed record DstChangeStep(Offset Before, Offset After, HourCounting Counting, Duration Elapsed, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override string Text => Counting == HourCounting.WallClock
        ? $"Changement d'heure pendant le délai ({French.Of(Before)} → {French.Of(After)}) : compté sur l'horloge, le délai dure {French.Duration(Elapsed)} réelles."
        : $"Changement d'heure pendant le délai ({French.Of(Before)} → {French.Of(After)}) : compté en temps écoulé, l'échéance ne tombe pas à la même heure locale.";
}

/// <summary>The wall-clock end falls in a skipped or repeated local hour.</summary>
public sealed record AmbiguousEndStep(LocalDateTime Nominal, bool Skipped, ZonedDateTime Chosen, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override string Text => Skipped
        ? $"L'heure {French.Of(Nominal)} n'existe pas (passage à l'heure d'été) : l'échéance est l'instant où l'horloge la dépasse, {French.Of(Chosen)}."
        : $"L'heure {French.Of(Nominal)} existe deux fois (retour à l'heure d'hiver) : occurrence retenue {French.Of(Chosen)}.";
}

/// <summary>Days, months or years added to the start date (CPC art. 641).</summary>
public sealed record AddCalendarStep(StatutoryDelay Delay, DayCounting Counting, LocalDate LastDay, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override string Text
    {
        get
        {
            var how = Delay.HasMonths
                ? Delay.Days > 0 ? "les mois de quantième à quantième (à défaut, le dernier jour du mois), puis les jours" : "de quantième à quantième (à défaut de quantième identique, le dernier jour du mois)"
                : Counting == DayCounting.FirstDayExcluded ? "le jour du point de départ ne compte pas" : "le jour du point de départ compte";
            if (Delay.HasMonths && Counting == DayCounting.FirstDayIncluded)
            {
                how += ", le jour du point de départ comptant : la période s'achève la veille de l'anniversaire";
            }

            return $"+ {Delay}, {how} → dernier jour : {French.Of(LastDay)}.";
        }
    }
}

/// <summary>A délai franc: the last day moves to the next day.</summary>
public sealed record FrancStep(LocalDate LastDay, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override string Text => $"Délai franc : le jour de l'échéance ne compte pas, le dernier jour est le {French.Of(LastDay)}.";
}

/// <summary>A deadline ending on non-working days moved to the first working day (CPC art. 642 al. 2).</summary>
public sealed record ProrogationStep(IReadOnlyList<SkippedDay> Skipped, Prorogation Prorogation, LocalDate To, ZonedDateTime? At, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override string Text
    {
        get
        {
            var days = string.Join(", ", Skipped.Select(s => s.ToString()));
            var to = Prorogation == Prorogation.SameHour && At is { } at
                ? $"au premier jour ouvrable suivant, à la même heure → {French.Of(at)}"
                : $"au premier jour ouvrable suivant, à 24 heures → {French.Of(To)}";
            return $"Le délai expirerait un jour non ouvrable ({days}) : il est prorogé {to}.";
        }
    }
}

/// <summary>A deadline ending on a non-working day that is not prorogued.</summary>
public sealed record NoProrogationStep(SkippedDay Day, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override string Text => $"Le délai expire un jour non ouvrable ({Day}) mais il n'est pas prorogé.";
}

/// <summary>The deadline ends at 24:00 of its last day (CPC art. 642 al. 1).</summary>
public sealed record EndOfDayStep(LocalDate LastDay, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override string Text => $"Le délai expire le {French.Of(LastDay)} à 24 heures.";
}

/// <summary>The last instant on time.</summary>
public sealed record ExpiryStep(ZonedDateTime ExpiresAt, bool AtMidnight, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override string Text => AtMidnight
        ? $"Échéance : {French.Of(ExpiresAt.Date.PlusDays(-1))} à 24 heures, soit {French.Of(ExpiresAt)} ; un acte est dans le délai s'il est accompli au plus tard à cet instant."
        : $"Échéance : {French.Of(ExpiresAt)} ; un acte est dans le délai s'il est accompli au plus tard à cet instant.";
}

/// <summary>Whether the act was on time.</summary>
public sealed record TimelinessStep(ZonedDateTime Act, bool Timely, Duration Margin, Citation? Citation) : ExplanationStep
{
    /// <inheritdoc />
    public override string Text => Timely
        ? $"Acte accompli le {French.Of(Act)} : dans le délai."
        : $"Acte accompli le {French.Of(Act)} : hors délai, de {French.Duration(Margin)}.";
}

/// <summary>A non-working day and why.</summary>
/// <param name="Date">The day.</param>
/// <param name="Holiday">The holiday that day, if it is one.</param>
public readonly record struct SkippedDay(LocalDate Date, HolidayDefinition? Holiday)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var what = Holiday is { } h
            ? h.Confidence == Confidence.Settled ? h.Name : $"{h.Name}, jour férié non confirmé"
            : French.DayName(Date.DayOfWeek);
        return $"{French.Of(Date)} : {what}";
    }
}
