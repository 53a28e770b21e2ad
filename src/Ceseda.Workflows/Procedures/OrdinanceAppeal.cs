using Ceseda.Rules.Detention;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;
using Ceseda.Rules.WaitingZone;
using Ceseda.Workflows.StateMachines;
using NodaTime;

namespace Ceseda.Workflows.Procedures;

/// <summary>The states of an appeal against the judge's ordinance (<i>appel de l'ordonnance</i>).</summary>
public enum OrdinanceAppealState
{
    /// <summary>The ordinance is not yet pronounced.</summary>
    NotPronounced,

    /// <summary>The 24 h appeal window runs (<i>délai d'appel ouvert</i>).</summary>
    AppealWindowOpen,

    /// <summary>The ordinance extends the measure; it continues during the window.</summary>
    MeasureContinues,

    /// <summary>The ordinance ends the measure; the foreigner is held at the disposal of justice
    /// while the prosecutor may ask for suspensive effect (<i>maintien à la disposition de la justice</i>).</summary>
    HeldAtDisposalOfJustice,

    /// <summary>The release is carried out; the window for an ordinary appeal still runs.</summary>
    Released,

    /// <summary>No appeal in time: the ordinance is final (<i>ordonnance définitive</i>).</summary>
    OrdinanceFinal,

    /// <summary>The ordinance ending the measure is final and the release is carried out.</summary>
    ReleasedOrdinanceFinal,

    /// <summary>The first president is seized (<i>saisine du premier président</i>): the 48 h run.</summary>
    AppealPending,

    /// <summary>The prosecutor appealed with a request for suspensive effect.</summary>
    SuspensiveRequestLodged,

    /// <summary>The 2 h for observations on the request run.</summary>
    AwaitingObservations,

    /// <summary>The first president is to decide on suspensive effect.</summary>
    AwaitingSuspensiveDecision,

    /// <summary>Suspensive effect granted: held at the disposal of justice until the ruling.</summary>
    HeldPendingRuling,

    /// <summary>An appeal without suspensive effect awaits the ruling on the merits.</summary>
    AwaitingRuling,

    /// <summary>A party appealed while the foreigner was held at the disposal of justice: the
    /// prosecutor's window still runs, and the holding with it.</summary>
    AppealLodgedWhileHeld,

    /// <summary>An appeal is pending and the release is carried out (no suspensive effect).</summary>
    ReleasedPendingRuling,

    /// <summary>An appeal lodged after the window (<i>appel tardif</i>).</summary>
    LateAppealLodged,

    /// <summary>The first president ruled on the merits in time.</summary>
    Ruled,

    /// <summary>The appeal is rejected as inadmissible (<i>irrecevable</i>).</summary>
    AppealInadmissible,

    /// <summary>The 48 h passed without a ruling: the first president is divested (<i>dessaisi</i>).</summary>
    PresidentDivested,

    /// <summary>A ruling given after the 48 h (<i>ordonnance rendue hors délai</i>).</summary>
    RulingOutOfTime,

    /// <summary>An appeal in cassation is lodged (<i>pourvoi en cassation</i>).</summary>
    CassationAppealLodged,

    /// <summary>The Cour de cassation has ruled.</summary>
    CassationDecided,
}

/// <summary>The acts and deadlines of an appeal against the judge's ordinance.</summary>
public enum OrdinanceAppealTrigger
{
    /// <summary>The judge pronounces the ordinance (<i>prononcé</i>).</summary>
    Pronounce,

    /// <summary>The ordinance is notified to the foreigner absent from the hearing.</summary>
    NotifyForeigner,

    /// <summary>The ordinance is notified to the prosecutor.</summary>
    NotifyProsecutor,

    /// <summary>The prosecutor returns the ordinance without opposing its execution (R.552-10 al. 3).</summary>
    ProsecutorWaivesSuspension,

    /// <summary>The prosecutor's window for a suspensive request passed.</summary>
    ProsecutorWindowClosed,

    /// <summary>An appeal window passed.</summary>
    AppealWindowClosed,

    /// <summary>A party lodges an appeal (<i>déclaration d'appel</i>), received at the registry of the court of appeal.</summary>
    LodgeAppeal,

