using Ceseda.Rules.Conditions;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Data;

/// <summary>Who may receive personal data of a processing (<i>destinataires des données</i>):
/// VISABIO (R.611-12) and the border-refusal file (R.611-21), 2009 numbering; current numbering
/// not confirmed. The anti-terrorism access ends on a date that the two source texts give
/// differently (31 December 2008 in the 2005 compilation, 31 December 2012 in the text in force
/// on 28 March 2009): both dates are version boundaries.</summary>
public static partial class DataRecipients
{
    private static readonly ArticleReference R611_12 = Citation.Ceseda("R.611-12").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R611_21 = Citation.Ceseda("R.611-21").In(DetentionDeadlines.Numbering2009);
    private static readonly LocalDate VisabioDecree2007 = new(2007, 11, 2);
    private static readonly LocalDate BorderRefusalDecree = new(2007, 7, 25);
    private static readonly LocalDate AfterEnd2008 = new(2009, 1, 1);
    private static readonly LocalDate AfterEnd2012 = new(2013, 1, 1);

    private static readonly SourceNote CurrentNumbering =
        new("Numérotation actuelle (depuis le 1er mai 2021) non confirmée") { Confidence = Confidence.NotConfirmed };

    private static readonly SourceNote Seed2009 =
        new("Texte en vigueur le 28 mars 2009 (articles non numérotés dans cette version) : accès antiterroriste applicable « jusqu'au 31 décembre 2012 » ; "
            + "la compilation de 2005 porte « jusqu'au 31 décembre 2008 » ; le texte qui a modifié la date n'est pas identifié") { Confidence = Confidence.Contested };

    private static readonly SourceNote After2012 =
        new("Au-delà du 31 décembre 2012 : aucune prorogation de l'accès antiterroriste n'a été lue ; rédaction postérieure non confirmée") { Confidence = Confidence.NotConfirmed };

    private const string ContestedNote =
        "Les deux textes sources divergent sur la fin de l'accès antiterroriste : « jusqu'au 31 décembre 2008 » dans la compilation de 2005, "
        + "« jusqu'au 31 décembre 2012 » dans le texte en vigueur le 28 mars 2009. La date de 2012 est retenue sur cette période (texte le plus récent) ; "
        + "le texte qui a prorogé l'accès et sa date d'entrée en vigueur ne sont pas identifiés : si la prorogation est intervenue après le 1er janvier 2009, "
        + "l'accès n'était pas ouvert entre ces deux dates. Point discuté, à vérifier.";

    private const string After2012Note =
        "L'accès antiterroriste prend fin le 31 décembre 2012 selon le texte en vigueur le 28 mars 2009 ; une prorogation ultérieure n'a pas été lue. Non confirmé.";

    private const string PoliceCounterTerrorism =
        "agent des services de la police ou de la gendarmerie nationales chargé de la prévention et de la répression du terrorisme";

    private const string DefenceIntelligence =
        "agent des services de renseignement du ministère de la défense chargé de la prévention du terrorisme";

    private static readonly string[] VisabioRecipients =
    [
        "visa-instruction-agent", "prefecture-visa-agent", "border-control-agent", "identity-check-officer", "visa-check-officer",
        "counter-terrorism-agent", "defence-intelligence-agent", "other",
    ];

    private static readonly string[] BorderRefusalRecipients =
        ["border-police-agent", "public-liberties-directorate-agent", "counter-terrorism-agent", "defence-intelligence-agent", "other"];

