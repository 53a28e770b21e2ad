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
            new FactDefinition("act", FactType.Instant, false,
                "Instant dont on demande s'il se situe dans la période (par exemple la saisine du juge ou la fin du maintien).", FactRole.Act),
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
