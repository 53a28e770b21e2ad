using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Rules.Detention;

/// <summary>Periods of administrative detention (<i>durées de la rétention administrative</i>):
/// L.551-1 (2009 numbering), L.741-1 since 1 May 2021. A period of detention is a maximum, not a
/// time limit for an act: it is never prorogued past a Saturday, Sunday or holiday.</summary>
public static class DetentionPeriods
{
    private static readonly ArticleReference L551_1 = Citation.Ceseda("L.551-1").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference L741_1 = Citation.Ceseda("L.741-1").In(DetentionDeadlines.Numbering2021);
    private static readonly ArticleReference L552_7 = Citation.Ceseda("L.552-7").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference L742_1 = Citation.Ceseda("L.742-1 à L.742-5").In(DetentionDeadlines.Numbering2021);
    private static readonly ArticleReference L742_3 = Citation.Ceseda("L.742-3").In(DetentionDeadlines.Numbering2021);
    private static readonly DecisionReference Avis2025 = Citation.Decision("Cass. avis", "7 janv. 2025", "24-70.008");
    private static readonly DecisionReference HourToHour = Citation.Decision("CA Rouen", "8 juin 2024", "RG 24/02026");
    private static readonly SourceNote NeverProrogued =
        new("Durée maximale de privation de liberté : jamais prorogée un samedi, un dimanche ou un jour férié (Cass. avis 7 janv. 2025, n° 24-70.008)");

    /// <summary>Calendar days, the day of the notification counted, ending at 24:00 of the last
    /// day, never prorogued (Cass. avis 7 janv. 2025, n° 24-70.008).</summary>
    internal static DeadlineMethod CalendarDays { get; } = new()
    {
        DayCounting = MethodChoice<DayCounting>.Is(DayCounting.FirstDayIncluded, Avis2025),
        End = MethodChoice<DeadlineEnd>.Is(DeadlineEnd.EndOfDay, Avis2025),
        Prorogation = MethodChoice<Prorogation>.Is(Prorogation.None, NeverProrogued),
    };

    /// <summary>Days counted hour to hour, never prorogued.</summary>
    internal static DeadlineMethod ClockDays { get; } = new()
    {
        DayCounting = MethodChoice<DayCounting>.Is(DayCounting.HourToHour, HourToHour),
        End = MethodChoice<DeadlineEnd>.Is(DeadlineEnd.ExactInstant, HourToHour),
        Prorogation = MethodChoice<Prorogation>.Is(Prorogation.None, NeverProrogued),
    };

    /// <summary>The initial detention decided by the administration, before the judge must be
    /// seized: 48 hours, 5 days from 18 July 2011, 48 hours from 1 November 2016, 4 days counted in
    /// calendar days from 15 July 2024, then hours again (loi n° 2025-796).</summary>
    public static DeadlineRule InitialPeriod { get; } = new(
        "retention.initial-period",
        "Durée du placement initial en rétention administrative",
        [
            DeadlineFacts.Start("Notification de la décision de placement en rétention."),
            DeadlineFacts.ActWhen("Instant dont on demande s'il se situe dans la période (par exemple la saisine ou la décision du juge, ou la fin de la rétention)."),
        ],
        [
            Hours(DetentionDeadlines.Code2005, 48, [L551_1, L741_1, DetentionDeadlines.CodeInForce2005], Confidence.Settled, null),
            new DeadlineVersion
            {
                From = new LocalDate(2011, 7, 18),
                Delay = StatutoryDelay.FromDays(5),
                Method = ClockDays,
                StartEvent = "Notification de la décision de placement",
                Citations = [L551_1, L741_1, new SourceNote("Loi n° 2011-672 du 16 juin 2011 (version consolidée du 18 juillet 2011)"), HourToHour],
                Confidence = Confidence.Likely,
                Note = "Cinq jours comptés d'heure à heure, comme les autres durées de rétention avant le 15 juillet 2024 (CA Rouen, 8 juin 2024) : lecture probable.",
            },
            Hours(new LocalDate(2016, 11, 1), 48,
                [L551_1, L741_1, new SourceNote("Loi n° 2016-274 du 7 mars 2016 (version consolidée du 1er novembre 2016)")], Confidence.Settled, null),
            new DeadlineVersion
            {
                From = new LocalDate(2024, 7, 15),
                Delay = StatutoryDelay.FromDays(4),
                Method = CalendarDays,
                StartEvent = "Notification de la décision de placement",
                Citations = [L741_1, Avis2025, new SourceNote("Loi n° 2024-42 du 26 janvier 2024 et décret n° 2024-799, en vigueur le 15 juillet 2024")],
                Note = "Quatre jours comptés en jours : le jour de la notification compte, la période s'achève le quatrième jour à 24 heures, sans prolongation lorsqu'elle expire un dimanche ou un jour férié (Cass. avis 7 janv. 2025).",
            },
            Hours(new LocalDate(2025, 11, 11), 96,
                [
                    L741_1 with { Confidence = Confidence.NotConfirmed },
                    new SourceNote("Loi n° 2025-796 du 11 août 2025 : retour au décompte en heures, en vigueur à une date fixée par décret et au plus tard le 11 novembre 2025") { Confidence = Confidence.NotConfirmed },
                ],
                Confidence.NotConfirmed,
                "NON CONFIRMÉ : l'article de la rétention issu de la loi n° 2025-796 n'a pas été lu. 96 heures sont retenues par équivalence avec les quatre jours et avec la zone d'attente (L.341-2, « quatre-vingt-seize heures ») ; la date d'effet retenue est la date limite du 11 novembre 2025."),
        ]);

