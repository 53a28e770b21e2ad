using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Explanations;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Time;

/// <summary>A statutory deadline (<i>délai</i>) with its versions by date of effect.</summary>
public sealed class DeadlineRule : Rule
{
    private readonly DeadlineVersion[] versions;

    /// <summary>Creates a rule; versions are sorted by date of effect and each ends where the
    /// next begins unless it states its own end.</summary>
    public DeadlineRule(string id, string title, IEnumerable<FactDefinition> facts, IEnumerable<DeadlineVersion> versions)
        : base(id, title, [.. facts])
    {
        this.versions = [.. versions.OrderBy(v => v.From)];
        if (this.versions.Length == 0)
        {
            throw new ArgumentException($"Rule {id} has no version.", nameof(versions));
        }

        for (var i = 0; i < this.versions.Length; i++)
        {
            this.versions[i].Seal(i + 1 < this.versions.Length ? this.versions[i + 1].From : null);
        }

        StartFact = Facts.First(f => f.Role == FactRole.Start);
        VersionFact = Facts.FirstOrDefault(f => f.Role == FactRole.VersionDate) ?? StartFact;
    }

    /// <summary>The versions, oldest first.</summary>
    public ImmutableArray<DeadlineVersion> Versions => [.. versions];

    /// <summary>The fact the deadline counts from.</summary>
    public FactDefinition StartFact { get; }

    /// <summary>The fact whose date selects the version.</summary>
    public FactDefinition VersionFact { get; }

    /// <summary>The version in force on <paramref name="date"/>.</summary>
    /// <exception cref="RuleException">No version covers the date (code "no-version").</exception>
    public DeadlineVersion VersionOn(LocalDate date)
    {
        for (var i = versions.Length - 1; i >= 0; i--)
        {
            var version = versions[i];
            if (date >= version.From)
            {
                if (version.Covers(date))
                {
                    return version;
                }

                break;
            }
        }

        throw NoVersion(date);
    }

    /// <summary>Computes the deadline for <paramref name="request"/>.</summary>
    /// <param name="request">The territory, start, act and facts.</param>
    /// <param name="options">Readings and calendar facts; defaults when null.</param>
    /// <param name="explanation">When given, receives the steps of the computation.</param>
    /// <exception cref="RuleException">The request does not fit the rule (no version, a date
    /// where an instant is needed, a missing length, a year outside the calendars).</exception>
    public DeadlineResult Compute(in DeadlineRequest request, EvaluationOptions? options = null, Explanation? explanation = null) =>
        Compute(request, options, explanation, out _);

    /// <summary>Computes the deadline running from <paramref name="start"/> in <paramref name="territory"/>,
    /// with no act, length, rank or version date: the same result as <see cref="Compute(in DeadlineRequest, EvaluationOptions?, Explanation?)"/>
    /// with <c>new DeadlineRequest(territory, DeadlineStart.At(start))</c>, without building the request
    /// when the common case answers.</summary>
    /// <exception cref="RuleException">As <see cref="Compute(in DeadlineRequest, EvaluationOptions?, Explanation?)"/>.</exception>
    public DeadlineResult Compute(Territory territory, Instant start, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(territory);
        return (options is null || ReferenceEquals(options, EvaluationOptions.Default))
            && TryExpireHoursFast(territory, start, out var version, out var place, out var expires, out _)
            ? new DeadlineResult(this, version, new ZonedDateTime(expires, place.Zone), null, null, version.Delay!.Value)
            : ComputeFrom(territory, start, options);
    }

    /// <summary>The general path of <see cref="Compute(Territory, Instant, EvaluationOptions?)"/>, out of
    /// line so that callers inlining the common case do not carry its request in their frames.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private DeadlineResult ComputeFrom(Territory territory, Instant start, EvaluationOptions? options) =>
        ComputeGeneral(new DeadlineRequest(territory, DeadlineStart.At(start)), options ?? EvaluationOptions.Default, null, out _);

