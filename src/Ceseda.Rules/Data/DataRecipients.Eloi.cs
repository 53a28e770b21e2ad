using Ceseda.Rules.Conditions;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;

namespace Ceseda.Rules.Data;

/// <summary>Who may receive the data of the removal-procedure processing ELOI (<i>destinataires
/// des données du traitement ELOI</i>), probably R.611-30 (2009 numbering, not confirmed: the
/// source prints no number).</summary>
public static partial class DataRecipients
{
    private static readonly ArticleReference R611_30 =
        Citation.Ceseda("R.611-30").In(DetentionDeadlines.Numbering2009) with { Confidence = Confidence.NotConfirmed };

    private static readonly string[] EloiRecipients = ["ministry", "prefecture", "police", "other"];

    /// <summary>Who may receive the data of ELOI: the agents of 1° to 3°, individually designated
    /// and specially authorised, for the information necessary to their duties in the conduct of
    /// removal procedures (last paragraph).</summary>
    public static ConditionRule Eloi { get; } = new(
        "eloi.data-recipients",
        "Destinataires des données du traitement ELOI (numéro R.611-30 non confirmé)",
        [
            FactDefinition.AssessedOn("accessDate", "Date de la communication des données ou de l'accès au traitement."),
            FactDefinition.Input("recipient", FactType.Choice,
                "Catégorie du destinataire : 1° agent des services centraux du ministère de l'intérieur (direction des libertés publiques et des affaires juridiques, "
                + "direction centrale de la police aux frontières, direction centrale de la sécurité publique) (ministry) ; "
                + "2° agent des services préfectoraux en charge de la gestion de la procédure d'éloignement (prefecture) ; "
                + "3° agent des services de la police et de la gendarmerie nationales en charge de la gestion des lieux de rétention administrative et de l'exécution des mesures d'éloignement (police) ; "
                + "autre (other).") with { Choices = [.. EloiRecipients] },
            FactDefinition.Input("individuallyAuthorised", FactType.Boolean,
                "Le destinataire est individuellement désigné et spécialement habilité par l'autorité que l'article désigne pour sa catégorie."),
            FactDefinition.Input("necessaryInformation", FactType.Boolean,
                "Les informations consultées sont nécessaires eu égard aux attributions de l'agent dans la conduite des procédures d'éloignement, "
                + "pour les besoins exclusifs des missions relatives aux procédures d'éloignement qui lui sont confiées."),
        ],
        [
            new ConditionVersion
            {
                From = EloiRetention.Decree2007,
                Condition = Condition.All("R.611-30", "destinataire autorisé des données du traitement ELOI", R611_30,
                    Condition.ByChoice("recipient", "R.611-30", "catégorie de destinataire", R611_30,
                        ("ministry", Is("ministry", "R.611-30 1°",
                            "agent des services centraux du ministère de l'intérieur (DLPAJ, DCPAF, DCSP)", R611_30)),
                        ("prefecture", Is("prefecture", "R.611-30 2°",
                            "agent des services préfectoraux en charge de la gestion de la procédure d'éloignement", R611_30)),
                        ("police", Is("police", "R.611-30 3°",
                            "agent de la police ou de la gendarmerie nationales en charge des lieux de rétention et de l'exécution des mesures d'éloignement", R611_30)),
                        ("other", new ChoiceInCondition("recipient", [], "R.611-30", "être l'un des destinataires que l'article énumère", R611_30))),
                    Authorised("R.611-30", R611_30),
                    Condition.Fact("necessaryInformation", true, "R.611-30 (informations nécessaires)",
                        "n'accéder qu'aux informations nécessaires eu égard à ses attributions dans la conduite des procédures d'éloignement", R611_30)),
                Citations =
                [
                    R611_30,
                    new SourceNote("Numéro non imprimé dans le texte source (texte en vigueur le 28 mars 2009) : « probablement R.611-30 » selon l'ordre du texte "
                        + "(dernier article de la section ELOI, après R.611-28 et R.611-29), non confirmé ; article issu du « décret du 26 décembre 2007 » (numéro du décret non imprimé) ; "
                        + "première date couverte : celle du décret (entrée en vigueur non vérifiée) ; numérotation actuelle non confirmée") { Confidence = Confidence.NotConfirmed },
                ],
                Confidence = Confidence.NotConfirmed,
                Note = "Le texte ne borne l'accès à aucune date : une seule version. L'habilitation est donnée, selon la catégorie, par le directeur des libertés publiques et des affaires juridiques, "
                    + "le directeur central de la police aux frontières, le directeur central de la sécurité publique (1°), le préfet ou, à Paris, le préfet de police (2°), "
                    + "le directeur départemental de la sécurité publique, le directeur départemental de la police aux frontières, le commandant du groupement de gendarmerie départementale "
                    + "ou, à Paris, les directeurs de la préfecture de police que l'article énumère (3°). Le numéro R.611-30 n'est pas imprimé dans la source : non confirmé.",
            },
        ]);
}
