using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Rules.Entry;

/// <summary>Deadlines of entry procedures: the attestation d'accueil (R.211-16 and R.211-17,
/// R.313-11 and R.313-12 since 1 May 2021) and the appeal against a visa refusal (D.211-6,
/// D.312-4).</summary>
public static class EntryDeadlines
{
    private static readonly ArticleReference R211_16 = Citation.Ceseda("R.211-16").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R211_17 = Citation.Ceseda("R.211-17").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference R313_11 = Citation.Ceseda("R.313-11").In(DetentionDeadlines.Numbering2021);
    private static readonly ArticleReference R313_12 = Citation.Ceseda("R.313-12").In(DetentionDeadlines.Numbering2021);
    private static readonly ArticleReference D211_6 = Citation.Ceseda("D.211-6").In(DetentionDeadlines.Numbering2009);
    private static readonly ArticleReference D312_4 = Citation.Ceseda("D.312-4").In(DetentionDeadlines.Numbering2021);
    private static readonly SourceNote Silence2000 =
        new("Dérogation à l'article 21 de la loi n° 2000-321 du 12 avril 2000 (silence valant rejet après plus d'un mois)");

    /// <summary>The mayor's silence for more than a month on a request to validate an
    /// attestation d'accueil is a refusal.</summary>
    public static DeadlineRule MayorSilence { get; } = SilenceRule(
        "attestation.mayor-silence",
        "Silence du maire valant rejet de la demande de validation de l'attestation d'accueil (un mois)",
        "Réception de la demande de validation de l'attestation d'accueil par le maire.",
        "Réception de la demande de validation par le maire");

    /// <summary>The prefect's silence for more than a month on the mandatory administrative
    /// appeal is a refusal.</summary>
    public static DeadlineRule PrefectSilence { get; } = SilenceRule(
        "attestation.prefect-silence",
        "Silence du préfet valant rejet du recours administratif préalable (attestation d'accueil, un mois)",
        "Réception du recours administratif préalable par le préfet.",
        "Réception du recours administratif par le préfet");

    /// <summary>Two months from the refusal to lodge the mandatory administrative appeal with the
    /// prefect, on pain of inadmissibility of any court action.</summary>
    public static DeadlineRule PrefectAppeal { get; } = new(
        "attestation.prefect-appeal",
        "Délai du recours administratif préalable obligatoire auprès du préfet contre un refus de validation (deux mois)",
        [
            DeadlineFacts.Start("Refus de validation de l'attestation d'accueil (date de la décision expresse, ou date de naissance du refus implicite).", FactType.InstantOrDate),
            DeadlineFacts.Act,
        ],
        [
            PrefectAppealVersion(DetentionDeadlines.Code2005, [R211_17, R313_12, DetentionDeadlines.CodeInForce2005]),
            PrefectAppealVersion(DetentionDeadlines.Recodification2021, [R313_12, R211_17, DetentionDeadlines.Recodification]),
        ]);

    /// <summary>The appeal to the visa-refusal commission (later the administrative appeal):
    /// two months from notification, 30 days for refusals from 1 January 2023.</summary>
    public static DeadlineRule VisaRefusalAppeal { get; } = new(
        "visa.refusal-appeal",
        "Délai du recours administratif préalable contre un refus de visa",
        [
            DeadlineFacts.Start("Notification de la décision de refus de visa.", FactType.InstantOrDate),
            new FactDefinition("refusalDate", FactType.Date, true,
                "Date de la décision de refus : elle choisit la version (trente jours pour les refus pris à compter du 1er janvier 2023).", FactRole.VersionDate),
            DeadlineFacts.Act,
        ],
        [
            VisaVersion(DetentionDeadlines.Code2005, StatutoryDelay.FromMonths(2),
                MethodChoice<bool>.Is(false, Authorities.VisaNonFranc),
                [D211_6, D312_4, Authorities.VisaNonFranc, new SourceNote("Article issu du décret n° 2000-1093 du 10 novembre 2000, art. 2"), DetentionDeadlines.CodeInForce2005],
                Confidence.Likely),
            VisaVersion(DetentionDeadlines.Recodification2021, StatutoryDelay.FromMonths(2),
                MethodChoice<bool>.Is(false, Authorities.VisaNonFranc),
                [D312_4, D211_6, Authorities.VisaNonFranc, DetentionDeadlines.Recodification],
                Confidence.Likely),
            VisaVersion(new LocalDate(2023, 1, 1), StatutoryDelay.FromDays(30),
                MethodChoice<bool>.ByReading(Readings.VisaAppealFranc, ("non-franc", false), ("franc", true)),
                [D312_4, new SourceNote("Décrets n° 2022-962 et n° 2022-963 du 29 juin 2022 : recours de trente jours pour les refus pris à compter du 1er janvier 2023 (validés par CE, 21 avr. 2023)")],
                Confidence.Likely),
        ]);

