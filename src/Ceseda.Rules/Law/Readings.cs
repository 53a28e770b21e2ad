using System.Collections.Immutable;

namespace Ceseda.Rules.Law;

/// <summary>The contested points of the legal research (<i>points discutés</i>), each with its
/// default reading. Ids are part of the evaluation contract.</summary>
public static class Readings
{
    /// <summary>Where a prorogued hour deadline ends on the first working day: at the same hour
    /// (default) or at 24:00.</summary>
    public static Reading ProrogationEnd { get; } = new(
        "prorogation-end",
        "Le délai en heures prorogé au premier jour ouvrable (CPC art. 642 al. 2) expire-t-il à la même heure ou à 24 heures ?",
        "same-hour",
        [
            new("same-hour", "à la même heure que l'échéance normale",
                Citation.Decision("Cass. 2e civ.", "30 nov. 2000", "99-50.044")),
            new("end-of-day", "à 24 heures du premier jour ouvrable (CPC art. 642 al. 1 et 2 lus ensemble)",
                Citation.Cpc("642")),
        ],
        new SourceNote("Point discuté : aucune décision ne tranche pour l'appel de 24 heures (notes juridiques §1.3, §6.1)"));

    /// <summary>How hours are counted across a daylight-saving change: on the court's clock
    /// (default) or as elapsed time.</summary>
    public static Reading HourCounting { get; } = new(
        "hour-counting",
        "Les heures se comptent-elles sur l'horloge locale (« à la même heure ») ou en temps écoulé lors d'un changement d'heure ?",
        "wall-clock",
        [
            new("wall-clock", "heures d'horloge : l'échéance tombe à la même heure locale",
                new SourceNote("Usage judiciaire « à la même heure », « d'heure à heure »")),
            new("elapsed", "heures écoulées : la durée réelle est comptée",
                new SourceNote("Lecture alternative, plus protectrice pour les délais brefs de nuit")),
        ],
        new SourceNote("Point discuté : aucun texte ni décision sur le changement d'heure (notes juridiques §1.6, §6.3)"));

    /// <summary>Which of the two instants is the end when the wall-clock end falls in the hour
    /// repeated by the autumn change.</summary>
    public static Reading AmbiguousEnd { get; } = new(
        "dst-ambiguous-end",
        "Lorsque l'heure d'échéance existe deux fois (nuit du changement d'heure d'automne), laquelle retenir ?",
        "later",
        [
            new("later", "la seconde occurrence : l'heure indiquée par l'horloge n'est dépassée qu'après son second passage",
                new SourceNote("Lecture d'horloge « à la même heure »")),
            new("earlier", "la première occurrence", new SourceNote("Lecture stricte")),
        ],
        new SourceNote("Point discuté : aucun texte ni décision (notes juridiques §1.6, §6.3)"));

    /// <summary>Whether the prosecutor's short window for a suspensive appeal is prorogued past a
    /// Saturday, Sunday or holiday.</summary>
    public static Reading ProsecutorWindowProrogation { get; } = new(
        "prosecutor-window-prorogation",
        "Le délai du ministère public pour un appel suspensif est-il prorogé au premier jour ouvrable (CPC art. 642) ?",
        "none",
        [
            new("none", "non : le texte ne renvoie pas aux articles 640 et 642",
                new SourceNote("CESEDA R.552-12 : « calculé et prorogé » ne vise que l'alinéa 1")),
            new("same-hour", "oui, au premier jour ouvrable à la même heure",
                Citation.Decision("Cass. 2e civ.", "1er oct. 2020", "19-17.797")),
        ],
        new SourceNote("Point discuté, surtout pour le délai de 24 heures depuis le 15 juillet 2024 (notes juridiques §1.3, §6.2)"));

