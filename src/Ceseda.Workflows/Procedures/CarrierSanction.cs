using Ceseda.Rules.Carriers;
using Ceseda.Rules.Law;
using Ceseda.Workflows.StateMachines;

namespace Ceseda.Workflows.Procedures;

/// <summary>The states of a sanction against a carrier (<i>sanction d'une entreprise de transport</i>).</summary>
public enum CarrierSanctionState
{
    /// <summary>No report is drawn up yet.</summary>
    NoReport,

    /// <summary>The proceedings are open (<i>procédure de sanction engagée</i>): while they are, the
    /// retention of the images handed over by the crew runs, if any.</summary>
    Proceedings,

    /// <summary>The report is drawn up and sent to the minister (<i>procès-verbal dressé</i>).</summary>
    ReportDrawnUp,

    /// <summary>The report mentions a sum deposited by the carrier (<i>somme consignée</i>).</summary>
    DepositRecorded,

    /// <summary>The intended fine is notified: the month for observations runs (<i>délai d'observations</i>).</summary>
    ObservationsOpen,

    /// <summary>No observations received yet.</summary>
    AwaitingObservations,

    /// <summary>Observations were received in time; the decision still waits for the month to end.</summary>
    ObservationsReceived,

    /// <summary>The month passed: the minister may decide (<i>décision à prendre</i>).</summary>
    AwaitingDecision,

    /// <summary>Observations received after the month (<i>observations tardives</i>).</summary>
    LateObservationsRecorded,

    /// <summary>No fine and no deposit (<i>pas d'amende</i>).</summary>
    NoFine,

    /// <summary>A fine is imposed and recovered as a debt of the State (<i>amende prononcée</i>).</summary>
    FineImposed,

    /// <summary>All or part of the deposit is to be restituted (<i>somme consignée à restituer</i>).</summary>
    RestitutionDue,

    /// <summary>The accountant received the title or the order: the month to restitute runs.</summary>
    RestitutionPending,

    /// <summary>The month to restitute passed without restitution (<i>restitution en retard</i>).</summary>
    RestitutionOverdue,

    /// <summary>The sum is restituted in time (<i>somme restituée</i>).</summary>
    Restituted,

    /// <summary>The sum is restituted after the month (<i>restitution tardive</i>).</summary>
    RestitutedLate,
}

/// <summary>The acts and deadlines of a sanction against a carrier.</summary>
public enum CarrierSanctionTrigger
{
    /// <summary>A competent officer draws up the report (<i>procès-verbal</i>).</summary>
    DrawUpReport,

    /// <summary>The 72 hours of image retention passed.</summary>
    ImageRetentionEnded,

    /// <summary>The minister notifies the intended fine by registered letter (<i>notification du projet de sanction</i>).</summary>
    NotifyIntendedFine,

    /// <summary>The carrier's observations are received.</summary>
    SubmitObservations,

    /// <summary>The month for observations passed.</summary>
    ObservationsWindowClosed,

    /// <summary>The minister decides (<i>décision du ministre de l'intérieur</i>).</summary>
    Decide,

    /// <summary>The accountant's services receive the executory title or the restitution order.</summary>
    AccountantReceivesTitle,

    /// <summary>The month to restitute passed.</summary>
    RestitutionWindowClosed,

    /// <summary>The accountant restitutes the sum (<i>restitution</i>).</summary>
    Restitute,
}

/// <summary>The sanction against a carrier that did not meet its obligations (R.625-1 to R.625-16,
/// 2009 numbering; current numbering not confirmed): the report, the notice of the intended fine,
/// the month for observations, the decision, the deposit and its restitution, and the 72 h
/// retention of the images handed over by the crew.</summary>
public static class CarrierSanction
{
    private const string NotConfirmed = "numérotation actuelle non confirmée";

    private static readonly FactDefinition Deposited = FactDefinition.Input("deposited", FactType.Boolean,
        "Le procès-verbal mentionne une somme consignée par l'entreprise (sinon il mentionne l'absence de consignation, R.625-13).") with { Required = true };

    private static readonly FactDefinition DepositAmount = FactDefinition.Input("depositAmount", FactType.Amount,
        "Le montant de la somme consignée, en euros, mentionné au procès-verbal (R.625-13).");