    /// <summary>The prosecutor appeals and asks for suspensive effect.</summary>
    LodgeSuspensiveAppeal,

    /// <summary>The prosecutor's appeal is notified to the foreigner and counsel.</summary>
    NotifyAppeal,

    /// <summary>Observations on the suspensive request are received.</summary>
    ReceiveObservations,

    /// <summary>The 2 h for observations passed.</summary>
    ObservationsWindowClosed,

    /// <summary>The first president decides on suspensive effect.</summary>
    DecideSuspensiveEffect,

    /// <summary>The hearing is held.</summary>
    HoldHearing,

    /// <summary>The first president rules on the merits.</summary>
    Rule,

    /// <summary>The first president rejects the appeal as inadmissible.</summary>
    DismissAsInadmissible,

    /// <summary>The 48 h to rule passed.</summary>
    RulingDeadlinePassed,

    /// <summary>An appeal in cassation is lodged.</summary>
    LodgeCassationAppeal,

    /// <summary>The Cour de cassation rules.</summary>
    DecideCassation,
}

/// <summary>The appeal against the judge's ordinance on retention (R.552-10 to R.552-16, R.743-10
/// ff. since 1 May 2021) and on the waiting zone (R.222-4, which applies them; R.342-10 to
/// R.342-13 since 1 May 2021).</summary>
public static class OrdinanceAppeal
{
    /// <summary>The waiting zone's regulatory articles since 1 May 2021, where LEGAL-NOTES gives
    /// no article-by-article correspondence.</summary>
    private static readonly ArticleReference WaitingZoneRange =
        Citation.Ceseda("R.342-10 à R.342-13").In(Cite.Numbering2021) with { Confidence = Confidence.NotConfirmed };

    /// <summary>The retention article of the 2009 numbering with its current number, if known.</summary>
    private static readonly LocalDate AbsentForeigner2008 = new(2008, 8, 24);
    private static readonly LocalDate Recodification2021 = new(2021, 5, 1);

    private static readonly FactDefinition EndsMeasure = FactDefinition.Input("endsMeasure", FactType.Boolean,
        "L'ordonnance met fin à la mesure (remise en liberté ou assignation à résidence), plutôt que de la prolonger.") with { Required = true };

    private static readonly FactDefinition ForeignerPresent = FactDefinition.Input("foreignerPresent", FactType.Boolean,
        "L'étranger assistait à l'audience (sinon, depuis le 24 août 2008, son délai d'appel court de la notification qui lui est faite).") with { Required = true };

    private static readonly FactDefinition Appellant = FactDefinition.Input("appellant", FactType.Choice,
        "Qui fait appel : l'étranger (foreigner), le préfet (prefect) ou le ministère public (prosecutor).") with
    { Required = true, Choices = ["foreigner", "prefect", "prosecutor"] };

    private static readonly FactDefinition Granted = FactDefinition.Input("granted", FactType.Boolean,
        "Le premier président déclare l'appel suspensif.") with { Required = true };

    private static readonly FactDefinition CassationAppellant = FactDefinition.Input("appellant", FactType.Choice,
        "Qui se pourvoit : l'étranger, l'autorité administrative ou le ministère public (R.552-16).") with
    { Required = true, Choices = ["foreigner", "prefect", "prosecutor"] };

    /// <summary>Appeal against the ordinance on retention (<c>retention.ordinance-appeal</c>).</summary>
    public static ProcedureDefinition<OrdinanceAppealState, OrdinanceAppealTrigger> Retention { get; } = Build(new Variant(
        new ProcedureKey("retention.ordinance-appeal", 1),
        "Appel de l'ordonnance du juge sur la rétention administrative",
        DetentionDeadlines.Appeal, DetentionDeadlines.ProsecutorSuspensiveAppeal, DetentionDeadlines.SuspensiveObservations,
        DetentionDeadlines.AppealRuling,
        Statute: Cite.Both(Cite.Then("L.552-10"), Cite.Now("L.743-22")),
        HeldStatute: Cite.Both(Cite.Then("L.552-6"), Cite.Now("L.743-19", Confidence.Likely)),
        WindowFromPronouncementSince: null,
        Preamble: [],
        Article: RetentionArticle,
        Inadmissible: Cite.All(Citation.Ceseda("R.552-14-1").In("version du 1er novembre 2016"), Cite.Now("L.743-23"))));