    /// <summary>Whether a silence period that ends on a Saturday, Sunday or holiday is
    /// prorogued.</summary>
    public static Reading SilenceProrogation { get; } = new(
        "silence-prorogation",
        "La naissance d'une décision implicite de rejet est-elle reportée au premier jour ouvrable lorsque le délai de silence expire un samedi, un dimanche ou un jour férié ?",
        "none",
        [
            new("none", "non : la naissance d'une décision n'est pas un acte à accomplir",
                new SourceNote("Lecture principale des notes juridiques §2.2")),
            new("next-working-day", "oui, par analogie avec CPC art. 642", Citation.Cpc("642")),
        ],
        new SourceNote("Point discuté : aucune autorité trouvée (notes juridiques §2.2, §6.9)"));

    /// <summary>Whether the 30-day visa-refusal appeal (since 1 January 2023) is a délai franc.</summary>
    public static Reading VisaAppealFranc { get; } = new(
        "visa-appeal-franc",
        "Le délai de trente jours du recours contre un refus de visa (depuis le 1er janvier 2023) est-il franc ?",
        "non-franc",
        [
            new("non-franc", "non franc, comme le délai de deux mois antérieur",
                Citation.Decision("CAA Nantes", "12 mars 2019", "17NT03733")),
            new("franc", "franc, comme les délais de recours contentieux", Citation.Decision("CE", "15 déc. 2023", "472836")),
        ],
        new SourceNote("Point discuté : non déterminé (notes juridiques §2.2, §6.10)"));

    /// <summary>Whether the mandatory two-month appeal to the prefect against a refused
    /// attestation d'accueil is a délai franc.</summary>
    public static Reading PrefectAppealFranc { get; } = new(
        "prefect-appeal-franc",
        "Le délai de deux mois du recours administratif préalable auprès du préfet (attestation d'accueil) est-il franc ?",
        "non-franc",
        [
            new("non-franc", "non franc, par analogie avec le recours préalable contre un refus de visa",
                Citation.Decision("CAA Nantes", "12 mars 2019", "17NT03733")),
            new("franc", "franc, comme les délais de recours contentieux", Citation.Decision("CE", "15 déc. 2023", "472836")),
        ],
        new SourceNote("Point non déterminé par les notes juridiques (§2.2)"));

    /// <summary>Which calendar applies to an act done at the court of appeal for a territory
    /// whose appeals go to another territory's court (Saint-Barthélemy, Saint-Martin).</summary>
    public static Reading HolidayCalendar { get; } = new(
        "holiday-calendar",
        "Quel calendrier des jours fériés s'applique : celui du lieu où l'acte doit être accompli (siège de la cour d'appel) ou celui du lieu de première instance ?",
        "place-of-act",
        [
            new("place-of-act", "le calendrier du lieu où l'acte doit être accompli",
                new SourceNote("Lecture principale des notes juridiques §3")),
            new("place-of-origin", "le calendrier du territoire de première instance",
                new SourceNote("Lecture alternative")),
        ],
        new SourceNote("Point discuté : non tranché (notes juridiques §3, §6.6)"));

    /// <summary>The date of the abolition-of-slavery holiday in Saint-Martin: 27 May (décret
    /// 2012-553) or 28 May (practice since 2018).</summary>
    public static Reading SaintMartinAbolitionDay { get; } = new(
        "saint-martin-abolition-day",
        "À Saint-Martin, la commémoration de l'abolition de l'esclavage est-elle le 27 mai (décret n° 2012-553) ou le 28 mai ?",
        "27-may",
        [
            new("27-may", "le 27 mai, date du décret n° 2012-553 du 23 avril 2012",
                new SourceNote("Décret n° 2012-553 du 23 avril 2012")),
            new("28-may", "le 28 mai, date admise par les circulaires de 2018-2019 (décret rectificatif non confirmé)",
                new SourceNote("Circulaires préfectorales 2018-2019") { Confidence = Confidence.NotConfirmed }),
        ],
        new SourceNote("Point discuté (notes juridiques §3, §6.7)"));

