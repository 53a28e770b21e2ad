using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Rules.WaitingZone;

/// <summary>Deadlines of the appeal against the judge's order on holding in a waiting zone
/// (<i>appel en matière de maintien en zone d'attente</i>): R.222-4 applies R.552-12 to R.552-16
/// (2009 numbering); R.342-10 ff. since 1 May 2021.</summary>
public static class WaitingZoneDeadlines
{
    private static readonly ArticleReference R222_4 = Citation.Ceseda("R.222-4").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R552_12_1 = Citation.Ceseda("R.552-12", 1).In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R552_12_3 = Citation.Ceseda("R.552-12", 3).In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R552_12_4 = Citation.Ceseda("R.552-12", 4).In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R552_15_4 = Citation.Ceseda("R.552-15", 4).In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference L222_6 = Citation.Ceseda("L.222-6").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R342_10_13 = Citation.Ceseda("R.342-10 à R.342-13").In(DetentionDeadlines.Numbering2021) with { Confidence = Confidence.NotConfirmed };
    private static readonly ArticleReference R342_12 = Citation.Ceseda("R.342-12").In(DetentionDeadlines.Numbering2021);
    private static readonly ArticleReference L342_12 = Citation.Ceseda("L.342-12").In(DetentionDeadlines.Numbering2021) with { Confidence = Confidence.Likely };

    /// <summary>24 hours to appeal the order on holding in a waiting zone (R.222-4 applying
    /// R.552-12 al. 1).</summary>
    public static DeadlineRule Appeal { get; } = new(
        "waiting-zone.appeal",
        "Délai d'appel de l'ordonnance sur le maintien en zone d'attente (24 heures)",
        [
            DeadlineFacts.Start("Prononcé de l'ordonnance ; pour l'étranger absent à l'audience (depuis le 24 août 2008), la notification qui lui est faite."),
            DeadlineFacts.Act,
        ],
        DetentionDeadlines.AppealVersions("Prononcé de l'ordonnance (ou, pour l'étranger absent à l'audience, notification qui lui est faite)",
            [R222_4, R552_12_1, R342_10_13],
            [R342_10_13, R222_4, R552_12_1]));

    /// <summary>The prosecutor's window to appeal with a request for suspensive effect: 4 hours,
    /// 6 hours from 18 June 2011, then 10 hours from the pronouncement since 1 May 2021
    /// (R.342-12).</summary>
    public static DeadlineRule ProsecutorSuspensiveAppeal { get; } = new(
        "waiting-zone.prosecutor-suspensive-appeal",
        "Délai d'appel du ministère public avec demande d'effet suspensif (zone d'attente)",
        [
            DeadlineFacts.Start("Jusqu'au 30 avril 2021 : notification de l'ordonnance au procureur de la République ; depuis le 1er mai 2021 : prononcé de l'ordonnance (R.342-12)."),
            DeadlineFacts.Act,
        ],
        [
            DetentionDeadlines.ProsecutorVersion(DetentionDeadlines.Code2005, 4,
                [R222_4, R552_12_3, L222_6, DetentionDeadlines.Decree2004, DetentionDeadlines.CodeInForce2005], Confidence.Settled, null),
            DetentionDeadlines.ProsecutorVersion(new LocalDate(2011, 6, 18), 6,
                [R222_4, R552_12_3, L222_6, new SourceNote("Loi n° 2011-672 du 16 juin 2011 (version consolidée de L.222-6 du 18 juin 2011)")],
                Confidence.Likely, "Il n'est pas confirmé que la loi n° 2018-778 ait modifié ce délai en zone d'attente avant la recodification."),
            DetentionDeadlines.ProsecutorVersion(DetentionDeadlines.Recodification2021, 10,
                [R342_12, L342_12, DetentionDeadlines.Recodification],
                Confidence.Settled, "Depuis 2021, les dix heures courent « à compter du prononcé de l'ordonnance » (R.342-12).",
                startEvent: "Prononcé de l'ordonnance"),
        ]);

    /// <summary>Two hours to answer the request for suspensive effect.</summary>
    public static DeadlineRule SuspensiveObservations { get; } = new(
        "waiting-zone.suspensive-observations",
        "Délai d'observations sur la demande d'effet suspensif (zone d'attente, 2 heures)",
        [
            DeadlineFacts.Start("Notification de la déclaration d'appel du ministère public à l'étranger ou à son conseil."),
            DeadlineFacts.Act,
        ],
        [
            DetentionDeadlines.ObservationsVersion(DetentionDeadlines.Code2005, [R222_4, R552_12_4, DetentionDeadlines.Decree2004, DetentionDeadlines.CodeInForce2005]),
            DetentionDeadlines.ObservationsVersion(DetentionDeadlines.Recodification2021, [R342_12, R222_4, DetentionDeadlines.Recodification]),
        ]);

    /// <summary>48 hours for the first president to rule on the merits (R.222-4 applying
    /// R.552-15 al. 4).</summary>
    public static DeadlineRule AppealRuling { get; } = new(
        "waiting-zone.appeal-ruling",
        "Délai dans lequel le premier président statue au fond (zone d'attente, 48 heures)",
        [
            DeadlineFacts.Start("Saisine : réception de la déclaration d'appel motivée au greffe de la cour d'appel."),
            DeadlineFacts.Act,
        ],
        DetentionDeadlines.RulingVersions("Saisine du premier président (réception de la déclaration d'appel au greffe de la cour d'appel)",
            [R222_4, R552_15_4, R342_10_13],
            [R342_10_13, R222_4, R552_15_4]));
}
