using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Rules.Procedure;

/// <summary>Generic counting rules the CESEDA refers to: CPC 640-642 for judicial deadlines,
/// and the administrative-law methods for silence and recourse.</summary>
public static class GeneralDeadlines
{
    private static readonly FactDefinition Days = new("days", FactType.Integer, false, "Nombre de jours du délai.", FactRole.Days);
    private static readonly FactDefinition Months = new("months", FactType.Integer, false, "Nombre de mois du délai.", FactRole.Months);
    private static readonly FactDefinition Years = new("years", FactType.Integer, false, "Nombre d'années du délai.", FactRole.Years);

    /// <summary>A judicial deadline counted under CPC 640-642: a start date plus days, months or
    /// years (months first, then days), ending at 24:00, prorogued past a Saturday, Sunday or
    /// holiday.</summary>
    public static DeadlineRule Cpc { get; } = new(
        "cpc.deadline",
        "Délai de procédure civile (CPC art. 640 à 642)",
        [
            DeadlineFacts.Start("Date de l'acte, de l'événement, de la décision ou de la notification qui fait courir le délai.", FactType.InstantOrDate),
            Days, Months, Years,
            DeadlineFacts.Act,
        ],
        [
            new DeadlineVersion
            {
                From = new LocalDate(1975, 9, 5),
                Method = Methods.Cpc,
                StartEvent = "Acte, événement, décision ou notification qui fait courir le délai",
                Citations =
                [
                    Authorities.Cpc640, Authorities.Cpc641Days, Authorities.Cpc641Months, Authorities.Cpc642End, Authorities.Cpc642Prorogation,
                    Authorities.AllProceduralDeadlines,
                    new SourceNote("Première date couverte : la plus ancienne attestée par le corpus (délai courant du 5 septembre 1975, Cass. 2e civ., 31 janv. 1979, n° 77-15.484) ; texte cité dans sa version de 2014"),
                ],
                Note = "Ne s'applique pas aux délais qui se comptent à rebours d'un événement futur (Cass. 2e civ., 4 févr. 1998, n° 96-13.391).",
            },
        ]);

    /// <summary>A silence period after which the administration's silence is an implicit
    /// decision: a start date (receipt of the request) plus months, by quantième.</summary>
    public static DeadlineRule AdministrativeSilence { get; } = new(
        "administrative.silence",
        "Naissance d'une décision implicite après un délai de silence de l'administration",
        [
            DeadlineFacts.Start("Réception de la demande par l'administration.", FactType.InstantOrDate),
            Months with { Required = true },
            DeadlineFacts.Act,
        ],
        [
            new DeadlineVersion
            {
                From = new LocalDate(2005, 3, 1),
                Method = Methods.Silence,
                StartEvent = "Réception de la demande",
                Citations =
                [
                    new SourceNote("Loi n° 2000-321 du 12 avril 2000, art. 21 (citée par CESEDA R.211-16), puis code des relations entre le public et l'administration"),
                    Authorities.SilenceQuantieme,
                ],
                Confidence = Confidence.Likely,
                Note = "Exemple du Conseil d'État : demande du 23 juin 2017, rejet implicite né le 23 août 2017 (deux mois). L'article du code des relations entre le public et l'administration n'est pas versé au corpus.",
            },
        ]);

    /// <summary>Two months to bring a case before the administrative court (CJA R.421-1), délai
    /// franc, prorogued past a Saturday, Sunday or holiday.</summary>
    public static DeadlineRule AdministrativeRecourse { get; } = new(
        "administrative.recourse",
        "Délai de recours contentieux devant le juge administratif (deux mois, franc)",
        [
            DeadlineFacts.Start("Notification ou publication de la décision, ou date de naissance de la décision implicite.", FactType.InstantOrDate),
            DeadlineFacts.Act,
        ],
        [
            new DeadlineVersion
            {
                From = new LocalDate(2001, 1, 1),
                Delay = StatutoryDelay.FromMonths(2),
                Method = Methods.AdministrativeRecourse(MethodChoice<bool>.Is(true, Authorities.FrancRecourse)),
                StartEvent = "Notification de la décision",
                Citations =
                [
                    Citation.Article("CJA", "R.421-1"),
                    Authorities.FrancRecourse, Authorities.FrancRecourse2023, Authorities.AdministrativeProrogation,
                    new SourceNote("Code de justice administrative en vigueur le 1er janvier 2001 (hors corpus)") { Confidence = Confidence.Likely },
                ],
                Note = "Délai franc : « le premier jour est le lendemain du jour du déclenchement et le dernier jour est le lendemain du jour de l'échéance ».",
            },
        ]);

    /// <summary>48 hours to challenge a removal order notified by the administration: hour to
    /// hour, neither franc nor prorogued (CE 10 févr. 2006, Oprea).</summary>
    public static DeadlineRule RemovalOrderRecourse48h { get; } = new(
        "administrative.removal-order-recourse-48h",
        "Délai de recours de 48 heures contre une mesure d'éloignement notifiée par voie administrative",
        [
            DeadlineFacts.Start("Notification administrative de la mesure d'éloignement."),
            DeadlineFacts.Act,
        ],
        [
            new DeadlineVersion
            {
                From = new LocalDate(2004, 9, 17),
                Delay = StatutoryDelay.FromHours(48),
                Method = Methods.HoursNeverProrogued(Authorities.Oprea, ActPlace.Territory),
                StartEvent = "Notification administrative de la mesure",
                Citations =
                [
                    Citation.Ceseda("L.512-2").In(Detention.DetentionDeadlines.Numbering2009) with { Confidence = Confidence.Likely },
                    Authorities.Oprea,
                    new SourceNote("Première date couverte : la plus ancienne attestée par le corpus (notification du 17 septembre 2004, CE Oprea) ; numérotation actuelle non confirmée"),
                ],
                Confidence = Confidence.Likely,
                Note = "Le délai de recours contre un arrêté de reconduite à la frontière notifié par voie administrative n'est ni franc ni prorogé (CE Oprea). Les réformes ultérieures de ce délai ne sont pas versées au corpus.",
            },
        ]);
}