    /// <summary>How an upper age bound written "X ans au plus" is read.</summary>
    public static Reading AgeUpperBound { get; } = new(
        "age-upper-bound",
        "« Soixante-dix ans au plus » : jusqu'au jour du 70e anniversaire, ou jusqu'à la veille du 71e ?",
        "anniversary-not-passed",
        [
            new("anniversary-not-passed", "ne pas avoir dépassé son 70e anniversaire (70 ans et 6 mois ne remplit pas la condition)",
                Citation.Decision("CE", "30 janv. 2019", "422830")),
            new("until-next-birthday", "avoir 70 ans révolus au plus, jusqu'à la veille du 71e anniversaire (lecture courante)",
                new SourceNote("Lecture courante ; aucune décision sur R.111-14")),
        ],
        new SourceNote("Point discuté (notes juridiques §5, §6.11) ; voir aussi CE, 6 avr. 2016, n° 389359"));

    /// <summary>Which day a person born on 29 February has their birthday in a common year.</summary>
    public static Reading LeapDayBirthday { get; } = new(
        "leap-day-birthday",
        "Une personne née un 29 février atteint-elle un âge le 28 février ou le 1er mars des années non bissextiles ?",
        "28-february",
        [
            new("28-february", "le 28 février (dernier jour du mois, comme CPC art. 641 al. 2)", Citation.Cpc("641", 2)),
            new("1-march", "le 1er mars", new SourceNote("Lecture alternative")),
        ],
        new SourceNote("Point discuté (notes juridiques §6.11)"));

    /// <summary>How the days of a detention extension are counted since 15 July 2024: hour to
    /// hour, or in calendar days as the Cour de cassation counts the initial four days.</summary>
    public static Reading ExtensionCounting { get; } = new(
        "extension-counting",
        "Depuis le 15 juillet 2024, les jours d'une prolongation de la rétention se comptent-ils d'heure à heure ou en jours calendaires (jour de départ compté, fin à 24 heures) ?",
        "hour-to-hour",
        [
            new("hour-to-hour", "d'heure à heure : la prolongation s'achève à la même heure, N jours plus tard",
                Citation.Decision("CA Rouen", "8 juin 2024", "RG 24/02026")),
            new("calendar-days", "en jours calendaires, le premier jour compté, jusqu'à 24 heures du dernier jour, par analogie avec la période initiale",
                Citation.Decision("Cass. avis", "7 janv. 2025", "24-70.008")),
        ],
        new SourceNote("Point non tranché : l'avis du 7 janvier 2025 ne porte que sur les quatre premiers jours (notes juridiques §1.5, §4.2)"));

    /// <summary>Whether a validity or retention period of N years or months "à compter de" a date
    /// ends on the anniversary at 24:00 or on its eve.</summary>
    public static Reading AnniversaryEnd { get; } = new(
        "anniversary-end",
        "Une durée de validité ou de conservation de N mois ou ans « à compter » d'une date s'achève-t-elle le jour anniversaire à 24 heures, ou la veille ? (Pour une durée en jours : le jour de départ compte-t-il ?)",
        "anniversary-day",
        [
            new("anniversary-day", "le jour anniversaire à 24 heures (le jour de départ ne compte pas, de quantième à quantième)",
                Citation.Cpc("641", 2)),
            new("eve-of-anniversary", "la veille de l'anniversaire à 24 heures (le jour de départ compte : « du … au … »)",
                new SourceNote("Rédaction usuelle des titres et agréments")),
        ],
        new SourceNote("Point discuté : non déterminé (notes juridiques §5, agréments de trois ans)"));

