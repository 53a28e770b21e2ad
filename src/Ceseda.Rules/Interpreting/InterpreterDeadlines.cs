using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Rules.Interpreting;

/// <summary>Periods of the list of interpreters (<i>liste des interprètes traducteurs</i>),
/// R.111-1 ff. (2009 numbering); R.141-1 ff. since 1 May 2021, the number of each article
/// other than R.141-1 not being confirmed.</summary>
public static class InterpreterDeadlines
{
    private static readonly ArticleReference R111_7 = Citation.Ceseda("R.111-7").In(DetentionDeadlines.Numbering2009);

    /// <summary>Re-entry on the list is decided at the end of five years
    /// (<i>réinscription au terme d'une durée de cinq ans</i>), R.111-10.</summary>
    public static DeadlineRule ReEntry { get; } = new(
        "interpreter.re-entry",
        "Terme de l'inscription sur la liste des interprètes traducteurs, au-delà duquel la réinscription doit être décidée (cinq ans)",
        [
            DeadlineFacts.Start("Date de l'inscription sur la liste (ou de la dernière réinscription).", FactType.InstantOrDate),
            DeadlineFacts.ActWhen("Instant dont on demande s'il se situe dans la période de cinq ans (désignation de l'interprète, par exemple)."),
        ],
        [
            Methods.AnniversaryPeriodVersion(new LocalDate(2005, 3, 3), StatutoryDelay.FromYears(5), "Inscription sur la liste",
                [
                    Citation.Ceseda("R.111-10").In(DetentionDeadlines.Numbering2009),
                    new SourceNote("Article issu du décret n° 2005-214 du 3 mars 2005, art. 6 al. 3 ; première date couverte : celle du décret (entrée en vigueur non vérifiée) ; "
                        + "numérotation actuelle non confirmée (la liste relève de R.141-1 depuis le 1er mai 2021)") { Confidence = Confidence.NotConfirmed },
                ],
                Confidence.Likely,
                "« Au terme d'une durée de cinq ans, la réinscription est décidée » : le texte ne fixe pas expressément le point de départ des cinq ans ; la date de l'inscription "
                + "(ou de la dernière réinscription) est retenue. La liste étant dressée chaque année dans la première quinzaine de janvier (R.111-7), le point de départ "
                + "pourrait aussi être la date de la liste annuelle qui porte l'inscription : l'appelant le choisit (à confirmer par l'équipe juridique). "
                + "Durée comptée comme une durée de validité, jamais prorogée."),
        ]);
    /// <summary>The prosecutor draws up the list during the first fortnight of January each year
    /// (<i>au cours de la première quinzaine du mois de janvier de chaque année</i>), R.111-7: a
    /// period of fifteen days from 1 January, the first day counted, ending at 24:00 on 15 January,
    /// never prorogued.</summary>
    public static DeadlineRule ListDrawing { get; } = new(
        "interpreter.list-drawing",
        "Période d'établissement de la liste annuelle des interprètes traducteurs (première quinzaine de janvier)",
        [
            DeadlineFacts.Start("Le 1er janvier de l'année de la liste (une date) : la quinzaine court du 1er au 15 janvier, le 1er janvier compté.", FactType.InstantOrDate),
            DeadlineFacts.ActWhen("Instant auquel le procureur de la République dresse la liste, dont on demande s'il se situe dans la première quinzaine de janvier."),
        ],
        [
            new DeadlineVersion
            {
                From = new LocalDate(2005, 3, 3),
                Delay = StatutoryDelay.FromDays(15),
                Method = Methods.PeriodOfDays(R111_7),
                StartEvent = "1er janvier de l'année",
                Citations =
                [
                    R111_7,
                    new SourceNote("Article issu du décret n° 2005-214 du 3 mars 2005, art. 6 al. 1 et 2 ; première date couverte : celle du décret (entrée en vigueur non vérifiée) ; "
                        + "numérotation actuelle non confirmée (la liste relève de R.141-1 depuis le 1er mai 2021)") { Confidence = Confidence.NotConfirmed },
                ],
                Confidence = Confidence.Likely,
                Note = "« Au cours de la première quinzaine du mois de janvier » : une période (du 1er au 15 janvier inclus), non un délai pour accomplir un acte ; elle n'est ni "
                    + "franche ni prorogée si le 15 janvier est un samedi, un dimanche ou un jour férié. Le point de départ doit être le 1er janvier : la règle ne le vérifie pas. "
                    + "Le texte ne prévoit aucune sanction d'une liste dressée hors de cette période.",
            },
        ]);
}
