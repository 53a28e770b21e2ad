using Ceseda.Rules.Conditions;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;

namespace Ceseda.Rules.Entry;

/// <summary>Who may decide at the border (<i>compétence des agents au contrôle aux
/// frontières</i>): a refusal of entry (R.213-1) and holding in a waiting zone (R.221-1 al. 2),
/// 2009 numbering; current numbering not confirmed.</summary>
public static class BorderControlConditions
{
    private static readonly ArticleReference R213_1 = Citation.Ceseda("R.213-1").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R221_1 = Citation.Ceseda("R.221-1", 2).In(DetentionDeadlines.Numbering2009);
    private static readonly SourceNote CurrentNumbering =
        new("Numérotation actuelle non confirmée") { Confidence = Confidence.NotConfirmed };

    /// <summary>The officer who signs a refusal of entry: the head of the police or customs border
    /// service, or an official he designates holding at least the grade of brigadier (police) or
    /// agent de constatation principal de deuxième classe (customs); not for an asylum seeker.</summary>
    public static ConditionRule RefusalOfEntryCompetence { get; } = new(
        "officer-competence.refusal-of-entry",
        "Compétence de l'agent qui prend la décision de refus d'entrée",
        Facts(withAsylum: true),
        [
            new ConditionVersion
            {
                From = DetentionDeadlines.Code2005,
                Condition = Condition.All("R.213-1", "agent compétent pour refuser l'entrée", R213_1,
                    Condition.Fact("asylumRequest", false, "R.213-1", "hors le cas de la demande d'asile (le refus relève alors d'une autre autorité, après avis de l'OFPRA, R.213-2)", R213_1),
                    Competence(R213_1, "R.213-1", gendarmerie: false)),
                Citations = [R213_1, new SourceNote("Issu de l'article 5 de l'ordonnance n° 45-2658 du 2 novembre 1945"), CurrentNumbering, DetentionDeadlines.CodeInForce2005],
                Confidence = Confidence.Likely,
                Note = "La hiérarchie des grades n'est pas encodée : le fait requiredGradeOrAbove dit si l'agent désigné détient au moins le grade exigé pour son service.",
            },
        ]);

    /// <summary>The officer who decides to hold a foreigner in a waiting zone: the same authorities.</summary>
    public static ConditionRule WaitingZoneHoldingCompetence { get; } = new(
        "officer-competence.waiting-zone-holding",
        "Compétence de l'agent qui prononce le maintien en zone d'attente",
        Facts(withAsylum: false),
        [
            new ConditionVersion
            {
                From = DetentionDeadlines.Code2005,
                Condition = Competence(R221_1, "R.221-1 al. 2", gendarmerie: false),
                Citations = [R221_1, new SourceNote("Issu de l'article 35 quater de l'ordonnance n° 45-2658 du 2 novembre 1945"), CurrentNumbering, DetentionDeadlines.CodeInForce2005],
                Confidence = Confidence.Likely,
                Note = "La hiérarchie des grades n'est pas encodée : le fait requiredGradeOrAbove dit si l'agent désigné détient au moins le grade exigé pour son service.",
            },
        ]);

    /// <summary>The facts of a competence by service, head of service or designated official and
    /// grade.</summary>
    internal static FactDefinition[] Facts(bool withAsylum, bool gendarmerie = false)
    {
        var facts = new List<FactDefinition>
        {
            FactDefinition.AssessedOn("decisionDate", "Date de la décision ou de l'acte."),
            FactDefinition.Input("service", FactType.Choice,
                gendarmerie ? "Service de l'agent : police nationale (police), douanes (customs) ou gendarmerie (gendarmerie)." : "Service de l'agent : police nationale (police) ou douanes (customs).")
                with { Choices = gendarmerie ? ["police", "customs", "gendarmerie"] : ["police", "customs"] },
            FactDefinition.Input("headOfService", FactType.Boolean,
                gendarmerie ? "L'agent est le chef du service chargé du contrôle aux frontières ou le commandant de l'unité de gendarmerie territorialement compétente." : "L'agent est le chef du service chargé du contrôle aux frontières."),
            FactDefinition.Input("designatedByHead", FactType.Boolean, "L'agent a été désigné par ce chef de service (ou ce commandant)."),
            FactDefinition.Input("requiredGradeOrAbove", FactType.Boolean,
                gendarmerie
                    ? "L'agent désigné est titulaire au moins du grade de brigadier (police), d'agent de constatation principal de 2e classe (douanes) ou de gendarme (gendarmerie)."
                    : "L'agent désigné est titulaire au moins du grade de brigadier (police) ou d'agent de constatation principal de deuxième classe (douanes)."),
        };
        if (withAsylum)
        {
            facts.Add(FactDefinition.Input("asylumRequest", FactType.Boolean, "L'étranger a demandé à bénéficier du droit d'asile à la frontière."));
        }

        return [.. facts];
    }

    /// <summary>The head of service, or an official he designates holding the grade required.</summary>
    internal static Condition Competence(Citation article, string id, bool gendarmerie) =>
        Condition.All(id, "autorité compétente", article,
            new ChoiceInCondition("service", gendarmerie ? ["police", "customs", "gendarmerie"] : ["police", "customs"], id,
                gendarmerie ? "agent de la police nationale, des douanes ou de la gendarmerie" : "agent de la police nationale ou des douanes chargé du contrôle aux frontières", article),
            Condition.Any(id, "le chef de service, ou un agent désigné par lui et titulaire au moins du grade exigé", article,
                Condition.Fact("headOfService", true, $"{id} (chef de service)", "être le chef du service (ou le commandant de l'unité)", article),
                Condition.All(id, "agent désigné titulaire du grade exigé", article,
                    Condition.Fact("designatedByHead", true, $"{id} (désignation)", "avoir été désigné par le chef du service", article),
                    Condition.Fact("requiredGradeOrAbove", true, $"{id} (grade)", "être titulaire au moins du grade exigé pour son service", article))));
}
