using System.Collections.Frozen;
using System.Collections.Immutable;
using Ceseda.Rules.Data;
using Ceseda.Rules.Time;
using Ceseda.Workflows.StateMachines;
using NodaTime;

namespace Ceseda.Workflows.Procedures;

/// <summary>How long the stored records of a procedure's cases may be kept (<i>durée de
/// conservation des données</i>): the catalogue rule that gives the period, and the event of the
/// case it counts from. <see cref="Runtime.CaseRuntime.PurgeAsync"/> erases a case in a final
/// state once the period has ended.</summary>
/// <param name="ProcedureId">The procedure, every version of it.</param>
/// <param name="Rule">The rule of the catalogue that gives the period and its end (with its citations).</param>
/// <param name="StartTriggers">The triggers whose first event in the case's history is the rule's
/// start (<see cref="DeadlineRule.StartFact"/>); acts and deadline expiries alike.</param>
/// <param name="Reading">Why these events are the rule's start, in French, citing the article.</param>
public sealed record RetentionPolicy(string ProcedureId, DeadlineRule Rule, ImmutableArray<string> StartTriggers, string Reading)
{
    /// <summary>The instant the period counts from: the first event of <paramref name="history"/>
    /// fired by one of <see cref="StartTriggers"/>; null while there is none.</summary>
    public Instant? StartOf(IEnumerable<CaseEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Where(e => e.Trigger is { } t && StartTriggers.Contains(t)).Select(e => (Instant?)e.At).FirstOrDefault();
    }

    /// <summary>The end of the period counted from <paramref name="start"/> on the clock and calendar
    /// of <paramref name="snapshot"/>'s territory, under its readings: the instant the records must be erased.</summary>
    public DeadlineResult End(CaseSnapshot snapshot, Instant start)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Rule.Compute(new DeadlineRequest(snapshot.Territory, DeadlineStart.At(start)), snapshot.Options);
    }
}

/// <summary>The retention policy of each procedure of the catalogue, or the reason it has none.
/// A procedure is mapped only where a rule of the catalogue, with its citation, gives the period
/// of its records; the runtime never erases the cases of the others.</summary>
public static class RetentionPolicies
{
    /// <summary>The data of attestation d'accueil requests are kept five years from the mayor's
    /// validation or refusal of validation (CESEDA R.211-21, 2009 numbering; rule
    /// <c>attestation.data-retention</c>).</summary>
    public static RetentionPolicy AttestationValidation { get; } = new(
        "attestation.validation",
        DataRetention.AttestationRequests,
        [
            nameof(AttestationValidationTrigger.Validate),
            nameof(AttestationValidationTrigger.Refuse),
            nameof(AttestationValidationTrigger.MayorSilenceElapsed),
        ],
        "R.211-21 : cinq ans à compter de la validation ou du refus de validation par le maire. Le premier événement Validate, Refuse ou "
        + "MayorSilenceElapsed du dossier est cette décision (le préfet ne statue qu'après un refus). Lecture retenue : le refus implicite né du "
        + "silence du maire (R.211-16, R.313-11) est un refus de validation par le maire. La validation par le préfet sur recours ne fait pas "
        + "repartir le délai (le texte ne vise que le maire) ; le dossier n'est effacé qu'une fois dans un état final, même si les cinq ans "
        + "sont écoulés avant.");

    /// <summary>The mapped procedures, by id.</summary>
    public static FrozenDictionary<string, RetentionPolicy> All { get; } =
        new[] { AttestationValidation }.ToFrozenDictionary(p => p.ProcedureId, StringComparer.Ordinal);

    /// <summary>The procedures of the catalogue that have no retention policy, with the reason: their
    /// cases are never erased by the runtime. Choosing a period for them is the deployer's decision,
    /// not a reading of the law.</summary>
    public static FrozenDictionary<string, string> NotPurged { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["retention.ordinance-appeal"] =
            "Dossier juridictionnel : aucune durée de conservation n'est relevée pour les dossiers de l'appel de l'ordonnance (LEGAL-NOTES). "
            + "R.611-28 (ELOI) régit le traitement ELOI, non les dossiers du greffe.",
        ["waiting-zone.ordinance-appeal"] =
            "Dossier juridictionnel : aucune durée de conservation n'est relevée pour les dossiers de l'appel de l'ordonnance (LEGAL-NOTES).",
        ["waiting-zone.holding"] =
            "R.611-20 (cinq ans, 32 jours pour l'annexe 6-6) régit le traitement expérimental des refus d'entrée à la frontière, non ce dossier ; "
            + "aucune autre durée n'est relevée.",
        ["visa.refusal-appeal"] =
            "R.611-11 (cinq ans) régit le traitement VISABIO, non le dossier du recours devant la commission ; aucune autre durée n'est relevée.",
        ["adhoc-administrator.list"] = "Aucune durée de conservation n'est relevée pour la liste des administrateurs ad hoc (R.111-13 ss.).",
        ["interpreter.list"] = "Aucune durée de conservation n'est relevée pour la liste des interprètes (R.111-1 à R.111-12).",
        ["carrier.sanction"] =
            "R.625-9 (72 heures) vise les images enregistrées à bord remises par l'équipage, non le dossier de la sanction ; aucune durée n'est relevée pour celui-ci.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The policy of <paramref name="procedureId"/>, or null when its cases are never erased.</summary>
    public static RetentionPolicy? Find(string procedureId) => All.GetValueOrDefault(procedureId);
}
