using Ceseda.Rules.Conditions;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Data;

/// <summary>Who may receive the data of AGDREF, the system managing the files of foreign nationals
/// (<i>destinataires des informations d'AGDREF</i>), probably D.611-3 (2009 numbering, not
/// confirmed: the source prints no number). The anti-terrorism access of II ends on
/// 31 December 2012 (III): a version boundary.</summary>
public static partial class DataRecipients
{
    private static readonly ArticleReference D611_3 =
        Citation.Ceseda("D.611-3").In(DetentionDeadlines.Numbering2009) with { Confidence = Confidence.NotConfirmed };

    /// <summary>First date covered: the source states no date for the AGDREF block.</summary>
    private static readonly LocalDate AgdrefFirstDateCovered = new(2005, 3, 1);

    /// <summary>The day after the end of II (III). Declared here, not shared with the other part:
    /// the order of the field initialisers of the parts of a partial class is unspecified.</summary>
    private static readonly LocalDate AgdrefAfterEnd2012 = new(2013, 1, 1);

    /// <summary>The date of loi n° 2006-64 that II refers to: no anti-terrorism access before it.</summary>
    private static readonly LocalDate AgdrefLaw2006 = new(2006, 1, 23);

    private static readonly SourceNote AgdrefSource =
        new("Numéro non imprimé dans le texte source (texte en vigueur le 28 mars 2009) : « probablement D.611-3 » selon l'ordre du texte (il suit D.611-2, "
            + "identifié par le renvoi du II), non confirmé ; le texte source n'indique pas la date du texte qui a créé l'article : première date couverte "
            + "le 1er mars 2005 par convention, non confirmée ; numérotation actuelle non confirmée (R.142-11, numérotation actuelle, ne fixe que les finalités "
            + "d'AGDREF2 et pas ses destinataires)") { Confidence = Confidence.NotConfirmed };

    private static readonly SourceNote AgdrefAfter2012 =
        new("Au-delà du 31 décembre 2012 : aucune prorogation de l'accès antiterroriste du II n'a été lue ; rédaction postérieure non confirmée") { Confidence = Confidence.NotConfirmed };

    private const string AgdrefTerrorismConditions =
        "L'accès du II s'exerce « dans les conditions fixées aux articles 9 et 33 de la loi n° 2006-64 du 23 janvier 2006 » : ces conditions ne sont pas encodées (texte non lu), "
        + "et le II n'a pu être en vigueur avant cette loi ; sa date d'insertion n'est pas confirmée.";

    private static readonly string[] AgdrefRecipients =
        ["ministry", "prefecture", "magistrate", "police", "ofpra", "licensing", "counterterrorism", "intelligence", "other"];

    /// <summary>Who may receive the information of the AGDREF files on the date of access: the
    /// services of I, each for the files or the data that its item names, and, while II is in force
    /// (III), the anti-terrorism agents of II.</summary>
    public static ConditionRule Agdref { get; } = new(
        "agdref.data-recipients",
        "Destinataires des informations du système de gestion des dossiers des ressortissants étrangers en France (AGDREF ; numéro D.611-3 non confirmé)",
        [
            FactDefinition.AssessedOn("accessDate", "Date de la communication des informations ou de l'accès aux fichiers."),
            FactDefinition.Input("recipient", FactType.Choice,
                "Catégorie du destinataire : I 1° services de l'administration centrale des ministères chargés de l'immigration et de l'intérieur compétents pour l'application de la réglementation relative aux étrangers (ministry) ; "
                + "I 2° services des préfectures et sous-préfectures compétents pour l'application de la réglementation relative aux étrangers (prefecture) ; "
                + "I 3° magistrats de l'ordre judiciaire (magistrate) ; "
                + "I 3° services de police nationale et de gendarmerie nationale, seulement en vue de vérifier la régularité du séjour (police) ; "
                + "I 4° services de l'Office français de protection des réfugiés et apatrides (ofpra) ; "
                + "I 5° services compétents des préfectures et sous-préfectures, à la seule fin d'instruire les demandes de délivrance ou d'échange des permis de conduire (licensing) ; "
                + "II agents des services de la direction générale de la police nationale et de la direction générale de la gendarmerie nationale chargés de la prévention et de la répression des actes de terrorisme (counterterrorism) ; "
                + "II agents des services de renseignement du ministère de la défense chargés de la prévention des actes de terrorisme (intelligence) ; "
                + "autre (other).") with { Choices = [.. AgdrefRecipients] },
            FactDefinition.Input("file", FactType.Choice,
                "Fichier consulté : fichier national des dossiers des ressortissants étrangers en France (national) ; fichier départemental dont le service assure la gestion (own-department) ; "
                + "autre fichier départemental (other-department).") with { Choices = ["national", "own-department", "other-department"] },
            FactDefinition.Input("data", FactType.Choice,
                "Informations consultées (catégories de l'article D.611-2) : état civil et numéro national d'identification (civil-status) ; "
                + "données relatives à l'autorisation de séjour détenue (residence-permit) ; autres catégories (other).") with { Choices = ["civil-status", "residence-permit", "other"] },
        ],
        [
            AgdrefVersion(AgdrefFirstDateCovered, [D611_3, AgdrefSource], Confidence.NotConfirmed,
                "Première date couverte par convention (le texte source n'indique pas la date du texte) : le texte lu est celui en vigueur le 28 mars 2009. "
                + "Le II renvoie à la loi n° 2006-64 du 23 janvier 2006 : aucun accès antiterroriste n'est admis avant cette date."),
            AgdrefVersion(AgdrefLaw2006, [D611_3, AgdrefSource, new SourceNote("Loi n° 2006-64 du 23 janvier 2006, art. 9 et 33 (date d'insertion du II non confirmée)") { Confidence = Confidence.NotConfirmed }],
                Confidence.NotConfirmed,
                "Accès du II ouvert à compter de la loi n° 2006-64 du 23 janvier 2006 (date d'insertion dans l'article non confirmée) et jusqu'au 31 décembre 2012 inclus (III). " + AgdrefTerrorismConditions),
            AgdrefVersion(AgdrefAfterEnd2012, [D611_3, AgdrefSource, AgdrefAfter2012], Confidence.NotConfirmed,
                "L'accès du II prend fin le 31 décembre 2012 (III) ; une prorogation ultérieure n'a pas été lue. Non confirmé."),
        ]);

