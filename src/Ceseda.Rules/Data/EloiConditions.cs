using Ceseda.Rules.Conditions;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;

namespace Ceseda.Rules.Data;

/// <summary>Conditions of the removal-procedure processing ELOI (<i>traitement ELOI</i>): the
/// data that must not be kept (<i>données à ne pas conserver</i>), probably R.611-29 (2009
/// numbering, not confirmed: the source prints no number).</summary>
public static class EloiConditions
{
    private static readonly ArticleReference R611_29 = Citation.Ceseda("R.611-29").In(DetentionDeadlines.Numbering2009) with { Confidence = Confidence.NotConfirmed };

    /// <summary>Whether the personal data of a removal file may be kept: none of the four cases of
    /// « ne doivent pas être conservées les données à caractère personnel afférentes » applies.</summary>
    public static ConditionRule DataNotKept { get; } = new(
        "eloi.data-not-kept",
        "Données du traitement ELOI qui ne doivent pas être conservées (numéro R.611-29 non confirmé)",
        [
            FactDefinition.AssessedOn("assessmentDate", "Date à laquelle on demande si les données peuvent être conservées."),
            FactDefinition.Input("expulsionProcedureWithoutOrder", FactType.Boolean,
                "1° Procédure engagée sur le fondement de l'article L.522-1 qui, après consultation de la commission compétente, n'a pas donné lieu à la signature d'un arrêté d'expulsion."),
            FactDefinition.Input("measureAnnulledWithdrawnOrRepealed", FactType.Boolean,
                "2° Mesure administrative d'éloignement ayant fait l'objet d'une annulation contentieuse devenue définitive, d'un retrait, d'une abrogation expresse "
                + "ou d'une abrogation implicite résultant de la délivrance d'un titre de séjour."),
            FactDefinition.Input("voluntaryDepartureKnown", FactType.Boolean,
                "3° Obligation de quitter le territoire français ou arrêté de reconduite à la frontière pour lequel l'administration a connaissance du départ volontaire de l'intéressé."),
            FactDefinition.Input("judicialBanEnded", FactType.Boolean,
                "4° Interdiction judiciaire du territoire ayant cessé de produire effet par l'expiration de la période d'interdiction ou par une décision de relèvement."),
        ],
        [
            new ConditionVersion
            {
                From = EloiRetention.Decree2007,
                Condition = Condition.All("R.611-29", "données pouvant être conservées : aucun des cas où elles ne doivent pas l'être", R611_29,
                    Condition.Fact("expulsionProcedureWithoutOrder", false, "R.611-29 1°",
                        "pas de procédure d'expulsion (L.522-1) close, après consultation de la commission, sans signature d'un arrêté d'expulsion", R611_29),
                    Condition.Fact("measureAnnulledWithdrawnOrRepealed", false, "R.611-29 2°",
                        "mesure administrative d'éloignement ni annulée définitivement, ni retirée, ni abrogée expressément ou implicitement par la délivrance d'un titre de séjour", R611_29),
                    Condition.Fact("voluntaryDepartureKnown", false, "R.611-29 3°",
                        "pas d'OQTF ou d'APRF dont l'administration connaît le départ volontaire de l'intéressé", R611_29),
                    Condition.Fact("judicialBanEnded", false, "R.611-29 4°",
                        "pas d'interdiction judiciaire du territoire ayant cessé de produire effet (expiration ou relèvement)", R611_29)),
                Citations =
                [
                    R611_29,
                    Citation.Ceseda("R.611-28").In(DetentionDeadlines.Numbering2009),
                    new SourceNote("Numéro non imprimé dans le texte source (texte en vigueur le 28 mars 2009) : « probablement R.611-29 » selon l'ordre du texte, non confirmé ; "
                        + "article issu du « décret du 26 décembre 2007 » (numéro du décret non imprimé) ; première date couverte : celle du décret (entrée en vigueur non vérifiée) ; "
                        + "numérotation actuelle non confirmée") { Confidence = Confidence.NotConfirmed },
                ],
                Confidence = Confidence.NotConfirmed,
                Note = "« Met » signifie que les données peuvent être conservées (dans la limite des durées de R.611-28 : règles eloi.data-retention, eloi.data-retention-derogatory "
                    + "et eloi.data-retention-unexecuted) ; « not-met », qu'elles ne doivent pas être conservées, « nonobstant les dispositions de l'article R. 611-28 ». "
                    + "Le texte ne fixe aucun délai d'effacement dans ces cas. Le numéro R.611-29 n'est pas imprimé dans la source : non confirmé.",
            },
        ]);
}
