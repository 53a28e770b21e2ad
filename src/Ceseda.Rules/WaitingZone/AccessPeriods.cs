using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Rules.WaitingZone;

/// <summary>How long access to a waiting zone is granted (<i>durée des agréments et
/// habilitations</i>): the UNHCR representatives' agrément (R.223-3), the associations'
/// habilitation (R.223-8) and their representatives' agrément (R.223-9); R.343-13, R.343-19 and
/// R.343-20 since 1 May 2021.</summary>
public static class AccessPeriods
{
    private static readonly SourceNote Decree1995 = new("Articles issus du décret n° 95-507 du 2 mai 1995");

    /// <summary>The UNHCR representative's agrément: three months, three years from
    /// 1 November 2015, renewable.</summary>
    public static DeadlineRule UnhcrAgrement { get; } = new(
        "unhcr.agrement",
        "Durée de l'agrément d'un représentant du Haut-Commissariat des Nations unies pour les réfugiés",
        [
            new FactDefinition("issueDate", FactType.InstantOrDate, true, "Date de délivrance de l'agrément (ou de son renouvellement).", FactRole.Start),
            DeadlineFacts.ActWhen("Instant dont on demande s'il est couvert par l'agrément (une visite, par exemple)."),
        ],
        [
            Methods.AnniversaryPeriodVersion(DetentionDeadlines.Code2005, StatutoryDelay.FromMonths(3), "Délivrance de l'agrément",
                [Citation.Ceseda("R.223-3", 2).In(DetentionDeadlines.Numbering2009), Decree1995, DetentionDeadlines.CodeInForce2005], Confidence.Settled, null),
            Methods.AnniversaryPeriodVersion(new LocalDate(2015, 11, 1), StatutoryDelay.FromYears(3), "Délivrance de l'agrément",
                [Citation.Ceseda("R.223-3", 2).In(DetentionDeadlines.Numbering2009), new SourceNote("Version consolidée du 1er novembre 2015 (décret modificatif non identifié)")],
                Confidence.Likely, "Trois mois portés à trois ans : date de la version consolidée ; le décret n'est pas identifié."),
            Methods.AnniversaryPeriodVersion(DetentionDeadlines.Recodification2021, StatutoryDelay.FromYears(3), "Délivrance de l'agrément",
                [Citation.Ceseda("R.343-13").In(DetentionDeadlines.Numbering2021), Citation.Ceseda("R.223-3", 2).In(DetentionDeadlines.Numbering2009), DetentionDeadlines.Recodification],
                Confidence.Settled, null),
        ]);

    /// <summary>The association's habilitation: three years, renewable (R.223-8 al. 4).</summary>
    public static DeadlineRule AssociationHabilitation { get; } = new(
        "association.habilitation",
        "Durée de l'habilitation d'une association à proposer des représentants en zone d'attente",
        [
            DeadlineFacts.Start("Date de l'habilitation (ou de son renouvellement).", FactType.InstantOrDate),
            DeadlineFacts.ActWhen("Instant dont on demande s'il est couvert par l'habilitation."),
        ],
        [
            Methods.AnniversaryPeriodVersion(DetentionDeadlines.Code2005, StatutoryDelay.FromYears(3), "Habilitation",
                [Citation.Ceseda("R.223-8", 4).In(DetentionDeadlines.Numbering2009), Citation.Ceseda("R.343-19").In(DetentionDeadlines.Numbering2021), Decree1995, DetentionDeadlines.CodeInForce2005],
                Confidence.Settled, null),
            Methods.AnniversaryPeriodVersion(DetentionDeadlines.Recodification2021, StatutoryDelay.FromYears(3), "Habilitation",
                [Citation.Ceseda("R.343-19").In(DetentionDeadlines.Numbering2021), Citation.Ceseda("R.223-8", 4).In(DetentionDeadlines.Numbering2009), DetentionDeadlines.Recodification],
                Confidence.Settled, null),
        ]);

    /// <summary>The individual agrément of an association's representative: three years,
    /// renewable (R.223-9 al. 1).</summary>
    public static DeadlineRule AssociationAgrement { get; } = new(
        "association.agrement",
        "Durée de l'agrément individuel d'un représentant d'une association habilitée",
        [
            DeadlineFacts.Start("Date de l'agrément (ou de son renouvellement).", FactType.InstantOrDate),
            DeadlineFacts.ActWhen("Instant dont on demande s'il est couvert par l'agrément."),
        ],
        [
            Methods.AnniversaryPeriodVersion(DetentionDeadlines.Code2005, StatutoryDelay.FromYears(3), "Agrément",
                [Citation.Ceseda("R.223-9", 1).In(DetentionDeadlines.Numbering2009), Citation.Ceseda("R.343-20").In(DetentionDeadlines.Numbering2021), Decree1995, DetentionDeadlines.CodeInForce2005],
                Confidence.Settled, "L'agrément est aussi retiré lorsque l'habilitation de l'association est retirée ou a expiré (R.223-9 al. 5) : l'échéance calculée ici est la plus tardive possible."),
            Methods.AnniversaryPeriodVersion(DetentionDeadlines.Recodification2021, StatutoryDelay.FromYears(3), "Agrément",
                [Citation.Ceseda("R.343-20").In(DetentionDeadlines.Numbering2021), Citation.Ceseda("R.223-9", 1).In(DetentionDeadlines.Numbering2009), DetentionDeadlines.Recodification],
                Confidence.Settled, "L'agrément tombe aussi avec l'habilitation de l'association : l'échéance calculée ici est la plus tardive possible."),
        ]);
}
