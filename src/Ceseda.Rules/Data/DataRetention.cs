using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Rules.Data;

/// <summary>How long personal data may be kept (<i>durées de conservation des données</i>): each
/// rule gives the instant a record must be erased.</summary>
public static class DataRetention
{
    private static readonly LocalDate BorderRefusalDecree = new(2007, 7, 25);

    private static readonly SourceNote BorderRefusalSource =
        new("Section introduite par le décret n° 2007-1136 du 25 juillet 2007 ; première date couverte : celle du décret (entrée en vigueur non vérifiée) ; numérotation actuelle non confirmée") { Confidence = Confidence.NotConfirmed };

    /// <summary>VISABIO: five years from the recording of the data (R.611-11).</summary>
    public static DeadlineRule Visabio { get; } = new(
        "visabio.data-retention",
        "Durée de conservation des données du traitement VISABIO (cinq ans)",
        [
            DeadlineFacts.Start("Date d'inscription des données dans le traitement.", FactType.InstantOrDate),
            DeadlineFacts.ErasureAct,
        ],
        [
            Methods.AnniversaryPeriodVersion(DetentionDeadlines.Code2005, StatutoryDelay.FromYears(5), "Inscription des données",
                [
                    Citation.Ceseda("R.611-11").In(DetentionDeadlines.Numbering2009),
                    new SourceNote("Article issu du décret n° 2004-1266 du 25 novembre 2004, art. 3, modifié par le décret n° 2007-1560 ; numérotation actuelle non confirmée") { Confidence = Confidence.NotConfirmed },
                    DetentionDeadlines.CodeInForce2005,
                ],
                Confidence.Likely, "L'échéance est l'instant où les données doivent être effacées."),
        ]);

    /// <summary>Data of attestation d'accueil requests: five years from the mayor's validation or
    /// refusal (R.211-21).</summary>
    public static DeadlineRule AttestationRequests { get; } = new(
        "attestation.data-retention",
        "Durée de conservation des données des demandes de validation d'attestations d'accueil (cinq ans)",
        [
            DeadlineFacts.Start("Date de la validation ou du refus de validation de l'attestation d'accueil par le maire.", FactType.InstantOrDate),
            DeadlineFacts.ErasureAct,
        ],
        [
            Methods.AnniversaryPeriodVersion(new LocalDate(2005, 8, 2), StatutoryDelay.FromYears(5), "Validation ou refus de validation par le maire",
                [
                    Citation.Ceseda("R.211-21").In(DetentionDeadlines.Numbering2009),
                    new SourceNote("Article issu du décret n° 2005-937 du 2 août 2005, art. 3 ; première date couverte : celle du décret ; numérotation actuelle non confirmée") { Confidence = Confidence.NotConfirmed },
                ],
                Confidence.Likely, "L'échéance est l'instant où les données doivent être effacées."),
        ]);

    /// <summary>The experimental file of foreigners refused entry at the border (<i>traitement
    /// des refus d'entrée à la frontière</i>): five years from the recording of the data of
    /// R.611-19 (R.611-20 al. 1).</summary>
    public static DeadlineRule BorderRefusal { get; } = new(
        "border-refusal.data-retention",
        "Durée de conservation des données du traitement des refus d'entrée à la frontière (cinq ans)",
        [
            DeadlineFacts.Start("Date d'inscription des données dans le traitement.", FactType.InstantOrDate),
            DeadlineFacts.ErasureAct,
        ],
        [
            Methods.AnniversaryPeriodVersion(BorderRefusalDecree, StatutoryDelay.FromYears(5), "Inscription des données",
                [Citation.Ceseda("R.611-20", 1).In(DetentionDeadlines.Numbering2009), BorderRefusalSource],
                Confidence.Likely,
                "L'échéance est l'instant où les données doivent être effacées. Conservation de cinq ans « sous réserve de l'engagement de la procédure de création du traitement automatisé prévu à l'article L.611-3 » : "
                + "cette réserve n'est pas vérifiée par la règle. Le traitement est expérimental, créé pour deux ans à compter de la publication du décret n° 2007-1136 (R.611-18) : "
                + "son sort au-delà et la numérotation actuelle ne sont pas confirmés."),
        ]);

    /// <summary>The information listed in annex 6-6 of the border-refusal file, kept 32 days
    /// for the refusal-of-entry and waiting-zone procedures, then erased (R.611-20 al. 2).</summary>
    public static DeadlineRule BorderRefusalAnnex { get; } = new(
        "border-refusal.annex-data-retention",
        "Durée de conservation des informations de l'annexe 6-6 du traitement des refus d'entrée à la frontière (32 jours)",
        [
            DeadlineFacts.Start("Date d'enregistrement des informations de l'annexe 6-6 ; le texte ne fixe pas expressément le point de départ des 32 jours.", FactType.InstantOrDate),
            DeadlineFacts.ErasureAct,
        ],
        [
            Methods.AnniversaryPeriodVersion(BorderRefusalDecree, StatutoryDelay.FromDays(32), "Enregistrement des informations",
                [Citation.Ceseda("R.611-20", 2).In(DetentionDeadlines.Numbering2009), BorderRefusalSource],
                Confidence.Likely,
                "« Conservées pendant un délai de 32 jours » pour les seules procédures de refus d'entrée et de maintien en zone d'attente, « passé ce délai », effacées. "
                + "Le point de départ n'est pas écrit : l'enregistrement des informations est retenu, comme l'inscription pour la durée de cinq ans de l'alinéa 1. "
                + "Par défaut le jour de l'enregistrement ne compte pas (fin le 32e jour suivant à 24 heures) ; s'il compte, fin la veille (lecture anniversary-end). Jamais prorogée."),
        ]);
}