    /// <summary>Who may receive the data of VISABIO on the date of access: the agents of I 1° to
    /// 4°, the judicial police officers of II (not the fingerprint images), and, while III is in
    /// force, the anti-terrorism agents of III.</summary>
    public static ConditionRule Visabio { get; } = new(
        "visabio.data-recipients",
        "Destinataires des données du traitement VISABIO",
        [
            FactDefinition.AssessedOn("accessDate", "Date de la communication des données ou de l'accès au traitement."),
            FactDefinition.Input("recipient", FactType.Choice,
                "Catégorie du destinataire : I 1° agent des affaires étrangères ou de l'immigration participant à l'instruction des demandes de visa (visa-instruction-agent) ; "
                + "I 2° agent de préfecture compétent pour la délivrance et la prorogation des visas (prefecture-visa-agent) ; "
                + "I 3° agent de l'intérieur ou du budget habilité par le chef du service de la police ou des douanes chargé du contrôle aux frontières (border-control-agent) ; "
                + "I 4° officier de police judiciaire pour les vérifications d'identité de l'article 78-3 du code de procédure pénale (identity-check-officer) ; "
                + "II officier de police judiciaire pour le contrôle de l'authenticité des visas et de la régularité du séjour (visa-check-officer) ; "
                + "III 1° agent des services de la police ou de la gendarmerie nationales chargés de la prévention et de la répression du terrorisme (counter-terrorism-agent) ; "
                + "III 2° agent des services de renseignement du ministère de la défense chargés de la prévention du terrorisme (defence-intelligence-agent) ; "
                + "autre (other).") with { Choices = [.. VisabioRecipients] },
            FactDefinition.Input("fingerprintImages", FactType.Boolean, "L'accès porte sur les images numérisées des empreintes digitales."),
            FactDefinition.Input("individuallyAuthorised", FactType.Boolean,
                "Le destinataire est individuellement désigné et spécialement habilité par l'autorité que l'article désigne pour sa catégorie."),
        ],
        [
            VisabioVersion(VisabioDecree2007, "31 décembre 2008",
                [R611_12, new SourceNote("Article issu de l'article 4 du décret n° 2004-1266 du 25 novembre 2004, modifié par l'article 2 du décret n° 2007-1560 du 2 novembre 2007 ; "
                    + "première date couverte : celle du décret de 2007, la version antérieure n'ayant pas été lue"), CurrentNumbering],
                Confidence.Likely, "Accès du III ouvert jusqu'au 31 décembre 2008 inclus selon la compilation de 2005 (IV)."),
            VisabioVersion(AfterEnd2008, "31 décembre 2012", [R611_12, Seed2009, CurrentNumbering], Confidence.Contested, ContestedNote),
            VisabioVersion(AfterEnd2012, null, [R611_12, After2012, CurrentNumbering], Confidence.NotConfirmed, After2012Note),
        ]);

    /// <summary>Who may receive the data of the border-refusal file on the date of access: the
    /// agents of I (those of the public-liberties directorate without biometric data), and, while
    /// II is in force, the anti-terrorism agents of II (not the information of annex 6-6, which
    /// goes to the agents of I only, IV).</summary>
    public static ConditionRule BorderRefusal { get; } = new(
        "border-refusal.data-recipients",
        "Destinataires des données du traitement des refus d'entrée à la frontière",
        [
            FactDefinition.AssessedOn("accessDate", "Date de la communication des données ou de l'accès au traitement."),
            FactDefinition.Input("recipient", FactType.Choice,
                "Catégorie du destinataire : I 1° agent de la police aux frontières (border-police-agent) ; "
                + "I 2° agent chargé de la réglementation relative aux étrangers à la direction des libertés publiques et des affaires juridiques (public-liberties-directorate-agent) ; "
                + "II 1° agent des services de la police ou de la gendarmerie nationales chargés de la prévention et de la répression du terrorisme (counter-terrorism-agent) ; "
                + "II 2° agent des services de renseignement du ministère de la défense chargés de la prévention du terrorisme (defence-intelligence-agent) ; "
                + "autre (other).") with { Choices = [.. BorderRefusalRecipients] },
            FactDefinition.Input("data", FactType.Choice,
                "Données consultées : données de l'article R.611-19 autres que biométriques (records) ; données biométriques, images numérisées de la photographie et des empreintes digitales (biometric) ; "
                + "informations de l'annexe 6-6 conservées 32 jours (annex-6-6).") with { Choices = ["records", "biometric", "annex-6-6"] },
            FactDefinition.Input("individuallyAuthorised", FactType.Boolean,
                "Le destinataire est individuellement désigné et spécialement habilité par l'autorité que l'article désigne pour sa catégorie."),
        ],
        [
            BorderRefusalVersion(BorderRefusalDecree, "31 décembre 2008",
                [R611_21, new SourceNote("Section introduite par le décret n° 2007-1136 du 25 juillet 2007 ; première date couverte : celle du décret (entrée en vigueur non vérifiée)"), CurrentNumbering],
                Confidence.Likely, "Accès du II ouvert jusqu'au 31 décembre 2008 inclus selon la compilation de 2005 (III). "
                    + "Le traitement est expérimental, créé pour deux ans à compter de la publication du décret n° 2007-1136 (R.611-18)."),
            BorderRefusalVersion(AfterEnd2008, "31 décembre 2012", [R611_21, Seed2009, CurrentNumbering], Confidence.Contested,
                ContestedNote + " Le traitement, expérimental pour deux ans à compter de la publication du décret n° 2007-1136 (R.611-18), figure encore dans le texte en vigueur le 28 mars 2009 ; son sort ensuite n'est pas confirmé."),
            BorderRefusalVersion(AfterEnd2012, null, [R611_21, After2012, CurrentNumbering], Confidence.NotConfirmed,
                After2012Note + " L'existence du traitement expérimental à cette date n'est pas confirmée."),
        ]);