    /// <summary>An extension of detention ordered by the judge (<i>prolongation de la
    /// rétention</i>): its length depends on its rank and on the date of effect; it runs from the
    /// end of the previous period.</summary>
    public static DeadlineRule Extension { get; } = new(
        "retention.extension",
        "Durée d'une prolongation de la rétention administrative",
        [
            DeadlineFacts.Start("Fin de la période précédente (placement initial ou prolongation précédente), instant à partir duquel court la prolongation."),
            new FactDefinition("rank", FactType.Integer, true, "Rang de la prolongation : 1 pour la première, 2 pour la deuxième, etc.", FactRole.Rank),
            DeadlineFacts.ActWhen("Instant dont on demande s'il se situe dans la période."),
        ],
        [
            ExtensionVersion(DetentionDeadlines.Code2005, [15, 15], [L552_7, L742_1, DetentionDeadlines.CodeInForce2005], Confidence.Likely,
                "Quinze jours, puis quinze jours (durée maximale 32 jours). La mention d'une prolongation de cinq jours (L.552-8) dans les notes juridiques n'est pas encodée : son régime n'a pas été lu."),
            ExtensionVersion(new LocalDate(2011, 7, 18), [20, 20], [L552_7, L742_1, new SourceNote("Loi n° 2011-672 du 16 juin 2011")], Confidence.Likely,
                "Vingt jours, puis vingt jours (durée maximale 45 jours)."),
            ExtensionVersion(new LocalDate(2016, 11, 1), [28, 15], [L552_7, L742_1, new SourceNote("Loi n° 2016-274 du 7 mars 2016")], Confidence.Likely,
                "Vingt-huit jours, puis quinze jours (durée maximale 45 jours)."),
            ExtensionVersion(new LocalDate(2019, 1, 1), [28, 30, 15, 15], [L552_7, L742_1, new SourceNote("Loi n° 2018-778 du 10 septembre 2018 (date d'effet probable)")], Confidence.Likely,
                "28 jours, 30 jours, puis deux fois 15 jours à titre exceptionnel (durée maximale 90 jours)."),
            new DeadlineVersion
            {
                From = new LocalDate(2024, 7, 15),
                DelaysByRank = [StatutoryDelay.FromDays(26), StatutoryDelay.FromDays(30), StatutoryDelay.FromDays(15), StatutoryDelay.FromDays(15)],
                Method = new DeadlineMethod
                {
                    DayCounting = MethodChoice<DayCounting>.ByReading(Readings.ExtensionCounting,
                        ("hour-to-hour", DayCounting.HourToHour), ("calendar-days", DayCounting.FirstDayIncluded)),
                    End = MethodChoice<DeadlineEnd>.ByReading(Readings.ExtensionCounting,
                        ("hour-to-hour", DeadlineEnd.ExactInstant), ("calendar-days", DeadlineEnd.EndOfDay)),
                    Prorogation = MethodChoice<Prorogation>.Is(Prorogation.None, NeverProrogued),
                },
                StartEvent = "Fin de la période précédente",
                Citations = [L742_1, L742_3, new SourceNote("Loi n° 2024-42 du 26 janvier 2024 et décret n° 2024-799, en vigueur le 15 juillet 2024")],
                Confidence = Confidence.Likely,
                Note = "26 jours, 30 jours, puis deux fois 15 jours (durée maximale 90 jours avec les quatre premiers jours). Le mode de décompte de ces jours est discuté (lecture extension-counting).",
            },
            ExtensionVersion(new LocalDate(2025, 11, 11), [26, 30, 30],
                [
                    L742_1 with { Confidence = Confidence.NotConfirmed },
                    new SourceNote("Loi n° 2025-796 du 11 août 2025 : au-delà de 60 jours, une prolongation unique de 30 jours remplace les deux de 15 jours ; décompte en heures") { Confidence = Confidence.NotConfirmed },
                ],
                Confidence.NotConfirmed,
                "NON CONFIRMÉ : les durées issues de la loi n° 2025-796 n'ont pas été lues ; 26 et 30 jours sont repris, puis une prolongation unique de 30 jours, comptés d'heure à heure ; date d'effet retenue : la date limite du 11 novembre 2025."),
        ]);

