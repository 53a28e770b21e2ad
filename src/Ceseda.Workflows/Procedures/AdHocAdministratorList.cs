using Ceseda.Rules.Calendars;
using Ceseda.Rules.Law;
using Ceseda.Rules.Representation;
using Ceseda.Workflows.StateMachines;

namespace Ceseda.Workflows.Procedures;

/// <summary>The states of an entry on the list of ad hoc administrators (<i>liste des administrateurs ad hoc</i>).</summary>
public enum AdHocAdministratorListState
{
    /// <summary>No application yet.</summary>
    NotApplied,

    /// <summary>The prosecutor investigates the application and gathers the opinions (<i>instruction et avis</i>).</summary>
    Instruction,

    /// <summary>The file is with the president of the tribunal for the opinion of its general assembly.</summary>
    TribunalAssemblyReview,

    /// <summary>The first president is seized for examination by the general assembly of the court of appeal.</summary>
    CourtAssemblyReview,

    /// <summary>The general assembly did not enter the applicant (<i>inscription refusée</i>).</summary>
    ListingRefused,

    /// <summary>On the list; the four years run (<i>inscrit sur la liste</i>).</summary>
    Listed,

    /// <summary>On the list, no mission report awaited.</summary>
    OnList,

    /// <summary>A mission ended: its report is due within the month (<i>rapport de mission</i>).</summary>
    MissionReportDue,

    /// <summary>The month passed without the report (<i>rapport non transmis</i>).</summary>
    MissionReportOverdue,

    /// <summary>The four years ended with no new application (<i>inscription échue</i>).</summary>
    ListingLapsed,

    /// <summary>The general assembly pronounced the radiation (<i>radiation prononcée</i>).</summary>
    RadiationPronounced,

    /// <summary>The radiation is notified: the month to appeal to the Cour de cassation runs.</summary>
    RadiationNotified,

    /// <summary>No appeal in time: the radiation is final (<i>radiation définitive</i>).</summary>
    RadiationFinal,

    /// <summary>The first president suspended the administrator provisionally (<i>suspension provisoire</i>).</summary>
    SuspensionPronounced,

    /// <summary>The suspension is notified: the month to appeal to the Cour de cassation runs.</summary>
    SuspensionNotified,

    /// <summary>An appeal to the Cour de cassation is pending (<i>recours devant la Cour de cassation</i>).</summary>
    CassationAppealPending,

    /// <summary>An appeal lodged after the month (<i>recours tardif, irrecevable</i>).</summary>
    CassationAppealInadmissible,

    /// <summary>The Cour de cassation has ruled.</summary>
    CassationDecided,
}

/// <summary>The acts and deadlines of an entry on the list of ad hoc administrators.</summary>
public enum AdHocAdministratorListTrigger
{
    /// <summary>An application reaches the prosecutor (<i>demande d'inscription</i>).</summary>
    ApplyForListing,

    /// <summary>The prosecutor sends the file to the president of the tribunal for its general assembly's opinion.</summary>
    ForwardToTribunalAssembly,

    /// <summary>The file goes to the prosecutor general, who seizes the first president.</summary>
    ForwardToCourt,

    /// <summary>The general assembly of the court of appeal draws up the list (<i>liste dressée</i>).</summary>
    DecideListing,

    /// <summary>The four years of the list passed.</summary>
    ListTermEnded,

    /// <summary>A mission of the administrator ends (<i>achèvement de la mission</i>).</summary>
    CompleteMission,

    /// <summary>The administrator's mission report reaches the prosecutor.</summary>
    SubmitMissionReport,

    /// <summary>The month for the mission report passed.</summary>
    MissionReportWindowClosed,

    /// <summary>The administrator applies again for the next list (<i>nouvelle demande d'inscription</i>).</summary>
    ApplyForRenewal,

    /// <summary>The general assembly of the court of appeal pronounces the radiation.</summary>
    Radiate,

