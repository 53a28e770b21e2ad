using System.Collections.Immutable;
using Ceseda.Rules.Law;

namespace Ceseda.Rules.Calendars;

/// <summary>The thirteen territories (<i>territoires</i>) and their holiday calendars. Ids are
/// part of the evaluation contract.</summary>
public static class Territories
{
    private static readonly Citation LabourCode = Citation.Article("C. trav.", "L.3133-1");
    private static readonly Citation LocalLabourCode = Citation.Article("C. trav.", "L.3134-13");
    private static readonly Citation Abolition1983 =
        new SourceNote("Loi n° 83-550 du 30 juin 1983 ; décret n° 83-1003 du 23 novembre 1983 modifié");
    private static readonly Citation Decree2012 = new SourceNote("Décret n° 2012-553 du 23 avril 2012");
    private static readonly Citation SecondarySource =
        new SourceNote("Source secondaire (droit local non versé au corpus)") { Confidence = Confidence.NotConfirmed };

    /// <summary>The national list of C. trav. L.3133-1.</summary>
    public static ImmutableArray<HolidayDefinition> NationalHolidays { get; } =
    [
        new("jour-de-l-an", "Jour de l'an (1er janvier)", HolidayDate.Fixed(1, 1), LabourCode),
        new("lundi-de-paques", "Lundi de Pâques", HolidayDate.FromEaster(1), LabourCode),
        new("fete-du-travail", "Fête du Travail (1er mai)", HolidayDate.Fixed(5, 1), LabourCode)
        {
            FromYear = 1947,
            Note = "Férié depuis la loi n° 47-778 du 30 avril 1947 (historique hors corpus, à confirmer).",
        },
        new("victoire-1945", "Victoire 1945 (8 mai)", HolidayDate.Fixed(5, 8), LabourCode)
        {
            FromYear = 1953, ToYear = 1958,
            Note = "Férié de 1953 à 1958, supprimé par le décret n° 59-533 du 11 avril 1959 (historique hors corpus, à confirmer).",
        },
        new("victoire-1945", "Victoire 1945 (8 mai)", HolidayDate.Fixed(5, 8), LabourCode)
        {
            FromYear = 1982,
            Note = "Rétabli par la loi n° 81-893 du 2 octobre 1981 (historique hors corpus, à confirmer).",
        },
        new("ascension", "Ascension", HolidayDate.FromEaster(39), LabourCode),
        new("lundi-de-pentecote", "Lundi de Pentecôte", HolidayDate.FromEaster(50), LabourCode)
        {
            Note = "Reste un jour férié au sens de CPC art. 642 malgré la journée de solidarité (Cass. 3e civ., 21 janv. 2021, n° 19-24.799).",
        },
        new("fete-nationale", "Fête nationale (14 juillet)", HolidayDate.Fixed(7, 14), LabourCode)
        {
            FromYear = 1880,
            Note = "Loi du 6 juillet 1880 (historique hors corpus).",
        },
        new("assomption", "Assomption (15 août)", HolidayDate.Fixed(8, 15), LabourCode),
        new("toussaint", "Toussaint (1er novembre)", HolidayDate.Fixed(11, 1), LabourCode),
        new("armistice-1918", "Armistice 1918 (11 novembre)", HolidayDate.Fixed(11, 11), LabourCode)
        {
            FromYear = 1922,
            Note = "Loi du 24 octobre 1922 (historique hors corpus).",
        },
        new("noel", "Noël (25 décembre)", HolidayDate.Fixed(12, 25), LabourCode),
    ];

    /// <summary>Metropolitan France outside Alsace-Moselle.</summary>
    public static Territory Metropole { get; } = new("metropole", "France métropolitaine", "Europe/Paris", NationalHolidays,
        notes: "Le vendredi saint n'y est pas férié (Cass. 2e civ., 16 juill. 1976, n° 75-12.260, Narbonne).");

    /// <summary>Bas-Rhin, Haut-Rhin and Moselle (C. trav. L.3134-13).</summary>
    public static Territory AlsaceMoselle { get; } = new("alsace-moselle", "Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle)", "Europe/Paris",
        [
            .. NationalHolidays,
            new("vendredi-saint", "Vendredi saint", HolidayDate.FromEaster(-2), LocalLabourCode)
            {
                Condition = HolidayCondition.CommuneWithProtestantChurch,
                Note = "Férié seulement dans les communes ayant un temple protestant ou une église mixte ; option goodFriday (vrai par défaut) ; le calendrier est celui de la commune où l'acte doit être accompli (siège de la cour d'appel : Colmar, Metz).",
            },
            new("saint-etienne", "Second jour de Noël (26 décembre)", HolidayDate.Fixed(12, 26), LocalLabourCode),
        ],
        notes: "Issu de l'ordonnance impériale du 16 août 1892. Une délibération du barreau ou des huissiers ne crée pas de jour chômé (Cass. 2e civ., 16 juill. 1976).");

