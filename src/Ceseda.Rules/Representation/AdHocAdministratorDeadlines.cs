using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Rules.Representation;

/// <summary>Deadlines concerning ad hoc administrators of minors in a waiting zone
/// (<i>administrateurs ad hoc</i>), R.111-13 ff. (2009 numbering), R.343-2 ff. since 1 May 2021.</summary>
public static class AdHocAdministratorDeadlines
{
    /// <summary>One month from notification to appeal to the Cour de cassation against a
    /// radiation or suspension (R.111-18 al. 3).</summary>
    public static DeadlineRule RadiationAppeal { get; } = new(
        "adhoc-administrator.radiation-appeal",
        "Délai du recours devant la Cour de cassation contre une radiation ou une suspension d'administrateur ad hoc (un mois)",
        [
            DeadlineFacts.Start("Notification de la décision de radiation ou de suspension.", FactType.InstantOrDate),
            DeadlineFacts.Act,
        ],
        [
            new DeadlineVersion
            {
                From = DetentionDeadlines.Code2005,
                Delay = StatutoryDelay.FromMonths(1),
                Method = Methods.Cpc,
                StartEvent = "Notification de la décision",
                Citations =
                [
                    Citation.Ceseda("R.111-18", 3).In(DetentionDeadlines.Numbering2009),
                    Citation.Ceseda("R.343-10").In(DetentionDeadlines.Numbering2021),
                    Authorities.Cpc640, Authorities.Cpc641Months, Authorities.Cpc642End,
                    new SourceNote("Article issu du décret n° 2003-841 du 2 septembre 2003, art. 6"),
                    DetentionDeadlines.CodeInForce2005,
                ],
            },
            new DeadlineVersion
            {
                From = DetentionDeadlines.Recodification2021,
                Delay = StatutoryDelay.FromMonths(1),
                Method = Methods.Cpc,
                StartEvent = "Notification de la décision",
                Citations =
                [
                    Citation.Ceseda("R.343-10").In(DetentionDeadlines.Numbering2021),
                    Citation.Ceseda("R.111-18", 3).In(DetentionDeadlines.Numbering2009),
                    Authorities.Cpc640, Authorities.Cpc641Months, Authorities.Cpc642End,
                    DetentionDeadlines.Recodification,
                ],
            },
        ]);

    /// <summary>One month from the end of each mission for the administrator to send the
    /// prosecutor a report (<i>rapport de fin de mission</i>), R.111-19; R.343-7 since 1 May
    /// 2021. Whether it is prorogued past a Saturday, Sunday or holiday is the reading
    /// <see cref="Readings.MissionReportProrogation"/>.</summary>
    public static DeadlineRule MissionReport { get; } = new(
        "adhoc-administrator.mission-report",
        "Délai de transmission au procureur de la République du rapport de l'administrateur ad hoc (un mois après l'achèvement de la mission)",
        [
            DeadlineFacts.Start("Date d'achèvement de la mission de l'administrateur ad hoc.", FactType.InstantOrDate),
            DeadlineFacts.ActWhen("Instant de la transmission du rapport au procureur de la République."),
        ],
        [
            MissionReportVersion(DetentionDeadlines.Code2005,
                [
                    Citation.Ceseda("R.111-19").In(DetentionDeadlines.Numbering2009),
                    Citation.Ceseda("R.343-7").In(DetentionDeadlines.Numbering2021),
                    Authorities.Cpc640, Authorities.Cpc641Months, Authorities.Cpc642End,
                    new SourceNote("Article issu du décret n° 2003-841 du 2 septembre 2003, art. 7"),
                    DetentionDeadlines.CodeInForce2005,
                ]),
            MissionReportVersion(DetentionDeadlines.Recodification2021,
                [
                    Citation.Ceseda("R.343-7").In(DetentionDeadlines.Numbering2021),
                    Citation.Ceseda("R.111-19").In(DetentionDeadlines.Numbering2009),
                    Authorities.Cpc640, Authorities.Cpc641Months, Authorities.Cpc642End,
                    DetentionDeadlines.Recodification,
                ]),
        ]);

