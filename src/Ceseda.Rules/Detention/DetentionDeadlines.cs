using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Rules.Detention;

/// <summary>Deadlines of the appeal against the judge's order on detention (<i>appel de
/// l'ordonnance sur la rétention</i>), CESEDA R.552-12 to R.552-16 (2009 numbering), R.743-10
/// ff. since 1 May 2021.</summary>
public static class DetentionDeadlines
{
    internal static readonly LocalDate Code2005 = new(2005, 3, 1);
    internal static readonly LocalDate AbsentForeigner2008 = new(2008, 8, 24);
    internal static readonly LocalDate Recodification2021 = new(2021, 5, 1);

    internal const string Numbering2009 = "numérotation 2009";
    internal const string Numbering2021 = "depuis le 1er mai 2021";

    internal static readonly SourceNote CodeInForce2005 =
        new("CESEDA en vigueur le 1er mars 2005 (partie réglementaire compilée au 3 mars 2005)");

    internal static readonly SourceNote Decree2004 =
        new("Articles R.552-12 à R.552-16 issus du décret n° 2004-1215 du 17 novembre 2004, art. 7 à 11");

    internal static readonly SourceNote Recodification =
        new("Ordonnance n° 2020-1733 et décret n° 2020-1734 du 16 décembre 2020, en vigueur le 1er mai 2021");

    private static readonly ArticleReference R552_12_1 = Citation.Ceseda("R.552-12", 1).In(Numbering2009);
    private static readonly ArticleReference R552_12_3 = Citation.Ceseda("R.552-12", 3).In(Numbering2009);
    private static readonly ArticleReference R552_12_4 = Citation.Ceseda("R.552-12", 4).In(Numbering2009);
    private static readonly ArticleReference R552_15_4 = Citation.Ceseda("R.552-15", 4).In(Numbering2009);
    private static readonly ArticleReference L552_10 = Citation.Ceseda("L.552-10").In(Numbering2009);
    private static readonly ArticleReference L552_9 = Citation.Ceseda("L.552-9").In(Numbering2009);
    private static readonly ArticleReference R743_10 = Citation.Ceseda("R.743-10").In(Numbering2021) with { Confidence = Confidence.Likely };
    private static readonly ArticleReference R743_11 = Citation.Ceseda("R.743-11").In(Numbering2021) with { Confidence = Confidence.Likely };
    private static readonly ArticleReference R743_12 = Citation.Ceseda("R.743-12").In(Numbering2021);
    private static readonly ArticleReference R743_19 = Citation.Ceseda("R.743-19").In(Numbering2021) with { Confidence = Confidence.Likely };
    private static readonly ArticleReference L743_21 = Citation.Ceseda("L.743-21").In(Numbering2021);
    private static readonly ArticleReference L743_22 = Citation.Ceseda("L.743-22").In(Numbering2021);

    /// <summary>24 hours to appeal the order, from its pronouncement, or for a foreigner absent
    /// from the hearing from the notification made to him (since 24 August 2008); prorogued past
    /// a Saturday, Sunday or holiday (CPC 640 and 642).</summary>
    public static DeadlineRule Appeal { get; } = new(
        "retention.appeal",
        "Délai d'appel de l'ordonnance sur la rétention (24 heures)",
        [
            DeadlineFacts.Start("Prononcé de l'ordonnance ; pour l'étranger absent à l'audience (depuis le 24 août 2008), la notification qui lui est faite. Le préfet compte toujours du prononcé."),
            DeadlineFacts.Act,
        ],
        AppealVersions("Prononcé de l'ordonnance (ou, pour l'étranger absent à l'audience, notification qui lui est faite)",
            [R552_12_1, R743_10, R743_11],
            [R743_10, R743_11, R552_12_1]));

