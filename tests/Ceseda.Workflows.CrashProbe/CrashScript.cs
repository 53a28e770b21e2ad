using Ceseda.Workflows.StateMachines;
using NodaTime;

namespace Ceseda.Workflows.CrashProbe;

/// <summary>One act of the script: its step, trigger, legal instant and facts.</summary>
public sealed record ScriptedAct(int Step, string Trigger, Instant At, CaseFacts Facts);

/// <summary>The burst the crash probe runs and the crash test replays in memory: every case of
/// <c>retention.ordinance-appeal</c> goes through the same steps, and after each step the deadlines
/// due by that step's instant pass. Four variants by case number: the window closes unchallenged; the
/// ordinance ends the measure and the prosecutor's window closes; the appeal is ruled on; the appeal
/// is never ruled on (the first president is divested).</summary>
/// <remarks>Each step's acts come before its <see cref="AdvanceAt"/> instant, which comes before the next
/// step's acts: a deadline never passes before an act that precedes it, so passing the deadlines in
/// chunks, or again after a restart, gives the same history as the pure definition.</remarks>
public static class CrashScript
{
    /// <summary>The procedure the cases run.</summary>
    public const string Procedure = "retention.ordinance-appeal";

    /// <summary>The court of every case.</summary>
    public const string Court = "CA Paris";

    /// <summary>The number of steps.</summary>
    public const int Steps = 4;

    /// <summary>Monday 3 March 2025, 09:00 in Paris.</summary>
    private static readonly Instant Base = Instant.FromUtc(2025, 3, 3, 8, 0);

    /// <summary>The id of case <paramref name="index"/>.</summary>
    public static string CaseId(int index) => $"RG 25/{index:D5}";

    /// <summary>The idempotency key of the act of <paramref name="step"/> in case <paramref name="index"/>.</summary>
    public static string Key(int index, int step) => $"crash-{index:D5}-{step}";

    /// <summary>The act of case <paramref name="index"/> at <paramref name="step"/>, if it has one.</summary>
    public static ScriptedAct? Act(int index, int step)
    {
        var variant = index % 4;
        var at = Base + Duration.FromHours(StepHours(step)) + Duration.FromMinutes(index % 7);
        return (step, variant) switch
        {
            (0, _) => new(0, "Pronounce", at, CaseFacts.Of(("endsMeasure", variant == 1), ("foreignerPresent", true))),
            (1, 1) => new(1, "NotifyProsecutor", at, CaseFacts.Empty),
            (1, 2 or 3) => new(1, "LodgeAppeal", at, CaseFacts.Of(("appellant", "foreigner"))),
            (2, 2) => new(2, "HoldHearing", at, CaseFacts.Empty),
            (3, 2) => new(3, "Rule", at, CaseFacts.Empty),
            _ => null,
        };
    }

    /// <summary>The instant up to which the deadlines pass after <paramref name="step"/>: after its
    /// acts, before the next step's.</summary>
    public static Instant AdvanceAt(int step) =>
        step + 1 < Steps ? Base + Duration.FromHours(StepHours(step + 1)) - Duration.FromMinutes(30) : Base + Duration.FromDays(5);

    /// <summary>The last instant of the script: every deadline due by then has passed at the end.</summary>
    public static Instant End => AdvanceAt(Steps - 1);

    private static int StepHours(int step) => step switch
    {
        0 => 0,
        1 => 5,
        2 => 30,
        _ => 40,
    };
}
