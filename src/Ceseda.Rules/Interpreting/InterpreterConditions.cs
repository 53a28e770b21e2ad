using Ceseda.Rules.Conditions;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Interpreting;

/// <summary>Who may be entered on the list of interpreters (<i>conditions d'inscription sur la
/// liste des interprètes traducteurs</i>), R.111-2 to R.111-4 (2009 numbering), R.141-2 to
/// R.141-4 since 1 May 2021.</summary>
public static class InterpreterConditions
{
    /// <summary>Eligibility of a natural or legal person for the list.</summary>
    public static ConditionRule Eligibility { get; } = new(
        "interpreter.eligibility",
        "Conditions d'inscription sur la liste des interprètes traducteurs",
        [
            FactDefinition.AssessedOn("assessmentDate", "Date d'appréciation de la demande d'inscription ou de réinscription."),
            FactDefinition.Input("personKind", FactType.Choice, "Personne physique (natural) ou morale (legal).") with { Choices = ["natural", "legal"] },
            FactDefinition.Input("onCourtOfAppealExpertList", FactType.Boolean,
                "Inscrit sur la liste des experts judiciaires de la cour d'appel (loi n° 71-498) : inscription de droit sur demande."),
            FactDefinition.Input("activityOrDomicileInJurisdiction", FactType.Boolean, "Personne physique : activité ou domicile dans le ressort du tribunal."),
            FactDefinition.Input("competenceByDiplomaOrExperience", FactType.Boolean, "Personne physique : compétence justifiée par diplôme ou expérience en interprétariat ou traduction."),
            FactDefinition.Input("dishonourableConduct", FactType.Boolean, "Personne physique : auteur de faits contraires à l'honneur, à la probité ou aux bonnes mœurs."),
            FactDefinition.Input("seatInJurisdiction", FactType.Boolean, "Personne morale : siège dans le ressort du tribunal."),
            FactDefinition.Input("staffMeetConditions", FactType.Boolean, "Personne morale : ses préposés remplissent les conditions de compétence et d'honorabilité."),
            FactDefinition.Input("managersDishonourableConduct", FactType.Boolean, "Personne morale : un dirigeant est auteur de faits contraires à l'honneur, à la probité ou aux bonnes mœurs."),
        ],
        [
            Version(new LocalDate(2005, 3, 3), "R.111-2", "R.111-3", "R.111-4", DetentionDeadlines.Numbering2009, Confidence.Likely,
                [new SourceNote("Décret n° 2005-214 du 3 mars 2005, art. 2 et 3 ; date d'effet retenue : celle du décret (non vérifiée)")],
                "Première date couverte : celle du décret n° 2005-214 du 3 mars 2005 (entrée en vigueur non vérifiée)."),
            Version(DetentionDeadlines.Recodification2021, "R.141-2", "R.141-3", "R.141-4", DetentionDeadlines.Numbering2021, Confidence.Likely,
                [DetentionDeadlines.Recodification], "Numérotation R.141-2 à R.141-4 probable."),
        ]);

    private static ConditionVersion Version(LocalDate from, string asOfRight, string natural, string legal, string numbering,
        Confidence confidence, Citation[] sources, string note)
    {
        var r2 = Citation.Ceseda(asOfRight).In(numbering) with { Confidence = confidence };
        var r3 = Citation.Ceseda(natural).In(numbering) with { Confidence = confidence };
        var r4 = Citation.Ceseda(legal).In(numbering) with { Confidence = confidence };
        var naturalPerson = Condition.All(natural, "conditions de la personne physique", r3,
            Condition.Fact("activityOrDomicileInJurisdiction", true, $"{natural} 1°", "exercer son activité ou être domiciliée dans le ressort du tribunal", r3),
            Condition.Fact("competenceByDiplomaOrExperience", true, $"{natural} 2°", "justifier de sa compétence par le diplôme ou l'expérience", r3),
            Condition.Fact("dishonourableConduct", false, $"{natural} 3°", "n'avoir pas été l'auteur de faits contraires à l'honneur, à la probité ou aux bonnes mœurs", r3));
        var legalPerson = Condition.All(legal, "conditions de la personne morale", r4,
            Condition.Fact("seatInJurisdiction", true, $"{legal} 1°", "avoir son siège dans le ressort du tribunal", r4),
            Condition.Fact("staffMeetConditions", true, $"{legal} 2°", "des préposés remplissant les conditions de compétence et d'honorabilité", r4),
            Condition.Fact("managersDishonourableConduct", false, $"{legal} 3°", "des dirigeants satisfaisant à l'exigence d'honorabilité", r4));
        return new ConditionVersion
        {
            From = from,
            Condition = Condition.Any("inscription", "inscription de droit, ou conditions de la personne physique ou morale", r2,
                Condition.Fact("onCourtOfAppealExpertList", true, asOfRight, "être inscrit sur la liste des experts judiciaires de la cour d'appel", r2),
                Condition.ByChoice("personKind", "personne", "personne physique ou morale", r3, ("natural", naturalPerson), ("legal", legalPerson))),
            Citations = [r2, r3, r4, .. sources],
            Confidence = confidence,
            Note = note,
        };
    }
}