    /// <summary>The prosecutor's window to appeal with a request for suspensive effect: 4, 6, 10
    /// then 24 hours from the notification of the order to the prosecutor.</summary>
    public static DeadlineRule ProsecutorSuspensiveAppeal { get; } = new(
        "retention.prosecutor-suspensive-appeal",
        "Délai d'appel du ministère public avec demande d'effet suspensif",
        [
            DeadlineFacts.Start("Notification de l'ordonnance au procureur de la République."),
            DeadlineFacts.Act,
        ],
        [
            ProsecutorVersion(Code2005, 4, [R552_12_3, L552_10, Decree2004, CodeInForce2005], Confidence.Settled, null),
            ProsecutorVersion(new LocalDate(2011, 7, 18), 6,
                [R552_12_3, L552_10, new SourceNote("Loi n° 2011-672 du 16 juin 2011 (version consolidée du 18 juillet 2011 ; R.552-12 indique six heures dans sa version du 10 juillet 2011)")],
                Confidence.Likely, "Date d'effet : version consolidée de L.552-10 du 18 juillet 2011 ; R.552-12 porte déjà « six heures » dans sa version du 10 juillet 2011."),
            ProsecutorVersion(new LocalDate(2019, 1, 1), 10,
                [L552_10, R552_12_3, new SourceNote("Loi n° 2018-778 du 10 septembre 2018 (date d'effet probable, non confirmée)") { Confidence = Confidence.NotConfirmed }],
                Confidence.NotConfirmed, "Le passage de 6 à 10 heures est daté du 1er janvier 2019 par hypothèse (loi n° 2018-778) : non confirmé."),
            ProsecutorVersion(Recodification2021, 10, [R743_12, L743_22, Recodification], Confidence.Settled, null),
            ProsecutorVersion(new LocalDate(2024, 7, 15), 24,
                [R743_12, L743_22, new SourceNote("Loi n° 2024-42 du 26 janvier 2024 et décret n° 2024-799, en vigueur le 15 juillet 2024")],
                Confidence.Settled, "Délai de 24 heures « à compter de la notification qu'il a reçue de l'ordonnance » ; l'absence de prorogation est discutée pour ce délai (lecture prosecutor-window-prorogation)."),
        ]);

    /// <summary>Two hours for the foreigner or counsel to answer the request for suspensive
    /// effect, from the notification of the prosecutor's appeal.</summary>
    public static DeadlineRule SuspensiveObservations { get; } = new(
        "retention.suspensive-observations",
        "Délai d'observations sur la demande d'effet suspensif (2 heures)",
        [
            DeadlineFacts.Start("Notification de la déclaration d'appel du ministère public à l'étranger ou à son conseil (si les deux notifications diffèrent, le choix est celui de l'appelant : point ouvert)."),
            DeadlineFacts.Act,
        ],
        [
            ObservationsVersion(Code2005, [R552_12_4, R743_12, Decree2004, CodeInForce2005]),
            ObservationsVersion(Recodification2021, [R743_12, R552_12_4, Recodification]),
        ]);

    /// <summary>48 hours for the first president to rule on the merits, from the receipt of the
    /// appeal at the court of appeal's registry; prorogued to the same hour of the first working
    /// day. Late, he is divested.</summary>
    public static DeadlineRule AppealRuling { get; } = new(
        "retention.appeal-ruling",
        "Délai dans lequel le premier président statue au fond (48 heures)",
        [
            DeadlineFacts.Start("Saisine : réception de la déclaration d'appel motivée au greffe de la cour d'appel (horodatage de la télécopie ou du courriel ; l'enregistrement au greffe est la lecture alternative)."),
            DeadlineFacts.Act,
        ],
        RulingVersions("Saisine du premier président (réception de la déclaration d'appel au greffe de la cour d'appel)",
            [R552_15_4, L552_9, R743_19, L743_21],
            [R743_19, L743_21, R552_15_4]));

