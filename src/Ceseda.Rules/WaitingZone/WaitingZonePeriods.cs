using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Rules.WaitingZone;

/// <summary>Periods of holding in a waiting zone (<i>durées du maintien en zone d'attente</i>):
/// L.221-3 (2009 numbering), L.341-2 since 1 May 2021. Never prorogued.</summary>
public static class WaitingZonePeriods
{
    private static readonly ArticleReference L221_3 = Citation.Ceseda("L.221-3").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference L341_2 = Citation.Ceseda("L.341-2").In(DetentionDeadlines.Numbering2021) with { Confidence = Confidence.Likely };

    /// <summary>The initial holding decided by the administration: four days, then 96 hours
    /// (loi n° 2025-796).</summary>
    public static DeadlineRule InitialPeriod { get; } = new(
        "waiting-zone.initial-period",
        "Durée du maintien initial en zone d'attente",
        [
            DeadlineFacts.Start("Notification de la décision de maintien en zone d'attente."),
            DeadlineFacts.ActWhen("Instant dont on demande s'il se situe dans la période (par exemple la saisine du juge ou la fin du maintien)."),
        ],
        [
            ClockDays(DetentionDeadlines.Code2005, [L221_3, L341_2, DetentionDeadlines.CodeInForce2005]),
            ClockDays(DetentionDeadlines.Recodification2021, [L341_2, L221_3, DetentionDeadlines.Recodification]),
            DetentionPeriods.Hours(new LocalDate(2025, 11, 11), 96,
                [
                    Citation.Ceseda("L.341-2").In(DetentionDeadlines.Numbering2021),
                    new SourceNote("Loi n° 2025-796 du 11 août 2025 : « quatre-vingt-seize heures », en vigueur à une date fixée par décret et au plus tard le 11 novembre 2025") { Confidence = Confidence.Likely },
                ],
                Confidence.Likely,
                "Le texte (96 heures) est confirmé ; la date d'effet retenue est la date limite du 11 novembre 2025, le décret n'ayant pas été lu."),
        ]);

    /// <summary>An extension of holding ordered by the judge (<i>prolongation du maintien en zone
    /// d'attente</i>): eight days (L.222-1), then, exceptionally, at most eight more (L.222-2);
    /// L.342-1 and L.342-4 since 1 May 2021. The administration's request must reach the court's
    /// registry before the current period expires (R.222-2 al. 3): give its receipt as the act.</summary>
    public static DeadlineRule Extension { get; } = new(
        "waiting-zone.extension",
        "Durée d'une prolongation du maintien en zone d'attente",
        [
            DeadlineFacts.Start("Fin de la période précédente (maintien initial ou première prolongation), instant à partir duquel court la prolongation."),
            new FactDefinition("rank", FactType.Integer, true, "Rang de la prolongation : 1 (L.222-1, L.342-1), 2 (renouvellement exceptionnel, L.222-2, L.342-4).", FactRole.Rank),
            DeadlineFacts.ActWhen("Instant dont on demande s'il se situe dans la période ; pour la prolongation suivante, la réception de la requête au greffe (R.222-2 al. 3 : « avant l'expiration des délais »)."),
        ],
        [
            ExtensionVersion(DetentionDeadlines.Code2005,
                [Citation.Ceseda("L.222-1").In(DetentionDeadlines.Numbering2009), Citation.Ceseda("L.222-2").In(DetentionDeadlines.Numbering2009),
                 Citation.Ceseda("R.222-2", 3).In(DetentionDeadlines.Numbering2009), DetentionDeadlines.CodeInForce2005],
                Confidence.Likely,
                "Huit jours, puis huit jours au plus à titre exceptionnel. Les prolongations d'office de six jours (demande d'asile) et de quatre jours (recours de L.213-9) ne sont pas encodées : leurs textes n'ont pas été lus."),
            ExtensionVersion(DetentionDeadlines.Recodification2021,
                [Citation.Ceseda("L.342-1").In(DetentionDeadlines.Numbering2021), Citation.Ceseda("L.342-4").In(DetentionDeadlines.Numbering2021),
                 Citation.Ceseda("R.222-2", 3).In(DetentionDeadlines.Numbering2009), DetentionDeadlines.Recodification],
                Confidence.Likely,
                "Huit jours, puis huit jours au plus (L.342-1, L.342-4) ; article actuel reprenant R.222-2 non confirmé."),
            ExtensionVersion(new LocalDate(2025, 11, 11),
                [Citation.Ceseda("L.342-1").In(DetentionDeadlines.Numbering2021) with { Confidence = Confidence.NotConfirmed },
                 new SourceNote("Loi n° 2025-796 du 11 août 2025 : L.342-1 réécrit en heures ; durées non lues") { Confidence = Confidence.NotConfirmed }],
                Confidence.NotConfirmed,
                "NON CONFIRMÉ : L.342-1 est réécrit en heures par la loi n° 2025-796 ; les durées n'ont pas été lues. Huit jours comptés d'heure à heure valent 192 heures sur l'horloge : les mêmes échéances sont retenues."),
        ]);