    /// <summary>The longest a detention may last from the notification of the placement
    /// (<i>durée maximale de la rétention</i>): the initial period and every extension added up,
    /// each counted as its own rule counts it.</summary>
    public static DeadlineRule MaximumPeriod { get; } = new(
        "retention.maximum-period",
        "Durée maximale de la rétention administrative",
        [
            DeadlineFacts.Start("Notification de la décision de placement en rétention."),
            DeadlineFacts.ActWhen("Instant dont on demande s'il se situe avant la fin de la durée maximale (la fin de la rétention, par exemple)."),
        ],
        [
            MaximumVersion(DetentionDeadlines.Code2005, 32, "48 heures + 15 jours + 15 jours, comptés d'heure à heure.", Confidence.Likely,
                [L551_1, L552_7, DetentionDeadlines.CodeInForce2005]),
            MaximumVersion(new LocalDate(2011, 7, 18), 45, "5 jours + 20 jours + 20 jours, comptés d'heure à heure.", Confidence.Likely,
                [L551_1, L552_7, new SourceNote("Loi n° 2011-672 du 16 juin 2011")]),
            MaximumVersion(new LocalDate(2016, 11, 1), 45, "48 heures + 28 jours + 15 jours, comptés d'heure à heure.", Confidence.Likely,
                [L551_1, L552_7, new SourceNote("Loi n° 2016-274 du 7 mars 2016")]),
            MaximumVersion(new LocalDate(2019, 1, 1), 90, "48 heures + 28 + 30 + 15 + 15 jours, comptés d'heure à heure.", Confidence.Likely,
                [L552_7, L742_1, new SourceNote("Loi n° 2018-778 du 10 septembre 2018 (date d'effet probable)")]),
            new DeadlineVersion
            {
                From = new LocalDate(2024, 7, 15),
                Delay = StatutoryDelay.FromDays(90),
                Method = CalendarDays,
                StartEvent = "Notification de la décision de placement",
                Citations = [L741_1, L742_3, Avis2025, new SourceNote("Loi n° 2024-42 du 26 janvier 2024 et décret n° 2024-799, en vigueur le 15 juillet 2024")],
                Confidence = Confidence.Likely,
                Note = "4 jours calendaires (le jour de la notification compte, fin à 24 heures) puis 26 + 30 + 15 + 15 jours courant à partir de minuit : 90 jours, le jour de la notification compté, fin le 90e jour à 24 heures, quelle que soit la lecture extension-counting.",
            },
            MaximumVersion(new LocalDate(2025, 11, 11), 90,
                "NON CONFIRMÉ : 96 heures + 26 + 30 + 30 jours, comptés d'heure à heure (durées de la loi n° 2025-796 non lues ; durée maximale de 90 jours inchangée selon les notes juridiques).",
                Confidence.NotConfirmed,
                [L741_1 with { Confidence = Confidence.NotConfirmed }, new SourceNote("Loi n° 2025-796 du 11 août 2025") { Confidence = Confidence.NotConfirmed }]),
        ]);

    private static DeadlineVersion MaximumVersion(LocalDate from, int days, string note, Confidence confidence, Citation[] citations) => new()
    {
        From = from,
        Delay = StatutoryDelay.FromDays(days),
        Method = ClockDays,
        StartEvent = "Notification de la décision de placement",
        Citations = [.. citations, HourToHour],
        Confidence = confidence,
        Note = "Somme des périodes : " + note,
    };

    private static DeadlineVersion ExtensionVersion(LocalDate from, int[] days, Citation[] citations, Confidence confidence, string note) => new()
    {
        From = from,
        DelaysByRank = [.. days.Select(StatutoryDelay.FromDays)],
        Method = ClockDays,
        StartEvent = "Fin de la période précédente",
        Citations = [.. citations, HourToHour],
        Confidence = confidence,
        Note = note,
    };

    internal static DeadlineVersion Hours(LocalDate from, int hours, Citation[] citations, Confidence confidence, string? note) => new()
    {
        From = from,
        Delay = StatutoryDelay.FromHours(hours),
        Method = Methods.HoursNeverProrogued(NeverProrogued, ActPlace.Territory),
        StartEvent = "Notification de la décision de placement",
        Citations = [.. citations],
        Confidence = confidence,
        Note = note,
    };
}