    /// <summary>Guadeloupe, also the seat of the cour d'appel de Basse-Terre.</summary>
    public static Territory Guadeloupe { get; } = new("guadeloupe", "Guadeloupe", "America/Guadeloupe",
        [.. NationalHolidays, Abolition("abolition-esclavage", 5, 27, 1984)],
        notes: "Siège de la cour d'appel de Basse-Terre, compétente pour Saint-Barthélemy et Saint-Martin.");

    /// <summary>Martinique.</summary>
    public static Territory Martinique { get; } = new("martinique", "Martinique", "America/Martinique",
        [.. NationalHolidays, Abolition("abolition-esclavage", 5, 22, 1984)],
        notes: "Le 21 juillet (fête Victor Schœlcher) figure dans des calendriers mais son statut légal n'est pas confirmé : il n'est pas appliqué.");

    /// <summary>Guyane.</summary>
    public static Territory Guyane { get; } = new("guyane", "Guyane", "America/Cayenne",
        [.. NationalHolidays, Abolition("abolition-esclavage", 6, 10, 1984)]);

    /// <summary>La Réunion.</summary>
    public static Territory LaReunion { get; } = new("la-reunion", "La Réunion", "Indian/Reunion",
        [.. NationalHolidays, Abolition("abolition-esclavage", 12, 20, 1983)]);

    /// <summary>Mayotte.</summary>
    public static Territory Mayotte { get; } = new("mayotte", "Mayotte", "Indian/Mayotte",
        [
            .. NationalHolidays,
            new("abolition-esclavage", "Commémoration de l'abolition de l'esclavage (27 avril)", HolidayDate.Fixed(4, 27),
                new SourceNote("Loi n° 83-550 du 30 juin 1983 ; C. trav. applicable à Mayotte, art. L.222-1"))
            {
                FromYear = 1984,
                Note = "Première année déduite de la loi de 1983 (non confirmée). Les fêtes musulmanes sont des usages, non des jours fériés légaux.",
            },
        ],
        notes: "Les adaptations du CESEDA pour les délais en heures à Mayotte n'ont pas été vérifiées.");

    /// <summary>Saint-Barthélemy, whose appeals go to the cour d'appel de Basse-Terre.</summary>
    public static Territory SaintBarthelemy { get; } = new("saint-barthelemy", "Saint-Barthélemy", "America/St_Barthelemy",
        [
            .. NationalHolidays,
            new("abolition-esclavage", "Commémoration de l'abolition de l'esclavage (9 octobre)", HolidayDate.Fixed(10, 9), Decree2012)
            {
                FromYear = 2012,
                Note = "En vigueur le 26 avril 2012. Le régime antérieur à 2012 n'a pas été lu : aucun jour n'est appliqué avant 2012 (non confirmé).",
            },
        ],
        courtOfAppealSeatId: "guadeloupe",
        notes: "Appels portés devant la cour d'appel de Basse-Terre (Guadeloupe) : voir la lecture holiday-calendar.");

    /// <summary>Saint-Martin, whose appeals go to the cour d'appel de Basse-Terre.</summary>
    public static Territory SaintMartin { get; } = new("saint-martin", "Saint-Martin", "America/Marigot",
        [
            .. NationalHolidays,
            new("abolition-esclavage", "Commémoration de l'abolition de l'esclavage (27 mai)", HolidayDate.Fixed(5, 27), Decree2012)
            {
                FromYear = 2012,
                Condition = HolidayCondition.SaintMartinDay("27-may"),
                Confidence = Confidence.Contested,
                Note = "Date du décret n° 2012-553 ; lecture saint-martin-abolition-day = 27-may (par défaut).",
            },
            new("abolition-esclavage", "Commémoration de l'abolition de l'esclavage (27 mai)", HolidayDate.Fixed(5, 27), Decree2012)
            {
                FromYear = 2012, ToYear = 2015,
                Condition = HolidayCondition.SaintMartinDay("28-may"),
                Confidence = Confidence.Contested,
                Note = "Sous la lecture 28-may, le 27 mai du décret n° 2012-553 s'applique jusqu'au décret de 2016.",
            },
            new("abolition-esclavage", "Commémoration de l'abolition de l'esclavage (28 mai)", HolidayDate.Fixed(5, 28),
                new SourceNote("Décret de 2016 (publié « 28 mars ») et circulaires 2018-2019 ; décret rectificatif non confirmé"))
            {
                FromYear = 2016,
                Condition = HolidayCondition.SaintMartinDay("28-may"),
                Confidence = Confidence.Contested,
                Note = "Lecture saint-martin-abolition-day = 28-may.",
            },
        ],
        courtOfAppealSeatId: "guadeloupe",
        notes: "Appels portés devant la cour d'appel de Basse-Terre (Guadeloupe) : voir la lecture holiday-calendar. Aucun jour d'abolition n'est appliqué avant 2012 (non confirmé).");