    internal static DeadlineVersion[] AppealVersions(string startEvent, Citation[] citations2009, Citation[] citations2021)
    {
        var method = Methods.HoursProroguedEndContested(ActPlace.CourtOfAppeal);
        Citation[] rulings = [Authorities.Cpc640, Authorities.Cpc642Prorogation, Authorities.ProroguedAppeal2018, Authorities.ProroguedAppeal2010, Authorities.HoursNotDays];
        return
        [
            new()
            {
                From = Code2005,
                Delay = StatutoryDelay.FromHours(24),
                Method = method,
                StartEvent = "Prononcé de l'ordonnance",
                Citations = [.. citations2009, .. rulings, Decree2004, CodeInForce2005],
                Note = "Avant le 24 août 2008, le délai court du prononcé pour toutes les parties, y compris l'étranger absent.",
            },
            new()
            {
                From = AbsentForeigner2008,
                Delay = StatutoryDelay.FromHours(24),
                Method = method,
                StartEvent = startEvent,
                Citations = [.. citations2009, .. rulings, new SourceNote("Version consolidée du 24 août 2008 : « Lorsque l'étranger n'assiste pas à l'audience, le délai court pour ce dernier à compter de la notification qui lui est faite » (décret modificatif non identifié)")],
                Confidence = Confidence.Likely,
                Note = "Le décret qui a inséré la phrase sur l'étranger absent n'est pas identifié ; la date est celle de la version consolidée.",
            },
            new()
            {
                From = Recodification2021,
                Delay = StatutoryDelay.FromHours(24),
                Method = method,
                StartEvent = startEvent,
                Citations = [.. citations2021, .. rulings, Recodification],
                Confidence = Confidence.Likely,
                Note = "Numérotation R.743-10 / R.743-11 probable (CA Toulouse 29 janv. 2025 applique R.743-11 au délai de 24 heures).",
            },
        ];
    }

    internal static DeadlineVersion[] RulingVersions(string startEvent, Citation[] citations2009, Citation[] citations2021)
    {
        var method = Methods.HoursProroguedSameHour(ActPlace.CourtOfAppeal);
        Citation[] rulings = [Authorities.Cpc640, Authorities.Cpc642Prorogation, Authorities.SameHour2000, Authorities.SameHour2000Toussaint, Authorities.SameHour1995, Authorities.HoursNotDays, Authorities.ElevenMinutesLate, Authorities.RegistryReceipt1996];
        return
        [
            new()
            {
                From = new LocalDate(1994, 3, 11),
                Delay = StatutoryDelay.FromHours(48),
                Method = method,
                StartEvent = startEvent,
                Citations = [new SourceNote("Régime antérieur au CESEDA : délai de 48 heures, calculé et prorogé selon CPC 640 et 642, tel qu'appliqué par Cass. 2e civ., 28 juin 1995 et 30 nov. 2000 (texte non versé au corpus)") { Confidence = Confidence.NotConfirmed }, .. rulings],
                Confidence = Confidence.NotConfirmed,
                Note = "Première date couverte : la plus ancienne attestée par le corpus (saisine du 11 mars 1994, Cass. 2e civ., 28 juin 1995). Sous ce régime, la déclaration pouvait être faite au greffe du tribunal de grande instance et les 48 heures couraient de celle-ci.",
            },
            new()
            {
                From = Code2005,
                Delay = StatutoryDelay.FromHours(48),
                Method = method,
                StartEvent = startEvent,
                Citations = [.. citations2009, .. rulings, Decree2004, CodeInForce2005],
            },
            new()
            {
                From = Recodification2021,
                Delay = StatutoryDelay.FromHours(48),
                Method = method,
                StartEvent = startEvent,
                Citations = [.. citations2021, .. rulings, Recodification],
                Confidence = Confidence.Likely,
                Note = "Numérotation R.743-19 probable (commentaire de Cass. 1re civ., 25 juin 2025).",
            },
        ];
    }

    internal static DeadlineVersion ProsecutorVersion(LocalDate from, int hours, Citation[] citations, Confidence confidence, string? note,
        string startEvent = "Notification de l'ordonnance au procureur de la République") => new()
    {
        From = from,
        Delay = StatutoryDelay.FromHours(hours),
        Method = Methods.HoursProrogationContested(Readings.ProsecutorWindowProrogation, ActPlace.CourtOfAppeal),
        StartEvent = startEvent,
        Citations = [.. citations],
        Confidence = confidence,
        Note = note,
    };

    internal static DeadlineVersion ObservationsVersion(LocalDate from, Citation[] citations) => new()
    {
        From = from,
        Delay = StatutoryDelay.FromHours(2),
        Method = Methods.HoursNeverProrogued(
            new SourceNote("Pas de renvoi aux articles 640 et 642 : délai non prorogé (lecture probable, notes juridiques §1.3)") { Confidence = Confidence.Likely },
            ActPlace.CourtOfAppeal),
        StartEvent = "Notification de la déclaration d'appel du ministère public",
        Citations = [.. citations],
        Confidence = Confidence.Likely,
    };
}
