using Ceseda.Rules.Conditions;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.WaitingZone;

/// <summary>Access of associations to waiting zones (<i>accès des associations à la zone
/// d'attente</i>): habilitation (R.223-8), agréments of their representatives (R.223-9), one
/// association per zone per day (R.223-13); R.343-19 and R.343-20 since 1 May 2021.</summary>
public static class AccessConditions
{
    private static readonly ArticleReference R223_8 = Citation.Ceseda("R.223-8", 2).In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R223_9 = Citation.Ceseda("R.223-9").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R223_13 = Citation.Ceseda("R.223-13", 4).In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R343_19 = Citation.Ceseda("R.343-19").In(DetentionDeadlines.Numbering2021);
    private static readonly ArticleReference R343_20 = Citation.Ceseda("R.343-20").In(DetentionDeadlines.Numbering2021);
    private static readonly ArticleReference R343_13_Day = Citation.Ceseda("R.343-2x").In(DetentionDeadlines.Numbering2021) with { Confidence = Confidence.NotConfirmed };
    private static readonly SourceNote Decree1995 = new("Articles issus du décret n° 95-507 du 2 mai 1995");

    /// <summary>Whether an association may apply for habilitation: declared for at least five
    /// years, with a statutory object of aid to foreigners, human rights, or medical or social
    /// assistance.</summary>
    public static ConditionRule HabilitationEligibility { get; } = new(
        "association.habilitation-eligibility",
        "Conditions pour solliciter l'habilitation d'une association à proposer des représentants en zone d'attente",
        [
            FactDefinition.AssessedOn("applicationDate", "Date de la demande d'habilitation."),
            FactDefinition.Input("declarationDate", FactType.Date,
                "Date de la déclaration régulière de l'association (récépissé) ; la date de publication au Journal officiel est une lecture alternative."),
            FactDefinition.Input("statutoryObject", FactType.Choice,
                "Objet statutaire : aide et assistance aux étrangers (aid-to-foreigners), défense des droits de l'homme (human-rights), assistance médicale ou sociale (medical-or-social-assistance), autre (other).")
                with { Choices = ["aid-to-foreigners", "human-rights", "medical-or-social-assistance", "other"] },
        ],
        [
            HabilitationVersion(DetentionDeadlines.Code2005, R223_8, [R223_8, R343_19, Decree1995, DetentionDeadlines.CodeInForce2005]),
            HabilitationVersion(DetentionDeadlines.Recodification2021, R343_19, [R343_19, R223_8, DetentionDeadlines.Recodification]),
        ]);

    /// <summary>Whether one more representative of an association may receive an agrément: at
    /// most ten per association, one agrément per person.</summary>
    public static ConditionRule AgrementQuota { get; } = new(
        "association.agrement-quota",
        "Plafond des agréments des représentants d'une association habilitée",
        [
            FactDefinition.AssessedOn("date", "Date de la décision d'agrément."),
            FactDefinition.Input("agrementsInForce", FactType.Integer, "Nombre d'agréments en vigueur pour l'association, avant celui-ci."),
            FactDefinition.Input("personExistingAgrements", FactType.Integer, "Nombre d'agréments déjà détenus par la personne."),
        ],
        [
            QuotaVersion(DetentionDeadlines.Code2005, R223_9, [R223_9, R343_20, Decree1995, DetentionDeadlines.CodeInForce2005]),
            QuotaVersion(DetentionDeadlines.Recodification2021, R343_20, [R343_20, R223_9, DetentionDeadlines.Recodification]),
        ]);

    /// <summary>Representatives of several habilitated associations may not access the same
    /// waiting zone on the same day.</summary>
    public static ConditionRule SameDayAccess { get; } = new(
        "waiting-zone.association-access",
        "Accès d'une association habilitée à la zone d'attente un jour donné",
        [
            FactDefinition.AssessedOn("date", "Jour de la visite."),
            FactDefinition.Input("otherAssociationVisitingSameDay", FactType.Boolean,
                "Une autre association habilitée accède déjà à la même zone d'attente ce jour-là."),
        ],
        [
            AccessVersion(DetentionDeadlines.Code2005, R223_13, [R223_13, Decree1995, DetentionDeadlines.CodeInForce2005], Confidence.Settled, null),
            AccessVersion(DetentionDeadlines.Recodification2021, R343_13_Day, [R343_13_Day, R223_13, DetentionDeadlines.Recodification], Confidence.NotConfirmed,
                "L'article actuel qui reprend R.223-13 al. 4 n'est pas confirmé."),
        ]);

    private static ConditionVersion HabilitationVersion(LocalDate from, ArticleReference article, Citation[] citations) => new()
    {
        From = from,
        Condition = Condition.All(article.Number, "association pouvant solliciter l'habilitation", article,
            new SinceAtLeastCondition("declarationDate", Period.FromYears(5), $"{article.Number} al. 2",
                "être régulièrement déclarée depuis au moins cinq années (de quantième à quantième)", article),
            new ChoiceInCondition("statutoryObject", ["aid-to-foreigners", "human-rights", "medical-or-social-assistance"], $"{article.Number} al. 2",
                "proposer par ses statuts l'aide et l'assistance aux étrangers, la défense des droits de l'homme ou l'assistance médicale ou sociale", article)),
        Citations = [.. citations],
        Note = "Délai de cinq ans compté de quantième à quantième à partir du récépissé (lecture probable).",
    };

    private static ConditionVersion QuotaVersion(LocalDate from, ArticleReference article, Citation[] citations) => new()
    {
        From = from,
        Condition = Condition.All(article.Number, "plafond des agréments", article,
            new CountCondition("agrementsInForce", 0, 9, $"{article.Number} al. 2", "dix personnes au plus par association", article),
            new CountCondition("personExistingAgrements", 0, 0, $"{article.Number} al. 3", "une même personne ne peut recevoir qu'un agrément", article)),
        Citations = [.. citations],
    };

    private static ConditionVersion AccessVersion(LocalDate from, ArticleReference article, Citation[] citations, Confidence confidence, string? note) => new()
    {
        From = from,
        Condition = Condition.Fact("otherAssociationVisitingSameDay", false, article.Number,
            "les représentants de plusieurs associations habilitées ne peuvent accéder le même jour à la même zone d'attente", article),
        Citations = [.. citations],
        Confidence = confidence,
        Note = note,
    };
}