    /// <summary>The consulate's stay of its decision on a visa while a contested civil-status
    /// document is verified (<i>sursis à statuer pour vérification d'un acte d'état civil</i>),
    /// R.211-4: at most four months, prorogable once for at most four months; the rank selects
    /// the period.</summary>
    public static DeadlineRule CivilStatusVerification { get; } = new(
        "visa.civil-status-verification",
        "Durée maximale du sursis à statuer sur une demande de visa pour vérifier un acte d'état civil (quatre mois, prorogeable de quatre mois)",
        [
            DeadlineFacts.Start(
                "Rang 1 : date à laquelle le sursis à statuer commence ; le texte ne la fixe pas, l'appelant la donne. "
                + "Rang 2 (prorogation) : le jour où la première période atteint son terme, c'est-à-dire la date de début du sursis plus quatre mois de quantième à quantième "
                + "(le dernier jour de la première période selon la lecture par défaut).", FactType.InstantOrDate),
            new FactDefinition("rank", FactType.Integer, true, "Rang de la période : 1 pour le sursis initial, 2 pour sa prorogation.", FactRole.Rank),
            DeadlineFacts.ActWhen("Instant dont on demande s'il se situe dans la période de sursis (décision de l'autorité diplomatique ou consulaire, par exemple)."),
        ],
        [
            new DeadlineVersion
            {
                From = DetentionDeadlines.Code2005,
                DelaysByRank = [StatutoryDelay.FromMonths(4), StatutoryDelay.FromMonths(4)],
                Method = Methods.MaximumPeriod(new SourceNote("Durée maximale laissée à l'administration pour statuer : ce n'est pas un délai pour accomplir un acte, elle n'est pas prorogée")),
                StartEvent = "Début du sursis à statuer (rang 1) ou terme de la première période (rang 2)",
                Citations =
                [
                    Citation.Ceseda("R.211-4").In(DetentionDeadlines.Numbering2009),
                    new SourceNote("Article issu de l'ordonnance n° 45-2658 du 2 novembre 1945, art. 34 bis, al. 3 et 4 ; numérotation actuelle non confirmée") { Confidence = Confidence.NotConfirmed },
                    DetentionDeadlines.CodeInForce2005,
                ],
                Confidence = Confidence.Likely,
                Note = "Sursis « par dérogation aux dispositions du premier alinéa de l'article 21 de la loi n° 2000-321 du 12 avril 2000 ». Deux périodes successives de quatre mois au plus : la première depuis le début du sursis, la seconde (prorogation « pour une durée strictement nécessaire », "
                    + "possible seulement si les vérifications n'ont pas abouti malgré les diligences accomplies) depuis le terme de la première ; l'échéance calculée est la plus tardive permise. "
                    + "Modélisé par rang, comme les prolongations de la rétention, plutôt que par deux règles (mêmes citations, même méthode) ou par huit mois depuis le début du sursis "
                    + "(pour un début le 29, le 30 ou le 31, huit mois d'un bloc finissent jusqu'à deux jours plus tard que quatre mois puis quatre mois, CPC art. 641 al. 2). "
                    + "Le point de départ n'est pas fixé par le texte (la demande de visa, ou la décision de surseoir) : l'appelant le donne. "
                    + "Au rang 2, donner le jour anniversaire des quatre mois : la même date vaut sous les deux lectures anniversary-end.",
            },
        ]);

    private static DeadlineRule SilenceRule(string id, string title, string startFact, string startEvent) => new(
        id,
        title,
        [DeadlineFacts.Start(startFact, FactType.InstantOrDate), DeadlineFacts.Act],
        [
            SilenceVersion(DetentionDeadlines.Code2005, startEvent, [R211_16, R313_11, Silence2000, DetentionDeadlines.CodeInForce2005]),
            SilenceVersion(DetentionDeadlines.Recodification2021, startEvent, [R313_11, R211_16, Silence2000, DetentionDeadlines.Recodification]),
        ]);

    private static DeadlineVersion SilenceVersion(LocalDate from, string startEvent, Citation[] citations) => new()
    {
        From = from,
        Delay = StatutoryDelay.FromMonths(1),
        Method = Methods.Silence,
        StartEvent = startEvent,
        Citations = [.. citations],
        Confidence = Confidence.Likely,
        Note = "« Le silence gardé pendant plus d'un mois » : la décision implicite de rejet naît à la fin du dernier jour, compté de quantième à quantième ; un acte (décision expresse) est « dans le délai » s'il intervient avant cette naissance. Report au premier jour ouvrable : point discuté (lecture silence-prorogation).",
    };

    private static DeadlineVersion PrefectAppealVersion(LocalDate from, Citation[] citations) => new()
    {
        From = from,
        Delay = StatutoryDelay.FromMonths(2),
        Method = Methods.AdministrativeRecourse(MethodChoice<bool>.ByReading(Readings.PrefectAppealFranc, ("non-franc", false), ("franc", true))),
        StartEvent = "Refus de validation de l'attestation d'accueil",
        Citations = [.. citations, Authorities.AdministrativeProrogation],
        Confidence = Confidence.Likely,
        Note = "Le caractère franc de ce délai n'est pas déterminé (lecture prefect-appeal-franc).",
    };

    private static DeadlineVersion VisaVersion(LocalDate from, StatutoryDelay delay, MethodChoice<bool> franc, Citation[] citations, Confidence confidence) => new()
    {
        From = from,
        Delay = delay,
        Method = Methods.AdministrativeRecourse(franc),
        StartEvent = "Notification de la décision de refus de visa",
        Citations = [.. citations, Authorities.AdministrativeProrogation],
        Confidence = confidence,
    };
}
