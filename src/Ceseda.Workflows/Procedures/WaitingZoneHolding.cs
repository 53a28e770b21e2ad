using Ceseda.Rules.Law;
using Ceseda.Rules.WaitingZone;
using Ceseda.Workflows.StateMachines;

namespace Ceseda.Workflows.Procedures;

/// <summary>The states of a holding in a waiting zone (<i>maintien en zone d'attente</i>).</summary>
public enum WaitingZoneHoldingState
{
    /// <summary>No holding decision yet.</summary>
    NotHeld,

    /// <summary>The foreigner is held in the waiting zone (<i>maintenu en zone d'attente</i>).</summary>
    Held,

    /// <summary>The initial period decided by the administration runs (<i>maintien initial</i>).</summary>
    InitialPeriod,

    /// <summary>Initial period, no request for extension yet.</summary>
    InitialHolding,

    /// <summary>The request for extension reached the registry in time; the judge is to rule
    /// (<i>requête en prolongation</i>).</summary>
    ExtensionRequested,

    /// <summary>The judge granted the first extension before the initial period ended.</summary>
    ExtensionGranted,

    /// <summary>The first extension period runs (<i>première prolongation</i>).</summary>
    FirstExtensionPeriod,

    /// <summary>The initial period ended with a timely request still undecided.</summary>
    FirstExtensionAwaitingRuling,

    /// <summary>The first extension granted by the judge.</summary>
    FirstExtension,

    /// <summary>The request for the exceptional renewal reached the registry in time
    /// (<i>renouvellement exceptionnel</i>).</summary>
    RenewalRequested,

    /// <summary>The judge granted the renewal before the first extension ended.</summary>
    RenewalGranted,

    /// <summary>The exceptional renewal period runs (<i>second maintien prolongé</i>).</summary>
    SecondExtensionPeriod,

    /// <summary>The first extension ended with a timely renewal request still undecided.</summary>
    SecondExtensionAwaitingRuling,

    /// <summary>The exceptional renewal granted by the judge.</summary>
    SecondExtension,

    /// <summary>A request for extension received after the period it was to extend had ended
    /// (<i>requête tardive, irrecevable</i>).</summary>
    LateRequest,

    /// <summary>The judge refused the extension: the holding ends (<i>remise en liberté</i>).</summary>
    Released,

    /// <summary>The period ended without an extension: the holding ends (<i>fin du maintien</i>).</summary>
    HoldingExpired,

    /// <summary>The foreigner is admitted to the territory (<i>admission sur le territoire</i>).</summary>
    Admitted,

    /// <summary>The foreigner left the waiting zone for another country (<i>réacheminement</i>).</summary>
    Departed,
}

/// <summary>The acts and deadlines of a holding in a waiting zone.</summary>
public enum WaitingZoneHoldingTrigger
{
    /// <summary>The written, reasoned holding decision is notified (<i>décision de maintien</i>).</summary>
    Hold,

    /// <summary>The administration's request for extension is received at the court's registry
    /// (<i>requête reçue au greffe</i>).</summary>
    RequestExtension,

    /// <summary>The judge rules on the request (<i>ordonnance du juge</i>).</summary>
    DecideExtension,

    /// <summary>The current period of holding ended.</summary>
    PeriodEnded,

    /// <summary>The held foreigner asks for asylum (<i>demande d'asile</i>); ex officio
    /// extension NOT CONFIRMED.</summary>
    RequestAsylum,

    /// <summary>The foreigner brings the L.213-9 recourse against the refusal of entry on asylum
    /// grounds (<i>recours contre le refus d'entrée au titre de l'asile</i>); ex officio extension
    /// NOT CONFIRMED.</summary>
    LodgeEntryRefusalRecourse,

    /// <summary>An ex officio extension ended.</summary>
    ExOfficioExtensionEnded,

    /// <summary>The foreigner is admitted to the territory.</summary>
    Admit,

    /// <summary>The foreigner leaves the waiting zone (<i>réacheminement</i>).</summary>
    Depart,
}

