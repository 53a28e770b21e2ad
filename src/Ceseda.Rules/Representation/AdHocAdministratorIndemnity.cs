using Ceseda.Rules.Calendars;
using Ceseda.Rules.Conditions;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;

namespace Ceseda.Rules.Representation;

/// <summary>The flat-rate indemnity of an ad hoc administrator (<i>indemnité forfaitaire de
/// l'administrateur ad hoc</i>), R.111-20 and R.111-21 (2009 numbering; current numbering not
/// confirmed).</summary>
public static class AdHocAdministratorIndemnity
{
    private static readonly ArticleReference R111_20 = Citation.Ceseda("R.111-20").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R111_21 = Citation.Ceseda("R.111-21").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R111_24 = Citation.Ceseda("R.111-24").In(DetentionDeadlines.Numbering2009);

    /// <summary>The indemnity claimed for a mission is due and does not exceed the amount for its
    /// kind: 100 € for the waiting zone (1°), 50 € for the OFPRA asylum procedure (2°), 50 € for
    /// the asylum appeals before the Commission des recours des réfugiés and the Conseil d'État
    /// (3°), to an administrator on the list of R.111-13.</summary>
    public static ConditionRule Indemnity { get; } = new(
        "adhoc-administrator.indemnity",
        "Indemnité forfaitaire de l'administrateur ad hoc : inscription sur la liste et montant selon la mission (100 €, 50 €, 50 €)",
        [
            FactDefinition.AssessedOn("missionDate", "Date de l'achèvement de la mission au titre de laquelle l'indemnité est demandée."),
            FactDefinition.Input("indemnityKind", FactType.Choice,
                "Indemnité forfaitaire demandée : 1° assistance du mineur durant son maintien en zone d'attente et représentation dans les procédures relatives à ce maintien "
                + "et à son entrée sur le territoire (waiting-zone) ; 2° assistance et représentation dans la procédure d'examen de sa demande d'asile par l'OFPRA (ofpra) ; "
                + "3° assistance et représentation dans les procédures d'examen de sa demande d'asile devant la Commission des recours des réfugiés et le Conseil d'État (asylum-appeal).")
                with { Choices = ["waiting-zone", "ofpra", "asylum-appeal"] },
            FactDefinition.Input("amountClaimed", FactType.Amount, "Montant de l'indemnité forfaitaire demandée pour la mission, en euros."),
            FactDefinition.Input("onTheList", FactType.Boolean, "L'administrateur ad hoc figure sur la liste prévue à l'article R.111-13."),
        ],
        [
            new ConditionVersion
            {
                From = DetentionDeadlines.Code2005,
                Condition = Condition.All("indemnité", "indemnité forfaitaire due dans la limite du montant fixé", R111_20,
                    new TerritoryCondition([Territories.Mayotte], R111_24.Number, "section non applicable à Mayotte", R111_24),
                    Condition.Fact("onTheList", true, "R.111-20", "figurer sur la liste prévue à l'article R.111-13", R111_20),
                    Condition.ByChoice("indemnityKind", "R.111-20 1° à 3°", "indemnité forfaitaire selon la mission", R111_20,
                        ("waiting-zone", new AmountAtMostCondition("amountClaimed", 100m, "R.111-21 1°", "100 euros au plus pour l'indemnité forfaitaire prévue au 1° (zone d'attente)", R111_21)),
                        ("ofpra", new AmountAtMostCondition("amountClaimed", 50m, "R.111-21 2°", "50 euros au plus pour l'indemnité forfaitaire prévue au 2° (OFPRA)", R111_21)),
                        ("asylum-appeal", new AmountAtMostCondition("amountClaimed", 50m, "R.111-21 3°", "50 euros au plus pour l'indemnité forfaitaire prévue au 3° (recours)", R111_21)))),
                Citations =
                [
                    R111_20,
                    R111_21,
                    R111_24,
                    new SourceNote("Articles issus du décret n° 2003-841 du 2 septembre 2003, art. 8 et 9 ; numérotation actuelle non confirmée") { Confidence = Confidence.NotConfirmed },
                    DetentionDeadlines.CodeInForce2005,
                ],
                Confidence = Confidence.Likely,
                Note = "« Met » signifie que l'indemnité est due et que le montant demandé ne dépasse pas le forfait. Les montants « peuvent être revalorisés par arrêté conjoint » "
                    + "(R.111-21 al. 2) : aucune revalorisation n'est encodée, les montants de 100 € et 50 € sont appliqués à toute date. "
                    + "Les personnes désignées à titre provisoire hors liste (R.111-23) ont droit à la même indemnité : ce cas n'est pas encodé (onTheList = false donne not-met). "
                    + "Une indemnité par mission et par catégorie ; le cumul des 1°, 2° et 3° pour un même mineur n'est pas traité.",
            },
        ]);
}
