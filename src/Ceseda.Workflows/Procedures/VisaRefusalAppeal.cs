using Ceseda.Rules.Entry;
using Ceseda.Rules.Law;
using Ceseda.Rules.Procedure;
using Ceseda.Workflows.StateMachines;

namespace Ceseda.Workflows.Procedures;

/// <summary>The states of an appeal against a visa refusal (<i>recours contre un refus de
/// visa</i>).</summary>
public enum VisaRefusalAppealState
{
    /// <summary>No refusal notified.</summary>
    NotRefused,

    /// <summary>The refusal is notified: the deadline to seize the commission runs (<i>délai de
    /// recours devant la commission</i>).</summary>
    AppealWindowOpen,

    /// <summary>The commission was not seized in time: the refusal stands (<i>refus définitif</i>).</summary>
    RefusalFinal,

    /// <summary>The commission was seized after the deadline (<i>recours tardif</i>).</summary>
    LateAppeal,

    /// <summary>The commission is seized in time (<i>commission saisie</i>).</summary>
    AppealPending,

    /// <summary>The commission recommended that the minister grant the visa
    /// (<i>recommandation</i>).</summary>
    Recommended,

    /// <summary>The minister granted the visa.</summary>
    VisaGranted,

    /// <summary>The appeal failed: the contentious deadline runs (<i>délai de recours
    /// contentieux</i>).</summary>
    AppealFailed,

    /// <summary>The commission (or its president) rejected the appeal (<i>rejet du recours</i>).</summary>
    AppealRejected,

    /// <summary>The minister refused the visa despite the recommendation.</summary>
    MinisterRefused,

    /// <summary>The contentious appeal is lodged in time (<i>recours contentieux</i>).</summary>
    ContentiousAppealLodged,

    /// <summary>The contentious appeal is lodged after the deadline.</summary>
    LateContentiousAppeal,

    /// <summary>No contentious appeal in time: the rejection stands.</summary>
    RejectionFinal,

    /// <summary>A contentious appeal lodged without seizing the commission first, inadmissible
    /// (<i>irrecevable faute de recours préalable</i>).</summary>
    ContentiousAppealWithoutPriorAppeal,
}

/// <summary>The acts and deadlines of an appeal against a visa refusal.</summary>
public enum VisaRefusalAppealTrigger
{
    /// <summary>The consulate's refusal is notified (<i>notification du refus</i>).</summary>
    NotifyRefusal,

    /// <summary>The appeal reaches the commission (<i>saisine de la commission</i>).</summary>
    LodgeAppeal,

    /// <summary>The deadline to seize the commission passed.</summary>
    AppealWindowClosed,

    /// <summary>The commission, or its president alone, rejects the appeal; its decision is notified.</summary>
    RejectAppeal,

    /// <summary>The commission recommends that the minister grant the visa.</summary>
    RecommendVisa,

    /// <summary>The minister decides on the recommendation; the decision is notified.</summary>
    MinisterDecides,

    /// <summary>The contentious appeal is registered at the administrative court.</summary>
    LodgeContentiousAppeal,

    /// <summary>The contentious deadline passed.</summary>
    ContentiousWindowClosed,
}

/// <summary>The appeal against a visa refusal to the commission (D.211-5 to D.211-9 and R.211-10
/// in the 2009 numbering; D.312-3 and D.312-4 since 1 May 2021, reformed for refusals from
/// 1 January 2023): notification, the mandatory appeal within two months (thirty days for
/// refusals from 1 January 2023), the commission's rejection or recommendation, the minister's
/// decision, then the contentious appeal (CJA R.421-1).</summary>
/// <remarks>The texts of the corpus give the commission no period of silence worth rejection:
/// none is encoded. Since 1 January 2023 short-stay refusals go to an administrative authority
/// rather than the commission (notes juridiques §2.2); the recommendation path is the 2000
/// decree's.</remarks>
public static class VisaRefusalAppeal
{
    private static readonly FactDefinition RefusalDate = FactDefinition.Input("refusalDate", FactType.Date,
        "Date de la décision de refus de visa : elle choisit le délai (trente jours pour les refus pris à compter du 1er janvier 2023).") with
    { Required = true };

