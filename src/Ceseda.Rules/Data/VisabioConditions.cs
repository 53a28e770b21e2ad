using Ceseda.Rules.Conditions;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Data;

/// <summary>Conditions of the VISABIO processing (<i>traitement VISABIO</i>), R.611-9 (2009
/// numbering; current numbering not confirmed).</summary>
public static class VisabioConditions
{
    private static readonly ArticleReference R611_9 = Citation.Ceseda("R.611-9", 2).In(DetentionDeadlines.Numbering2009);

    /// <summary>The fingerprints of a visa applicant under six are not collected (« les empreintes
    /// digitales des mineurs de six ans ne sont pas collectées »).</summary>
    public static ConditionRule FingerprintCollection { get; } = new(
        "visabio.fingerprint-collection",
        "Relevé des empreintes digitales d'un demandeur de visa : pas avant six ans",
        [
            FactDefinition.AssessedOn("applicationDate", "Date de la demande de visa (du relevé)."),
            FactDefinition.Input("birthDate", FactType.Date, "Date de naissance du demandeur."),
        ],
        [
            new ConditionVersion
            {
                From = new LocalDate(2007, 11, 2),
                Condition = new AgeCondition("birthDate", 6, null, "R.611-9 1°",
                    "les empreintes digitales des mineurs de six ans ne sont pas collectées : avoir au moins six ans", R611_9),
                Citations =
                [
                    R611_9,
                    new SourceNote("Rédaction issue des décrets n° 2004-1266 du 25 novembre 2004 et n° 2007-1560 du 2 novembre 2007 ; première date couverte : celle du décret de 2007, la version antérieure n'ayant pas été lue ; numérotation actuelle non confirmée") { Confidence = Confidence.NotConfirmed },
                ],
                Confidence = Confidence.Likely,
                Note = "« Met » signifie que les empreintes peuvent être relevées ; « not-met », que le demandeur a moins de six ans et qu'elles ne sont pas collectées.",
            },
        ]);
}
