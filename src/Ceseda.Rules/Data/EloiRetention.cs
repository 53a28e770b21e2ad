using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Rules.Data;

/// <summary>How long the data of the removal-procedure processing ELOI may be kept (<i>durées de
/// conservation des données du traitement ELOI</i>), R.611-28 (2009 numbering; the source prints
/// no number, the article is identified by the Conseil d'État decision quoted under it and by the
/// reference of the following article; current numbering not confirmed). The Conseil d'État
/// annulled the derogatory three-year period on 30 December 2009 (n° 312051): that date is a
/// version boundary.</summary>
public static class EloiRetention
{
    /// <summary>The decree that created ELOI, « décret du 26 décembre 2007 » as the Conseil
    /// d'État decision quoted in the source names it.</summary>
    internal static readonly LocalDate Decree2007 = new(2007, 12, 26);

    /// <summary>The Conseil d'État decision of 30 December 2009.</summary>
    internal static readonly LocalDate Annulment = new(2009, 12, 30);

    /// <summary>CE 30 déc. 2009, n° 312051, as quoted in the source.</summary>
    internal static readonly DecisionReference AnnulmentDecision = Citation.Decision("CE", "30 déc. 2009", "312051");

    internal static readonly SourceNote Source =
        new("Numéro non imprimé dans le texte source (texte en vigueur le 28 mars 2009) : R.611-28 identifié par la décision du Conseil d'État citée sous l'article "
            + "et par le renvoi de l'article suivant ; article issu du « décret du 26 décembre 2007 » (numéro du décret non imprimé) ; première date couverte : "
            + "celle du décret (entrée en vigueur non vérifiée) ; numérotation actuelle non confirmée") { Confidence = Confidence.NotConfirmed };

    private static readonly SourceNote AnnulmentScope =
        new("CE 30 déc. 2009, n° 312051 : décret du 26 décembre 2007 « annulé en tant qu'il prévoit à l'article R. 611-28 […] une durée dérogatoire de trois ans "
            + "pour la conservation de certaines données qu'il mentionne » ; l'annulation est lue comme visant la phrase « Toutefois, les données mentionnées aux 1° à 10° du A, "
            + "au B, aux 1° et 2° du C et au 10° du F de l'annexe 6-7 peuvent être conservées […] trois ans » (et la période de trois ans de l'alinéa 2) ; portée à vérifier") { Confidence = Confidence.Contested };

    private const string RetroactivityNote =
        "Une annulation contentieuse est en principe rétroactive (l'acte annulé est réputé n'être jamais intervenu) : la date de la décision est retenue comme borne de version, "
        + "la période antérieure restant couverte par le texte publié ; la version est choisie par la date du point de départ, si bien que des données d'un éloignement antérieur "
        + "au 30 décembre 2009 restent soumises aux trois ans. À vérifier par l'équipe juridique.";

    private const string StartDescription =
        "Date de l'éloignement effectif (R.611-28 al. 1) ; lorsqu'il n'est pas procédé à l'éloignement effectif à l'issue d'une rétention administrative, date à laquelle il a été mis fin "
        + "à la rétention (al. 2), sauf interdiction du territoire prononcée en application des articles L.624-2 ou L.624-3 pour soustraction à la mesure (cas non encodé).";

    /// <summary>The general rule: the data are erased three months after the effective removal
    /// (<i>trois mois après la date de l'éloignement effectif</i>), or after the end of the
    /// retention when the removal was not carried out (al. 1 and 2).</summary>
    public static DeadlineRule General { get; } = new(
        "eloi.data-retention",
        "Durée de conservation des données du traitement ELOI (trois mois après l'éloignement effectif ou la fin de la rétention)",
        [
            DeadlineFacts.Start(StartDescription, FactType.InstantOrDate),
            DeadlineFacts.ErasureAct,
        ],
        [
            Methods.AnniversaryPeriodVersion(Decree2007, StatutoryDelay.FromMonths(3), "Éloignement effectif ou fin de la rétention",
                [Citation.Ceseda("R.611-28", 1).In(DetentionDeadlines.Numbering2009), Citation.Ceseda("R.611-28", 2).In(DetentionDeadlines.Numbering2009), Source],
                Confidence.Likely,
                "L'échéance est l'instant où les données doivent être effacées. Jusqu'au 30 décembre 2009, certaines données de l'annexe 6-7 pouvaient être conservées trois ans "
                + "(règle eloi.data-retention-derogatory). Les données des OQTF et APRF non exécutés relèvent de eloi.data-retention-unexecuted ; les données à ne pas conserver, de eloi.data-not-kept."),
            Methods.AnniversaryPeriodVersion(Annulment, StatutoryDelay.FromMonths(3), "Éloignement effectif ou fin de la rétention",
                [Citation.Ceseda("R.611-28", 1).In(DetentionDeadlines.Numbering2009), Citation.Ceseda("R.611-28", 2).In(DetentionDeadlines.Numbering2009), Source, AnnulmentDecision, AnnulmentScope],
                Confidence.Likely,
                "Depuis l'annulation de la durée dérogatoire de trois ans (CE 30 déc. 2009, n° 312051), la durée de trois mois s'applique à toutes les données de l'alinéa 1. "
                + "La rédaction postérieure à la décision n'a pas été lue."),
        ]);

