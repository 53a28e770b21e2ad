using Ceseda.Rules.Conditions;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Entry;
using Ceseda.Rules.Law;

namespace Ceseda.Rules.Carriers;

/// <summary>Conditions of the carrier sanction procedure (<i>procédure de sanction des
/// transporteurs</i>), R.625-1 (2009 numbering; current numbering not confirmed).</summary>
public static class CarrierConditions
{
    private static readonly ArticleReference R625_1 = Citation.Ceseda("R.625-1", 1).In(DetentionDeadlines.Numbering2009);

    /// <summary>Who may sign the report that opens the procedure against a carrier: the head of the
    /// police or customs border service or the commander of the competent gendarmerie unit, or an
    /// official designated by him holding at least the grade of brigadier, agent de constatation
    /// principal de 2e classe or gendarme.</summary>
    public static ConditionRule ReportSignatory { get; } = new(
        "officer-competence.carrier-report",
        "Compétence de l'agent qui signe le procès-verbal visant une entreprise de transport",
        BorderControlConditions.Facts(withAsylum: false, gendarmerie: true),
        [
            new ConditionVersion
            {
                From = DetentionDeadlines.Code2005,
                Condition = BorderControlConditions.Competence(R625_1, "R.625-1", gendarmerie: true),
                Citations =
                [
                    R625_1,
                    new SourceNote("Article issu du décret n° 93-180 du 8 février 1993, art. 4 ; numérotation actuelle non confirmée") { Confidence = Confidence.NotConfirmed },
                    DetentionDeadlines.CodeInForce2005,
                ],
                Confidence = Confidence.Likely,
                Note = "La hiérarchie des grades n'est pas encodée : le fait requiredGradeOrAbove dit si l'agent désigné détient au moins le grade exigé pour son service.",
            },
        ]);
}
