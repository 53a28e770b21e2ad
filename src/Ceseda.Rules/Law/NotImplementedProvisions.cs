using System.Collections.Immutable;
using static Ceseda.Rules.Law.NotImplementedReason;

namespace Ceseda.Rules.Law;

/// <summary>Why a provision of the source texts has no rule (<i>motif de non-implémentation</i>).
/// The order is the order of the docs page: planned rules first.</summary>
public enum NotImplementedReason
{
    /// <summary>The text sets a deadline, a period or a condition that can be computed but is not
    /// encoded yet (<i>règle prévue</i>); the explanation says what to encode.</summary>
    Planned,

    /// <summary>A period or a condition that can be computed but concerns no procedure the engine
    /// serves, such as the term of a commission's members (<i>hors du champ du moteur</i>).</summary>
    OutOfScope,

    /// <summary>A qualitative criterion or an unquantified time, such as « sans délai » or « dans
    /// un délai raisonnable » (<i>aucun contenu calculable</i>).</summary>
    NoComputableContent,

    /// <summary>A formality of procedure with no deadline to compute: reasons, notification,
    /// oath, documents to produce (<i>formalité de procédure sans délai</i>).</summary>
    ProceduralFormality,

    /// <summary>A definition or a list of documents or categories (<i>définition</i>).</summary>
    Definition,

    /// <summary>The provision applies other articles (<i>renvoi</i>).</summary>
    Referral,

    /// <summary>The organisation of an authority, a list, a commission or a service, or the
    /// designation of the competent authority (<i>disposition d'organisation</i>).</summary>
    Organisational,

    /// <summary>The purposes, data, recipients or rights of a personal-data processing, with no
    /// period to compute (<i>traitement de données</i>); retention periods are planned rules.</summary>
    DataProcessing,

    /// <summary>The provision is repealed (<i>disposition abrogée</i>).</summary>
    Repealed,
}

/// <summary>A provision of the source texts that no rule cites (<i>disposition non
/// implémentée</i>), with the reason.</summary>
/// <param name="Article">The article as the source texts number it, normalised like
/// "R.111-1" or "D.211-7". For a provision whose number the source text does not print, the
/// block it belongs to; its explanation then contains <see cref="NotImplementedProvisions.NumberNotPrinted"/>.</param>
/// <param name="Reason">Why there is no rule.</param>
/// <param name="Explanation">Why, in French; for a planned rule, the deadline or condition to encode.</param>
public sealed record NotImplementedProvision(string Article, NotImplementedReason Reason, string Explanation)
{
    /// <summary>The alinéa, when a rule cites the article but this alinéa is not encoded.</summary>
    public int? Alinea { get; init; }

    /// <summary>The provision as a lawyer writes it, e.g. "R.223-8 al. 4".</summary>
    public string Text => Alinea is { } alinea ? $"{Article} al. {alinea}" : Article;
}

/// <summary>The provisions of the source texts (<c>law/</c>) with no rule (<i>dispositions non
/// implémentées</i>), each with the reason, as Catala writes deliberate non-implementations
/// down. A coverage test fails when an article of the source texts is neither cited by a rule
/// nor listed here, and when an entry is also cited by a rule.</summary>
public static class NotImplementedProvisions
{
    /// <summary>Begins the explanation of a provision whose article number the source text
    /// does not print (the 28 March 2009 version): the number given, if any, is inferred and
    /// the explanation says how.</summary>
    public const string NumberNotPrinted = "Numéro non imprimé dans le texte source";