    private static readonly FactDefinition Granted = FactDefinition.Input("granted", FactType.Boolean,
        "Le ministre accorde le visa.") with { Required = true };

    /// <summary>The definition (<c>visa.refusal-appeal</c>).</summary>
    public static ProcedureDefinition<VisaRefusalAppealState, VisaRefusalAppealTrigger> Definition { get; } = Build();

    private static ProcedureDefinition<VisaRefusalAppealState, VisaRefusalAppealTrigger> Build()
    {
        var mandatory = Cite.Both(Cite.Then("D.211-5"), Cite.Now("D.312-3"));
        var deadline = Cite.All(Cite.Both(Cite.Then("D.211-6"), Cite.Now("D.312-4")),
            new SourceNote("Décrets n° 2022-962 et n° 2022-963 du 29 juin 2022 : trente jours pour les refus pris à compter du 1er janvier 2023"));
        var information = Cite.Then("D.211-8");
        var outcome = Cite.Then("D.211-9");
        var contentious = Citation.Article("CJA", "R.421-1");

        var b = new ProcedureBuilder<VisaRefusalAppealState, VisaRefusalAppealTrigger>(
            new ProcedureKey("visa.refusal-appeal", 1), "Recours contre un refus de visa devant la commission",
            [mandatory, deadline, information, outcome, Cite.Then("R.211-10"), contentious]);

        b.Trigger(VisaRefusalAppealTrigger.NotifyRefusal, "Notification du refus de visa", RefusalDate)
            .Trigger(VisaRefusalAppealTrigger.LodgeAppeal, "Recours reçu par la commission")
            .Trigger(VisaRefusalAppealTrigger.AppealWindowClosed, "Expiration du délai de recours devant la commission")
            .Trigger(VisaRefusalAppealTrigger.RejectAppeal, "Rejet du recours par la commission ou son président, notifié")
            .Trigger(VisaRefusalAppealTrigger.RecommendVisa, "Recommandation au ministre d'accorder le visa")
            .Trigger(VisaRefusalAppealTrigger.MinisterDecides, "Décision du ministre sur la recommandation, notifiée", Granted)
            .Trigger(VisaRefusalAppealTrigger.LodgeContentiousAppeal, "Recours contentieux enregistré au tribunal administratif")
            .Trigger(VisaRefusalAppealTrigger.ContentiousWindowClosed, "Expiration du délai de recours contentieux");

        var appealWindow = b.Deadline("commission-appeal", "le délai de recours devant la commission",
            EntryDeadlines.VisaRefusalAppeal, onExpiry: VisaRefusalAppealTrigger.AppealWindowClosed, versionFact: "refusalDate");
        var contentiousWindow = b.Deadline("contentious-appeal", "le délai de recours contentieux de deux mois (franc)",
            GeneralDeadlines.AdministrativeRecourse, onExpiry: VisaRefusalAppealTrigger.ContentiousWindowClosed);

        b.State(VisaRefusalAppealState.NotRefused, "Aucun refus de visa notifié")
            .Permit(VisaRefusalAppealTrigger.NotifyRefusal, VisaRefusalAppealState.AppealWindowOpen);
        b.Initial(VisaRefusalAppealState.NotRefused);

        b.State(VisaRefusalAppealState.AppealWindowOpen, "Refus notifié : délai de recours devant la commission ouvert", deadline)
            .Arms(appealWindow)
            .PermitWithin(VisaRefusalAppealTrigger.LodgeAppeal, appealWindow, VisaRefusalAppealState.AppealPending,
                VisaRefusalAppealState.LateAppeal)
            .Permit(VisaRefusalAppealTrigger.AppealWindowClosed, VisaRefusalAppealState.RefusalFinal)
            .Permit(VisaRefusalAppealTrigger.LodgeContentiousAppeal, VisaRefusalAppealState.ContentiousAppealWithoutPriorAppeal);

        b.State(VisaRefusalAppealState.RefusalFinal, "Refus définitif : commission non saisie dans le délai", deadline)
            .PermitWithin(VisaRefusalAppealTrigger.LodgeAppeal, appealWindow, VisaRefusalAppealState.LateAppeal,
                VisaRefusalAppealState.LateAppeal)
            .Permit(VisaRefusalAppealTrigger.LodgeContentiousAppeal, VisaRefusalAppealState.ContentiousAppealWithoutPriorAppeal)
            .Final();

        b.State(VisaRefusalAppealState.LateAppeal, "Recours formé hors délai devant la commission", deadline)
            .OnEntry(ClerkTaskTemplate.Whenever("manifestly-inadmissible",
                "Soumettre au président de la commission, qui peut rejeter sans réunir la commission les recours manifestement irrecevables",
                Cite.Then("D.211-9", 2)))
            .Final();

        b.State(VisaRefusalAppealState.AppealPending, "Commission saisie", deadline)
            .OnEntry(ClerkTaskTemplate.Whenever("request-information",
                "Demander aux autorités diplomatiques ou consulaires les informations utiles à l'examen du recours", information))
            .Permit(VisaRefusalAppealTrigger.RejectAppeal, VisaRefusalAppealState.AppealRejected)
            .Permit(VisaRefusalAppealTrigger.RecommendVisa, VisaRefusalAppealState.Recommended);

        b.State(VisaRefusalAppealState.Recommended, "Recommandation d'accorder le visa : décision du ministre attendue", outcome)
            .PermitIf(VisaRefusalAppealTrigger.MinisterDecides, VisaRefusalAppealState.VisaGranted,
                new Guard("le ministre accorde le visa", outcome, c => c.Facts.Boolean("granted") == true))
            .PermitIf(VisaRefusalAppealTrigger.MinisterDecides, VisaRefusalAppealState.MinisterRefused,
                new Guard("le ministre maintient le refus", outcome, c => c.Facts.Boolean("granted") == false));

        b.State(VisaRefusalAppealState.VisaGranted, "Visa accordé par le ministre", outcome).Final();

        b.State(VisaRefusalAppealState.AppealFailed, "Recours rejeté : délai de recours contentieux ouvert (deux mois, franc)", contentious)
            .Arms(contentiousWindow)
            .PermitWithin(VisaRefusalAppealTrigger.LodgeContentiousAppeal, contentiousWindow, VisaRefusalAppealState.ContentiousAppealLodged,
                VisaRefusalAppealState.LateContentiousAppeal)
            .Permit(VisaRefusalAppealTrigger.ContentiousWindowClosed, VisaRefusalAppealState.RejectionFinal);

        b.State(VisaRefusalAppealState.AppealRejected, "Recours rejeté par la commission", outcome)
            .SubstateOf(VisaRefusalAppealState.AppealFailed);

        b.State(VisaRefusalAppealState.MinisterRefused, "Refus maintenu par le ministre malgré la recommandation", outcome)
            .SubstateOf(VisaRefusalAppealState.AppealFailed);

        b.State(VisaRefusalAppealState.ContentiousAppealLodged, "Recours contentieux formé", contentious).Final();

        b.State(VisaRefusalAppealState.LateContentiousAppeal, "Recours contentieux formé hors délai", contentious).Final();

        b.State(VisaRefusalAppealState.RejectionFinal, "Rejet définitif : aucun recours contentieux dans le délai", contentious)
            .PermitWithin(VisaRefusalAppealTrigger.LodgeContentiousAppeal, contentiousWindow, VisaRefusalAppealState.LateContentiousAppeal,
                VisaRefusalAppealState.LateContentiousAppeal)
            .Final();

        b.State(VisaRefusalAppealState.ContentiousAppealWithoutPriorAppeal,
                "Recours contentieux sans saisine préalable de la commission : irrecevable", mandatory)
            .Final();

        return b.Build();
    }
}
