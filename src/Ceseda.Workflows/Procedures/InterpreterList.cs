using Ceseda.Rules.Interpreting;
using Ceseda.Rules.Law;
using Ceseda.Workflows.StateMachines;
using NodaTime;

namespace Ceseda.Workflows.Procedures;

/// <summary>The states of an entry on the list of interpreters (<i>liste des interprètes traducteurs</i>).</summary>
public enum InterpreterListState
{
    /// <summary>No application yet.</summary>
    NotApplied,

    /// <summary>The prosecutor investigates the application and asks the president of the tribunal's opinion (<i>instruction</i>).</summary>
    Instruction,

    /// <summary>The list is to be drawn up in the first fortnight of January (<i>établissement de la liste</i>).</summary>
    AwaitingListDrawing,

    /// <summary>The first fortnight of January passed without the list being drawn up.</summary>
    ListDrawingPeriodPassed,

    /// <summary>The entry is refused (<i>refus d'inscription</i>).</summary>
    EntryRefused,

    /// <summary>On the list; the five years run (<i>inscrit sur la liste</i>).</summary>
    Listed,

    /// <summary>Entered; the oath is to be taken before the tribunal (<i>prestation de serment</i>).</summary>
    AwaitingOath,

    /// <summary>On the list and able to act.</summary>
    OnList,

    /// <summary>Provisionally struck off for a serious cause (<i>radiation provisoire</i>).</summary>
    ProvisionallyRadiated,

    /// <summary>Five years passed: re-entry is to be decided (<i>réinscription à décider</i>).</summary>
    ReEntryDue,

    /// <summary>Withdrawn from the list (<i>retrait de la liste</i>).</summary>
    Withdrawn,

    /// <summary>Struck off the list (<i>radiation</i>).</summary>
    Radiated,
}

/// <summary>The acts and deadlines of an entry on the list of interpreters.</summary>
public enum InterpreterListTrigger
{
    /// <summary>An application for entry or re-entry reaches the prosecutor (<i>demande d'inscription</i>).</summary>
    ApplyForEntry,

    /// <summary>The president of the tribunal's opinion is received (<i>avis du président</i>).</summary>
    RecordPresidentOpinion,

    /// <summary>The first fortnight of January passed.</summary>
    ListDrawingPeriodEnded,

    /// <summary>The prosecutor draws up the list, entering or not the applicant.</summary>
    DecideEntry,

    /// <summary>The interpreter takes the oath (<i>serment</i>).</summary>
    TakeOath,

    /// <summary>The five years passed.</summary>
    ReEntryTermReached,

    /// <summary>The prosecutor withdraws the interpreter from the list (<i>retrait</i>).</summary>
    Withdraw,

    /// <summary>The prosecutor strikes the interpreter off the list (<i>radiation</i>).</summary>
    Radiate,

    /// <summary>The provisional radiation ends and the interpreter may act again.</summary>
    LiftProvisionalRadiation,
}

/// <summary>The entry of an interpreter on the list of the tribunal (R.111-1 to R.111-12, 2009
/// numbering; R.141-1 ff. since 1 May 2021): application, instruction with the opinion of the
/// president of the tribunal, list drawn up in the first fortnight of January, oath, re-entry
/// after five years, withdrawal and radiation.</summary>
public static class InterpreterList
{
    private const string NotConfirmed = "numérotation actuelle non confirmée";

    private static readonly FactDefinition JudicialExpert = FactDefinition.Input("judicialExpert", FactType.Boolean,
        "L'interprète est inscrit sur la liste des experts judiciaires de la cour d'appel : il est inscrit de droit, sans instruction ni serment (R.111-2).") with
    { Required = true };

    private static readonly FactDefinition Application = FactDefinition.Input("application", FactType.Choice,
        "Nature de la demande : inscription initiale (initial), réinscription au terme de cinq ans (renewal) ou réinscription après radiation (after-radiation).") with
    { Required = true, Choices = ["initial", "renewal", "after-radiation"] };