    /// <summary>Every provision with no rule, in the order of the source texts.</summary>
    public static ImmutableArray<NotImplementedProvision> All { get; } =
    [
        // Seed 000: R.142-11, numbering in force since 1 May 2021.
        new("R.142-11", DataProcessing, "Finalités du traitement AGDREF2 : aucun délai ni condition calculable."),

        // Seed 001. Livre Ier, interprètes traducteurs (R.111-1 à R.111-12).
        new("R.111-1", Organisational, "Liste des interprètes dressée chaque année par le procureur et tenue à la disposition du public : organisation de la liste, aucun délai ni condition calculable (la période d'établissement relève de R.111-7)."),
        new("R.111-5", ProceduralFormality, "Renseignements joints à la demande d'inscription : pièces à fournir, sans délai ni condition d'éligibilité."),
        new("R.111-6", NoComputableContent, "Changement de situation à signaler « sans délai » : délai non chiffré."),
        new("R.111-8", NoComputableContent, "Révision annuelle : le retrait reprend les conditions de R.111-3 et R.111-4, déjà encodées ; la radiation repose sur une appréciation de l'exécution des missions."),
        new("R.111-9", NoComputableContent, "Retrait ou radiation provisoire en cours d'année pour des circonstances appréciées au cas par cas (éloignement prolongé, maladie, motif grave) : aucun critère chiffré."),
        new("R.111-11", ProceduralFormality, "Motivation, observations et notification des décisions de refus, de retrait ou de radiation : formalités sans délai."),
        new("R.111-12", ProceduralFormality, "Serment prêté lors de l'inscription initiale ou de la réinscription après radiation : formalité sans délai."),

        // Administrateurs ad hoc (R.111-13 à R.111-24).
        new("R.111-13", Organisational, "Liste tenue à la disposition du public dans les locaux du secrétariat-greffe de la cour d'appel et des tribunaux de grande instance, et qui peut y être affichée : organisation, aucun délai (le cycle de quatre ans de l'alinéa 1 est encodé).") { Alinea = 2 },
        new("R.111-16", ProceduralFormality, "Instruction des demandes (avis recueillis, transmissions, assemblée générale de la cour) : procédure sans délai fixé."),
        new("R.111-22", Organisational, "Indemnités à la charge de l'État : règle budgétaire, aucun délai ni condition calculable."),
        new("R.111-23", Planned, "Désignation provisoire hors liste lorsque la liste n'est pas constituée ou qu'aucun inscrit ne peut être désigné, parmi les personnes remplissant les conditions de R.111-14 et R.111-15 ou inscrites sur la liste de l'article R. 53 du code de procédure pénale : condition à encoder."),

        // Commission nationale de contrôle des centres et locaux de rétention et des zones d'attente (R.111-25 à R.111-32).
        new("R.111-25", Organisational, "Mission de la commission nationale de contrôle : organisation, aucun délai ni condition calculable."),
        new("R.111-26", OutOfScope, "Composition de la commission ; mandat de deux ans renouvelable : durée calculable mais propre au fonctionnement de la commission."),
        new("R.111-27", Organisational, "Règlement intérieur, réunion au moins une fois par an et calendrier des contrôles : fonctionnement de la commission."),
        new("R.111-28", Organisational, "Visites sur place et rapports de la commission : organisation, aucun délai."),
        new("R.111-29", Organisational, "Informations communiquées à la commission et secrets qui peuvent lui être opposés : aucun délai ni condition calculable."),
        new("R.111-30", Organisational, "Manquements à la déontologie et discrétion des membres : organisation."),
        new("R.111-31", Organisational, "Rapport annuel de la commission au ministre, sans date fixée : organisation."),
        new("R.111-32", Organisational, "Crédits de la commission inscrits au budget du ministère de l'intérieur : disposition budgétaire."),

        // Citoyens de l'Union européenne (R.121-1, R.121-2).
        new("R.121-1", Planned, "Admission du citoyen de l'Union muni d'une carte d'identité ou d'un passeport en cours de validité, et du membre de famille ressortissant d'un État tiers muni d'un titre de séjour, ou d'un passeport et d'un visa ou d'un document établissant le lien familial, sauf menace pour l'ordre public : conditions à encoder (l'ordre public restant un fait apprécié)."),
        new("R.121-2", NoComputableContent, "Moyens raisonnables de se procurer les documents « dans un délai raisonnable » avant tout refoulement : délai non chiffré."),

        // Livre II, documents exigés et visas (R.211-1 à R.211-10).
        new("R.211-1", Organisational, "Nature des documents fixée par arrêté ; examen possible des empreintes du porteur d'un visa : aucun délai ni condition calculable dans le texte."),
        new("R.211-2", Planned, "Séjour déclaré d'une durée n'excédant pas trois mois : présentation des documents du 2° de l'article L.211-1 ; condition de durée à encoder."),
        new("R.211-3", NoComputableContent, "Transit : conditions d'entrée dans le pays de destination, qui relèvent d'un droit étranger."),
        new("R.211-4-1", ProceduralFormality, "Photographie et relevé des empreintes digitales du demandeur de visa : formalité sans délai."),
        new("D.211-5", Planned, "Saisine préalable obligatoire de la commission, à peine d'irrecevabilité du recours contentieux : condition de recevabilité à encoder (le délai de D.211-6 est encodé)."),
        new("D.211-7", OutOfScope, "Composition de la commission ; président et membres nommés pour trois ans : durée propre au fonctionnement de la commission."),
        new("D.211-8", Organisational, "Informations fournies à la commission : organisation."),
        new("D.211-9", ProceduralFormality, "Rejet ou recommandation ; rejet sans réunion des recours manifestement irrecevables ou mal fondés : aucun délai."),
        new("R.211-10", Organisational, "Modalités de fonctionnement de la commission fixées par arrêté."),

        // Attestations d'accueil (R.211-11 à R.211-26).
        new("R.211-14", Planned, "Présentation personnelle en mairie avec les pièces d'identité, d'occupation du logement et de ressources : conditions de la validation à encoder (le logement décent restant un fait apprécié)."),
        new("R.211-15", Planned, "Le conjoint et les enfants mineurs de dix-huit ans peuvent figurer sur l'attestation : condition d'âge à encoder."),
        new("R.211-18", Organisational, "Information du maire par l'autorité consulaire et compte rendu annuel au préfet, sans date fixée : organisation."),
        new("R.211-19", DataProcessing, "Traitement facultatif des demandes de validation et sa finalité : aucun délai ni condition calculable."),
        new("R.211-20", DataProcessing, "Catégories de données enregistrées : énumération."),
        new("R.211-22", DataProcessing, "Destinataires des données."),
        new("R.211-23", DataProcessing, "Droit d'accès, mise à jour, effacement au décès ou au déménagement de l'hébergeant : aucune durée."),
        new("R.211-24", DataProcessing, "Droit d'opposition écarté."),
        new("R.211-25", DataProcessing, "Interdiction d'interconnexion."),
        new("R.211-26", DataProcessing, "Déclaration préalable à la CNIL : formalité sans délai."),

        // Autres documents (R.211-27 à R.211-33).
        new("R.211-27", NoComputableContent, "Justificatifs de l'objet et des conditions du séjour selon son motif (« tout document de nature à… ») : appréciation au cas par cas."),
        new("R.211-28", NoComputableContent, "Moyens d'existence appréciés selon la durée et l'objet du séjour : aucun montant ni seuil dans le texte."),
        new("R.211-30", Planned, "Garanties de rapatriement à détenir pendant le séjour ; obligation levée par un titre de séjour d'une validité d'au moins un an : condition à encoder."),
        new("R.211-31", Definition, "Documents pouvant valoir garanties de rapatriement : énumération."),
        new("R.211-33", ProceduralFormality, "Services auprès desquels la déclaration d'entrée est souscrite, récépissé et justification : formalités sans délai."),

        // Dispenses (R.212-1 à R.212-11).
        new("R.212-2", Planned, "Dispense possible de l'attestation d'accueil (séjour humanitaire ou échange culturel, cause médicale urgente ou maladie grave d'un proche, obsèques d'un proche) : conditions à encoder avec R.212-3 à R.212-5."),
        new("R.212-3", Planned, "Séjour humanitaire ou culturel : justificatifs à produire ; l'invitation d'un organisme agréé suffit à la dispense : condition à encoder avec R.212-2."),
        new("R.212-4", Definition, "Définition de la cause médicale urgente et de la maladie grave d'un proche ; avis du médecin communiqué « sans délai » : aucun délai chiffré."),
        new("R.212-5", ProceduralFormality, "Attestation du maire de la commune des obsèques à produire : pièce justificative, sans délai."),
        new("R.212-7", OutOfScope, "Composition de la commission de l'article L.212-2 ; désignations pour trois ans : durée propre au fonctionnement de la commission."),
        new("R.212-8", ProceduralFormality, "Saisine de la commission avant l'entrée et contenu de la demande : aucun délai."),
        new("R.212-9", ProceduralFormality, "Enregistrement et communication « sans délai » de la demande au ministre : délai non chiffré."),
        new("R.212-10", Organisational, "Rapporteur et réunions de la commission : organisation."),
        new("R.212-11", ProceduralFormality, "Avis motivé de la commission et décision du ministre : aucun délai."),

        // Refus d'entrée (R.213-1 à R.213-3).
        new("R.213-2", Planned, "Refus d'entrée d'un demandeur d'asile seulement après consultation de l'OFPRA : condition de régularité à encoder."),
        new("R.213-3", Organisational, "Ministre de l'intérieur compétent pour le refus d'entrée au titre de l'asile : désignation d'autorité."),

        // Maintien en zone d'attente (R.221-1 à R.222-3 ; R.552-5 à R.552-10).
        new("R.221-2", Referral, "Renvoie à R.111-13 à R.111-24 pour la désignation et l'indemnisation des administrateurs ad hoc."),
        new("R.221-3", Planned, "Interprète à la charge de l'administration pour l'étranger qui ne comprend pas le français dans les seules procédures de non-admission ou d'éloignement, à la charge de l'étranger dans les autres cas : condition à encoder."),
        new("R.222-1", Organisational, "Compétence territoriale du juge des libertés et de la détention : règle de compétence, sans délai."),
        new("R.222-3", Referral, "Renvoie à R.552-5 à R.552-10 pour la procédure devant le juge des libertés et de la détention."),
        new("R.552-5", ProceduralFormality, "Avis du jour et de l'heure de l'audience donné « aussitôt » par le greffier : délai non chiffré."),
        new("R.552-6", ProceduralFormality, "Droit de choisir un avocat ou d'en obtenir un d'office : formalité sans délai."),
        new("R.552-7", ProceduralFormality, "Requête et pièces mises à la disposition de l'avocat et de l'étranger : formalité sans délai."),
        new("R.552-8", Organisational, "Autorité compétente pour proposer l'audience par moyens de télécommunication audiovisuelle : désignation d'autorité."),
        new("R.552-9", ProceduralFormality, "Déroulement de l'audience : formalités sans délai."),
        new("R.552-10", ProceduralFormality, "Ordonnance rendue « sans délai », notifications « dans les meilleurs délais » : délais non chiffrés ; le prononcé fait courir les délais de R.552-12, encodés."),

        // Voies de recours (R.222-4, R.552-12 à R.552-16).
        new("R.552-13", ProceduralFormality, "Déclaration d'appel motivée, enregistrée avec la date et l'heure : elle fixe la saisine, point de départ des quarante-huit heures de R.552-15 (encodées), sans délai propre."),
        new("R.552-14", ProceduralFormality, "Décision sur le caractère suspensif après les observations de R.552-12 al. 4 (délai encodé) ; information « sans délai » : aucun autre délai."),
        new("R.552-16", NoComputableContent, "Pas d'opposition ; pourvoi en cassation ouvert, sans délai fixé par l'article."),

        // Contrôle des droits en zone d'attente (R.223-1 à R.223-14).
        new("R.223-1", Organisational, "Principe de l'accès du HCR et des associations humanitaires à la zone d'attente : organisation."),
        new("R.223-2", NoComputableContent, "Accès du HCR dans des conditions garantissant un accès effectif aux demandeurs d'asile : critère qualitatif."),
        new("R.223-4", Organisational, "Ministre de l'intérieur compétent pour délivrer ou retirer l'agrément : désignation d'autorité."),
        new("R.223-5", Organisational, "Accès sur présentation de la carte nominative, modalités arrêtées d'un commun accord : organisation."),
        new("R.223-6", Organisational, "Entretiens des représentants du HCR : organisation, aucun délai."),
        new("R.223-7", Organisational, "Réunion annuelle sur le fonctionnement des zones d'attente, sans date fixée : organisation."),
        new("R.223-10", ProceduralFormality, "Motivation des décisions de retrait : formalité sans délai."),
        new("R.223-11", ProceduralFormality, "Visite supplémentaire sur demande écrite et motivée : formalité sans délai."),
        new("R.223-12", Organisational, "Ministre de l'intérieur désigné comme autorité compétente : désignation d'autorité."),
        new("R.223-14", Organisational, "Réunion annuelle avec les associations habilitées, sans date fixée : organisation."),

        // Livre VI, VISABIO (R.611-8 à R.611-15 ; repris dans le texte 002).
        new("R.611-8", DataProcessing, "Création et finalités du traitement VISABIO (texte repris dans 002) : aucun délai ni condition calculable."),
        new("R.611-10", DataProcessing, "Collecte par les consulats d'autres États membres sous réserve de garanties équivalentes : critère qualitatif."),
        new("R.611-13", DataProcessing, "Droit d'accès et de rectification (texte repris dans 002)."),
        new("R.611-14", DataProcessing, "Droit d'opposition écarté."),
        new("R.611-15", OutOfScope, "Évaluation de VISABIO tous les trois ans avec rapport à la CNIL : périodicité calculable mais sans effet sur une procédure."),
        new("R.611-17", Repealed, "Imprimé « Article R611-17 (abrogé) » dans le texte 002 : copie des données remise au titulaire du visa ; article abrogé, rien à encoder."),

        // Refus d'entrée à la frontière, traitement expérimental (R.611-18 à R.611-24 ; repris dans le texte 002).
        new("R.611-18", OutOfScope, "Traitement expérimental créé pour deux ans à compter de la publication du décret n° 2007-1136 (texte repris dans 002) : durée de validité du traitement, non délai de procédure."),
        new("R.611-19", DataProcessing, "Données enregistrées (texte repris dans 002) : énumération."),
        new("R.611-22", DataProcessing, "Interdiction d'interconnexion."),
        new("R.611-23", DataProcessing, "Droit d'accès et de rectification."),
        new("R.611-24", DataProcessing, "Droit d'opposition écarté."),

        // Sanctions des entreprises de transport (R.625-1 à R.625-16).
        new("R.625-2", Organisational, "Ministre de l'intérieur compétent pour prononcer l'amende : désignation d'autorité."),
        new("R.625-4", Referral, "Étend R.625-1 et R.625-3 aux entreprises de transport routier et désigne les services de contrôle."),
        new("R.625-5", DataProcessing, "Dispositif agréé de numérisation et de transmission des documents de voyage et sa finalité."),
        new("R.625-6", DataProcessing, "Image numérisée créée avant l'embarquement et son support."),
        new("R.625-7", DataProcessing, "Remise « sans délai » du support à l'arrivée : délai non chiffré."),
        new("R.625-8", DataProcessing, "Consultation des images par des fonctionnaires habilités."),
        new("R.625-10", Planned, "Droit d'accès aux images dans la limite de leur conservation de 72 heures : même échéance que R.625-9, que la règle carrier.image-retention pourrait citer."),
        new("R.625-11", DataProcessing, "Droit d'opposition écarté."),
        new("R.625-12", DataProcessing, "Interdiction d'enregistrement dans un autre traitement."),
        new("R.625-13", ProceduralFormality, "Somme consignée mentionnée au procès-verbal et remise « sans délai » au comptable : délai non chiffré."),
        new("R.625-14", Planned, "Imputation de la somme consignée sur le montant de l'amende : calcul à encoder avec R.625-16."),
        new("R.625-15", ProceduralFormality, "Ordre de restitution dès la décision de ne pas prononcer d'amende : aucun délai chiffré."),
        new("R.625-16", Planned, "Restitution de la différence entre la somme consignée et l'amende lorsque l'amende est inférieure : montant à encoder avec R.625-14 (le délai d'un mois de l'alinéa 2 est encodé).") { Alinea = 1 },

        // Livre VIII, transport des étrangers retenus ou maintenus (R.821-1).
        new("R.821-1", Organisational, "Transport des étrangers retenus ou maintenus confié par marché public, limité à la mise à disposition et à la conduite des véhicules : organisation, aucun délai ni condition calculable."),

        // Seed 002: the regulatory articles in force on 28 March 2009 print no numbers (D.611-1 onwards).
        // The VISABIO and border-refusal blocks repeat R.611-8, R.611-9, R.611-12, R.611-13 and
        // R.611-18 to R.611-21 of seed 001 (the anti-terrorism access of R.611-12 and R.611-21
        // ends on 31 Dec 2012 instead of 2008): they are listed above under those numbers, except
        // R.611-20, which the border-refusal retention rules cite, and R.611-12 and R.611-21, which
        // the data-recipient rules cite (with both end dates as version boundaries).
        new("D.611-1", DataProcessing, $"{NumberNotPrinted} (002) : premier article de la série D.611-1 selon l'ordre du texte. Système de gestion des dossiers des ressortissants étrangers (AGDREF) et ses finalités : aucun délai ni condition calculable."),
        new("D.611-2", DataProcessing, $"{NumberNotPrinted} (002) : identifié par le renvoi de l'article suivant aux « données mentionnées à l'article D. 611-2 ». Fichiers et catégories d'informations enregistrées : énumération."),
        new("AGDREF (002) : interconnexion", DataProcessing, $"{NumberNotPrinted} (002) ; probablement D.611-4 selon l'ordre du texte, non confirmé. Interdiction d'interconnexion."),
        new("AGDREF (002) : titres de séjour", Definition, $"{NumberNotPrinted} (002) ; probablement D.611-5 selon l'ordre du texte, non confirmé. Cas de fabrication et mentions des titres de séjour : aucun délai."),
        new("AGDREF (002) : déclaration à la CNIL", ProceduralFormality, $"{NumberNotPrinted} (002) ; probablement D.611-6 selon l'ordre du texte, non confirmé. Déclaration préalable de chaque préfet à la CNIL : formalité sans délai."),
        new("R.611-25", DataProcessing, $"{NumberNotPrinted} (002) : il suit la section R.611-18 à R.611-24 et précède R.611-26, que citent les articles suivants. Création et finalités du traitement ELOI : aucun délai."),
        new("R.611-26", DataProcessing, $"{NumberNotPrinted} (002) : identifié par les renvois des articles suivants. Données d'ELOI énumérées à l'annexe 6-7."),
        new("R.611-27", DataProcessing, $"{NumberNotPrinted} (002) : placé entre R.611-26 et R.611-28. Début de l'enregistrement selon la mesure d'éloignement : aucune durée."),
    ];
}