    private static readonly FactDefinition MediumHandedOverAt = FactDefinition.Input("mediumHandedOverAt", FactType.Instant,
        "Le moment où le support amovible des images numérisées a été remis au fonctionnaire de police habilité (R.625-9), s'il y en a un.");

    private static readonly FactDefinition Fined = FactDefinition.Input("fined", FactType.Boolean,
        "Le ministre prononce une amende (sinon il décide de ne pas en prononcer).") with { Required = true };

    private static readonly FactDefinition FineAmount = FactDefinition.Input("fineAmount", FactType.Amount,
        "Le montant de l'amende prononcée, en euros (nécessaire lorsqu'une somme a été consignée, R.625-14 et R.625-16).");

    /// <summary>The carrier sanction (<c>carrier.sanction</c>).</summary>
    public static ProcedureDefinition<CarrierSanctionState, CarrierSanctionTrigger> Definition { get; } = Build();

    private static ArticleReference Art(string article, int? alinea = null) => Cite.Then(article, alinea);

    private static Citation Unconfirmed(string article, int? alinea = null) =>
        Cite.All(Art(article, alinea), new SourceNote(NotConfirmed) { Confidence = Confidence.NotConfirmed });

    private static ProcedureDefinition<CarrierSanctionState, CarrierSanctionTrigger> Build()
    {
        var report = Unconfirmed("R.625-1");
        var notice = Unconfirmed("R.625-3", 1);
        var file = Art("R.625-3", 2);
        var decision = Unconfirmed("R.625-3", 3);
        var recovery = Art("R.625-3", 4);
        var images = Unconfirmed("R.625-9");
        var deposit = Unconfirmed("R.625-13");
        var imputation = Art("R.625-14");
        var noFineOrder = Art("R.625-15");
        var difference = Art("R.625-16", 1);
        var restitution = Unconfirmed("R.625-16", 2);

        var b = new ProcedureBuilder<CarrierSanctionState, CarrierSanctionTrigger>(new ProcedureKey("carrier.sanction", 1),
            "Sanction d'une entreprise de transport (manquement à ses obligations)",
            [report, Art("R.625-2"), notice, decision, Art("R.625-4"), images, deposit, imputation, noFineOrder, restitution]);

        b.Trigger(CarrierSanctionTrigger.DrawUpReport, "Procès-verbal dressé par un agent compétent", Deposited, DepositAmount, MediumHandedOverAt)
            .Trigger(CarrierSanctionTrigger.ImageRetentionEnded, "Expiration de la durée de conservation des images (72 heures)")
            .Trigger(CarrierSanctionTrigger.NotifyIntendedFine, "Notification du projet de sanction par lettre recommandée avec accusé de réception")
            .Trigger(CarrierSanctionTrigger.SubmitObservations, "Observations de l'entreprise de transport reçues")
            .Trigger(CarrierSanctionTrigger.ObservationsWindowClosed, "Expiration du délai d'observations d'un mois")
            .Trigger(CarrierSanctionTrigger.Decide, "Décision écrite et motivée du ministre de l'intérieur", Fined, FineAmount)
            .Trigger(CarrierSanctionTrigger.AccountantReceivesTitle,
                "Réception par les services du comptable du Trésor du titre exécutoire ou de l'ordre de restitution")
            .Trigger(CarrierSanctionTrigger.RestitutionWindowClosed, "Expiration du délai de restitution d'un mois")
            .Trigger(CarrierSanctionTrigger.Restitute, "Restitution de la somme au transporteur par le comptable du Trésor");

        var imageRetention = b.Deadline("image-retention", "la durée de conservation des images numérisées (72 heures)",
            CarrierDeadlines.ImageRetention, startFact: "mediumHandedOverAt", onExpiry: CarrierSanctionTrigger.ImageRetentionEnded);
        var observations = b.Deadline("observations", "le délai d'observations d'un mois à compter de la notification du projet de sanction",
            CarrierDeadlines.Observations, onExpiry: CarrierSanctionTrigger.ObservationsWindowClosed);
        var restitutionWindow = b.Deadline("restitution", "le délai de restitution d'un mois à compter de la réception du titre ou de l'ordre",
            CarrierDeadlines.DepositRestitution, onExpiry: CarrierSanctionTrigger.RestitutionWindowClosed);

        static bool HasDeposit(GuardContext c) => c.Facts.Boolean("deposited") == true;
        static bool FineBelowDeposit(GuardContext c) =>
            c.Facts.Amount("fineAmount") is { } fine && c.Facts.Amount("depositAmount") is { } sum && fine < sum;
        static bool FineCoversDeposit(GuardContext c) =>
            c.Facts.Amount("fineAmount") is { } fine && c.Facts.Amount("depositAmount") is { } sum && fine >= sum;
        static bool IsFined(GuardContext c) => c.Facts.Boolean("fined") == true;
        static bool NotFined(GuardContext c) => c.Facts.Boolean("fined") == false;

        b.State(CarrierSanctionState.NoReport, "Aucun procès-verbal")
            .PermitIf(CarrierSanctionTrigger.DrawUpReport, CarrierSanctionState.DepositRecorded,
                new Guard("le procès-verbal mentionne une somme consignée", deposit, HasDeposit))
            .PermitIf(CarrierSanctionTrigger.DrawUpReport, CarrierSanctionState.ReportDrawnUp,
                new Guard("le procès-verbal mentionne l'absence de consignation", deposit, c => !HasDeposit(c)));
        b.Initial(CarrierSanctionState.NoReport);

        b.State(CarrierSanctionState.Proceedings, "Procédure de sanction engagée", report)
            .ArmsIf(new Guard("un support amovible d'images numérisées a été remis au fonctionnaire habilité", images,
                c => c.Facts.Instant("mediumHandedOverAt") is not null), imageRetention)
            .InternalTransition(CarrierSanctionTrigger.ImageRetentionEnded, [],
                [ClerkTaskTemplate.Immediate("destroy-medium",
                    "Détruire le support amovible des images ; seules les images utiles à la procédure engagée dans les 72 heures peuvent être conservées, sur papier exclusivement",
                    images)]);

        var sendReport = ClerkTaskTemplate.Immediate("send-report",
            "Transmettre le procès-verbal au ministre de l'intérieur et en remettre copie au représentant de l'entreprise, qui en accuse réception",
            Art("R.625-1"));
        b.State(CarrierSanctionState.ReportDrawnUp, "Procès-verbal dressé (absence de consignation mentionnée)", report)
            .SubstateOf(CarrierSanctionState.Proceedings)
            .OnEntry(sendReport)
            .Permit(CarrierSanctionTrigger.NotifyIntendedFine, CarrierSanctionState.ObservationsOpen);

        b.State(CarrierSanctionState.DepositRecorded, "Procès-verbal dressé, somme consignée", deposit)
            .SubstateOf(CarrierSanctionState.Proceedings)
            .OnEntry(sendReport, ClerkTaskTemplate.Immediate("hand-over-deposit", "Remettre sans délai la somme consignée entre les mains d'un comptable du Trésor",
                Art("R.625-13", 2)))
            .Permit(CarrierSanctionTrigger.NotifyIntendedFine, CarrierSanctionState.ObservationsOpen);

        b.State(CarrierSanctionState.ObservationsOpen, "Projet de sanction notifié : délai d'observations d'un mois", notice)
            .SubstateOf(CarrierSanctionState.Proceedings)
            .InitialSubstate(CarrierSanctionState.AwaitingObservations)
            .Arms(observations)
            .OnEntry(ClerkTaskTemplate.By(observations, "file-available",
                "Tenir le dossier à la disposition de l'entreprise pendant le délai ; copie à ses frais", file))
            .PermitWithin(CarrierSanctionTrigger.SubmitObservations, observations, CarrierSanctionState.ObservationsReceived,
                CarrierSanctionState.LateObservationsRecorded)
            .Permit(CarrierSanctionTrigger.ObservationsWindowClosed, CarrierSanctionState.AwaitingDecision);

        b.State(CarrierSanctionState.AwaitingObservations, "Aucune observation reçue pour l'instant", notice)
            .SubstateOf(CarrierSanctionState.ObservationsOpen);

        b.State(CarrierSanctionState.ObservationsReceived, "Observations reçues dans le délai ; décision après l'expiration du mois", decision)
            .SubstateOf(CarrierSanctionState.ObservationsOpen)
            .InternalTransition(CarrierSanctionTrigger.SubmitObservations, []);

        b.State(CarrierSanctionState.AwaitingDecision, "Délai d'observations expiré : décision à prendre au vu des observations produites", decision)
            .SubstateOf(CarrierSanctionState.Proceedings)
            .PermitWithin(CarrierSanctionTrigger.SubmitObservations, observations, CarrierSanctionState.LateObservationsRecorded,
                CarrierSanctionState.LateObservationsRecorded);

        b.State(CarrierSanctionState.LateObservationsRecorded, "Observations reçues après l'expiration du délai ; décision à prendre", notice)
            .SubstateOf(CarrierSanctionState.Proceedings)
            .InternalTransition(CarrierSanctionTrigger.SubmitObservations, []);

        foreach (var state in new[] { CarrierSanctionState.AwaitingDecision, CarrierSanctionState.LateObservationsRecorded })
        {
            b.State(state)
                .PermitIf(CarrierSanctionTrigger.Decide, CarrierSanctionState.NoFine,
                    new Guard("aucune amende et aucune somme consignée", decision, c => NotFined(c) && !HasDeposit(c)))
                .PermitIf(CarrierSanctionTrigger.Decide, CarrierSanctionState.RestitutionDue,
                    new Guard("aucune amende : la somme consignée est à restituer", noFineOrder, c => NotFined(c) && HasDeposit(c)))
                .PermitIf(CarrierSanctionTrigger.Decide, CarrierSanctionState.FineImposed,
                    new Guard("amende prononcée, sans somme consignée", recovery, c => IsFined(c) && !HasDeposit(c)))
                .PermitIf(CarrierSanctionTrigger.Decide, CarrierSanctionState.FineImposed,
                    new Guard("amende prononcée, au moins égale à la somme consignée, qui s'y impute", imputation,
                        c => IsFined(c) && HasDeposit(c) && FineCoversDeposit(c)))
                .PermitIf(CarrierSanctionTrigger.Decide, CarrierSanctionState.RestitutionDue,
                    new Guard("amende prononcée, inférieure à la somme consignée : la différence est à restituer", difference,
                        c => IsFined(c) && HasDeposit(c) && FineBelowDeposit(c)));
        }

        var notifyDecision = ClerkTaskTemplate.Immediate("notify-decision",
            "Notifier la décision écrite et motivée à l'entreprise par lettre recommandée avec accusé de réception", decision);

        b.State(CarrierSanctionState.NoFine, "Aucune amende prononcée", decision)
            .OnEntry(notifyDecision)
            .Final();

        b.State(CarrierSanctionState.FineImposed, "Amende prononcée ; recouvrement comme créance de l'État", recovery)
            .OnEntry(notifyDecision)
            .Final();

        b.State(CarrierSanctionState.RestitutionDue, "Somme consignée à restituer, en tout ou partie",
                Cite.All(noFineOrder, difference))
            .OnEntry(notifyDecision, ClerkTaskTemplate.Immediate("restitution-order",
                "Transmettre au comptable du Trésor l'ordre de restitution du ministre (aucune amende) ou le titre exécutoire (amende inférieure à la somme consignée)",
                Cite.All(noFineOrder, difference)))
            .Permit(CarrierSanctionTrigger.AccountantReceivesTitle, CarrierSanctionState.RestitutionPending);

        b.State(CarrierSanctionState.RestitutionPending, "Titre ou ordre reçu par le comptable : délai de restitution d'un mois", restitution)
            .Arms(restitutionWindow)
            .OnEntry(ClerkTaskTemplate.By(restitutionWindow, "restitute",
                "Restituer à l'entreprise la somme consignée, ou la différence entre elle et l'amende", restitution))
            .PermitWithin(CarrierSanctionTrigger.Restitute, restitutionWindow, CarrierSanctionState.Restituted, CarrierSanctionState.RestitutedLate)
            .Permit(CarrierSanctionTrigger.RestitutionWindowClosed, CarrierSanctionState.RestitutionOverdue);

        b.State(CarrierSanctionState.RestitutionOverdue, "Délai de restitution expiré sans restitution", restitution)
            .PermitWithin(CarrierSanctionTrigger.Restitute, restitutionWindow, CarrierSanctionState.RestitutedLate, CarrierSanctionState.RestitutedLate);

        b.State(CarrierSanctionState.Restituted, "Somme restituée dans le délai", restitution).Final();
        b.State(CarrierSanctionState.RestitutedLate, "Somme restituée après l'expiration du délai", restitution).Final();

        return b.Build();
    }
}
