using Ceseda.Rules.Calendars;
using Ceseda.Rules.Conditions;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Representation;

/// <summary>Who may be entered on the list of ad hoc administrators (<i>conditions d'inscription
/// sur la liste des administrateurs ad hoc</i>), R.111-14 and R.111-15 (2009 numbering), R.343-3
/// and R.343-4 since 1 May 2021.</summary>
public static class AdHocAdministratorConditions
{
    private static readonly ArticleReference R111_14 = Citation.Ceseda("R.111-14").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R111_15 = Citation.Ceseda("R.111-15").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R111_24 = Citation.Ceseda("R.111-24").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R343_3 = Citation.Ceseda("R.343-3").In(DetentionDeadlines.Numbering2021);
    private static readonly ArticleReference R343_4 = Citation.Ceseda("R.343-4").In(DetentionDeadlines.Numbering2021);

    /// <summary>Eligibility of a natural or legal person for the list.</summary>
    public static ConditionRule Eligibility { get; } = new(
        "adhoc-administrator.eligibility",
        "Conditions d'inscription sur la liste des administrateurs ad hoc",
        [
            FactDefinition.AssessedOn("assessmentDate",
                "Date d'appréciation : par défaut, celle où l'assemblée générale de la cour d'appel dresse la liste (R.111-16) ; les conditions doivent persister (radiation, R.111-18)."),
            FactDefinition.Input("personKind", FactType.Choice, "Personne physique (natural) ou morale (legal).") with { Choices = ["natural", "legal"] },
            FactDefinition.Input("birthDate", FactType.Date, "Date de naissance (personne physique)."),
            FactDefinition.Input("shownInterestInChildhood", FactType.Boolean,
                "S'être signalée depuis un temps suffisant par l'intérêt porté aux questions de l'enfance et par sa compétence (appréciation qualitative de l'assemblée générale)."),
            FactDefinition.Input("residesInJurisdiction", FactType.Boolean, "Résidence dans le ressort de la cour d'appel."),
            FactDefinition.Input("dishonourableConduct", FactType.Boolean,
                "Auteur de faits ayant donné lieu à condamnation pénale ou sanction disciplinaire ou administrative pour agissements contraires à l'honneur, à la probité ou aux bonnes mœurs."),
            FactDefinition.Input("personalBankruptcy", FactType.Boolean,
                "Frappée de faillite personnelle ou d'une autre sanction du livre VI du code de commerce."),
            FactDefinition.Input("managersDishonourableConduct", FactType.Boolean, "Personne morale : un dirigeant est auteur de tels faits (R.111-14 4°)."),
            FactDefinition.Input("managersPersonalBankruptcy", FactType.Boolean, "Personne morale : un dirigeant est frappé de faillite personnelle ou d'une sanction du livre VI (R.111-14 5°)."),
            FactDefinition.Input("representativesMeetNaturalPersonConditions", FactType.Boolean,
                "Personne morale : chacune des personnes susceptibles d'exercer une mission pour son compte remplit les conditions de R.111-14."),
        ],
        [
            Version(DetentionDeadlines.Code2005, 30, R111_14, R111_15, R111_24,
                [R111_14, R343_3, R111_15, R111_24, Authorities.AgeAtMost, new SourceNote("Articles issus du décret n° 2003-841 du 2 septembre 2003, art. 2, 3 et 14"), DetentionDeadlines.CodeInForce2005],
                Confidence.Settled, null),
            Version(DetentionDeadlines.Recodification2021, 23, R343_3, R343_4, R111_24 with { Confidence = Confidence.NotConfirmed },
                [R343_3, R111_14, R343_4, Authorities.AgeAtMost, DetentionDeadlines.Recodification],
                Confidence.NotConfirmed,
                "R.343-3 porte « vingt-trois ans au moins et soixante-dix ans au plus » ; la date du passage de 30 à 23 ans n'est pas confirmée : 23 ans est appliqué à compter de la recodification. L'exclusion de Mayotte (R.111-24) est maintenue sans que son équivalent actuel soit confirmé."),
        ]);

    private static ConditionVersion Version(LocalDate from, int minimumAge, ArticleReference naturalArticle, ArticleReference legalArticle,
        ArticleReference mayotte, Citation[] citations, Confidence confidence, string? note)
    {
        var honour = Condition.Fact("dishonourableConduct", false, $"{naturalArticle.Number} 4°",
            "n'avoir pas été l'auteur de faits contraires à l'honneur, à la probité ou aux bonnes mœurs ayant donné lieu à condamnation ou sanction", naturalArticle);
        var bankruptcy = Condition.Fact("personalBankruptcy", false, $"{naturalArticle.Number} 5°",
            "n'avoir pas été frappée de faillite personnelle ou d'une autre sanction du livre VI du code de commerce", naturalArticle);
        var natural = Condition.All($"{naturalArticle.Number}", "conditions de la personne physique", naturalArticle,
            new AgeCondition("birthDate", minimumAge, 70, $"{naturalArticle.Number} 1°",
                $"être âgée de {(minimumAge == 30 ? "trente" : "vingt-trois")} ans au moins et soixante-dix ans au plus", naturalArticle),
            Condition.Fact("shownInterestInChildhood", true, $"{naturalArticle.Number} 2°",
                "s'être signalée depuis un temps suffisant par l'intérêt porté aux questions de l'enfance et par sa compétence", naturalArticle),
            Condition.Fact("residesInJurisdiction", true, $"{naturalArticle.Number} 3°", "avoir sa résidence dans le ressort de la cour d'appel", naturalArticle),
            honour,
            bankruptcy);
        var legal = Condition.All($"{legalArticle.Number}", "conditions de la personne morale", legalArticle,
            Condition.Fact("managersDishonourableConduct", false, $"{legalArticle.Number} 1°",
                "dirigeants remplissant la condition d'honorabilité (4° de l'article relatif aux personnes physiques)", legalArticle),
            Condition.Fact("managersPersonalBankruptcy", false, $"{legalArticle.Number} 1°",
                "dirigeants non frappés de faillite personnelle ni de sanction du livre VI (5° de l'article relatif aux personnes physiques)", legalArticle),
            Condition.Fact("representativesMeetNaturalPersonConditions", true, $"{legalArticle.Number} 2°",
                "chaque personne susceptible d'exercer une mission pour son compte remplit les conditions des personnes physiques", legalArticle));
        return new ConditionVersion
        {
            From = from,
            Condition = Condition.All("inscription", "conditions d'inscription sur la liste des administrateurs ad hoc", naturalArticle,
                new TerritoryCondition([Territories.Mayotte], mayotte.Number, "section non applicable à Mayotte", mayotte),
                Condition.ByChoice("personKind", "personne", "personne physique ou morale", naturalArticle, ("natural", natural), ("legal", legal))),
            Citations = [.. citations],
            Confidence = confidence,
            Note = note,
        };
    }
}
