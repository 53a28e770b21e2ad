using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Rules.Carriers;

/// <summary>Deadlines of the sanctions against carriers (<i>sanctions des entreprises de
/// transport</i>), R.625-1 ff. (2009 numbering; current numbering not confirmed).</summary>
public static class CarrierDeadlines
{
    /// <summary>One month from the notification of the intended sanction for the carrier's
    /// observations; the decision may be taken only once it has expired (R.625-3).</summary>
    public static DeadlineRule Observations { get; } = new(
        "carrier.observations",
        "Délai d'observations du transporteur sur le projet de sanction (un mois)",
        [
            DeadlineFacts.Start("Notification du projet de sanction par lettre recommandée avec accusé de réception.", FactType.InstantOrDate),
            DeadlineFacts.ActWhen("Instant des observations du transporteur, ou de la décision de sanction (qui ne peut intervenir qu'après l'expiration du délai)."),
        ],
        [
            new DeadlineVersion
            {
                From = DetentionDeadlines.Code2005,
                Delay = StatutoryDelay.FromMonths(1),
                Method = new DeadlineMethod
                {
                    End = MethodChoice<DeadlineEnd>.Is(DeadlineEnd.EndOfDay, Citation.Cpc("642", 1)),
                    Prorogation = MethodChoice<Prorogation>.ByReading(Readings.CarrierObservationsProrogation,
                        ("next-working-day", Prorogation.EndOfDay), ("none", Prorogation.None)),
                    MonthCounting = Authorities.SilenceQuantieme,
                },
                StartEvent = "Notification du projet de sanction",
                Citations =
                [
                    Citation.Ceseda("R.625-3", 1).In(DetentionDeadlines.Numbering2009),
                    new SourceNote("Article issu du décret n° 93-180 du 8 février 1993, art. 5 ; numérotation actuelle non confirmée") { Confidence = Confidence.NotConfirmed },
                    DetentionDeadlines.CodeInForce2005,
                ],
                Confidence = Confidence.Likely,
                Note = "Procédure administrative : de quantième à quantième depuis la notification. La décision ne peut être prise qu'après l'expiration de ce délai (R.625-3 al. 3) : une décision antérieure à l'échéance est « dans le délai », donc prématurée.",
            },
        ]);

    /// <summary>Images recorded on board are kept 72 hours from the handover of the removable
    /// medium, then destroyed (R.625-9).</summary>
    public static DeadlineRule ImageRetention { get; } = new(
        "carrier.image-retention",
        "Durée de conservation des images numérisées remises par l'équipage (72 heures)",
        [
            DeadlineFacts.Start("Remise du support amovible au fonctionnaire de police habilité."),
            DeadlineFacts.ActWhen("Instant dont on demande si les images peuvent encore être conservées."),
        ],
        [
            new DeadlineVersion
            {
                From = new LocalDate(2006, 10, 11),
                Delay = StatutoryDelay.FromHours(72),
                Method = Methods.HoursNeverProrogued(
                    new SourceNote("Durée de conservation : passé 72 heures, le support est détruit (jamais prorogée)"), ActPlace.Territory),
                StartEvent = "Remise du support amovible",
                Citations =
                [
                    Citation.Ceseda("R.625-9", 1).In(DetentionDeadlines.Numbering2009),
                    new SourceNote("Article issu du décret n° 2006-1243 du 11 octobre 2006, art. 5 ; première date couverte : celle du décret ; numérotation actuelle non confirmée") { Confidence = Confidence.NotConfirmed },
                ],
                Confidence = Confidence.Likely,
                Note = "Les images peuvent être conservées sur papier pour une procédure engagée dans le délai de 72 heures (R.625-9 al. 2).",
            },
        ]);

    /// <summary>One month from the receipt by the public accountant of the executory title or of
    /// the minister's restitution order for the accountant to restitute all or part of the sum a
    /// carrier deposited (<i>restitution de la somme consignée</i>), R.625-16 al. 2.</summary>
    public static DeadlineRule DepositRestitution { get; } = new(
        "carrier.deposit-restitution",
        "Délai de restitution au transporteur de la somme consignée par le comptable du Trésor (un mois)",
        [
            DeadlineFacts.Start("Date de réception, par les services du comptable du Trésor, du titre exécutoire ou de l'ordre de restitution du ministre de l'intérieur.", FactType.InstantOrDate),
            DeadlineFacts.ActWhen("Instant de la restitution de la somme au transporteur."),
        ],
        [
            new DeadlineVersion
            {
                From = new LocalDate(2005, 7, 29),
                Delay = StatutoryDelay.FromMonths(1),
                Method = Methods.ActProrogationContested(Readings.CarrierRestitutionProrogation),
                StartEvent = "Réception du titre exécutoire ou de l'ordre de restitution par les services du comptable",
                Citations =
                [
                    Citation.Ceseda("R.625-16", 2).In(DetentionDeadlines.Numbering2009),
                    new SourceNote("Article issu du décret n° 2005-913 du 29 juillet 2005, art. 2 al. 3 et 4 ; première date couverte : celle du décret (entrée en vigueur non vérifiée) ; numérotation actuelle non confirmée") { Confidence = Confidence.NotConfirmed },
                ],
                Confidence = Confidence.Likely,
                Note = "Délai imposé au comptable du Trésor, compté de quantième à quantième à compter de la réception par ses services, fin le dernier jour à 24 heures (CPC art. 640 à 642 par analogie). "
                    + "La prorogation au premier jour ouvrable n'est pas déterminée (lecture carrier-restitution-prorogation). "
                    + "Le montant restitué (la différence entre la somme consignée et l'amende, R.625-16 al. 1) n'est pas calculé par cette règle.",
            },
        ]);
}