    private static ConditionVersion VisabioVersion(LocalDate from, string? terrorismUntil, Citation[] citations, Confidence confidence, string note) => new()
    {
        From = from,
        Condition = Condition.All("R.611-12", "destinataire autorisé des données de VISABIO", R611_12,
            Condition.ByChoice("recipient", "R.611-12", "catégorie de destinataire", R611_12,
                ("visa-instruction-agent", Is("visa-instruction-agent", "R.611-12 I 1°", "agent participant à l'instruction des demandes de visa", R611_12)),
                ("prefecture-visa-agent", Is("prefecture-visa-agent", "R.611-12 I 2°", "agent de préfecture compétent en matière de délivrance et de prorogation des visas", R611_12)),
                ("border-control-agent", Is("border-control-agent", "R.611-12 I 3°", "agent habilité par le chef du service chargé du contrôle aux frontières", R611_12)),
                ("identity-check-officer", Is("identity-check-officer", "R.611-12 I 4°", "officier de police judiciaire pour les vérifications d'identité", R611_12)),
                ("visa-check-officer", Condition.Fact("fingerprintImages", false, "R.611-12 II",
                    "officier de police judiciaire en mission de contrôle de l'authenticité des visas et de la régularité du séjour, à l'exclusion des images numérisées des empreintes digitales", R611_12)),
                ("counter-terrorism-agent", Terrorism("counter-terrorism-agent", "R.611-12 III 1°", PoliceCounterTerrorism, terrorismUntil)),
                ("defence-intelligence-agent", Terrorism("defence-intelligence-agent", "R.611-12 III 2°", DefenceIntelligence, terrorismUntil)),
                ("other", new ChoiceInCondition("recipient", [], "R.611-12", "être l'un des destinataires que l'article énumère", R611_12))),
            Authorised("R.611-12", R611_12)),
        Citations = [.. citations],
        Confidence = confidence,
        Note = note,
    };

    private static ConditionVersion BorderRefusalVersion(LocalDate from, string? terrorismUntil, Citation[] citations, Confidence confidence, string note) => new()
    {
        From = from,
        Condition = Condition.All("R.611-21", "destinataire autorisé des données du traitement des refus d'entrée", R611_21,
            Condition.ByChoice("recipient", "R.611-21", "catégorie de destinataire", R611_21,
                ("border-police-agent", Is("border-police-agent", "R.611-21 I 1°", "agent de la police aux frontières", R611_21)),
                ("public-liberties-directorate-agent", new ChoiceInCondition("data", ["records", "annex-6-6"], "R.611-21 I 2°",
                    "agent de la direction des libertés publiques et des affaires juridiques, à l'exclusion des données biométriques", R611_21)),
                ("counter-terrorism-agent", TerrorismOnRecords(terrorismUntil, "II 1°", PoliceCounterTerrorism)),
                ("defence-intelligence-agent", TerrorismOnRecords(terrorismUntil, "II 2°", DefenceIntelligence)),
                ("other", new ChoiceInCondition("recipient", [], "R.611-21", "être l'un des destinataires que l'article énumère", R611_21))),
            Authorised("R.611-21", R611_21)),
        Citations = [.. citations],
        Confidence = confidence,
        Note = note,
    };

    /// <summary>Met when reached: the recipient is of this category.</summary>
    private static ChoiceInCondition Is(string recipient, string id, string text, Citation citation) =>
        new("recipient", [recipient], id, text, citation);

    /// <summary>An anti-terrorism recipient of VISABIO (III): allowed while the clause is in
    /// force, never after (IV).</summary>
    private static Condition Terrorism(string recipient, string id, string who, string? until) =>
        until is not null
            ? Is(recipient, id, $"{who}, accès ouvert jusqu'au {until}", R611_12)
            : new ChoiceInCondition("recipient", [], "R.611-12 IV", $"{id} ({who}) : les dispositions du III ne sont applicables que jusqu'au 31 décembre 2012", R611_12);

    /// <summary>An anti-terrorism recipient of the border-refusal file (II): the data of R.611-19,
    /// not the information of annex 6-6 (IV), while II is in force (III).</summary>
    private static Condition TerrorismOnRecords(string? until, string item, string who) =>
        until is not null
            ? new ChoiceInCondition("data", ["records", "biometric"], "R.611-21 IV",
                $"{item} {who} : accès aux données de l'article R.611-19 jusqu'au {until} ; les informations de l'annexe 6-6 ne sont destinées qu'aux agents du I", R611_21)
            : new ChoiceInCondition("recipient", [], "R.611-21 III", $"{item} ({who}) : les dispositions du II ne sont applicables que jusqu'au 31 décembre 2012", R611_21);

    private static Condition Authorised(string article, Citation citation) =>
        Condition.Fact("individuallyAuthorised", true, $"{article} (habilitation)",
            "être individuellement désigné et spécialement habilité par l'autorité que l'article désigne", citation);
}
