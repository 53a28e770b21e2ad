using Ceseda.Rules.Conditions;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;

namespace Ceseda.Rules.Entry;

/// <summary>Conditions of the attestation d'accueil (<i>attestation d'accueil</i>): who may sign
/// it (R.211-12, R.211-13) and what it must state (R.211-11 to R.211-13), 2009 numbering;
/// current numbering not confirmed.</summary>
public static class AttestationConditions
{
    private static readonly ArticleReference R211_11 = Citation.Ceseda("R.211-11").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R211_12 = Citation.Ceseda("R.211-12").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R211_13 = Citation.Ceseda("R.211-13").In(DetentionDeadlines.Numbering2009);
    private static readonly SourceNote CurrentNumbering =
        new("Numérotation actuelle (depuis le 1er mai 2021) non confirmée") { Confidence = Confidence.NotConfirmed };

    private static readonly string[] Statuses = ["french", "exempted-foreigner", "foreigner"];

    private static readonly string[] ListedPermits =
        ["temporary-residence-card", "resident-card", "algerian-residence-certificate", "renewal-receipt", "diplomatic-card", "foreign-ministry-special-card"];

    private static readonly FactDefinition SignatoryStatus =
        FactDefinition.Input("signatoryStatus", FactType.Choice,
            "Qualité du signataire : Français (french), étranger dispensé de l'obligation de détenir un titre de séjour en application de l'article L.121-2 (exempted-foreigner), "
            + "étranger qui n'en est pas dispensé (foreigner).") with { Choices = [.. Statuses] };

    /// <summary>Who may sign an attestation d'accueil: a French national, a foreigner exempted
    /// from holding a residence permit (L.121-2), or a foreigner holding one of the six
    /// residence permits R.211-13 lists (<i>titre de séjour du signataire</i>).</summary>
    public static ConditionRule SignatoryTitle { get; } = new(
        "attestation.signatory-title",
        "Qualité et titre de séjour du signataire d'une attestation d'accueil",
        [
            FactDefinition.AssessedOn("signatureDate", "Date de la souscription de l'attestation d'accueil (demande de validation en mairie)."),
            SignatoryStatus,
            FactDefinition.Input("residencePermit", FactType.Choice,
                "Titre de séjour du signataire étranger non dispensé : carte de séjour temporaire (temporary-residence-card), carte de résident (resident-card), "
                + "certificat de résidence pour Algérien (algerian-residence-certificate), récépissé de la demande de renouvellement de l'un de ces titres (renewal-receipt), "
                + "carte diplomatique (diplomatic-card), carte spéciale délivrée par le ministère des affaires étrangères (foreign-ministry-special-card), autre titre ou aucun (other).")
                with { Choices = [.. ListedPermits, "other"] },
        ],
        [
            new ConditionVersion
            {
                From = DetentionDeadlines.Code2005,
                Condition = Condition.ByChoice("signatoryStatus", "R.211-12 / R.211-13", "qualité du signataire de l'attestation d'accueil", R211_13,
                    ("french", Always("signatoryStatus", "french", "R.211-12", "signataire français", R211_12)),
                    ("exempted-foreigner", Always("signatoryStatus", "exempted-foreigner", "R.211-12",
                        "signataire étranger dispensé de l'obligation de détenir un titre de séjour en application de l'article L.121-2", R211_12)),
                    ("foreigner", new ChoiceInCondition("residencePermit", ListedPermits, "R.211-13",
                        "le signataire étranger non dispensé doit être obligatoirement titulaire de l'un des titres suivants : carte de séjour temporaire, carte de résident, "
                        + "certificat de résidence pour Algérien, récépissé de la demande de renouvellement de l'un de ces titres, carte diplomatique, "
                        + "carte spéciale délivrée par le ministère des affaires étrangères", R211_13))),
                Citations =
                [
                    R211_13, R211_12,
                    new SourceNote("Articles issus des PA 2 et 3 de l'article 2-1 du décret n° 82-442 du 27 mai 1982"),
                    CurrentNumbering,
                    DetentionDeadlines.CodeInForce2005,
                ],
                Confidence = Confidence.Likely,
                Note = "Liste des six titres lue dans la partie réglementaire compilée en 2005 ; ses modifications ultérieures (nouveaux titres de séjour créés depuis) n'ont pas été lues. "
                    + "La règle ne vérifie pas que le titre est en cours de validité à la date de la souscription : « titulaire » est lu comme titulaire d'un titre valable, "
                    + "et le récépissé de renouvellement couvre le titre expiré. Les mentions relatives au document d'identité ou au titre du signataire relèvent de la règle attestation.content.",
            },
        ]);