    /// <summary>Saint-Pierre-et-Miquelon (national list; North-American DST dates).</summary>
    public static Territory SaintPierreEtMiquelon { get; } = new("saint-pierre-et-miquelon", "Saint-Pierre-et-Miquelon", "America/Miquelon",
        NationalHolidays,
        notes: "Liste nationale. Le fuseau America/Miquelon applique l'heure d'été aux dates nord-américaines.");

    /// <summary>Nouvelle-Calédonie (holidays set by local law; secondary sources).</summary>
    public static Territory NouvelleCaledonie { get; } = new("nouvelle-caledonie", "Nouvelle-Calédonie", "Pacific/Noumea",
        [
            .. Unconfirmed(NationalHolidays),
            new("fete-de-la-citoyennete", "Fête de la citoyenneté (24 septembre)", HolidayDate.Fixed(9, 24), SecondarySource)
            {
                Confidence = Confidence.NotConfirmed,
                Note = "Source secondaire ; année de départ inconnue.",
            },
        ],
        notes: "Jours fériés fixés par le droit local (loi du pays), non confirmés par un texte : chaque jour est marqué non confirmé.");

    /// <summary>Polynésie française (holidays set by local law; secondary sources).</summary>
    public static Territory PolynesieFrancaise { get; } = new("polynesie-francaise", "Polynésie française", "Pacific/Tahiti",
        [
            .. Unconfirmed(NationalHolidays),
            new("arrivee-de-l-evangile", "Arrivée de l'Évangile (5 mars)", HolidayDate.Fixed(3, 5), SecondarySource)
            {
                Confidence = Confidence.NotConfirmed,
            },
            new("vendredi-saint", "Vendredi saint", HolidayDate.FromEaster(-2), SecondarySource)
            {
                Confidence = Confidence.NotConfirmed,
            },
            new("fete-de-l-autonomie", "Fête de l'autonomie (29 juin)", HolidayDate.Fixed(6, 29), SecondarySource)
            {
                Confidence = Confidence.NotConfirmed,
                Note = "Le gouvernement prévoyait en 2025 de remplacer le 29 juin (tahiti-infos, 31 déc. 2024).",
            },
        ],
        notes: "Jours fériés fixés par le droit local, non confirmés par un texte. Fuseau Pacific/Tahiti (les Marquises et les Gambier ont d'autres fuseaux, non modélisés).");

    /// <summary>Wallis-et-Futuna (holidays reported, not confirmed).</summary>
    public static Territory WallisEtFutuna { get; } = new("wallis-et-futuna", "Wallis-et-Futuna", "Pacific/Wallis",
        [
            .. Unconfirmed(NationalHolidays),
            new("saint-pierre-chanel", "Saint Pierre Chanel (28 avril)", HolidayDate.Fixed(4, 28), SecondarySource)
            {
                Confidence = Confidence.NotConfirmed,
            },
            new("fete-du-territoire", "Fête du territoire (29 juillet)", HolidayDate.Fixed(7, 29), SecondarySource)
            {
                Confidence = Confidence.NotConfirmed,
            },
        ],
        notes: "Jours fériés rapportés par des sources secondaires, non confirmés.");

    /// <summary>All thirteen territories, in the contract's order.</summary>
    public static ImmutableArray<Territory> All { get; } =
    [
        Metropole, AlsaceMoselle, Guadeloupe, Martinique, Guyane, LaReunion, Mayotte, SaintMartin,
        SaintBarthelemy, SaintPierreEtMiquelon, NouvelleCaledonie, PolynesieFrancaise, WallisEtFutuna,
    ];

    /// <summary>The territory with this id, or null.</summary>
    public static Territory? Find(string id)
    {
        foreach (var territory in All)
        {
            if (territory.Id == id)
            {
                return territory;
            }
        }

        return null;
    }

    private static HolidayDefinition Abolition(string id, int month, int day, int fromYear) =>
        new(id, $"Commémoration de l'abolition de l'esclavage ({day} {FrenchMonth(month)})", HolidayDate.Fixed(month, day), Abolition1983)
        {
            FromYear = fromYear,
        };

    private static string FrenchMonth(int month) => month switch
    {
        4 => "avril",
        5 => "mai",
        6 => "juin",
        10 => "octobre",
        12 => "décembre",
        _ => throw new ArgumentOutOfRangeException(nameof(month)),
    };

    private static IEnumerable<HolidayDefinition> Unconfirmed(IEnumerable<HolidayDefinition> holidays) =>
        holidays.Select(h => h with
        {
            Confidence = Confidence.NotConfirmed,
            Note = "Liste nationale supposée applicable ; le droit local n'a pas été lu.",
        });
}