    /// <summary>Appeal against the ordinance on the waiting zone (<c>waiting-zone.ordinance-appeal</c>).</summary>
    public static ProcedureDefinition<OrdinanceAppealState, OrdinanceAppealTrigger> WaitingZone { get; } = Build(new Variant(
        new ProcedureKey("waiting-zone.ordinance-appeal", 1),
        "Appel de l'ordonnance du juge sur le maintien en zone d'attente",
        WaitingZoneDeadlines.Appeal, WaitingZoneDeadlines.ProsecutorSuspensiveAppeal, WaitingZoneDeadlines.SuspensiveObservations,
        WaitingZoneDeadlines.AppealRuling,
        Statute: Cite.Both(Cite.Then("L.222-6"), Cite.Now("L.342-12", Confidence.Likely)),
        HeldStatute: Cite.Both(Cite.Then("L.222-5"), Cite.Now("L.342-11")),
        WindowFromPronouncementSince: Recodification2021,
        Preamble: [Cite.Then("R.222-3"), Cite.Then("R.222-4"), WaitingZoneRange],
        Article: WaitingZoneArticle,
        Inadmissible: Cite.All(Cite.Then("R.222-4"), Citation.Ceseda("R.552-14-1").In("version du 1er novembre 2016"), WaitingZoneRange)));

    private static Citation RetentionArticle(string article, int? alinea, ArticleReference? now) =>
        now is null ? Cite.Then(article, alinea) : Cite.Both(Cite.Then(article, alinea), now);

    /// <summary>The same article as applied to the waiting zone: R.222-3 applies R.552-5 to R.552-10,
    /// R.222-4 applies R.552-12 to R.552-16; since 2021, R.342-12 for the prosecutor's appeal and the
    /// observations, R.342-10 to R.342-13 otherwise.</summary>
    private static Citation WaitingZoneArticle(string article, int? alinea, ArticleReference? now)
    {
        var applying = string.CompareOrdinal(article, "R.552-12") < 0 ? Cite.Then("R.222-3") : Cite.Then("R.222-4");
        var current = now?.Number == "R.743-12" ? Cite.Now("R.342-12") : WaitingZoneRange;
        return Cite.All(applying, Cite.Then(article, alinea), current);
    }

    private sealed record Variant(ProcedureKey Key, string Title, DeadlineRule Appeal, DeadlineRule Prosecutor, DeadlineRule Observations,
        DeadlineRule Ruling, Citation Statute, Citation HeldStatute, LocalDate? WindowFromPronouncementSince, Citation[] Preamble,
        Func<string, int?, ArticleReference?, Citation> Article, Citation Inadmissible);