    /// <summary>The derogatory period: the data of 1° to 10° of A, B, 1° and 2° of C and 10° of F
    /// of annex 6-7 may be kept three years from the same date (al. 1, second sentence), until
    /// the Conseil d'État annulled it on 30 December 2009; from then, the general three months.</summary>
    public static DeadlineRule Derogatory { get; } = new(
        "eloi.data-retention-derogatory",
        "Durée dérogatoire de conservation de certaines données du traitement ELOI (trois ans, annulée par le Conseil d'État le 30 décembre 2009)",
        [
            DeadlineFacts.Start(StartDescription + " Données visées : 1° à 10° du A, B, 1° et 2° du C et 10° du F de l'annexe 6-7.", FactType.InstantOrDate),
            DeadlineFacts.ErasureAct,
        ],
        [
            Methods.AnniversaryPeriodVersion(Decree2007, StatutoryDelay.FromYears(3), "Éloignement effectif ou fin de la rétention",
                [Citation.Ceseda("R.611-28", 1).In(DetentionDeadlines.Numbering2009), Citation.Ceseda("R.611-28", 2).In(DetentionDeadlines.Numbering2009), Source],
                Confidence.Contested,
                "« Toutefois, les données mentionnées aux 1° à 10° du A, au B, aux 1° et 2° du C et au 10° du F de l'annexe 6-7 peuvent être conservées jusqu'à l'expiration d'une période "
                + "de trois ans courant à compter de la même date. » Faculté (« peuvent ») : l'échéance est la limite au-delà de laquelle la conservation n'est plus permise. "
                + "Durée annulée par CE 30 déc. 2009, n° 312051. " + RetroactivityNote),
            Methods.AnniversaryPeriodVersion(Annulment, StatutoryDelay.FromMonths(3), "Éloignement effectif ou fin de la rétention",
                [Citation.Ceseda("R.611-28", 1).In(DetentionDeadlines.Numbering2009), AnnulmentDecision, AnnulmentScope, Source],
                Confidence.Likely,
                "Durée dérogatoire de trois ans annulée par CE 30 déc. 2009, n° 312051 : ces données suivent la règle générale de l'alinéa 1 et sont effacées trois mois après "
                + "l'éloignement effectif (ou la fin de la rétention). La durée de trois ans ne s'applique plus à aucune date de départ à compter du 30 décembre 2009."),
        ]);

    /// <summary>The data of obligations to leave French territory and of prefectoral removal
    /// orders that gave rise to no enforcement measure are erased three years after the decision
    /// was signed (al. 3).</summary>
    public static DeadlineRule Unexecuted { get; } = new(
        "eloi.data-retention-unexecuted",
        "Durée de conservation des données ELOI des OQTF et APRF n'ayant donné lieu à aucune mesure d'exécution (trois ans après la signature)",
        [
            DeadlineFacts.Start("Date de la signature de l'obligation de quitter le territoire français ou de l'arrêté de reconduite à la frontière n'ayant donné lieu à aucune mesure d'exécution.", FactType.InstantOrDate),
            DeadlineFacts.ErasureAct,
        ],
        [
            Methods.AnniversaryPeriodVersion(Decree2007, StatutoryDelay.FromYears(3), "Signature de la décision",
                [Citation.Ceseda("R.611-28", 3).In(DetentionDeadlines.Numbering2009), Source, AnnulmentDecision, AnnulmentScope],
                Confidence.Contested,
                "« Effacées trois ans après la date à laquelle la décision a été signée » : l'échéance est l'instant où les données doivent être effacées. "
                + "Cette durée de trois ans n'est pas lue comme la « durée dérogatoire » annulée par CE 30 déc. 2009, n° 312051 (qui vise « certaines données », "
                + "l'alinéa 1 seconde phrase), mais la décision ne précise pas l'alinéa : si elle visait aussi l'alinéa 3, ces données ne pourraient plus être conservées "
                + "trois ans à compter du 30 décembre 2009. À vérifier par l'équipe juridique."),
        ]);
}