/// <summary>The holding in a waiting zone and its extensions (L.221-3, L.222-1, L.222-2,
/// R.221-1, R.222-1 to R.222-3 in the 2009 numbering; L.341-2, L.342-1, L.342-4 since 1 May 2021):
/// the initial period, the request for extension that must reach the registry before the period
/// ends (R.222-2 al. 3), the judge's ruling, the first extension and the exceptional renewal, and
/// the ex officio extensions (NOT CONFIRMED).</summary>
/// <remarks>An extension runs from the end of the period it extends, whenever the judge rules: a
/// timely request keeps the foreigner held past that end until the ruling, and the extension's
/// deadline is armed at that end. The judge's own time to rule (24 h from the seizure since
/// 18 June 2011) is not encoded, no rule computes it.</remarks>
public static class WaitingZoneHolding
{
    private static readonly FactDefinition Granted = FactDefinition.Input("granted", FactType.Boolean,
        "Le juge autorise la prolongation du maintien.") with { Required = true };

    /// <summary>The definition (<c>waiting-zone.holding</c>).</summary>
    public static ProcedureDefinition<WaitingZoneHoldingState, WaitingZoneHoldingTrigger> Definition { get; } = Build();

    private static ProcedureDefinition<WaitingZoneHoldingState, WaitingZoneHoldingTrigger> Build()
    {
        var holding = Cite.Both(Cite.Then("L.221-3"), Cite.Now("L.341-2", Confidence.Likely));
        var decision = Cite.Then("R.221-1", 2);
        var extension = Cite.Both(Cite.Then("L.222-1"), Cite.Now("L.342-1"));
        var renewal = Cite.Both(Cite.Then("L.222-2"), Cite.Now("L.342-4"));
        var notConfirmed = new SourceNote("numérotation actuelle non confirmée (R.342-x)") { Confidence = Confidence.NotConfirmed };
        var judge = Cite.All(Cite.Then("R.222-1"), notConfirmed);
        var request = Cite.All(Cite.Then("R.222-2", 3), notConfirmed);
        var stamp = Cite.All(Cite.Then("R.222-2", 4), notConfirmed);
        var ruling = Cite.All(Cite.Then("R.222-3"), Cite.Then("R.552-10"), notConfirmed);
        var exOfficio = Cite.All(
            new SourceNote("Notes juridiques §4.2 : prorogations d'office de six jours (demande d'asile) et de quatre jours (recours de L.213-9)"),
            Cite.Then("L.222-2") with { Confidence = Confidence.NotConfirmed });

        var b = new ProcedureBuilder<WaitingZoneHoldingState, WaitingZoneHoldingTrigger>(
            new ProcedureKey("waiting-zone.holding", 1), "Maintien en zone d'attente et sa prolongation",
            [holding, decision, extension, renewal, judge, request, stamp, ruling, exOfficio]);

        b.Trigger(WaitingZoneHoldingTrigger.Hold, "Notification de la décision de maintien en zone d'attente")
            .Trigger(WaitingZoneHoldingTrigger.RequestExtension, "Requête en prolongation reçue au greffe du tribunal")
            .Trigger(WaitingZoneHoldingTrigger.DecideExtension, "Ordonnance du juge sur la prolongation", Granted)
            .Trigger(WaitingZoneHoldingTrigger.PeriodEnded, "Expiration de la période de maintien en cours")
            .Trigger(WaitingZoneHoldingTrigger.RequestAsylum, "Demande d'asile présentée en zone d'attente")
            .Trigger(WaitingZoneHoldingTrigger.LodgeEntryRefusalRecourse, "Recours de L.213-9 contre le refus d'entrée au titre de l'asile")
            .Trigger(WaitingZoneHoldingTrigger.ExOfficioExtensionEnded, "Expiration d'une prorogation d'office")
            .Trigger(WaitingZoneHoldingTrigger.Admit, "Admission sur le territoire")
            .Trigger(WaitingZoneHoldingTrigger.Depart, "Départ de l'étranger de la zone d'attente (réacheminement)");

        var initialPeriod = b.Deadline("initial-period", "la période de maintien initial décidée par l'administration",
            WaitingZonePeriods.InitialPeriod, onExpiry: WaitingZoneHoldingTrigger.PeriodEnded);
        var firstExtension = b.Deadline("first-extension", "la première prolongation autorisée par le juge (huit jours au plus)",
            WaitingZonePeriods.Extension, onExpiry: WaitingZoneHoldingTrigger.PeriodEnded, rank: 1);
        var secondExtension = b.Deadline("second-extension", "le renouvellement exceptionnel (huit jours au plus)",
            WaitingZonePeriods.Extension, onExpiry: WaitingZoneHoldingTrigger.PeriodEnded, rank: 2);
        var asylumExtension = b.Deadline("asylum-extension", "la prorogation d'office de six jours après une demande d'asile (NON CONFIRMÉE)",
            WaitingZonePeriods.AsylumExtension, onExpiry: WaitingZoneHoldingTrigger.ExOfficioExtensionEnded);
        var recourseExtension = b.Deadline("recourse-extension", "la prorogation d'office de quatre jours après un recours de L.213-9 (NON CONFIRMÉE)",
            WaitingZonePeriods.RecourseExtension, onExpiry: WaitingZoneHoldingTrigger.ExOfficioExtensionEnded);

        var exOfficioRunning = new Guard("une prorogation d'office (non confirmée) court encore : le maintien continue", exOfficio,
            c => c.IsRunning(asylumExtension) || c.IsRunning(recourseExtension));
        var noExOfficio = exOfficioRunning with
        {
            Description = "aucune prorogation d'office ne court : le maintien prend fin",
            Citation = holding,
            Predicate = c => !exOfficioRunning.Predicate(c),
        };

        // At the end of a period, the holding ends, unless an ex officio extension (not confirmed) is running.
        void EndsUnlessExOfficio(ProcedureBuilder<WaitingZoneHoldingState, WaitingZoneHoldingTrigger>.StateConfiguration state) =>
            state.PermitIf(WaitingZoneHoldingTrigger.PeriodEnded, WaitingZoneHoldingState.HoldingExpired, noExOfficio)
                .Ignore(WaitingZoneHoldingTrigger.PeriodEnded, "Maintien prorogé d'office (règle non confirmée).", exOfficioRunning);

        var nothingRuns = new Guard("aucune période de maintien ne court plus", holding, c =>
            !c.IsRunning(initialPeriod) && !c.IsRunning(firstExtension) && !c.IsRunning(secondExtension)
            && !c.IsRunning(asylumExtension) && !c.IsRunning(recourseExtension));
        var somethingRuns = nothingRuns with
        {
            Description = "une période de maintien court encore",
            Predicate = c => !nothingRuns.Predicate(c),
        };
        var granted = new Guard("le juge autorise la prolongation", ruling, c => c.Facts.Boolean("granted") == true);
        var refused = new Guard("le juge refuse la prolongation", ruling, c => c.Facts.Boolean("granted") == false);
        var afterInitial = new Guard("requête visant à prolonger le maintien initial", request, c => !c.WasArmed(firstExtension));
        var afterFirst = new Guard("requête visant à renouveler la première prolongation", request,
            c => c.WasArmed(firstExtension) && !c.WasArmed(secondExtension));

        var stampTask = ClerkTaskTemplate.Immediate("stamp-request",
            "Enregistrer la requête et y apposer, ainsi que sur les pièces jointes, un timbre indiquant la date et l'heure de la réception", stamp);
        var hearingTask = ClerkTaskTemplate.Immediate("notify-hearing",
            "Aviser aussitôt et par tout moyen l'autorité requérante, le procureur de la République, l'étranger et son avocat du jour et de l'heure de l'audience",
            Cite.All(Cite.Then("R.222-3"), Cite.Then("R.552-5")));
        var fileTask = ClerkTaskTemplate.Whenever("file-to-counsel",
            "Mettre la requête et les pièces jointes à la disposition de l'avocat de l'étranger dès leur arrivée au greffe",
            Cite.All(Cite.Then("R.222-3"), Cite.Then("R.552-7")));
        var notifyRuling = ClerkTaskTemplate.Immediate("notify-ruling",
            "Notifier l'ordonnance sur place aux parties présentes et leur faire connaître le délai et les modalités de l'appel",
            Cite.All(Cite.Then("R.222-3"), Cite.Then("R.552-10", 1)));

        b.State(WaitingZoneHoldingState.NotHeld, "Aucune décision de maintien")
            .Permit(WaitingZoneHoldingTrigger.Hold, WaitingZoneHoldingState.Held);
        b.Initial(WaitingZoneHoldingState.NotHeld);

        b.State(WaitingZoneHoldingState.Held, "Maintien en zone d'attente", holding)
            .InitialSubstate(WaitingZoneHoldingState.InitialPeriod)
            .InternalTransition(WaitingZoneHoldingTrigger.RequestAsylum, [asylumExtension],
                guard: new Guard("première demande d'asile en zone d'attente", exOfficio, c => !c.WasArmed(asylumExtension)))
            .Ignore(WaitingZoneHoldingTrigger.RequestAsylum, "La prorogation d'office pour demande d'asile a déjà été appliquée.",
                new Guard("une demande d'asile a déjà prorogé le maintien", exOfficio, c => c.WasArmed(asylumExtension)))
            .InternalTransition(WaitingZoneHoldingTrigger.LodgeEntryRefusalRecourse, [recourseExtension],
                guard: new Guard("premier recours de L.213-9", exOfficio, c => !c.WasArmed(recourseExtension)))
            .Ignore(WaitingZoneHoldingTrigger.LodgeEntryRefusalRecourse, "La prorogation d'office pour recours a déjà été appliquée.",
                new Guard("un recours a déjà prorogé le maintien", exOfficio, c => c.WasArmed(recourseExtension)))
            .PermitIf(WaitingZoneHoldingTrigger.ExOfficioExtensionEnded, WaitingZoneHoldingState.HoldingExpired, nothingRuns)
            .Ignore(WaitingZoneHoldingTrigger.ExOfficioExtensionEnded, "Une autre période de maintien court encore.", somethingRuns)
            .Permit(WaitingZoneHoldingTrigger.Admit, WaitingZoneHoldingState.Admitted)
            .Permit(WaitingZoneHoldingTrigger.Depart, WaitingZoneHoldingState.Departed);

        b.State(WaitingZoneHoldingState.InitialPeriod, "Maintien initial décidé par l'administration", holding)
            .SubstateOf(WaitingZoneHoldingState.Held)
            .InitialSubstate(WaitingZoneHoldingState.InitialHolding)
            .Arms(initialPeriod);

        EndsUnlessExOfficio(b.State(WaitingZoneHoldingState.InitialHolding, "Maintien initial en cours, sans requête en prolongation", decision)
            .SubstateOf(WaitingZoneHoldingState.InitialPeriod)
            .OnEntry(ClerkTaskTemplate.By(initialPeriod, "file-request",
                "Pour prolonger le maintien : transmettre au greffe du tribunal la requête motivée, datée, signée, avec la copie du registre, avant l'expiration du maintien initial",
                Cite.All(Cite.Then("R.222-2", 2), Cite.Then("R.222-2", 3))))
            .PermitWithin(WaitingZoneHoldingTrigger.RequestExtension, initialPeriod, WaitingZoneHoldingState.ExtensionRequested,
                WaitingZoneHoldingState.LateRequest));

        b.State(WaitingZoneHoldingState.ExtensionRequested, "Requête en prolongation reçue à temps, décision du juge attendue", request)
            .SubstateOf(WaitingZoneHoldingState.InitialPeriod)
            .OnEntry(stampTask, hearingTask, fileTask)
            .PermitIf(WaitingZoneHoldingTrigger.DecideExtension, WaitingZoneHoldingState.ExtensionGranted, granted)
            .PermitIf(WaitingZoneHoldingTrigger.DecideExtension, WaitingZoneHoldingState.Released, refused)
            .Permit(WaitingZoneHoldingTrigger.PeriodEnded, WaitingZoneHoldingState.FirstExtensionAwaitingRuling);

        b.State(WaitingZoneHoldingState.ExtensionGranted, "Prolongation autorisée, qui courra à l'expiration du maintien initial", extension)
            .SubstateOf(WaitingZoneHoldingState.InitialPeriod)
            .OnEntry(notifyRuling)
            .Permit(WaitingZoneHoldingTrigger.PeriodEnded, WaitingZoneHoldingState.FirstExtension);

        b.State(WaitingZoneHoldingState.FirstExtensionPeriod, "Première prolongation (huit jours au plus)", extension)
            .SubstateOf(WaitingZoneHoldingState.Held)
            .InitialSubstate(WaitingZoneHoldingState.FirstExtension)
            .Arms(firstExtension);

        EndsUnlessExOfficio(b.State(WaitingZoneHoldingState.FirstExtensionAwaitingRuling,
                "Maintien initial expiré, requête présentée à temps : décision du juge attendue", request)
            .SubstateOf(WaitingZoneHoldingState.FirstExtensionPeriod)
            .PermitIf(WaitingZoneHoldingTrigger.DecideExtension, WaitingZoneHoldingState.FirstExtension, granted)
            .PermitIf(WaitingZoneHoldingTrigger.DecideExtension, WaitingZoneHoldingState.Released, refused));

        EndsUnlessExOfficio(b.State(WaitingZoneHoldingState.FirstExtension, "Première prolongation en cours", extension)
            .SubstateOf(WaitingZoneHoldingState.FirstExtensionPeriod)
            .OnEntry(ClerkTaskTemplate.By(firstExtension, "file-renewal",
                "Pour renouveler à titre exceptionnel : transmettre la requête au greffe avant l'expiration de la première prolongation",
                Cite.All(renewal, request)))
            .PermitWithin(WaitingZoneHoldingTrigger.RequestExtension, firstExtension, WaitingZoneHoldingState.RenewalRequested,
                WaitingZoneHoldingState.LateRequest));

        b.State(WaitingZoneHoldingState.RenewalRequested, "Requête en renouvellement exceptionnel reçue à temps, décision du juge attendue", request)
            .SubstateOf(WaitingZoneHoldingState.FirstExtensionPeriod)
            .OnEntry(stampTask, hearingTask, fileTask)
            .PermitIf(WaitingZoneHoldingTrigger.DecideExtension, WaitingZoneHoldingState.RenewalGranted, granted)
            .PermitIf(WaitingZoneHoldingTrigger.DecideExtension, WaitingZoneHoldingState.Released, refused)
            .Permit(WaitingZoneHoldingTrigger.PeriodEnded, WaitingZoneHoldingState.SecondExtensionAwaitingRuling);

        b.State(WaitingZoneHoldingState.RenewalGranted, "Renouvellement autorisé, qui courra à l'expiration de la première prolongation", renewal)
            .SubstateOf(WaitingZoneHoldingState.FirstExtensionPeriod)
            .OnEntry(notifyRuling)
            .Permit(WaitingZoneHoldingTrigger.PeriodEnded, WaitingZoneHoldingState.SecondExtension);

        b.State(WaitingZoneHoldingState.SecondExtensionPeriod, "Renouvellement exceptionnel (huit jours au plus)", renewal)
            .SubstateOf(WaitingZoneHoldingState.Held)
            .InitialSubstate(WaitingZoneHoldingState.SecondExtension)
            .Arms(secondExtension);

        EndsUnlessExOfficio(b.State(WaitingZoneHoldingState.SecondExtensionAwaitingRuling,
                "Première prolongation expirée, requête présentée à temps : décision du juge attendue", request)
            .SubstateOf(WaitingZoneHoldingState.SecondExtensionPeriod)
            .PermitIf(WaitingZoneHoldingTrigger.DecideExtension, WaitingZoneHoldingState.SecondExtension, granted)
            .PermitIf(WaitingZoneHoldingTrigger.DecideExtension, WaitingZoneHoldingState.Released, refused));

        EndsUnlessExOfficio(b.State(WaitingZoneHoldingState.SecondExtension, "Renouvellement exceptionnel en cours (aucune autre prolongation par le juge)", renewal)
            .SubstateOf(WaitingZoneHoldingState.SecondExtensionPeriod));

        b.State(WaitingZoneHoldingState.LateRequest, "Requête reçue au greffe après l'expiration du délai : irrecevable", request)
            .OnEntry(stampTask, ClerkTaskTemplate.Immediate("end-holding",
                "Soumettre au juge la requête tardive (irrecevable) ; le maintien a pris fin à l'expiration de la période", request))
            .Final();

        b.State(WaitingZoneHoldingState.Released, "Prolongation refusée par le juge : fin du maintien", ruling)
            .OnEntry(notifyRuling)
            .Final();

        b.State(WaitingZoneHoldingState.HoldingExpired, "Période de maintien expirée sans prolongation : fin du maintien", holding)
            .PermitWithin(WaitingZoneHoldingTrigger.RequestExtension, initialPeriod, WaitingZoneHoldingState.LateRequest,
                WaitingZoneHoldingState.LateRequest, afterInitial)
            .PermitWithin(WaitingZoneHoldingTrigger.RequestExtension, firstExtension, WaitingZoneHoldingState.LateRequest,
                WaitingZoneHoldingState.LateRequest, afterFirst)
            .Final();

        b.State(WaitingZoneHoldingState.Admitted, "Admission sur le territoire : fin du maintien", holding).Final();
        b.State(WaitingZoneHoldingState.Departed, "Départ de la zone d'attente (réacheminement) : fin du maintien", holding).Final();

        return b.Build();
    }
}