    /// <summary>The ex officio extension of six days when the foreigner asks for asylum
    /// (<i>prorogation d'office en cas de demande d'asile</i>), as the legal research reports it;
    /// the text itself was not read.</summary>
    public static DeadlineRule AsylumExtension { get; } = AdditionRule(
        "waiting-zone.asylum-extension",
        "Prorogation d'office du maintien en zone d'attente en cas de demande d'asile (six jours)",
        "Demande d'asile présentée par l'étranger maintenu en zone d'attente (point de départ retenu par hypothèse).",
        "Demande d'asile",
        6,
        "prorogation d'office de six jours (demande d'asile)");

    /// <summary>The ex officio extension of four days when the foreigner brings the recourse of
    /// L.213-9 against the refusal of entry on asylum grounds (<i>prorogation d'office en cas de
    /// recours</i>), as the legal research reports it; the text itself was not read.</summary>
    public static DeadlineRule RecourseExtension { get; } = AdditionRule(
        "waiting-zone.recourse-extension",
        "Prorogation d'office du maintien en zone d'attente en cas de recours contre le refus d'entrée au titre de l'asile (quatre jours)",
        "Dépôt du recours de L.213-9 contre le refus d'entrée au titre de l'asile (point de départ retenu par hypothèse).",
        "Dépôt du recours",
        4,
        "prorogation d'office de quatre jours (recours de L.213-9)");

    private static DeadlineRule AdditionRule(string id, string title, string startFact, string startEvent, int days, string what) => new(
        id,
        title,
        [
            DeadlineFacts.Start(startFact),
            DeadlineFacts.ActWhen("Instant dont on demande s'il se situe dans la période prorogée."),
        ],
        [
            new DeadlineVersion
            {
                From = DetentionDeadlines.Code2005,
                Delay = StatutoryDelay.FromDays(days),
                Method = DetentionPeriods.ClockDays,
                StartEvent = startEvent,
                Citations =
                [
                    new SourceNote($"Notes juridiques §4.2 : « {what} » ; article non lu (probablement L.222-2, numérotation 2009), non confirmé") { Confidence = Confidence.NotConfirmed },
                    Citation.Ceseda("L.222-2").In(DetentionDeadlines.Numbering2009) with { Confidence = Confidence.NotConfirmed },
                ],
                Confidence = Confidence.NotConfirmed,
                Note = $"NON CONFIRMÉ : seule la durée ({days} jours) est établie par les notes juridiques. Le texte n'a pas été lu : ni la condition qui déclenche la prorogation (demande ou recours formé dans les derniers jours du maintien, par exemple), ni son point de départ, ni son décompte (retenu ici d'heure à heure, jamais prorogé), ni ses versions ultérieures (recodification de 2021, loi n° 2025-796) ne sont vérifiés.",
            },
        ]);

    private static DeadlineVersion ExtensionVersion(LocalDate from, Citation[] citations, Confidence confidence, string note) => new()
    {
        From = from,
        DelaysByRank = [StatutoryDelay.FromDays(8), StatutoryDelay.FromDays(8)],
        Method = DetentionPeriods.ClockDays,
        StartEvent = "Fin de la période précédente",
        Citations = [.. citations],
        Confidence = confidence,
        Note = note,
    };

    private static DeadlineVersion ClockDays(LocalDate from, Citation[] citations) => new()
    {
        From = from,
        Delay = StatutoryDelay.FromDays(4),
        Method = DetentionPeriods.ClockDays,
        StartEvent = "Notification de la décision de maintien",
        Citations = [.. citations],
        Confidence = Confidence.Likely,
        Note = "Quatre jours comptés d'heure à heure (lecture probable ; l'avis de la Cour de cassation du 7 janvier 2025 ne porte que sur la rétention depuis 2024).",
    };
}
