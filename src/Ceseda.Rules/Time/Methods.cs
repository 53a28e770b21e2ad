using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Time;

/// <summary>The counting methods the rules share, each choice with its authority.</summary>
internal static class Methods
{
    private static readonly MethodChoice<DeadlineEnd> ExactHour = MethodChoice<DeadlineEnd>.Is(DeadlineEnd.ExactInstant, Authorities.HoursNotDays);
    private static readonly MethodChoice<DeadlineEnd> EndOfDay = MethodChoice<DeadlineEnd>.Is(DeadlineEnd.EndOfDay, Authorities.Cpc642End);

    /// <summary>Hour to hour, prorogued to the same hour of the first working day (CPC 642 al. 2;
    /// settled for the 48 h ruling: Cass. 2e civ. 30 nov. 2000).</summary>
    public static DeadlineMethod HoursProroguedSameHour(ActPlace place) => new()
    {
        End = ExactHour,
        Prorogation = MethodChoice<Prorogation>.Is(Prorogation.SameHour, Authorities.SameHour2000),
        ActPlace = place,
    };

    /// <summary>Hour to hour, prorogued to the first working day; the hour it ends that day is
    /// the contested reading <see cref="Readings.ProrogationEnd"/>.</summary>
    public static DeadlineMethod HoursProroguedEndContested(ActPlace place) => new()
    {
        End = ExactHour,
        Prorogation = MethodChoice<Prorogation>.ByReading(Readings.ProrogationEnd,
            ("same-hour", Prorogation.SameHour), ("end-of-day", Prorogation.EndOfDay)),
        ActPlace = place,
    };

    /// <summary>Hour to hour; whether it is prorogued is the contested reading <paramref name="reading"/>.</summary>
    public static DeadlineMethod HoursProrogationContested(Reading reading, ActPlace place) => new()
    {
        End = ExactHour,
        Prorogation = MethodChoice<Prorogation>.ByReading(reading, ("none", Prorogation.None), ("same-hour", Prorogation.SameHour)),
        ActPlace = place,
    };

    /// <summary>Hour to hour, never prorogued.</summary>
    public static DeadlineMethod HoursNeverProrogued(Citation why, ActPlace place) => new()
    {
        End = ExactHour,
        Franc = MethodChoice<bool>.Is(false, why),
        Prorogation = MethodChoice<Prorogation>.Is(Prorogation.None, why),
        ActPlace = place,
    };

    /// <summary>CPC 640-642: first day excluded, months by quantième, end at 24:00, prorogued
    /// to the first working day.</summary>
    public static DeadlineMethod Cpc { get; } = new()
    {
        End = EndOfDay,
        Prorogation = MethodChoice<Prorogation>.Is(Prorogation.EndOfDay, Authorities.Cpc642Prorogation),
    };

    /// <summary>A time limit in days or months to accomplish an act outside any court procedure,
    /// counted as CPC 640-642 by analogy (first day excluded, months by quantième, end at 24:00);
    /// whether it is prorogued past a Saturday, Sunday or holiday is the contested reading
    /// <paramref name="reading"/>, whose options are "next-working-day" and "none".</summary>
    public static DeadlineMethod ActProrogationContested(Reading reading) => new()
    {
        End = EndOfDay,
        Prorogation = MethodChoice<Prorogation>.ByReading(reading,
            ("next-working-day", Prorogation.EndOfDay), ("none", Prorogation.None)),
    };

    /// <summary>A maximum period granted to an authority, in months or years, counted like a
    /// validity period (<see cref="AnniversaryPeriod"/>) and never prorogued.</summary>
    public static DeadlineMethod MaximumPeriod(Citation whyNotProrogued) => AnniversaryPeriod with
    {
        Prorogation = MethodChoice<Prorogation>.Is(Prorogation.None, whyNotProrogued),
    };

