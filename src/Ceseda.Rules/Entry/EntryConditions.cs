using Ceseda.Rules.Conditions;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;

namespace Ceseda.Rules.Entry;

/// <summary>Conditions of entry documents (<i>conditions relatives aux documents d'entrée</i>).</summary>
public static class EntryConditions
{
    private static readonly ArticleReference R211_29 = Citation.Ceseda("R.211-29", 2).In(DetentionDeadlines.Numbering2009);

    /// <summary>The medical insurance of a visitor must cover at least 30,000 € of medical and
    /// hospital costs for the whole stay (R.211-29 al. 2).</summary>
    public static ConditionRule MedicalInsurance { get; } = new(
        "entry.medical-insurance",
        "Assurance médicale du séjour : couverture d'au moins 30 000 euros",
        [
            FactDefinition.AssessedOn("date", "Date de la vérification (demande de visa ou d'attestation d'accueil, entrée)."),
            FactDefinition.Input("coverAmount", FactType.Amount, "Montant couvert des dépenses médicales et hospitalières, y compris d'aide sociale, en euros."),
            FactDefinition.Input("coversWholeStay", FactType.Boolean, "Le contrat couvre toute la durée du séjour en France."),
            FactDefinition.Input("approvedInsurer", FactType.Boolean,
                "L'assureur est habilité à exercer en France ou agréé par les autorités de son État d'origine (R.211-29 al. 1)."),
        ],
        [
            new ConditionVersion
            {
                From = DetentionDeadlines.Code2005,
                Condition = Condition.All("R.211-29", "assurance médicale conforme", R211_29,
                    Condition.Fact("approvedInsurer", true, "R.211-29 al. 1", "contrat souscrit auprès d'un organisme considéré comme agréé",
                        Citation.Ceseda("R.211-29", 1).In(DetentionDeadlines.Numbering2009)),
                    new AmountAtLeastCondition("coverAmount", 30_000m, "R.211-29 al. 2",
                        "couvrir l'ensemble des dépenses médicales et hospitalières à hauteur d'au moins 30 000 euros", R211_29),
                    Condition.Fact("coversWholeStay", true, "R.211-29 al. 2", "couvrir toute la durée du séjour en France", R211_29)),
                Citations =
                [
                    R211_29, new SourceNote("Article issu du décret n° 82-442 du 27 mai 1982, art. 3-2 ; numérotation actuelle non confirmée") { Confidence = Confidence.NotConfirmed },
                    DetentionDeadlines.CodeInForce2005,
                ],
                Confidence = Confidence.Likely,
                Note = "L'article qui reprend R.211-29 depuis le 1er mai 2021 n'est pas confirmé ; le montant de 30 000 euros est celui du texte de 2009.",
            },
        ]);
}