    private static readonly FactDefinition ListYearStart = FactDefinition.Input("listYearStart", FactType.Instant,
        "Le 1er janvier, à 0 h, de l'année de la liste qui portera l'inscription : début de la première quinzaine de janvier (R.111-7).");

    private static readonly FactDefinition Entered = FactDefinition.Input("entered", FactType.Boolean,
        "Le procureur de la République inscrit le demandeur sur la liste.") with { Required = true };

    private static readonly FactDefinition OnRequest = FactDefinition.Input("onRequest", FactType.Boolean,
        "Le retrait est demandé par l'interprète lui-même.") with { Required = true };

    private static readonly FactDefinition ObservationsInvited = FactDefinition.Input("observationsInvited", FactType.Boolean,
        "L'interprète a été mis en mesure de présenter ses observations (R.111-11).");

    private static readonly FactDefinition Provisional = FactDefinition.Input("provisional", FactType.Boolean,
        "Radiation provisoire en cours d'année pour motif grave (R.111-9 al. 2), plutôt que radiation lors de la révision annuelle (R.111-8).") with
    { Required = true };

    /// <summary>The list of interpreters (<c>interpreter.list</c>).</summary>
    public static ProcedureDefinition<InterpreterListState, InterpreterListTrigger> Definition { get; } = Build();

    private static Citation Unconfirmed(string article, int? alinea = null) =>
        Cite.All(Cite.Then(article, alinea), new SourceNote(NotConfirmed) { Confidence = Confidence.NotConfirmed });