    private static ConditionVersion AgdrefVersion(LocalDate from, Citation[] citations, Confidence confidence, string note) => new()
    {
        From = from,
        Condition = Condition.ByChoice("recipient", "D.611-3", "destinataire autorisé des informations d'AGDREF", D611_3,
            ("ministry", Is("ministry", "D.611-3 I 1°",
                "services de l'administration centrale compétents pour l'application de la réglementation relative aux étrangers : fichier national et chacun des fichiers départementaux", D611_3)),
            ("prefecture", new ChoiceInCondition("file", ["national", "own-department"], "D.611-3 I 2°",
                "services des préfectures et sous-préfectures : fichier national et seul fichier départemental dont ils assurent la gestion", D611_3)),
            ("magistrate", new ChoiceInCondition("file", ["national"], "D.611-3 I 3°",
                "magistrats de l'ordre judiciaire : seul fichier national", D611_3)),
            ("police", new ChoiceInCondition("file", ["national"], "D.611-3 I 3°",
                "services de police et de gendarmerie nationales, seulement en vue de vérifier la régularité du séjour : seul fichier national", D611_3)),
            ("ofpra", new ChoiceInCondition("data", ["civil-status"], "D.611-3 I 4°",
                "services de l'OFPRA : état civil et numéro national d'identification seulement", D611_3)),
            ("licensing", new ChoiceInCondition("data", ["residence-permit"], "D.611-3 I 5°",
                "services compétents des préfectures pour les permis de conduire : données relatives à l'autorisation de séjour détenue seulement", D611_3)),
            ("counterterrorism", AgdrefTerrorism("counterterrorism", "agents de la police et de la gendarmerie nationales chargés de la prévention et de la répression des actes de terrorisme", from)),
            ("intelligence", AgdrefTerrorism("intelligence", "agents des services de renseignement du ministère de la défense chargés de la prévention des actes de terrorisme", from)),
            ("other", new ChoiceInCondition("recipient", [], "D.611-3", "être l'un des destinataires que l'article énumère", D611_3))),
        Citations = [.. citations],
        Confidence = confidence,
        Note = note,
    };

    /// <summary>An anti-terrorism recipient of II: allowed while II is in force, from loi n° 2006-64
    /// until 31 December 2012 (III), never before or after.</summary>
    private static Condition AgdrefTerrorism(string recipient, string who, LocalDate from) =>
        from < AgdrefLaw2006
            ? new ChoiceInCondition("recipient", [], "D.611-3 II", $"II ({who}) : accès issu de la loi n° 2006-64 du 23 janvier 2006, pas encore en vigueur", D611_3)
            : from < AgdrefAfterEnd2012
                ? Is(recipient, "D.611-3 II", $"{who}, accès aux données de l'article D.611-2 jusqu'au 31 décembre 2012", D611_3)
                : new ChoiceInCondition("recipient", [], "D.611-3 III", $"II ({who}) : les dispositions du II ne sont applicables que jusqu'au 31 décembre 2012", D611_3);
}