    /// <summary>As <see cref="Compute(in DeadlineRequest, EvaluationOptions?, Explanation?)"/>, and
    /// whether the nominal end (before any prorogation) falls on a day that is not a working day:
    /// when it does not, no reading of the prorogation can change the result.</summary>
    internal DeadlineResult Compute(in DeadlineRequest request, EvaluationOptions? options, Explanation? explanation, out bool endsOnNonWorkingDay)
    {
        // The request's fields are read one by one and the fast result is built in place: copies of
        // these large structs, read back just after being written, stalled the processor.
        if (explanation is null && (options is null || ReferenceEquals(options, EvaluationOptions.Default))
            && request.VersionDate is null && request.Start.Instant is { } start && request.Territory is { } territory
            && TryExpireHoursFast(territory, start, out var version, out var place, out var expires, out endsOnNonWorkingDay))
        {
            return new DeadlineResult(this, version, new ZonedDateTime(expires, place.Zone), request.Act is { } act ? act <= expires : null, null, version.Delay!.Value);
        }

        return ComputeGeneral(request, options ?? EvaluationOptions.Default, explanation, out endsOnNonWorkingDay);
    }

    /// <summary>The common case in integer arithmetic: an hour deadline under the default
    /// readings, counted on the clock of the territory's zone, whose start and end lie more than a
    /// day from any offset change. Gives up (false) on anything else; the general path then
    /// answers, with the same result.</summary>
    /// <remarks>Offsets and interval bounds come from the territory's <see cref="OffsetTable"/>
    /// (the zone's own intervals, in ticks), working days from the calendar's bitset.</remarks>
    private bool TryExpireHoursFast(Territory territory, Instant start, [NotNullWhen(true)] out DeadlineVersion? version,
        [NotNullWhen(true)] out Territory? place, out Instant expires, out bool endsOnNonWorkingDay)
    {
        version = null;
        place = null;
        expires = default;
        endsOnNonWorkingDay = true;
        var startTicks = start.ToUnixTimeTicks();
        if (!territory.Offsets.TryFind(startTicks, out var span))
        {
            return false;
        }

        version = VersionOnEpochDay(FloorDay(startTicks + span.Offset));
        if (version is null || version.FastHoursTicks == 0)
        {
            return false;
        }

        place = version.AtCourtOfAppeal ? territory.CourtOfAppealSeat : territory;
        if (place != territory && !place.Offsets.TryFind(startTicks, out span))
        {
            return false;
        }

        var offset = span.Offset;
        var end = startTicks + offset + version.FastHoursTicks;
        var day = FloorDay(end);
        if (day < HolidayCalendar.FirstEpochDay || day + 14 >= HolidayCalendar.EndEpochDay)
        {
            return false;
        }

        var calendar = place.DefaultCalendar;
        var prorogation = version.DefaultProrogation;
        endsOnNonWorkingDay = !calendar.IsWorkingEpochDay(day);
        if (prorogation != Prorogation.None && endsOnNonWorkingDay)
        {
            var nominalDay = day;
            do
            {
                day++;
            }
            while (!calendar.IsWorkingEpochDay(day));
            end = prorogation == Prorogation.SameHour
                ? end + ((day - nominalDay) * NodaConstants.TicksPerDay)
                : (day + 1) * NodaConstants.TicksPerDay;
        }

        var expiresTicks = end - offset;
        if (expiresTicks <= span.DayAfterStart || expiresTicks >= span.DayBeforeEnd)
        {
            return false;
        }

        expires = Instant.FromUnixTimeTicks(expiresTicks);
        return true;
    }

    private static readonly Duration OneDay = Duration.FromDays(1);

    private static long FloorDay(long ticks) => ticks >= 0 ? ticks / NodaConstants.TicksPerDay : ((ticks + 1) / NodaConstants.TicksPerDay) - 1;

    private DeadlineVersion? VersionOnEpochDay(long day)
    {
        for (var i = versions.Length - 1; i >= 0; i--)
        {
            var version = versions[i];
            if (day >= version.FromEpochDay)
            {
                return day < version.UntilEpochDay ? version : null;
            }
        }

        return null;
    }

