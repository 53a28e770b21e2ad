using System.Collections.Frozen;
using System.Collections.Immutable;
using Ceseda.Rules.Carriers;
using Ceseda.Rules.Data;
using Ceseda.Rules.Detention;
using Ceseda.Rules.Entry;
using Ceseda.Rules.Interpreting;
using Ceseda.Rules.Law;
using Ceseda.Rules.Procedure;
using Ceseda.Rules.Representation;
using Ceseda.Rules.WaitingZone;

namespace Ceseda.Rules;

/// <summary>Every rule Ceseda knows (<i>catalogue des règles</i>), by stable id.</summary>
public static class RuleCatalogue
{
    private static readonly FrozenDictionary<string, Rule> ById;

    static RuleCatalogue()
    {
        All =
        [
            DetentionDeadlines.Appeal,
            DetentionDeadlines.ProsecutorSuspensiveAppeal,
            DetentionDeadlines.SuspensiveObservations,
            DetentionDeadlines.AppealRuling,
            DetentionPeriods.InitialPeriod,
            DetentionPeriods.Extension,
            DetentionPeriods.MaximumPeriod,
            WaitingZoneDeadlines.Appeal,
            WaitingZoneDeadlines.ProsecutorSuspensiveAppeal,
            WaitingZoneDeadlines.SuspensiveObservations,
            WaitingZoneDeadlines.AppealRuling,
            WaitingZonePeriods.InitialPeriod,
            WaitingZonePeriods.Extension,
            WaitingZonePeriods.AsylumExtension,
            WaitingZonePeriods.RecourseExtension,
            EntryDeadlines.MayorSilence,
            EntryDeadlines.PrefectSilence,
            EntryDeadlines.PrefectAppeal,
            EntryDeadlines.VisaRefusalAppeal,
            EntryDeadlines.CivilStatusVerification,
            AccessPeriods.UnhcrAgrement,
            AccessPeriods.AssociationHabilitation,
            AccessPeriods.AssociationAgrement,
            InterpreterDeadlines.ReEntry,
            InterpreterDeadlines.ListDrawing,
            AdHocAdministratorDeadlines.RadiationAppeal,
            AdHocAdministratorDeadlines.MissionReport,
            AdHocAdministratorDeadlines.ListRenewal,
            DataRetention.Visabio,
            DataRetention.BorderRefusal,
            DataRetention.BorderRefusalAnnex,
            DataRetention.AttestationRequests,
            EloiRetention.General,
            EloiRetention.Derogatory,
            EloiRetention.Unexecuted,
            CarrierDeadlines.Observations,
            CarrierDeadlines.ImageRetention,
            CarrierDeadlines.DepositRestitution,
            GeneralDeadlines.Cpc,
            GeneralDeadlines.AdministrativeSilence,
            GeneralDeadlines.AdministrativeRecourse,
            GeneralDeadlines.RemovalOrderRecourse48h,
            AdHocAdministratorConditions.Eligibility,
            AdHocAdministratorIndemnity.Indemnity,
            InterpreterConditions.Eligibility,
            AccessConditions.HabilitationEligibility,
            AccessConditions.AgrementQuota,
            AccessConditions.SameDayAccess,
            EntryConditions.MedicalInsurance,
            BorderControlConditions.RefusalOfEntryCompetence,
            BorderControlConditions.WaitingZoneHoldingCompetence,
            CarrierConditions.ReportSignatory,
            VisabioConditions.FingerprintCollection,
            AttestationConditions.SignatoryTitle,
            AttestationConditions.Content,
            ExemptionConditions.DeclarationExemption,
            ExemptionConditions.DocumentExemption,
            DataRecipients.Visabio,
            DataRecipients.BorderRefusal,
            DataRecipients.Agdref,
            DataRecipients.Eloi,
            EloiConditions.DataNotKept,
        ];
        ById = All.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>Every rule, grouped by book and procedure.</summary>
    public static ImmutableArray<Rule> All { get; }

    /// <summary>The rule with this id, or null.</summary>
    public static Rule? Find(string id) => ById.GetValueOrDefault(id);
}
