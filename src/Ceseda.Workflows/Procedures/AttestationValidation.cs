using Ceseda.Rules.Entry;
using Ceseda.Rules.Law;
using Ceseda.Rules.Procedure;
using Ceseda.Workflows.StateMachines;

namespace Ceseda.Workflows.Procedures;

/// <summary>The states of the validation of an attestation d'accueil (<i>validation de
/// l'attestation d'accueil</i>).</summary>
public enum AttestationValidationState
{
    /// <summary>No request filed.</summary>
    NotFiled,

    /// <summary>The request is with the mayor; his one-month silence runs (<i>demande en
    /// mairie</i>).</summary>
    AwaitingMayor,

    /// <summary>The mayor validated the attestation (<i>attestation validée</i>).</summary>
    Validated,

    /// <summary>Validation refused: the two months for the mandatory prior appeal to the prefect
    /// run (<i>refus de validation</i>).</summary>
    Refused,

    /// <summary>The mayor refused expressly (<i>refus exprès</i>).</summary>
    ExpresslyRefused,

    /// <summary>The mayor's silence for more than a month is a refusal (<i>refus implicite</i>).</summary>
    ImplicitlyRefused,

    /// <summary>No prior appeal within two months: the refusal stands (<i>refus définitif</i>).</summary>
    RefusalFinal,

    /// <summary>A prior appeal lodged after the two months (<i>recours tardif, irrecevable</i>).</summary>
    LatePrefectAppeal,

    /// <summary>The prior appeal is with the prefect; his one-month silence runs (<i>recours
    /// administratif préalable</i>).</summary>
    AwaitingPrefect,

    /// <summary>The prefect validated the attestation on appeal.</summary>
    ValidatedByPrefect,

    /// <summary>The prefect rejected the appeal: the two months of the contentious appeal run
    /// (<i>délai de recours contentieux</i>).</summary>
    AppealRejected,

    /// <summary>The prefect rejected the appeal expressly.</summary>
    AppealExpresslyRejected,

    /// <summary>The prefect's silence for more than a month is a rejection.</summary>
    AppealImplicitlyRejected,

    /// <summary>The contentious appeal is lodged in time (<i>recours contentieux</i>).</summary>
    ContentiousAppealLodged,

    /// <summary>The contentious appeal is lodged after the deadline (<i>recours tardif</i>).</summary>
    LateContentiousAppeal,

    /// <summary>No contentious appeal in time: the rejection stands.</summary>
    RejectionFinal,

    /// <summary>A contentious appeal lodged without the mandatory prior appeal, inadmissible
    /// (<i>irrecevable faute de recours préalable</i>).</summary>
    ContentiousAppealWithoutPriorAppeal,
}

/// <summary>The acts and deadlines of the validation of an attestation d'accueil.</summary>
public enum AttestationValidationTrigger
{
    /// <summary>The signatory files the request at the town hall (<i>demande de validation</i>).</summary>
    FileRequest,

    /// <summary>The mayor, or the prefect on appeal, validates the attestation.</summary>
    Validate,

    /// <summary>The mayor refuses expressly.</summary>
    Refuse,

    /// <summary>The mayor's month of silence passed.</summary>
    MayorSilenceElapsed,

    /// <summary>The prior appeal reaches the prefect (<i>recours administratif préalable</i>).</summary>
    LodgePrefectAppeal,

    /// <summary>The two months for the prior appeal passed.</summary>
    PrefectAppealWindowClosed,

    /// <summary>The prefect's express rejection of the appeal is notified.</summary>
    RejectAppeal,

    /// <summary>The prefect's month of silence passed.</summary>
    PrefectSilenceElapsed,

    /// <summary>The contentious appeal is registered at the administrative court (<i>recours
    /// contentieux</i>).</summary>
    LodgeContentiousAppeal,

    /// <summary>The two months of the contentious appeal passed.</summary>
    ContentiousWindowClosed,
}

/// <summary>The validation of an attestation d'accueil (R.211-11 to R.211-17 in the 2009
/// numbering; R.313-11 and R.313-12 since 1 May 2021 for the silence and the prior appeal):
/// request at the town hall, validation or refusal, refusal by a month's silence, the mandatory
/// prior appeal to the prefect within two months, his month's silence, then the contentious
/// appeal (CJA R.421-1, two months, franc).</summary>
/// <remarks>An implicit refusal is born at the end of the last day of the silence; the deadline
/// it starts runs from that day. Whether the contentious deadline runs against an implicit
/// rejection when the acknowledgement of receipt did not state the remedies is not encoded.</remarks>
public static class AttestationValidation
{
    /// <summary>The definition (<c>attestation.validation</c>).</summary>
    public static ProcedureDefinition<AttestationValidationState, AttestationValidationTrigger> Definition { get; } = Build();