    /// <summary>An administrative recourse deadline: by quantième, ends at 24:00, prorogued by
    /// analogy with CPC 642 (CE 5 juin 2009); franc as <paramref name="franc"/> says.</summary>
    public static DeadlineMethod AdministrativeRecourse(MethodChoice<bool> franc) => new()
    {
        Franc = franc,
        End = EndOfDay,
        Prorogation = MethodChoice<Prorogation>.Is(Prorogation.EndOfDay, Authorities.AdministrativeProrogation),
        MonthCounting = Authorities.SilenceQuantieme,
    };

    /// <summary>A validity or retention period of months or years: never prorogued (it is not a
    /// time limit for an act); whether it ends on the anniversary or its eve is the contested
    /// reading <see cref="Readings.AnniversaryEnd"/>.</summary>
    public static DeadlineMethod AnniversaryPeriod { get; } = new()
    {
        DayCounting = MethodChoice<DayCounting>.ByReading(Readings.AnniversaryEnd,
            ("anniversary-day", Time.DayCounting.FirstDayExcluded), ("eve-of-anniversary", Time.DayCounting.FirstDayIncluded)),
        End = MethodChoice<DeadlineEnd>.Is(DeadlineEnd.EndOfDay, Citation.Cpc("642", 1)),
        Prorogation = MethodChoice<Prorogation>.Is(Prorogation.None,
            new SourceNote("Une durée de validité ou de conservation n'est pas un délai pour accomplir un acte : elle n'est pas prorogée")),
    };

    /// <summary>A period of days during which an authority acts (e.g. « au cours de la première
    /// quinzaine du mois de janvier »): the first day counted, ending at 24:00 of the last day,
    /// never prorogued (it is not a time limit for an act of a party); <paramref name="why"/>
    /// cites the text that sets the period.</summary>
    public static DeadlineMethod PeriodOfDays(Citation why) => new()
    {
        DayCounting = MethodChoice<DayCounting>.Is(Time.DayCounting.FirstDayIncluded, why),
        End = MethodChoice<DeadlineEnd>.Is(DeadlineEnd.EndOfDay, why),
        Prorogation = MethodChoice<Prorogation>.Is(Prorogation.None, why),
    };

    /// <summary>A version of a validity or retention period counted as <see cref="AnniversaryPeriod"/>.</summary>
    public static DeadlineVersion AnniversaryPeriodVersion(LocalDate from, StatutoryDelay delay, string startEvent, Citation[] citations,
        Confidence confidence, string? note) => new()
    {
        From = from,
        Delay = delay,
        Method = AnniversaryPeriod,
        StartEvent = startEvent,
        Citations = [.. citations],
        Confidence = confidence,
        Note = note,
    };

    /// <summary>A silence period after which an implicit decision is born: by quantième from
    /// receipt, the decision is born at the end of the last day; prorogation is the contested
    /// reading <see cref="Readings.SilenceProrogation"/>.</summary>
    public static DeadlineMethod Silence { get; } = new()
    {
        End = MethodChoice<DeadlineEnd>.Is(DeadlineEnd.EndOfDay, Authorities.SilenceQuantieme),
        Prorogation = MethodChoice<Prorogation>.ByReading(Readings.SilenceProrogation,
            ("none", Prorogation.None), ("next-working-day", Prorogation.EndOfDay)),
        MonthCounting = Authorities.SilenceQuantieme,
    };
}

/// <summary>The facts deadline rules share.</summary>
internal static class DeadlineFacts
{
    /// <summary>The act whose timeliness is asked.</summary>
    public static FactDefinition Act { get; } = new("act", FactType.Instant, false,
        "Instant de l'acte dont on demande s'il est accompli dans le délai (avec son décalage UTC).", FactRole.Act);

    /// <summary>The instant whose position against the end is asked, described for this rule.</summary>
    public static FactDefinition ActWhen(string description) => new("act", FactType.Instant, false, description, FactRole.Act);

    /// <summary>The instant at which keeping data is asked about (retention periods).</summary>
    public static FactDefinition ErasureAct { get; } = ActWhen("Instant dont on demande si la conservation est encore permise.");

    /// <summary>The triggering event.</summary>
    public static FactDefinition Start(string description, FactType type = FactType.Instant) =>
        new("start", type, true, description, FactRole.Start);
}