    private DeadlineResult ComputeGeneral(in DeadlineRequest request, EvaluationOptions options, Explanation? explanation, out bool endsOnNonWorkingDay)
    {
        var territory = request.Territory ?? throw new RuleException("missing-field", "territory", $"{Id}: a territory is required.");
        var start = request.Start.Instant is { } instant ? instant.InZone(territory.Zone) : default(ZonedDateTime?);
        var version = VersionOn(request.VersionDate ?? start?.Date ?? request.Start.Date);
        var defaults = ReferenceEquals(options, EvaluationOptions.Default) || options.Readings.AllDefault;
        var method = defaults ? version.DefaultMethod : ResolvedMethod.Of(version.Method, options.Readings);
        var place = version.Method.ActPlace == ActPlace.CourtOfAppeal && ReferenceEquals(options.Readings[Readings.HolidayCalendar], PlaceOfAct)
            ? territory.CourtOfAppealSeat
            : territory;
        var calendar = ReferenceEquals(options, EvaluationOptions.Default) ? place.DefaultCalendar : place.Calendar(options.CalendarVariant);
        if (start is { } s && place != territory)
        {
            start = s.WithZone(place.Zone);
        }

        ZonedDateTime expiresAt;
        StatutoryDelay delay;
        try
        {
            (expiresAt, delay) = ComputeExpiry(request, start, version, method, calendar, place.Zone, explanation, out endsOnNonWorkingDay);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw new RuleException("out-of-range", $"facts.{StartFact.Name}",
                $"facts.{StartFact.Name}: {Id} cannot be computed from this date: {e.Message} Holiday calendars cover {Calendars.Easter.MinYear} to {Calendars.Easter.MaxYear}.");
        }

        bool? timely = null;
        if (request.Act is { } act)
        {
            timely = act <= expiresAt.ToInstant();
        }

        if (explanation is not null)
        {
            explanation.Add(new ExpiryStep(expiresAt, expiresAt.TimeOfDay == LocalTime.Midnight, null));
            if (request.Act is { } a)
            {
                explanation.Add(new TimelinessStep(a.InZone(place.Zone), timely!.Value, a - expiresAt.ToInstant(), null));
            }
        }

        return new DeadlineResult(this, version, expiresAt, timely, explanation, delay);
    }

    /// <summary>For each other option of each reading the result depends on, the result under
    /// that option when it differs from the result under <paramref name="options"/>.</summary>
    public ImmutableArray<DivergentReading> DivergentReadings(in DeadlineRequest request, EvaluationOptions? options = null)
    {
        options ??= EvaluationOptions.Default;
        var baseline = Compute(request, options, null, out var endsOnNonWorkingDay);
        return DivergentReadings(request, options, baseline, endsOnNonWorkingDay);
    }

    /// <summary>As <see cref="DivergentReadings(in DeadlineRequest, EvaluationOptions?)"/>, given the
    /// result under <paramref name="options"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="options">The options of the baseline.</param>
    /// <param name="baseline">The result under <paramref name="options"/>.</param>
    /// <param name="endsOnNonWorkingDay">Whether the baseline's nominal end fell on a day that is
    /// not a working day. When it did not, a reading on which only the prorogation depends cannot
    /// change the result (the nominal end is the same under each of its options, and is not
    /// prorogued), and is not computed again.</param>
    internal ImmutableArray<DivergentReading> DivergentReadings(in DeadlineRequest request, EvaluationOptions options, in DeadlineResult baseline,
        bool endsOnNonWorkingDay)
    {
        ImmutableArray<DivergentReading>.Builder? divergent = null;
        var clockReadingsMatter = !ReferenceEquals(options, EvaluationOptions.Default)
            || request.Start.Instant is not { } start
            || OffsetChangesNear(start, baseline.ExpiresAt);
        foreach (var reading in ApplicableReadings(baseline.Version, request.Territory))
        {
            if (!clockReadingsMatter && (reading == Readings.HourCounting || reading == Readings.AmbiguousEnd))
            {
                continue;
            }

            if (!endsOnNonWorkingDay && OnlyProrogationReads(baseline.Version.Method, reading))
            {
                continue;
            }

            var selected = options.Readings[reading];
            foreach (var option in reading.Options)
            {
                if (ReferenceEquals(option, selected))
                {
                    continue;
                }

                var other = Compute(request, options.With(reading, option));
                if (other.ExpiresAt.ToInstant() != baseline.ExpiresAt.ToInstant() || other.Timely != baseline.Timely)
                {
                    (divergent ??= ImmutableArray.CreateBuilder<DivergentReading>()).Add(new DivergentReading(reading, option, other.ExpiresAt, other.Timely));
                }
            }
        }

        return divergent?.ToImmutable() ?? [];
    }