    private static ProcedureDefinition<OrdinanceAppealState, OrdinanceAppealTrigger> Build(Variant v)
    {
        var appeal = v.Article("R.552-12", 1, Cite.Now("R.743-10", Confidence.Likely));
        var prosecutorAppeal = v.Article("R.552-12", 3, Cite.Now("R.743-12"));
        var observations = v.Article("R.552-12", 4, Cite.Now("R.743-12"));
        var seizure = v.Article("R.552-13", null, Cite.Now("R.743-11", Confidence.Likely));
        var suspensiveDecision = v.Article("R.552-14", null, Cite.Now("R.743-13"));
        var ruling = v.Article("R.552-15", 4, Cite.Now("R.743-19", Confidence.Likely));
        var notification = v.Article("R.552-10", null, null);
        var cassation = v.Article("R.552-16", null, Cite.Now("R.743-20"));
        var inadmissible = v.Inadmissible;
        var divested = Cite.All(Citation.Decision("Cass. 1re civ.", "4 nov. 2010", "09-16.310"),
            Citation.Decision("Cass. 1re civ.", "25 juin 2025", "24-12.723"),
            Citation.Decision("Cass. 2e civ.", "27 mars 1996", "95-50.023"));

        var b = new ProcedureBuilder<OrdinanceAppealState, OrdinanceAppealTrigger>(v.Key, v.Title,
            [.. v.Preamble, notification, appeal, prosecutorAppeal, observations, seizure, suspensiveDecision, ruling, cassation, v.Statute]);

        b.Trigger(OrdinanceAppealTrigger.Pronounce, "Prononcé de l'ordonnance", EndsMeasure, ForeignerPresent)
            .Trigger(OrdinanceAppealTrigger.NotifyForeigner, "Notification de l'ordonnance à l'étranger absent à l'audience")
            .Trigger(OrdinanceAppealTrigger.NotifyProsecutor, "Notification de l'ordonnance au procureur de la République")
            .Trigger(OrdinanceAppealTrigger.ProsecutorWaivesSuspension, "Le procureur ne s'oppose pas à l'exécution de l'ordonnance")
            .Trigger(OrdinanceAppealTrigger.ProsecutorWindowClosed, "Expiration du délai du procureur pour demander l'effet suspensif")
            .Trigger(OrdinanceAppealTrigger.AppealWindowClosed, "Expiration d'un délai d'appel")
            .Trigger(OrdinanceAppealTrigger.LodgeAppeal, "Déclaration d'appel reçue au greffe de la cour d'appel", Appellant)
            .Trigger(OrdinanceAppealTrigger.LodgeSuspensiveAppeal, "Appel du ministère public avec demande d'effet suspensif")
            .Trigger(OrdinanceAppealTrigger.NotifyAppeal, "Notification de l'appel du ministère public à l'étranger et à son conseil")
            .Trigger(OrdinanceAppealTrigger.ReceiveObservations, "Observations reçues sur la demande d'effet suspensif")
            .Trigger(OrdinanceAppealTrigger.ObservationsWindowClosed, "Expiration du délai d'observations")
            .Trigger(OrdinanceAppealTrigger.DecideSuspensiveEffect, "Décision du premier président sur l'effet suspensif", Granted)
            .Trigger(OrdinanceAppealTrigger.HoldHearing, "Audience devant le premier président")
            .Trigger(OrdinanceAppealTrigger.Rule, "Ordonnance du premier président au fond")
            .Trigger(OrdinanceAppealTrigger.DismissAsInadmissible, "Rejet de l'appel comme irrecevable")
            .Trigger(OrdinanceAppealTrigger.RulingDeadlinePassed, "Expiration du délai de 48 heures pour statuer")
            .Trigger(OrdinanceAppealTrigger.LodgeCassationAppeal, "Pourvoi en cassation", CassationAppellant)
            .Trigger(OrdinanceAppealTrigger.DecideCassation, "Arrêt de la Cour de cassation");

        var partiesWindow = b.Deadline("appeal-window", "le délai d'appel de 24 heures à compter du prononcé", v.Appeal,
            onExpiry: OrdinanceAppealTrigger.AppealWindowClosed);
        var foreignerWindow = b.Deadline("foreigner-appeal-window", "le délai d'appel de l'étranger absent, à compter de la notification qui lui est faite",
            v.Appeal, onExpiry: OrdinanceAppealTrigger.AppealWindowClosed);
        var prosecutorWindow = b.Deadline("prosecutor-window", "le délai du ministère public pour un appel avec demande d'effet suspensif",
            v.Prosecutor, onExpiry: OrdinanceAppealTrigger.ProsecutorWindowClosed);
        var prosecutorWindowFromPronouncement = v.WindowFromPronouncementSince is null
            ? null
            : b.Deadline("prosecutor-window-from-pronouncement",
                "le délai du ministère public pour un appel avec demande d'effet suspensif, à compter du prononcé (R.342-12)",
                v.Prosecutor, onExpiry: OrdinanceAppealTrigger.ProsecutorWindowClosed);
        var observationsWindow = b.Deadline("observations-window", "le délai d'observations de deux heures", v.Observations,
            onExpiry: OrdinanceAppealTrigger.ObservationsWindowClosed);
        var rulingDeadline = b.Deadline("ruling-deadline", "le délai de 48 heures pour statuer au fond", v.Ruling,
            onExpiry: OrdinanceAppealTrigger.RulingDeadlinePassed);

        var absentRule = new Guard("l'étranger était absent à l'audience et l'ordonnance est prononcée depuis le 24 août 2008",
            appeal,
            c => c.Facts.Boolean("foreignerPresent") == false && c.OpenedOn >= AbsentForeigner2008);
        bool OwnWindow(GuardContext c) => c.Facts.Choice("appellant") == "foreigner" && absentRule.Predicate(c);
        var byAbsentForeigner = new Guard("appel de l'étranger absent à l'audience : son délai court de la notification qui lui est faite",
            absentRule.Citation, OwnWindow);
        var byOthers = new Guard("appel du préfet, du ministère public ou de l'étranger présent : le délai court du prononcé",
            appeal, c => !OwnWindow(c));
        var partiesWindowsClosed = new Guard("le délai d'appel des parties est expiré", appeal, c =>
            !c.IsRunning(partiesWindow) && !c.IsRunning(foreignerWindow) && (!absentRule.Predicate(c) || c.WasArmed(foreignerWindow)));
        var partiesWindowsOpen = partiesWindowsClosed with
        {
            Description = "le délai d'appel des parties court encore",
            Predicate = c => !partiesWindowsClosed.Predicate(c),
        };
        var windowsClosed = new Guard("aucun délai d'appel ne court plus", appeal, c =>
            partiesWindowsClosed.Predicate(c) && !c.IsRunning(prosecutorWindow)
            && (prosecutorWindowFromPronouncement is null || !c.IsRunning(prosecutorWindowFromPronouncement)));
        var windowsOpen = windowsClosed with
        {
            Description = "un autre délai d'appel court encore (ou l'étranger absent n'a pas reçu notification)",
            Predicate = c => !windowsClosed.Predicate(c),
        };

        b.State(OrdinanceAppealState.NotPronounced, "Ordonnance non encore prononcée")
            .PermitIf(OrdinanceAppealTrigger.Pronounce, OrdinanceAppealState.HeldAtDisposalOfJustice,
                new Guard("l'ordonnance met fin à la mesure : l'étranger est maintenu à la disposition de la justice", v.HeldStatute,
                    c => c.Facts.Boolean("endsMeasure") == true))
            .PermitIf(OrdinanceAppealTrigger.Pronounce, OrdinanceAppealState.MeasureContinues,
                new Guard("l'ordonnance prolonge la mesure", notification, c => c.Facts.Boolean("endsMeasure") == false));
        b.Initial(OrdinanceAppealState.NotPronounced);

        b.State(OrdinanceAppealState.AppealWindowOpen, "Délai d'appel ouvert", appeal)
            .Arms(partiesWindow)
            .OnEntry(ClerkTaskTemplate.Immediate("notify-ordinance",
                "Notifier l'ordonnance par tout moyen et dans les meilleurs délais aux parties absentes et au procureur de la République",
                v.Article("R.552-10", 2, null)))
            .InternalTransition(OrdinanceAppealTrigger.NotifyForeigner, [foreignerWindow], guard: absentRule)
            .Ignore(OrdinanceAppealTrigger.NotifyForeigner, "Sans effet sur le délai : il court du prononcé pour cette ordonnance.",
                new Guard("l'étranger était présent, ou l'ordonnance est antérieure au 24 août 2008", appeal, c => !absentRule.Predicate(c)))
            .PermitWithin(OrdinanceAppealTrigger.LodgeAppeal, foreignerWindow, OrdinanceAppealState.AwaitingRuling,
                OrdinanceAppealState.LateAppealLodged, byAbsentForeigner)
            .PermitWithin(OrdinanceAppealTrigger.LodgeAppeal, partiesWindow, OrdinanceAppealState.AwaitingRuling,
                OrdinanceAppealState.LateAppealLodged, byOthers)
            .PermitIf(OrdinanceAppealTrigger.AppealWindowClosed, OrdinanceAppealState.OrdinanceFinal, windowsClosed)
            .Ignore(OrdinanceAppealTrigger.AppealWindowClosed, "Un délai d'appel court encore : l'ordonnance n'est pas encore définitive.", windowsOpen);

        b.State(OrdinanceAppealState.MeasureContinues, "Mesure prolongée, délai d'appel en cours", notification)
            .SubstateOf(OrdinanceAppealState.AppealWindowOpen)
            .Ignore(OrdinanceAppealTrigger.NotifyProsecutor, "Notification enregistrée ; l'ordonnance ne met pas fin à la mesure.");

        var held = b.State(OrdinanceAppealState.HeldAtDisposalOfJustice, "Maintien à la disposition de la justice", v.HeldStatute)
            .SubstateOf(OrdinanceAppealState.AppealWindowOpen)
            .PermitIf(OrdinanceAppealTrigger.ProsecutorWaivesSuspension, OrdinanceAppealState.Released, partiesWindowsOpen)
            .PermitIf(OrdinanceAppealTrigger.ProsecutorWaivesSuspension, OrdinanceAppealState.ReleasedOrdinanceFinal, partiesWindowsClosed)
            .PermitIf(OrdinanceAppealTrigger.ProsecutorWindowClosed, OrdinanceAppealState.Released, partiesWindowsOpen)
            .PermitIf(OrdinanceAppealTrigger.ProsecutorWindowClosed, OrdinanceAppealState.ReleasedOrdinanceFinal, partiesWindowsClosed)
            .Ignore(OrdinanceAppealTrigger.AppealWindowClosed,
                "Le délai d'appel des parties est expiré ; l'étranger reste à la disposition de la justice jusqu'à l'expiration du délai du ministère public.")
            // Another party's appeal does not end the prosecutor's window, nor the holding (R.552-12 al. 3, L.552-10).
            .PermitWithin(OrdinanceAppealTrigger.LodgeAppeal, foreignerWindow, OrdinanceAppealState.AppealLodgedWhileHeld,
                OrdinanceAppealState.AppealLodgedWhileHeld, byAbsentForeigner)
            .PermitWithin(OrdinanceAppealTrigger.LodgeAppeal, partiesWindow, OrdinanceAppealState.AppealLodgedWhileHeld,
                OrdinanceAppealState.AppealLodgedWhileHeld, byOthers);
        var heldPendingAppeal = b.State(OrdinanceAppealState.AppealLodgedWhileHeld,
                "Appel pendant, maintien à la disposition de la justice tant que court le délai du ministère public", v.HeldStatute)
            .SubstateOf(OrdinanceAppealState.AppealPending)
            .Keeps([prosecutorWindow, .. prosecutorWindowFromPronouncement is null ? Array.Empty<DeadlineSlot>() : [prosecutorWindowFromPronouncement]])
            .Permit(OrdinanceAppealTrigger.ProsecutorWaivesSuspension, OrdinanceAppealState.ReleasedPendingRuling)
            .Permit(OrdinanceAppealTrigger.ProsecutorWindowClosed, OrdinanceAppealState.ReleasedPendingRuling);
        foreach (var state in new[] { held, heldPendingAppeal })
        {
            if (prosecutorWindowFromPronouncement is null)
            {
                state.InternalTransition(OrdinanceAppealTrigger.NotifyProsecutor, [prosecutorWindow])
                    .PermitWithin(OrdinanceAppealTrigger.LodgeSuspensiveAppeal, prosecutorWindow, OrdinanceAppealState.SuspensiveRequestLodged,
                        OrdinanceAppealState.ReleasedPendingRuling);
                continue;
            }

            var since = v.WindowFromPronouncementSince!.Value;
            var fromPronouncement = new Guard($"ordonnance prononcée depuis le {Ceseda.Rules.Explanations.French.Date(since)} : le délai court du prononcé",
                Cite.Now("R.342-12"), c => c.OpenedOn >= since);
            var fromNotification = new Guard($"ordonnance prononcée avant le {Ceseda.Rules.Explanations.French.Date(since)} : le délai court de la notification au procureur",
                v.Statute, c => !fromPronouncement.Predicate(c));
            if (state == held)
            {
                state.ArmsIf(fromPronouncement, prosecutorWindowFromPronouncement);
            }

            state.InternalTransition(OrdinanceAppealTrigger.NotifyProsecutor, [prosecutorWindow], guard: fromNotification)
                .Ignore(OrdinanceAppealTrigger.NotifyProsecutor, "Notification enregistrée ; le délai du ministère public court du prononcé (R.342-12).",
                    fromPronouncement)
                .PermitWithin(OrdinanceAppealTrigger.LodgeSuspensiveAppeal, prosecutorWindow, OrdinanceAppealState.SuspensiveRequestLodged,
                    OrdinanceAppealState.ReleasedPendingRuling, fromNotification)
                .PermitWithin(OrdinanceAppealTrigger.LodgeSuspensiveAppeal, prosecutorWindowFromPronouncement,
                    OrdinanceAppealState.SuspensiveRequestLodged, OrdinanceAppealState.ReleasedPendingRuling, fromPronouncement);
        }

        var endHolding = ClerkTaskTemplate.Immediate("end-holding",
            "Mettre fin immédiatement au maintien à la disposition de la justice", v.Article("R.552-10", 3, null));
        b.State(OrdinanceAppealState.Released, "Remise en liberté exécutée, délai d'appel en cours", notification)
            .SubstateOf(OrdinanceAppealState.AppealWindowOpen)
            .OnEntry(endHolding)
            .Ignore(OrdinanceAppealTrigger.NotifyProsecutor, "Notification enregistrée ; la remise en liberté est déjà exécutée.");

        b.State(OrdinanceAppealState.OrdinanceFinal, "Ordonnance définitive (aucun appel dans le délai)", appeal)
            .PermitWithin(OrdinanceAppealTrigger.LodgeAppeal, foreignerWindow, OrdinanceAppealState.LateAppealLodged,
                OrdinanceAppealState.LateAppealLodged, byAbsentForeigner)
            .PermitWithin(OrdinanceAppealTrigger.LodgeAppeal, partiesWindow, OrdinanceAppealState.LateAppealLodged,
                OrdinanceAppealState.LateAppealLodged, byOthers)
            .Final();

        b.State(OrdinanceAppealState.ReleasedOrdinanceFinal, "Ordonnance définitive, remise en liberté exécutée", v.HeldStatute)
            .SubstateOf(OrdinanceAppealState.OrdinanceFinal)
            .OnEntry(endHolding)
            .Final();

        b.State(OrdinanceAppealState.AppealPending, "Premier président saisi", seizure)
            .Arms(rulingDeadline)
            .OnEntry(
                ClerkTaskTemplate.Immediate("request-file",
                    "Aviser immédiatement le greffe du tribunal, qui transmet le dossier sans délai", v.Article("R.552-13", 2, null)),
                ClerkTaskTemplate.Whenever("notify-hearing",
                    "Faire connaître aux parties et au ministère public la date de l'audience", v.Article("R.552-15", 1, null)),
                ClerkTaskTemplate.By(rulingDeadline, "rule-within-48h", "Statuer au fond dans les 48 heures de la saisine", ruling))
            .InternalTransition(OrdinanceAppealTrigger.HoldHearing, [])
            .PermitWithin(OrdinanceAppealTrigger.Rule, rulingDeadline, OrdinanceAppealState.Ruled, OrdinanceAppealState.RulingOutOfTime)
            .PermitWithin(OrdinanceAppealTrigger.DismissAsInadmissible, rulingDeadline, OrdinanceAppealState.AppealInadmissible,
                OrdinanceAppealState.RulingOutOfTime)
            .Permit(OrdinanceAppealTrigger.RulingDeadlinePassed, OrdinanceAppealState.PresidentDivested)
            .Ignore(OrdinanceAppealTrigger.LodgeAppeal, "Appel joint à l'instance d'appel déjà pendante.");

        b.State(OrdinanceAppealState.SuspensiveRequestLodged, "Appel du ministère public avec demande d'effet suspensif", prosecutorAppeal)
            .SubstateOf(OrdinanceAppealState.AppealPending)
            .OnEntry(ClerkTaskTemplate.Immediate("notify-prosecutor-appeal",
                "Faire notifier la déclaration d'appel immédiatement à l'autorité administrative, à l'étranger et à son avocat, avec la mention du délai d'observations de deux heures",
                observations))
            .Permit(OrdinanceAppealTrigger.NotifyAppeal, OrdinanceAppealState.AwaitingObservations);

        b.State(OrdinanceAppealState.AwaitingObservations, "Délai d'observations en cours (2 heures)", observations)
            .SubstateOf(OrdinanceAppealState.AppealPending)
            .Arms(observationsWindow)
            .Permit(OrdinanceAppealTrigger.ReceiveObservations, OrdinanceAppealState.AwaitingSuspensiveDecision)
            .Permit(OrdinanceAppealTrigger.ObservationsWindowClosed, OrdinanceAppealState.AwaitingSuspensiveDecision);

        b.State(OrdinanceAppealState.AwaitingSuspensiveDecision, "Décision sur l'effet suspensif à rendre", suspensiveDecision)
            .SubstateOf(OrdinanceAppealState.AppealPending)
            .PermitIf(OrdinanceAppealTrigger.DecideSuspensiveEffect, OrdinanceAppealState.HeldPendingRuling,
                new Guard("l'appel est déclaré suspensif", suspensiveDecision, c => c.Facts.Boolean("granted") == true))
            .PermitIf(OrdinanceAppealTrigger.DecideSuspensiveEffect, OrdinanceAppealState.ReleasedPendingRuling,
                new Guard("l'appel n'est pas déclaré suspensif : l'ordonnance s'exécute", suspensiveDecision, c => c.Facts.Boolean("granted") == false));

        b.State(OrdinanceAppealState.HeldPendingRuling, "Appel suspensif : maintien à la disposition de la justice jusqu'à la décision au fond",
                v.Article("R.552-14", 3, null))
            .SubstateOf(OrdinanceAppealState.AppealPending)
            .OnEntry(ClerkTaskTemplate.Immediate("inform-suspensive-decision",
                "Porter la décision à la connaissance de l'étranger et de son conseil et la communiquer au procureur de la République",
                v.Article("R.552-14", 2, null)));

        b.State(OrdinanceAppealState.AwaitingRuling, "Appel en attente de la décision au fond", seizure)
            .SubstateOf(OrdinanceAppealState.AppealPending);

        b.State(OrdinanceAppealState.ReleasedPendingRuling, "Appel pendant, remise en liberté exécutée", notification)
            .SubstateOf(OrdinanceAppealState.AppealPending)
            .OnEntry(endHolding);

        b.State(OrdinanceAppealState.LateAppealLodged, "Appel formé hors délai", appeal)
            .SubstateOf(OrdinanceAppealState.AppealPending);

        var cassationTask = ClerkTaskTemplate.Immediate("notify-ruling",
            "Notifier l'ordonnance à l'étranger, à son conseil et à l'autorité administrative, et la communiquer au ministère public",
            v.Article("R.552-15", 5, null));
        foreach (var (state, title, citation) in new[]
        {
            (OrdinanceAppealState.Ruled, "Décision au fond rendue dans le délai", ruling),
            (OrdinanceAppealState.AppealInadmissible, "Appel rejeté comme irrecevable", inadmissible),
            (OrdinanceAppealState.RulingOutOfTime, "Ordonnance rendue hors délai (premier président dessaisi)", divested),
        })
        {
            b.State(state, title, citation)
                .OnEntry(cassationTask)
                .Permit(OrdinanceAppealTrigger.LodgeCassationAppeal, OrdinanceAppealState.CassationAppealLodged);
        }

        b.State(OrdinanceAppealState.PresidentDivested, "Délai de 48 heures expiré sans décision : premier président dessaisi", divested)
            .PermitWithin(OrdinanceAppealTrigger.Rule, rulingDeadline, OrdinanceAppealState.RulingOutOfTime, OrdinanceAppealState.RulingOutOfTime)
            .PermitWithin(OrdinanceAppealTrigger.DismissAsInadmissible, rulingDeadline, OrdinanceAppealState.RulingOutOfTime,
                OrdinanceAppealState.RulingOutOfTime)
            .Permit(OrdinanceAppealTrigger.LodgeCassationAppeal, OrdinanceAppealState.CassationAppealLodged);

        b.State(OrdinanceAppealState.CassationAppealLodged, "Pourvoi en cassation formé", cassation)
            .Permit(OrdinanceAppealTrigger.DecideCassation, OrdinanceAppealState.CassationDecided);

        b.State(OrdinanceAppealState.CassationDecided, "Cour de cassation : arrêt rendu", cassation).Final();

        return b.Build();
    }
}
