using Ceseda.Rules.Calendars;
using Ceseda.Rules.Conditions;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;

namespace Ceseda.Rules.Entry;

/// <summary>Exemptions at entry (<i>dispenses</i>): from the documents of R.211-3 and sections 3
/// and 4 (R.212-1) and from the entry declaration (R.212-6 with R.211-32), 2009 numbering;
/// current numbering not confirmed.</summary>
public static class ExemptionConditions
{
    private static readonly ArticleReference R211_32 = Citation.Ceseda("R.211-32").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R212_1 = Citation.Ceseda("R.212-1").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R212_6 = Citation.Ceseda("R.212-6").In(DetentionDeadlines.Numbering2009);
    private static readonly SourceNote CurrentNumbering =
        new("Numérotation actuelle (depuis le 1er mai 2021) non confirmée") { Confidence = Confidence.NotConfirmed };

    private static readonly (string Word, string Item, string French)[] Categories =
    [
        ("eu-national", "1°", "ressortissant d'un État membre de l'Union européenne ou membre de sa famille, bénéficiaire des dispositions du traité relatives à la libre circulation"),
        ("eea-national", "2°", "ressortissant d'un État partie à l'accord sur l'Espace économique européen du 2 mai 1992 ou membre de sa famille, bénéficiaire de la libre circulation des personnes"),
        ("swiss-andorran-or-monegasque", "3°", "ressortissant suisse, andorran ou monégasque"),
        ("french-family-visa", "4°", "titulaire d'un visa portant la mention « famille de Français »"),
        ("circulation-visa", "5°", "titulaire d'un visa de circulation défini par la convention d'application de l'accord de Schengen"),
        ("residence-card-visa", "6°", "titulaire d'un visa portant la mention « carte de séjour à solliciter dès l'arrivée en France »"),
        ("diplomatic-or-consular-member", "7°", "membre d'une mission diplomatique ou d'un poste consulaire, ou membre de sa famille à charge, venant de l'étranger pour prendre ses fonctions en France"),
        ("commission-exemption", "8°", "personne à laquelle une dispense a été accordée par la commission prévue au 3° de l'article L.212-2"),
        ("consular-exemption", "9°", "personne à laquelle une dispense a été accordée par les autorités consulaires françaises dans son pays de résidence"),
        ("foreign-parliamentarian", "10°", "membre d'une assemblée parlementaire d'un État étranger"),
        ("official-on-mission", "11°", "fonctionnaire, officier ou agent d'un service public étranger porteur d'un ordre de mission de son gouvernement, ou fonctionnaire d'une organisation intergouvernementale dont la France est membre muni d'un ordre de mission de celle-ci"),
        ("crew-member", "12°", "membre de l'équipage d'un navire ou d'un aéronef en déplacement de service sous le couvert des documents prévus par les conventions internationales"),
    ];

    /// <summary>The twelve categories exempted from presenting the documents of R.211-3 and of
    /// sections 3 and 4 (attestation d'accueil, purpose of the stay, means, insurance,
    /// repatriation) (<i>dispense de produire les documents</i>), R.212-1.</summary>
    public static ConditionRule DocumentExemption { get; } = new(
        "entry.document-exemption",
        "Dispense de présenter les documents de l'article R.211-3 et des sections 3 et 4 (justificatif d'hébergement et autres documents)",
        [
            FactDefinition.AssessedOn("entryDate", "Date du contrôle à l'entrée (ou de la demande de visa)."),
            FactDefinition.Input("category", FactType.Choice,
                "Catégorie de l'étranger selon R.212-1 : "
                + string.Join(" ; ", Categories.Select(c => $"{c.Item} {c.French} ({c.Word})"))
                + " ; aucune de ces catégories (none).") with { Choices = [.. Categories.Select(c => c.Word), "none"] },
            FactDefinition.Input("circulationVisaMultipleEntry", FactType.Boolean, "5° Le visa de circulation est valable pour plusieurs entrées."),
            FactDefinition.Input("circulationVisaValidityMonths", FactType.Integer, "5° Durée de validité du visa de circulation, en mois entiers."),
            FactDefinition.Input("circulationVisaIssuedForFrance", FactType.Boolean,
                "5° Le visa de circulation a été délivré par une autorité consulaire française ou par celle d'un État appliquant la convention de Schengen agissant en représentation de la France."),
        ],
        [
            new ConditionVersion
            {
                From = DetentionDeadlines.Code2005,
                Condition = Condition.ByChoice("category", "R.212-1", "catégorie dispensée des documents", R212_1,
                    [
                        .. Categories.Select(c => (c.Word, c.Word == "circulation-visa" ? CirculationVisa() : (Condition)new ChoiceInCondition("category", [c.Word], $"R.212-1 {c.Item}", c.French, R212_1))),
                        ("none", new ChoiceInCondition("category", [.. Categories.Select(c => c.Word)], "R.212-1",
                            "appartenir à l'une des douze catégories dispensées de présenter les documents", R212_1)),
                    ]),
                Citations =
                [
                    R212_1,
                    new SourceNote("Article issu de l'article 9 du décret n° 82-442 du 27 mai 1982"),
                    CurrentNumbering,
                    DetentionDeadlines.CodeInForce2005,
                ],
                Confidence = Confidence.Likely,
                Note = "L'article renvoie aux documents « prévus à l'article R.211-3 » (justification des conditions d'entrée dans le pays de destination en cas de transit), "
                    + "alors que l'intitulé de la section vise les documents du 2° de l'article L.211-1, qu'exige R.211-2 : renvoi à vérifier. "
                    + "Les conditions qualitatives de chaque catégorie (libre circulation, prise de fonctions, ordre de mission, documents des conventions internationales) "
                    + "sont comprises dans le choix de la catégorie ; seule la durée d'au moins un an du visa de circulation (5°) est vérifiée, en mois entiers.",
            },
        ]);