    /// <summary>Whether the offset of the end's zone changes between <paramref name="start"/> and a
    /// day after <paramref name="expiresAt"/>.</summary>
    /// <remarks>When it does not, every local time from the start to the end exists exactly once
    /// at one offset: hours counted on the clock or elapsed end at the same instant, and no end is
    /// ambiguous. The readings hour-counting and dst-ambiguous-end then cannot change a result
    /// computed under the default readings, and are not computed again.</remarks>
    private static bool OffsetChangesNear(Instant start, ZonedDateTime expiresAt)
    {
        var interval = expiresAt.Zone.GetZoneInterval(start);
        return interval.HasEnd && interval.End - expiresAt.ToInstant() <= OneDay;
    }

    /// <summary>Whether <paramref name="reading"/> selects the prorogation of
    /// <paramref name="method"/> and nothing else a result depends on: not the counting of hours
    /// or days, the franc, the end, an ambiguous end, the calendar or the place of the act.</summary>
    private static bool OnlyProrogationReads(DeadlineMethod method, Reading reading) =>
        reading == method.Prorogation.Reading
        && reading != method.HourCounting.Reading && reading != method.DayCounting.Reading && reading != method.Franc.Reading
        && reading != method.End.Reading && reading != Readings.AmbiguousEnd && reading != Readings.HolidayCalendar
        && reading != Readings.SaintMartinAbolitionDay;

    private IEnumerable<Reading> ApplicableReadings(DeadlineVersion version, Territory territory)
    {
        var isHours = version.CountsOnTheClock;
        foreach (var reading in version.Method.ContestedReadings)
        {
            if (isHours || reading != Readings.HourCounting)
            {
                yield return reading;
            }
        }

        if (isHours)
        {
            yield return Readings.AmbiguousEnd;
        }

        if (version.Method.ActPlace == ActPlace.CourtOfAppeal && territory.CourtOfAppealSeat != territory)
        {
            yield return Readings.HolidayCalendar;
        }

        if (territory == Territories.SaintMartin || territory.CourtOfAppealSeat == Territories.SaintMartin)
        {
            yield return Readings.SaintMartinAbolitionDay;
        }
    }

    private static readonly ReadingOption PlaceOfAct = Readings.HolidayCalendar.Option("place-of-act")!;

    private (ZonedDateTime ExpiresAt, StatutoryDelay Delay) ComputeExpiry(in DeadlineRequest request, ZonedDateTime? start, DeadlineVersion version, ResolvedMethod method,
        HolidayCalendar calendar, DateTimeZone zone, Explanation? explanation, out bool endsOnNonWorkingDay)
    {
        var delay = version.Delay ?? (request.Rank is { } rank ? version.DelayOfRank(rank, Id) : request.Delay)
            ?? throw new RuleException("missing-fact", "facts", $"{Id}: the length of the delay is a fact of the request; give {string.Join(", ", Facts.Where(f => f.Role is FactRole.Days or FactRole.Months or FactRole.Years).Select(f => f.Name))}.");
        if (delay.IsHours || method.DayCounting == DayCounting.HourToHour)
        {
            if (start is not { } startZoned)
            {
                throw new RuleException("malformed-fact", $"facts.{StartFact.Name}",
                    $"facts.{StartFact.Name}: {Id} counts {delay} hour to hour: give the instant with its UTC offset (e.g. 2017-01-20T17:20+01:00), not a plain date.");
            }

            explanation?.Add(new StartStep(version.StartEvent, startZoned, default, zone.Id, version.Citations[0]));
            return (DeadlineEngine.Clock(startZoned, delay, calendar, method, explanation, out endsOnNonWorkingDay), delay);
        }

        var date = start?.Date ?? request.Start.Date;
        explanation?.Add(new StartStep(version.StartEvent, start, date, zone.Id, version.Citations[0]));
        return (DeadlineEngine.Calendar(date, delay, zone, calendar, method, explanation, out endsOnNonWorkingDay), delay);
    }

    private RuleException NoVersion(LocalDate date)
    {
        var earliest = versions[0];
        var iso = date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string hint;
        if (date < earliest.From)
        {
            hint = $"the earliest version takes effect {earliest.Id}";
        }
        else
        {
            var previous = versions.Last(v => v.From <= date);
            hint = $"the version of {previous.Id} ended {previous.Until:uuuu-MM-dd}";
        }

        return new RuleException("no-version", $"facts.{VersionFact.Name}",
            $"facts.{VersionFact.Name}: no version of {Id} ({versions[0].Citations[0].Text}) is in force on {iso}; {hint}. Check the date of '{VersionFact.Name}' or add an archived version.");
    }
}