    private static ProcedureDefinition<AttestationValidationState, AttestationValidationTrigger> Build()
    {
        var notConfirmed = new SourceNote("numérotation actuelle non confirmée") { Confidence = Confidence.NotConfirmed };
        var content = Cite.All(Cite.Then("R.211-11"), notConfirmed);
        var appearance = Cite.All(Cite.Then("R.211-14"), notConfirmed);
        var silence = Cite.Both(Cite.Then("R.211-16"), Cite.Now("R.313-11"));
        var priorAppeal = Cite.Both(Cite.Then("R.211-17"), Cite.Now("R.313-12"));
        var report = Cite.All(Cite.Then("R.211-18", 2), notConfirmed);
        var contentious = Citation.Article("CJA", "R.421-1");

        var b = new ProcedureBuilder<AttestationValidationState, AttestationValidationTrigger>(
            new ProcedureKey("attestation.validation", 1), "Validation de l'attestation d'accueil",
            [content, appearance, silence, priorAppeal, report, contentious]);

        b.Trigger(AttestationValidationTrigger.FileRequest, "Demande de validation reçue en mairie")
            .Trigger(AttestationValidationTrigger.Validate, "Validation de l'attestation d'accueil")
            .Trigger(AttestationValidationTrigger.Refuse, "Refus exprès de validation par le maire")
            .Trigger(AttestationValidationTrigger.MayorSilenceElapsed, "Silence du maire pendant plus d'un mois")
            .Trigger(AttestationValidationTrigger.LodgePrefectAppeal, "Recours administratif préalable reçu par le préfet")
            .Trigger(AttestationValidationTrigger.PrefectAppealWindowClosed, "Expiration du délai du recours préalable")
            .Trigger(AttestationValidationTrigger.RejectAppeal, "Rejet exprès du recours par le préfet, notifié")
            .Trigger(AttestationValidationTrigger.PrefectSilenceElapsed, "Silence du préfet pendant plus d'un mois")
            .Trigger(AttestationValidationTrigger.LodgeContentiousAppeal, "Recours contentieux enregistré au tribunal administratif")
            .Trigger(AttestationValidationTrigger.ContentiousWindowClosed, "Expiration du délai de recours contentieux");

        var mayorSilence = b.Deadline("mayor-silence", "le silence d'un mois du maire valant refus",
            EntryDeadlines.MayorSilence, onExpiry: AttestationValidationTrigger.MayorSilenceElapsed);
        var prefectAppeal = b.Deadline("prefect-appeal", "le délai de deux mois du recours préalable obligatoire auprès du préfet",
            EntryDeadlines.PrefectAppeal, onExpiry: AttestationValidationTrigger.PrefectAppealWindowClosed);
        var prefectSilence = b.Deadline("prefect-silence", "le silence d'un mois du préfet valant rejet du recours",
            EntryDeadlines.PrefectSilence, onExpiry: AttestationValidationTrigger.PrefectSilenceElapsed);
        var contentiousWindow = b.Deadline("contentious-appeal", "le délai de recours contentieux de deux mois (franc)",
            GeneralDeadlines.AdministrativeRecourse, onExpiry: AttestationValidationTrigger.ContentiousWindowClosed);

        b.State(AttestationValidationState.NotFiled, "Aucune demande de validation")
            .Permit(AttestationValidationTrigger.FileRequest, AttestationValidationState.AwaitingMayor);
        b.Initial(AttestationValidationState.NotFiled);

        b.State(AttestationValidationState.AwaitingMayor, "Demande en mairie : silence du maire en cours (un mois)", appearance)
            .Arms(mayorSilence)
            .OnEntry(ClerkTaskTemplate.By(mayorSilence, "decide-request",
                "Valider ou refuser l'attestation d'accueil avant la naissance du refus implicite", silence))
            .Permit(AttestationValidationTrigger.Validate, AttestationValidationState.Validated)
            .Permit(AttestationValidationTrigger.Refuse, AttestationValidationState.ExpresslyRefused)
            .Permit(AttestationValidationTrigger.MayorSilenceElapsed, AttestationValidationState.ImplicitlyRefused);

        b.State(AttestationValidationState.Validated, "Attestation validée par le maire", appearance)
            .OnEntry(ClerkTaskTemplate.Whenever("annual-report",
                "Compter l'attestation validée dans le compte rendu annuel adressé au préfet", report))
            .Final();

        b.State(AttestationValidationState.Refused, "Refus de validation : délai du recours préalable obligatoire ouvert (deux mois)", priorAppeal)
            .Arms(prefectAppeal)
            .PermitWithin(AttestationValidationTrigger.LodgePrefectAppeal, prefectAppeal, AttestationValidationState.AwaitingPrefect,
                AttestationValidationState.LatePrefectAppeal)
            .Permit(AttestationValidationTrigger.PrefectAppealWindowClosed, AttestationValidationState.RefusalFinal)
            .Permit(AttestationValidationTrigger.LodgeContentiousAppeal, AttestationValidationState.ContentiousAppealWithoutPriorAppeal);

        b.State(AttestationValidationState.ExpresslyRefused, "Refus exprès du maire", priorAppeal)
            .SubstateOf(AttestationValidationState.Refused);

        b.State(AttestationValidationState.ImplicitlyRefused, "Refus implicite né du silence du maire pendant plus d'un mois", silence)
            .SubstateOf(AttestationValidationState.Refused);

        b.State(AttestationValidationState.RefusalFinal, "Refus définitif : aucun recours préalable dans les deux mois", priorAppeal)
            .PermitWithin(AttestationValidationTrigger.LodgePrefectAppeal, prefectAppeal, AttestationValidationState.LatePrefectAppeal,
                AttestationValidationState.LatePrefectAppeal)
            .Permit(AttestationValidationTrigger.LodgeContentiousAppeal, AttestationValidationState.ContentiousAppealWithoutPriorAppeal)
            .Final();

        b.State(AttestationValidationState.LatePrefectAppeal, "Recours préalable formé hors délai : irrecevable", priorAppeal)
            .Final();

        b.State(AttestationValidationState.AwaitingPrefect, "Recours préalable devant le préfet : silence du préfet en cours (un mois)", priorAppeal)
            .Arms(prefectSilence)
            .Permit(AttestationValidationTrigger.Validate, AttestationValidationState.ValidatedByPrefect)
            .Permit(AttestationValidationTrigger.RejectAppeal, AttestationValidationState.AppealExpresslyRejected)
            .Permit(AttestationValidationTrigger.PrefectSilenceElapsed, AttestationValidationState.AppealImplicitlyRejected);

        b.State(AttestationValidationState.ValidatedByPrefect, "Attestation validée par le préfet sur recours", priorAppeal)
            .Final();

        b.State(AttestationValidationState.AppealRejected, "Recours préalable rejeté : délai de recours contentieux ouvert (deux mois, franc)", contentious)
            .Arms(contentiousWindow)
            .PermitWithin(AttestationValidationTrigger.LodgeContentiousAppeal, contentiousWindow, AttestationValidationState.ContentiousAppealLodged,
                AttestationValidationState.LateContentiousAppeal)
            .Permit(AttestationValidationTrigger.ContentiousWindowClosed, AttestationValidationState.RejectionFinal);

        b.State(AttestationValidationState.AppealExpresslyRejected, "Recours rejeté expressément par le préfet", priorAppeal)
            .SubstateOf(AttestationValidationState.AppealRejected);

        b.State(AttestationValidationState.AppealImplicitlyRejected, "Recours rejeté implicitement par le silence du préfet pendant plus d'un mois", silence)
            .SubstateOf(AttestationValidationState.AppealRejected);

        b.State(AttestationValidationState.ContentiousAppealLodged, "Recours contentieux formé", contentious)
            .Final();

        b.State(AttestationValidationState.LateContentiousAppeal, "Recours contentieux formé hors délai", contentious)
            .Final();

        b.State(AttestationValidationState.RejectionFinal, "Rejet définitif : aucun recours contentieux dans le délai", contentious)
            .PermitWithin(AttestationValidationTrigger.LodgeContentiousAppeal, contentiousWindow, AttestationValidationState.LateContentiousAppeal,
                AttestationValidationState.LateContentiousAppeal)
            .Final();

        b.State(AttestationValidationState.ContentiousAppealWithoutPriorAppeal,
                "Recours contentieux sans recours préalable auprès du préfet : irrecevable", priorAppeal)
            .Final();

        return b.Build();
    }
}