    /// <summary>Who does not have to make the entry declaration (<i>dispense de déclaration
    /// d'entrée</i>): outside the scope of R.211-32 (Community national, not coming directly from
    /// a Schengen State, entry outside metropolitan France), or exempted by R.212-6 (no visa
    /// required for three months; Schengen residence permit of at least one year, unless the
    /// holder resides in a third State designated by ministerial order).</summary>
    public static ConditionRule DeclarationExemption { get; } = new(
        "entry.declaration-exemption",
        "Dispense de la déclaration d'entrée sur le territoire français (étranger en provenance directe d'un État Schengen)",
        [
            FactDefinition.AssessedOn("entryDate", "Date de l'entrée sur le territoire."),
            FactDefinition.Input("communityNational", FactType.Boolean, "L'étranger est ressortissant d'un État membre de la Communauté européenne."),
            FactDefinition.Input("directFromSchengenState", FactType.Boolean,
                "L'étranger est en provenance directe d'un État partie à la convention signée à Schengen le 19 juin 1990."),
            FactDefinition.Input("visaExemptShortStay", FactType.Boolean,
                "1° L'étranger n'est pas assujetti à l'obligation du visa pour entrer en France en vue d'un séjour d'une durée inférieure ou égale à trois mois."),
            FactDefinition.Input("schengenResidencePermitInForce", FactType.Boolean,
                "2° L'étranger est titulaire d'un titre de séjour en cours de validité délivré par un État partie à la convention de Schengen."),
            FactDefinition.Input("residencePermitValidityMonths", FactType.Integer, "2° Durée de validité de ce titre de séjour, en mois entiers."),
            FactDefinition.Input("designatedThirdStateResident", FactType.Boolean,
                "2° L'étranger est résident d'un État tiers désigné par arrêté du ministre de l'intérieur (la déclaration reste alors due)."),
        ],
        [
            new ConditionVersion
            {
                From = DetentionDeadlines.Code2005,
                Condition = Condition.Any("R.212-6", "étranger non astreint à la déclaration d'entrée", R212_6,
                    Condition.Fact("communityNational", true, "R.211-32 (ressortissant communautaire)",
                        "être ressortissant d'un État membre de la Communauté européenne : hors du champ de la déclaration", R211_32),
                    Condition.Fact("directFromSchengenState", false, "R.211-32 (provenance)",
                        "ne pas être en provenance directe d'un État partie à la convention de Schengen : hors du champ de la déclaration", R211_32),
                    new TerritoryCondition([Territories.Metropole, Territories.AlsaceMoselle], "R.211-32 (territoire métropolitain)",
                        "entrer ailleurs que sur le territoire métropolitain : hors du champ de la déclaration", R211_32),
                    Condition.Fact("visaExemptShortStay", true, "R.212-6 1°",
                        "ne pas être assujetti à l'obligation du visa pour un séjour d'une durée inférieure ou égale à trois mois", R212_6),
                    Condition.All("R.212-6 2°", "titre de séjour Schengen d'au moins un an", R212_6,
                        Condition.Fact("schengenResidencePermitInForce", true, "R.212-6 2°",
                            "être titulaire d'un titre de séjour en cours de validité délivré par un État partie à la convention de Schengen", R212_6),
                        new CountCondition("residencePermitValidityMonths", 12, null, "R.212-6 2° (un an)",
                            "titre de séjour d'une durée supérieure ou égale à un an", R212_6),
                        Condition.Fact("designatedThirdStateResident", false, "R.212-6 2° (arrêté)",
                            "ne pas être résident d'un État tiers désigné par arrêté du ministre de l'intérieur", R212_6))),
                Citations =
                [
                    R212_6, R211_32,
                    new SourceNote("Articles issus des articles 1 et 3 du décret n° 93-180 du 8 février 1993"),
                    CurrentNumbering,
                    DetentionDeadlines.CodeInForce2005,
                ],
                Confidence = Confidence.Likely,
                Note = "« Met » signifie que l'étranger n'a pas à souscrire la déclaration d'entrée : hors du champ de R.211-32 ou dispensé par R.212-6. "
                    + "Le territoire de la requête est le lieu d'entrée : la déclaration n'est due qu'à l'entrée sur le territoire métropolitain. "
                    + "R.211-32 réserve « les dispositions de l'article R 212-5 » (attestation du maire pour des obsèques), alors que la dispense figure à R.212-6 : renvoi à vérifier. "
                    + "La durée d'un an du titre (2°) est vérifiée en mois entiers ; la liste des États tiers désignés par arrêté n'est pas encodée.",
            },
        ]);

    private static Condition CirculationVisa() =>
        Condition.All("R.212-1 5°", "visa de circulation valable pour plusieurs entrées, d'au moins un an, délivré pour la France", R212_1,
            Condition.Fact("circulationVisaMultipleEntry", true, "R.212-1 5° (plusieurs entrées)", "visa de circulation valable pour plusieurs entrées", R212_1),
            new CountCondition("circulationVisaValidityMonths", 12, null, "R.212-1 5° (un an)", "visa d'une durée de validité au moins égale à un an", R212_1),
            Condition.Fact("circulationVisaIssuedForFrance", true, "R.212-1 5° (autorité de délivrance)",
                "visa délivré par une autorité consulaire française ou par celle d'un État appliquant la convention et agissant en représentation de la France", R212_1));
}
