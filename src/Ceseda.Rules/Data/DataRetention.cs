using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using Ceseda.Rules.WaitingZone;
using NodaTime;

namespace Ceseda.Rules.Data;

/// <summary>How long personal data may be kept (<i>durées de conservation des données</i>): each
/// rule gives the instant a record must be erased.</summary>
public static class DataRetention
{
    /// <summary>VISABIO: five years from the recording of the data (R.611-11).</summary>
    public static DeadlineRule Visabio { get; } = new(
        "visabio.data-retention",
        "Durée de conservation des données du traitement VISABIO (cinq ans)",
        [
            DeadlineFacts.Start("Date d'inscription des données dans le traitement.", FactType.InstantOrDate),
            new FactDefinition("act", FactType.Instant, false, "Instant dont on demande si la conservation est encore permise.", FactRole.Act),
        ],
        [
            AccessPeriods.Version(DetentionDeadlines.Code2005, StatutoryDelay.FromYears(5), "Inscription des données",
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
            new FactDefinition("act", FactType.Instant, false, "Instant dont on demande si la conservation est encore permise.", FactRole.Act),
        ],
        [
            AccessPeriods.Version(new LocalDate(2005, 8, 2), StatutoryDelay.FromYears(5), "Validation ou refus de validation par le maire",
                [
                    Citation.Ceseda("R.211-21").In(DetentionDeadlines.Numbering2009),
                    new SourceNote("Article issu du décret n° 2005-937 du 2 août 2005, art. 3 ; première date couverte : celle du décret ; numérotation actuelle non confirmée") { Confidence = Confidence.NotConfirmed },
                ],
                Confidence.Likely, "L'échéance est l'instant où les données doivent être effacées."),
        ]);
}