    /// <summary>The mandatory mentions of an attestation d'accueil (<i>mentions obligatoires de
    /// l'attestation d'accueil</i>): the official model, 1° to 8° of R.211-11, the insurance
    /// indication, and the signatory's identity document (R.211-12) or residence permit (R.211-13).</summary>
    public static ConditionRule Content { get; } = new(
        "attestation.content",
        "Mentions obligatoires de l'attestation d'accueil",
        [
            FactDefinition.AssessedOn("signatureDate", "Date de la souscription de l'attestation d'accueil (demande de validation en mairie)."),
            FactDefinition.Input("officialModelUsed", FactType.Boolean, "L'attestation est conforme au modèle défini par arrêté du ministre de l'intérieur."),
            FactDefinition.Input("signatoryIdentityStated", FactType.Boolean,
                "1° L'attestation indique l'identité du signataire et, s'il agit comme représentant d'une personne morale, sa qualité."),
            FactDefinition.Input("placeOfStayStated", FactType.Boolean, "2° L'attestation indique le lieu d'accueil de l'étranger."),
            FactDefinition.Input("guestIdentityStated", FactType.Boolean, "3° L'attestation indique l'identité et la nationalité de la personne accueillie."),
            FactDefinition.Input("travelDatesStated", FactType.Boolean, "4° L'attestation indique les dates d'arrivée et de départ prévues."),
            FactDefinition.Input("kinshipStated", FactType.Boolean,
                "5° L'attestation indique le lien de parenté du signataire avec la personne accueillie, « s'il y a lieu » (true aussi lorsqu'il n'y a pas de lien de parenté)."),
            FactDefinition.Input("previousAttestationsStated", FactType.Boolean,
                "6° L'attestation indique les attestations d'accueil antérieurement signées par l'hébergeant, « s'il y a lieu » (true aussi lorsqu'il n'y en a pas)."),
            FactDefinition.Input("accommodationFeaturesStated", FactType.Boolean, "7° L'attestation indique les caractéristiques du lieu d'hébergement."),
            FactDefinition.Input("costUndertakingStated", FactType.Boolean, "8° L'attestation porte l'engagement de l'hébergeant de subvenir aux frais de séjour de l'étranger."),
            FactDefinition.Input("insuranceArrangementStated", FactType.Boolean,
                "L'attestation précise si l'étranger satisfait lui-même à l'obligation d'assurance (L.211-1) ou si l'hébergeant souscrit l'assurance à son profit (L.211-9)."),
            SignatoryStatus,
            FactDefinition.Input("identityDocumentDetailsStated", FactType.Boolean,
                "Signataire français ou dispensé de titre de séjour : l'attestation indique le lieu et la date de délivrance d'un document établissant son identité et sa nationalité (R.211-12)."),
            FactDefinition.Input("residencePermitDetailsStated", FactType.Boolean,
                "Signataire étranger non dispensé : l'attestation indique le lieu, la date de délivrance et la durée de validité de son titre de séjour (R.211-13)."),
        ],
        [
            new ConditionVersion
            {
                From = DetentionDeadlines.Code2005,
                Condition = Condition.All("R.211-11", "mentions obligatoires de l'attestation d'accueil", R211_11,
                    Condition.Fact("officialModelUsed", true, "R.211-11", "attestation conforme au modèle défini par arrêté du ministre de l'intérieur", R211_11),
                    Mention("signatoryIdentityStated", "1°", "l'identité du signataire et, s'il agit comme représentant d'une personne morale, sa qualité"),
                    Mention("placeOfStayStated", "2°", "le lieu d'accueil de l'étranger"),
                    Mention("guestIdentityStated", "3°", "l'identité et la nationalité de la personne accueillie"),
                    Mention("travelDatesStated", "4°", "les dates d'arrivée et de départ prévues"),
                    Mention("kinshipStated", "5°", "le lien de parenté, s'il y a lieu, du signataire avec la personne accueillie"),
                    Mention("previousAttestationsStated", "6°", "les attestations d'accueil antérieurement signées par l'hébergeant, s'il y a lieu"),
                    Mention("accommodationFeaturesStated", "7°", "les caractéristiques du lieu d'hébergement"),
                    Mention("costUndertakingStated", "8°", "l'engagement de l'hébergeant de subvenir aux frais de séjour de l'étranger"),
                    Condition.Fact("insuranceArrangementStated", true, "R.211-11 dernier alinéa",
                        "l'attestation précise qui satisfait à l'obligation d'assurance : l'étranger lui-même, ou l'hébergeant par une assurance souscrite à son profit", R211_11),
                    Condition.ByChoice("signatoryStatus", "R.211-12 / R.211-13", "mentions relatives au document du signataire", R211_12,
                        ("french", IdentityDocument()),
                        ("exempted-foreigner", IdentityDocument()),
                        ("foreigner", Condition.Fact("residencePermitDetailsStated", true, "R.211-13",
                            "indication du lieu, de la date de délivrance et de la durée de validité du titre de séjour du signataire", R211_13)))),
                Citations =
                [
                    R211_11, R211_12, R211_13,
                    new SourceNote("Articles issus des PA 1 à 3 de l'article 2-1 du décret n° 82-442 du 27 mai 1982"),
                    CurrentNumbering,
                    DetentionDeadlines.CodeInForce2005,
                ],
                Confidence = Confidence.Likely,
                Note = "Les mentions 5° et 6° ne sont dues que « s'il y a lieu » : le fait vaut true lorsque la mention figure ou n'a pas lieu d'être. "
                    + "La mention d'assurance est identifiée par « dernier alinéa » faute de numéro d'alinéa imprimé. "
                    + "La règle ne vérifie que la présence des mentions, non leur exactitude ni le contenu du modèle fixé par arrêté.",
            },
        ]);

    /// <summary>A condition that is met whenever it is reached: the branch of a choice that
    /// needs nothing more.</summary>
    private static ChoiceInCondition Always(string fact, string value, string id, string text, Citation citation) =>
        new(fact, [value], id, text, citation);

    private static Condition Mention(string fact, string item, string text) =>
        Condition.Fact(fact, true, $"R.211-11 {item}", "l'attestation indique " + text, R211_11);

    private static Condition IdentityDocument() =>
        Condition.Fact("identityDocumentDetailsStated", true, "R.211-12",
            "indication du lieu et de la date de délivrance d'un document établissant l'identité et la nationalité du signataire", R211_12);
}