    /// <summary>Whether the carrier's one-month observation period (R.625-3) is prorogued past a
    /// Saturday, Sunday or holiday.</summary>
    public static Reading CarrierObservationsProrogation { get; } = new(
        "carrier-observations-prorogation",
        "Le délai d'un mois laissé au transporteur pour présenter ses observations (R.625-3) est-il prorogé au premier jour ouvrable lorsqu'il expire un samedi, un dimanche ou un jour férié ?",
        "next-working-day",
        [
            new("next-working-day", "oui, par analogie avec les délais de recours administratifs", Citation.Decision("CE", "5 juin 2009", "312682")),
            new("none", "non", new SourceNote("Lecture stricte du texte")),
        ],
        new SourceNote("Point discuté : aucune autorité sur ce délai (notes juridiques §2.2)"));

    /// <summary>Whether the ad hoc administrator's one-month time limit to send the mission
    /// report to the prosecutor (R.111-19, R.343-7) is prorogued past a Saturday, Sunday or
    /// holiday.</summary>
    public static Reading MissionReportProrogation { get; } = new(
        "mission-report-prorogation",
        "Le délai d'un mois dans lequel l'administrateur ad hoc transmet son rapport de mission au procureur de la République (R.111-19, R.343-7) est-il prorogé au premier jour ouvrable lorsqu'il expire un samedi, un dimanche ou un jour férié ?",
        "next-working-day",
        [
            new("next-working-day", "oui : c'est un délai pour accomplir un acte, compté comme les délais du CPC par analogie",
                Citation.Cpc("642", 2)),
            new("none", "non : obligation envers le procureur, hors de toute instance ; le texte ne renvoie pas aux articles 640 à 642",
                new SourceNote("CPC art. 642 régit tout délai de procédure (Cass. 2e civ., 1er oct. 2020, n° 19-17.797) ; le rapport n'est pas un acte de procédure")),
        ],
        new SourceNote("Point non déterminé par les notes juridiques (§5) ; défaut retenu comme le plus défendable : un délai pour accomplir un acte, dont le manquement peut fonder la radiation (R.111-18) ou le refus de réinscription (R.111-17), se proroge par analogie avec CPC art. 642 ; à confirmer"));

    /// <summary>Whether the accountant's one-month time limit to restitute a carrier's deposit
    /// (R.625-16 al. 2) is prorogued past a Saturday, Sunday or holiday.</summary>
    public static Reading CarrierRestitutionProrogation { get; } = new(
        "carrier-restitution-prorogation",
        "Le délai d'un mois dans lequel le comptable du Trésor restitue la somme consignée par le transporteur (R.625-16 al. 2) est-il prorogé au premier jour ouvrable lorsqu'il expire un samedi, un dimanche ou un jour férié ?",
        "next-working-day",
        [
            new("next-working-day", "oui, par analogie avec CPC art. 642, comme les délais de la procédure administrative",
                Citation.Decision("CE", "5 juin 2009", "312682")),
            new("none", "non : délai imposé à l'administration elle-même, que le texte ne proroge pas (lecture la plus favorable au transporteur)",
                new SourceNote("Lecture stricte du texte")),
        ],
        new SourceNote("Point non déterminé par les notes juridiques (aucune autorité sur un délai imposé au comptable) ; défaut retenu comme le plus défendable, par cohérence avec le délai d'observations du même chapitre (R.625-3, lecture carrier-observations-prorogation) ; à confirmer"));

    /// <summary>Every reading, in a stable order.</summary>
    public static ImmutableArray<Reading> All { get; } =
    [
        ProrogationEnd, HourCounting, AmbiguousEnd, ProsecutorWindowProrogation, SilenceProrogation,
        VisaAppealFranc, PrefectAppealFranc, HolidayCalendar, SaintMartinAbolitionDay, AgeUpperBound, LeapDayBirthday,
        ExtensionCounting, AnniversaryEnd, CarrierObservationsProrogation, MissionReportProrogation,
        CarrierRestitutionProrogation,
    ];

    /// <summary>The reading with this id, or null.</summary>
    public static Reading? Find(string id)
    {
        foreach (var reading in All)
        {
            if (reading.Id == id)
            {
                return reading;
            }
        }

        return null;
    }
}