    private static ProcedureDefinition<InterpreterListState, InterpreterListTrigger> Build()
    {
        var list = Cite.Both(Cite.Then("R.111-1"), Cite.Now("R.141-1"));
        var asOfRight = Cite.Both(Cite.Then("R.111-2"), Cite.Now("R.141-2", Confidence.Likely));
        var conditions = Cite.All(Cite.Both(Cite.Then("R.111-3"), Cite.Now("R.141-3", Confidence.Likely)),
            Cite.Both(Cite.Then("R.111-4"), Cite.Now("R.141-4", Confidence.Likely)));
        var drawing = Unconfirmed("R.111-7");
        var revision = Unconfirmed("R.111-8");
        var inYear = Unconfirmed("R.111-9", 1);
        var provisional = Unconfirmed("R.111-9", 2);
        var extract = Unconfirmed("R.111-9", 3);
        var reEntry = Unconfirmed("R.111-10");
        var reasons = Unconfirmed("R.111-11");
        var oath = Unconfirmed("R.111-12");

        var b = new ProcedureBuilder<InterpreterListState, InterpreterListTrigger>(new ProcedureKey("interpreter.list", 1),
            "Inscription sur la liste des interprètes traducteurs du tribunal",
            [list, asOfRight, conditions, drawing, revision, inYear, reEntry, reasons, oath]);

        b.Trigger(InterpreterListTrigger.ApplyForEntry, "Demande d'inscription ou de réinscription adressée au procureur de la République",
                JudicialExpert, Application, ListYearStart)
            .Trigger(InterpreterListTrigger.RecordPresidentOpinion, "Avis du président du tribunal recueilli", ListYearStart)
            .Trigger(InterpreterListTrigger.ListDrawingPeriodEnded, "Fin de la première quinzaine de janvier")
            .Trigger(InterpreterListTrigger.DecideEntry, "Liste dressée par le procureur de la République", Entered)
            .Trigger(InterpreterListTrigger.TakeOath, "Serment prêté devant le tribunal du lieu d'inscription")
            .Trigger(InterpreterListTrigger.ReEntryTermReached, "Terme de la durée de cinq ans")
            .Trigger(InterpreterListTrigger.Withdraw, "Retrait de la liste décidé par le procureur de la République", OnRequest, ObservationsInvited)
            .Trigger(InterpreterListTrigger.Radiate, "Radiation de la liste décidée par le procureur de la République", Provisional, ObservationsInvited)
            .Trigger(InterpreterListTrigger.LiftProvisionalRadiation, "Fin de la radiation provisoire");

        var fortnight = b.Deadline("list-drawing", "la première quinzaine de janvier", InterpreterDeadlines.ListDrawing,
            startFact: "listYearStart", onExpiry: InterpreterListTrigger.ListDrawingPeriodEnded);
        var fiveYears = b.Deadline("re-entry", "la durée de cinq ans de l'inscription", InterpreterDeadlines.ReEntry,
            onExpiry: InterpreterListTrigger.ReEntryTermReached);

        static bool FirstOfJanuary(GuardContext c) =>
            c.Facts.Instant("listYearStart") is { } start && start.InZone(c.Snapshot.Territory.Zone).LocalDateTime is { Month: 1, Day: 1 } local
            && local.TimeOfDay == LocalTime.Midnight;
        static bool Expert(GuardContext c) => c.Facts.Boolean("judicialExpert") == true;
        static bool OathRequired(GuardContext c) => !Expert(c) && c.Facts.Choice("application") != "renewal";

        var expertApplies = new Guard("interprète expert judiciaire, inscrit de droit sur sa demande ; liste de l'année commençant le 1er janvier à 0 h",
            asOfRight, c => Expert(c) && FirstOfJanuary(c));
        var othersApply = new Guard("demande fondée sur les conditions de R.111-3 ou R.111-4, instruite par le procureur", conditions, c => !Expert(c));

        foreach (var (state, title, citation) in new[]
        {
            (InterpreterListState.NotApplied, "Aucune demande d'inscription", (Citation?)null),
            (InterpreterListState.EntryRefused, "Inscription refusée (décision motivée et notifiée)", reasons),
            (InterpreterListState.ReEntryDue, "Terme de cinq ans atteint : réinscription à décider dans les mêmes formes que l'inscription", reEntry),
            (InterpreterListState.Withdrawn, "Retiré de la liste", Cite.All(revision, inYear)),
            (InterpreterListState.Radiated, "Radié de la liste", revision),
        })
        {
            b.State(state, title, citation)
                .PermitIf(InterpreterListTrigger.ApplyForEntry, InterpreterListState.AwaitingListDrawing, expertApplies)
                .PermitIf(InterpreterListTrigger.ApplyForEntry, InterpreterListState.Instruction, othersApply);
        }

        b.Initial(InterpreterListState.NotApplied);

        b.State(InterpreterListState.Instruction, "Demande en instruction par le procureur de la République", drawing)
            .OnEntry(ClerkTaskTemplate.Whenever("president-opinion", "Recueillir l'avis du président du tribunal", drawing))
            .PermitIf(InterpreterListTrigger.RecordPresidentOpinion, InterpreterListState.AwaitingListDrawing,
                new Guard("avis recueilli ; liste de l'année commençant le 1er janvier à 0 h", drawing, FirstOfJanuary));

        var entersWithOath = new Guard("inscrit ; serment requis (inscription initiale ou réinscription après radiation, hors experts judiciaires)", oath,
            c => c.Facts.Boolean("entered") == true && OathRequired(c));
        var entersWithoutOath = new Guard("inscrit sans serment (expert judiciaire, ou réinscription au terme de cinq ans)", oath,
            c => c.Facts.Boolean("entered") == true && !OathRequired(c));
        var refused = new Guard("inscription refusée", reasons, c => c.Facts.Boolean("entered") == false);

        b.State(InterpreterListState.AwaitingListDrawing, "Liste à dresser au cours de la première quinzaine de janvier", drawing)
            .Arms(fortnight)
            .OnEntry(ClerkTaskTemplate.By(fortnight, "draw-up-list", "Dresser la liste au cours de la première quinzaine de janvier", drawing))
            .PermitWithin(InterpreterListTrigger.DecideEntry, fortnight, InterpreterListState.AwaitingOath, InterpreterListState.AwaitingOath, entersWithOath)
            .PermitWithin(InterpreterListTrigger.DecideEntry, fortnight, InterpreterListState.OnList, InterpreterListState.OnList, entersWithoutOath)
            .PermitWithin(InterpreterListTrigger.DecideEntry, fortnight, InterpreterListState.EntryRefused, InterpreterListState.EntryRefused, refused)
            .Permit(InterpreterListTrigger.ListDrawingPeriodEnded, InterpreterListState.ListDrawingPeriodPassed);

        b.State(InterpreterListState.ListDrawingPeriodPassed, "Première quinzaine de janvier écoulée sans que la liste soit dressée (le texte ne prévoit pas de sanction)",
                drawing)
            .PermitWithin(InterpreterListTrigger.DecideEntry, fortnight, InterpreterListState.AwaitingOath, InterpreterListState.AwaitingOath, entersWithOath)
            .PermitWithin(InterpreterListTrigger.DecideEntry, fortnight, InterpreterListState.OnList, InterpreterListState.OnList, entersWithoutOath)
            .PermitWithin(InterpreterListTrigger.DecideEntry, fortnight, InterpreterListState.EntryRefused, InterpreterListState.EntryRefused, refused);

        b.State(InterpreterListState.Listed, "Inscrit sur la liste des interprètes traducteurs", list)
            .Arms(fiveYears)
            .Permit(InterpreterListTrigger.ReEntryTermReached, InterpreterListState.ReEntryDue)
            .PermitIf(InterpreterListTrigger.Withdraw, InterpreterListState.Withdrawn,
                new Guard("retrait demandé par l'interprète, ou interprète mis en mesure de présenter ses observations", reasons,
                    c => c.Facts.Boolean("onRequest") == true || c.Facts.Boolean("observationsInvited") == true))
            .PermitIf(InterpreterListTrigger.Radiate, InterpreterListState.Radiated,
                new Guard("radiation lors de la révision annuelle, l'interprète mis en mesure de présenter ses observations", revision,
                    c => c.Facts.Boolean("provisional") == false && c.Facts.Boolean("observationsInvited") == true))
            .PermitIf(InterpreterListTrigger.Radiate, InterpreterListState.ProvisionallyRadiated,
                new Guard("radiation provisoire en cours d'année pour motif grave, l'interprète mis en mesure de présenter ses observations", provisional,
                    c => c.Facts.Boolean("provisional") == true && c.Facts.Boolean("observationsInvited") == true));

        b.State(InterpreterListState.AwaitingOath, "Inscrit : serment à prêter devant le tribunal du lieu d'inscription", oath)
            .SubstateOf(InterpreterListState.Listed)
            .OnEntry(ClerkTaskTemplate.Whenever("oath",
                "Recevoir le serment : « Je jure d'exercer ma mission en mon honneur et conscience et de ne rien révéler ou utiliser de ce qui sera porté à ma connaissance à cette occasion. »",
                oath))
            .Permit(InterpreterListTrigger.TakeOath, InterpreterListState.OnList);

        b.State(InterpreterListState.OnList, "Inscrit et en mesure d'exercer", list)
            .SubstateOf(InterpreterListState.Listed);

        b.State(InterpreterListState.ProvisionallyRadiated, "Radié à titre provisoire en cours d'année", provisional)
            .SubstateOf(InterpreterListState.Listed)
            .OnEntry(ClerkTaskTemplate.Immediate("notify-provisional-radiation",
                "Notifier la décision motivée à l'interprète et annexer un extrait de la décision à la liste tenue à la disposition du public",
                Cite.All(reasons, extract)))
            .Permit(InterpreterListTrigger.LiftProvisionalRadiation, InterpreterListState.OnList);

        var notify = ClerkTaskTemplate.Immediate("notify-decision", "Notifier la décision motivée à l'interprète", reasons);
        b.State(InterpreterListState.Withdrawn)
            .OnEntry(notify, ClerkTaskTemplate.Immediate("annex-extract",
                "Annexer à la liste un extrait de la décision ne mentionnant que la mesure prise", extract));
        b.State(InterpreterListState.Radiated).OnEntry(notify);
        b.State(InterpreterListState.EntryRefused).OnEntry(notify);

        return b.Build();
    }
}