    /// <summary>The four-year cycle of the list of ad hoc administrators (<i>liste
    /// quadriennale des administrateurs ad hoc</i>): the list is drawn up every four years and
    /// those on it apply again every four years (R.111-13 al. 1 and R.111-17; R.343-2 and R.343-6
    /// since 1 May 2021).</summary>
    public static DeadlineRule ListRenewal { get; } = new(
        "adhoc-administrator.list-renewal",
        "Terme de la liste quadriennale des administrateurs ad hoc et de la nouvelle demande d'inscription (quatre ans)",
        [
            DeadlineFacts.Start("Date à laquelle l'assemblée générale de la cour d'appel a dressé la liste (ou, pour une inscription lors d'une mise à jour, date de l'inscription : voir la note).", FactType.InstantOrDate),
            DeadlineFacts.ActWhen("Instant dont on demande s'il se situe dans la période de quatre ans (désignation d'un administrateur inscrit, par exemple)."),
        ],
        [
            Methods.AnniversaryPeriodVersion(DetentionDeadlines.Code2005, StatutoryDelay.FromYears(4), "Établissement de la liste",
                [
                    Citation.Ceseda("R.111-13", 1).In(DetentionDeadlines.Numbering2009),
                    Citation.Ceseda("R.111-17").In(DetentionDeadlines.Numbering2009),
                    Citation.Ceseda("R.343-2").In(DetentionDeadlines.Numbering2021),
                    Citation.Ceseda("R.343-6").In(DetentionDeadlines.Numbering2021),
                    new SourceNote("Articles issus du décret n° 2003-841 du 2 septembre 2003, art. 1 et 5"),
                    DetentionDeadlines.CodeInForce2005,
                ],
                Confidence.Likely, ListRenewalNote),
            Methods.AnniversaryPeriodVersion(DetentionDeadlines.Recodification2021, StatutoryDelay.FromYears(4), "Établissement de la liste",
                [
                    Citation.Ceseda("R.343-2").In(DetentionDeadlines.Numbering2021),
                    Citation.Ceseda("R.343-6").In(DetentionDeadlines.Numbering2021),
                    Citation.Ceseda("R.111-13", 1).In(DetentionDeadlines.Numbering2009),
                    Citation.Ceseda("R.111-17").In(DetentionDeadlines.Numbering2009),
                    DetentionDeadlines.Recodification,
                ],
                Confidence.Likely, ListRenewalNote),
        ]);

    private const string ListRenewalNote =
        "Échéance du cycle de quatre ans : la nouvelle liste doit être dressée et les inscrits doivent avoir formulé une nouvelle demande d'inscription (R.111-17), "
        + "sans délai propre fixé pour cette demande. Durée comptée comme une durée de validité, jamais prorogée. "
        + "Pour un administrateur inscrit lors d'une mise à jour de la liste (R.111-13 al. 1), le texte ne dit pas si ses quatre ans courent de son inscription "
        + "ou de l'établissement de la liste : l'appelant choisit le point de départ (à confirmer par l'équipe juridique).";

    private static DeadlineVersion MissionReportVersion(LocalDate from, Citation[] citations) => new()
    {
        From = from,
        Delay = StatutoryDelay.FromMonths(1),
        Method = Methods.ActProrogationContested(Readings.MissionReportProrogation),
        StartEvent = "Achèvement de la mission",
        Citations = [.. citations],
        Confidence = Confidence.Likely,
        Note = "« Dans le mois de l'achèvement de chaque mission » : un mois de quantième à quantième à compter de l'achèvement, fin le dernier jour à 24 heures (CPC art. 640 à 642 par analogie). "
            + "Obligation envers le procureur de la République, hors de toute instance : la prorogation au premier jour ouvrable n'est pas déterminée (lecture mission-report-prorogation).",
    };
}