    /// <summary>The first president suspends the administrator provisionally, in an emergency.</summary>
    Suspend,

    /// <summary>The suspension is lifted.</summary>
    LiftSuspension,

    /// <summary>The radiation or suspension is notified to the administrator.</summary>
    NotifyDecision,

    /// <summary>An appeal to the Cour de cassation is lodged.</summary>
    LodgeCassationAppeal,

    /// <summary>The month to appeal to the Cour de cassation passed.</summary>
    CassationWindowClosed,

    /// <summary>The Cour de cassation rules.</summary>
    DecideCassation,
}

/// <summary>The entry of an ad hoc administrator on the list of the court of appeal (R.111-13 to
/// R.111-24, 2009 numbering; R.343-2 ff. since 1 May 2021): application, opinions, list drawn up by
/// the general assembly, four-year term and new application, mission reports, radiation and
/// suspension with the one-month appeal to the Cour de cassation. Not applicable in Mayotte (R.111-24).</summary>
public static class AdHocAdministratorList
{
    private static readonly FactDefinition Listed = FactDefinition.Input("listed", FactType.Boolean,
        "L'assemblée générale de la cour d'appel inscrit le candidat sur la liste.") with { Required = true };

    private static readonly FactDefinition ListDrawnUpAt = FactDefinition.Input("listDrawnUpAt", FactType.Instant,
        "Le moment où l'assemblée générale a dressé la liste portant l'inscription : point de départ des quatre ans (nécessaire lorsque le candidat est inscrit).");

    private static readonly FactDefinition OnRequest = FactDefinition.Input("onRequest", FactType.Boolean,
        "La radiation est demandée par l'administrateur ad hoc lui-même.") with { Required = true };

    private static readonly FactDefinition ObservationsInvited = FactDefinition.Input("observationsInvited", FactType.Boolean,
        "L'administrateur ad hoc a été mis à même (ou en mesure) de présenter ses observations.");

    private static readonly FactDefinition Appellant = FactDefinition.Input("appellant", FactType.Choice,
        "Qui forme le recours : l'administrateur ad hoc (administrator) ou le ministère public (prosecutor).") with
    { Required = true, Choices = ["administrator", "prosecutor"] };

    /// <summary>The list of ad hoc administrators (<c>adhoc-administrator.list</c>).</summary>
    public static ProcedureDefinition<AdHocAdministratorListState, AdHocAdministratorListTrigger> Definition { get; } = Build();

