using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;

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
}