    private static ProcedureDefinition<AdHocAdministratorListState, AdHocAdministratorListTrigger> Build()
    {
        var list = Cite.Both(Cite.Then("R.111-13", 1), Cite.Now("R.343-2"));
        var instruction = Cite.Both(Cite.Then("R.111-16", 1), Cite.Now("R.343-5"));
        var tribunal = Cite.Both(Cite.Then("R.111-16", 2), Cite.Now("R.343-5"));
        var court = Cite.Both(Cite.Then("R.111-16", 3), Cite.Now("R.343-5"));
        var drawing = Cite.Both(Cite.Then("R.111-16", 4), Cite.Now("R.343-5"));
        var renewal = Cite.Both(Cite.Then("R.111-17"), Cite.Now("R.343-6"));
        var radiation = Cite.Both(Cite.Then("R.111-18", 1), Cite.Now("R.343-10"));
        var suspension = Cite.Both(Cite.Then("R.111-18", 2), Cite.Now("R.343-10"));
        var appeal = Cite.Both(Cite.Then("R.111-18", 3), Cite.Now("R.343-10"));
        var report = Cite.Both(Cite.Then("R.111-19"), Cite.Now("R.343-7"));
        var mayotte = Cite.All(Cite.Then("R.111-24"),
            new SourceNote("maintien de cette exclusion depuis le 1er mai 2021 non confirmé") { Confidence = Confidence.NotConfirmed });

        var b = new ProcedureBuilder<AdHocAdministratorListState, AdHocAdministratorListTrigger>(
            new ProcedureKey("adhoc-administrator.list", 1),
            "Inscription sur la liste des administrateurs ad hoc de la cour d'appel",
            [list, instruction, renewal, radiation, appeal, report, mayotte]);

        b.Trigger(AdHocAdministratorListTrigger.ApplyForListing, "Demande d'inscription adressée au procureur de la République")
            .Trigger(AdHocAdministratorListTrigger.ForwardToTribunalAssembly,
                "Avis recueillis ; dossier transmis au président du tribunal pour avis de l'assemblée générale")
            .Trigger(AdHocAdministratorListTrigger.ForwardToCourt,
                "Dossier transmis au procureur général, qui saisit le premier président de la cour d'appel")
            .Trigger(AdHocAdministratorListTrigger.DecideListing, "Liste dressée par l'assemblée générale de la cour d'appel", Listed, ListDrawnUpAt)
            .Trigger(AdHocAdministratorListTrigger.ListTermEnded, "Expiration de la période de quatre ans de la liste")
            .Trigger(AdHocAdministratorListTrigger.CompleteMission, "Achèvement d'une mission de l'administrateur ad hoc")
            .Trigger(AdHocAdministratorListTrigger.SubmitMissionReport, "Rapport de mission reçu par le procureur de la République")
            .Trigger(AdHocAdministratorListTrigger.MissionReportWindowClosed, "Expiration du mois suivant l'achèvement de la mission")
            .Trigger(AdHocAdministratorListTrigger.ApplyForRenewal, "Nouvelle demande d'inscription (tous les quatre ans)")
            .Trigger(AdHocAdministratorListTrigger.Radiate, "Radiation prononcée par l'assemblée générale de la cour d'appel", OnRequest, ObservationsInvited)
            .Trigger(AdHocAdministratorListTrigger.Suspend, "Suspension provisoire prononcée par le premier président (urgence)", ObservationsInvited)
            .Trigger(AdHocAdministratorListTrigger.LiftSuspension, "Fin de la suspension provisoire")
            .Trigger(AdHocAdministratorListTrigger.NotifyDecision, "Notification de la décision à l'administrateur ad hoc")
            .Trigger(AdHocAdministratorListTrigger.LodgeCassationAppeal, "Recours devant la Cour de cassation", Appellant)
            .Trigger(AdHocAdministratorListTrigger.CassationWindowClosed, "Expiration du délai de recours d'un mois")
            .Trigger(AdHocAdministratorListTrigger.DecideCassation, "Arrêt de la Cour de cassation");

        var term = b.Deadline("list-term", "la période de quatre ans de la liste", AdHocAdministratorDeadlines.ListRenewal,
            startFact: "listDrawnUpAt", onExpiry: AdHocAdministratorListTrigger.ListTermEnded);
        var missionReport = b.Deadline("mission-report", "le mois suivant l'achèvement de la mission pour transmettre le rapport",
            AdHocAdministratorDeadlines.MissionReport, onExpiry: AdHocAdministratorListTrigger.MissionReportWindowClosed);
        var cassation = b.Deadline("cassation-appeal", "le délai d'un mois suivant la notification pour former un recours devant la Cour de cassation",
            AdHocAdministratorDeadlines.RadiationAppeal, onExpiry: AdHocAdministratorListTrigger.CassationWindowClosed);

        var notMayotte = new Guard("le ressort n'est pas à Mayotte, où la section ne s'applique pas", mayotte,
            c => c.Snapshot.Territory.Id != Territories.Mayotte.Id);
        var heard = new Guard("radiation demandée par l'intéressé, ou intéressé mis à même de présenter ses observations", radiation,
            c => c.Facts.Boolean("onRequest") == true || c.Facts.Boolean("observationsInvited") == true);
        var heardUrgently = new Guard("intéressé mis en mesure de présenter ses observations", suspension,
            c => c.Facts.Boolean("observationsInvited") == true);

        b.State(AdHocAdministratorListState.NotApplied, "Aucune demande d'inscription")
            .PermitIf(AdHocAdministratorListTrigger.ApplyForListing, AdHocAdministratorListState.Instruction, notMayotte);
        b.Initial(AdHocAdministratorListState.NotApplied);

        b.State(AdHocAdministratorListState.Instruction, "Demande en instruction par le procureur de la République", instruction)
            .OnEntry(ClerkTaskTemplate.Whenever("gather-opinions",
                "Recueillir l'avis du juge des tutelles, du juge des enfants, du juge des libertés et de la détention, du président du conseil général et du directeur régional de la protection judiciaire de la jeunesse",
                instruction))
            .Permit(AdHocAdministratorListTrigger.ForwardToTribunalAssembly, AdHocAdministratorListState.TribunalAssemblyReview);

        b.State(AdHocAdministratorListState.TribunalAssemblyReview, "Dossier soumis à l'avis de l'assemblée générale du tribunal", tribunal)
            .Permit(AdHocAdministratorListTrigger.ForwardToCourt, AdHocAdministratorListState.CourtAssemblyReview);

        b.State(AdHocAdministratorListState.CourtAssemblyReview, "Dossier soumis à l'assemblée générale de la cour d'appel", court)
            .OnEntry(ClerkTaskTemplate.Whenever("hear-rapporteur",
                "Entendre le magistrat chargé du rapport et le ministère public avant de dresser la liste", drawing))
            .PermitIf(AdHocAdministratorListTrigger.DecideListing, AdHocAdministratorListState.Listed,
                new Guard("le candidat est inscrit sur la liste, dont la date est donnée (point de départ des quatre ans)", drawing,
                    c => c.Facts.Boolean("listed") == true && c.Facts.Has("listDrawnUpAt")))
            .PermitIf(AdHocAdministratorListTrigger.DecideListing, AdHocAdministratorListState.ListingRefused,
                new Guard("le candidat n'est pas inscrit", drawing, c => c.Facts.Boolean("listed") == false));

        b.State(AdHocAdministratorListState.ListingRefused, "Inscription refusée", drawing).Final();

        b.State(AdHocAdministratorListState.Listed, "Inscrit sur la liste des administrateurs ad hoc", list)
            .InitialSubstate(AdHocAdministratorListState.OnList)
            .Arms(term)
            .Permit(AdHocAdministratorListTrigger.ListTermEnded, AdHocAdministratorListState.ListingLapsed)
            .PermitIf(AdHocAdministratorListTrigger.Radiate, AdHocAdministratorListState.RadiationPronounced, heard)
            .PermitIf(AdHocAdministratorListTrigger.Suspend, AdHocAdministratorListState.SuspensionPronounced, heardUrgently);

        b.State(AdHocAdministratorListState.OnList, "Inscrit, aucun rapport de mission attendu", list)
            .SubstateOf(AdHocAdministratorListState.Listed)
            .Permit(AdHocAdministratorListTrigger.CompleteMission, AdHocAdministratorListState.MissionReportDue)
            .Permit(AdHocAdministratorListTrigger.ApplyForRenewal, AdHocAdministratorListState.Instruction);

        b.State(AdHocAdministratorListState.MissionReportDue, "Mission achevée : rapport à transmettre dans le mois", report)
            .SubstateOf(AdHocAdministratorListState.Listed)
            .Arms(missionReport)
            .OnEntry(ClerkTaskTemplate.By(missionReport, "mission-report",
                "Recevoir le rapport de l'administrateur ad hoc détaillant les démarches effectuées et les éléments recueillis sur le mineur", report))
            .PermitWithin(AdHocAdministratorListTrigger.SubmitMissionReport, missionReport, AdHocAdministratorListState.OnList,
                AdHocAdministratorListState.OnList)
            .Permit(AdHocAdministratorListTrigger.MissionReportWindowClosed, AdHocAdministratorListState.MissionReportOverdue);

        b.State(AdHocAdministratorListState.MissionReportOverdue, "Rapport de mission non transmis dans le mois (manquement pouvant fonder la radiation)",
                Cite.All(report, radiation))
            .SubstateOf(AdHocAdministratorListState.Listed)
            .PermitWithin(AdHocAdministratorListTrigger.SubmitMissionReport, missionReport, AdHocAdministratorListState.OnList,
                AdHocAdministratorListState.OnList);

        b.State(AdHocAdministratorListState.ListingLapsed, "Période de quatre ans expirée sans nouvelle demande d'inscription", renewal)
            .PermitIf(AdHocAdministratorListTrigger.ApplyForListing, AdHocAdministratorListState.Instruction, notMayotte);

        var notify = ClerkTaskTemplate.Immediate("notify-decision",
            "Notifier la décision à l'administrateur ad hoc, avec le délai d'un mois du recours devant la Cour de cassation", appeal);

        b.State(AdHocAdministratorListState.RadiationPronounced, "Radiation prononcée, à notifier", radiation)
            .OnEntry(notify)
            .Permit(AdHocAdministratorListTrigger.NotifyDecision, AdHocAdministratorListState.RadiationNotified);

        b.State(AdHocAdministratorListState.RadiationNotified, "Radiation notifiée : délai de recours d'un mois", appeal)
            .Arms(cassation)
            .PermitWithin(AdHocAdministratorListTrigger.LodgeCassationAppeal, cassation, AdHocAdministratorListState.CassationAppealPending,
                AdHocAdministratorListState.CassationAppealInadmissible)
            .Permit(AdHocAdministratorListTrigger.CassationWindowClosed, AdHocAdministratorListState.RadiationFinal);

        b.State(AdHocAdministratorListState.RadiationFinal, "Radiation définitive (aucun recours dans le délai)", appeal)
            .PermitWithin(AdHocAdministratorListTrigger.LodgeCassationAppeal, cassation, AdHocAdministratorListState.CassationAppealInadmissible,
                AdHocAdministratorListState.CassationAppealInadmissible)
            .Final();

        b.State(AdHocAdministratorListState.SuspensionPronounced, "Suspendu à titre provisoire par le premier président, à notifier", suspension)
            .OnEntry(notify)
            .Permit(AdHocAdministratorListTrigger.NotifyDecision, AdHocAdministratorListState.SuspensionNotified);

        b.State(AdHocAdministratorListState.SuspensionNotified, "Suspension notifiée : délai de recours d'un mois", appeal)
            .Arms(cassation)
            .PermitWithin(AdHocAdministratorListTrigger.LodgeCassationAppeal, cassation, AdHocAdministratorListState.CassationAppealPending,
                AdHocAdministratorListState.CassationAppealInadmissible)
            .Ignore(AdHocAdministratorListTrigger.CassationWindowClosed,
                "Délai de recours expiré : la suspension n'est plus contestable ; elle dure jusqu'à sa levée ou à la radiation.");

        foreach (var state in new[] { AdHocAdministratorListState.SuspensionPronounced, AdHocAdministratorListState.SuspensionNotified })
        {
            b.State(state)
                .Permit(AdHocAdministratorListTrigger.LiftSuspension, AdHocAdministratorListState.Listed)
                .PermitIf(AdHocAdministratorListTrigger.Radiate, AdHocAdministratorListState.RadiationPronounced, heard);
        }

        b.State(AdHocAdministratorListState.CassationAppealPending, "Recours devant la Cour de cassation formé dans le délai", appeal)
            .Permit(AdHocAdministratorListTrigger.DecideCassation, AdHocAdministratorListState.CassationDecided);

        b.State(AdHocAdministratorListState.CassationAppealInadmissible, "Recours formé après le délai d'un mois (irrecevable)", appeal)
            .Final();

        b.State(AdHocAdministratorListState.CassationDecided, "Cour de cassation : arrêt rendu", appeal).Final();

        return b.Build();
    }
}
