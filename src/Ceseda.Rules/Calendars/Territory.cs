using System.Collections.Immutable;
using NodaTime;

namespace Ceseda.Rules.Calendars;

/// <summary>A territory where CESEDA deadlines run (<i>territoire</i>): its IANA time zone and
/// its public holidays.</summary>
public sealed class Territory
{
    private readonly HolidayCalendar?[] calendars = new HolidayCalendar?[4];
    private readonly string? courtOfAppealSeatId;
    private Territory? courtOfAppealSeat;
    private OffsetTable? offsets;

    internal Territory(string id, string name, string zoneId, IEnumerable<HolidayDefinition> holidays,
        string? courtOfAppealSeatId = null, string? notes = null)
    {
        Id = id;
        Name = name;
        Zone = DateTimeZoneProviders.Tzdb[zoneId];
        Holidays = [.. holidays];
        this.courtOfAppealSeatId = courtOfAppealSeatId;
        Notes = notes;
        DefaultCalendar = Calendar(CalendarVariant.Default);
    }

    /// <summary>Stable identifier, e.g. "metropole", "la-reunion".</summary>
    public string Id { get; }

    /// <summary>French name, e.g. "La Réunion".</summary>
    public string Name { get; }

    /// <summary>The IANA time zone of its courts and administrations.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Its public holidays, each with the years it applies and its source.</summary>
    public ImmutableArray<HolidayDefinition> Holidays { get; }

    /// <summary>What the legal team should know about this territory's calendar.</summary>
    public string? Notes { get; }

    /// <summary>The territory where the court of appeal hearing this territory's appeals sits:
    /// Guadeloupe (cour d'appel de Basse-Terre) for Saint-Barthélemy and Saint-Martin, itself
    /// elsewhere.</summary>
    public Territory CourtOfAppealSeat =>
        courtOfAppealSeat ??= courtOfAppealSeatId is null ? this : Territories.Find(courtOfAppealSeatId)!;

    /// <summary>The intervals of <see cref="Zone"/> 1900-2200 as flat arrays (built on first use).</summary>
    internal OffsetTable Offsets => Volatile.Read(ref offsets) ?? BuildOffsets();

    /// <summary>The calendar with the default facts and readings.</summary>
    public HolidayCalendar DefaultCalendar { get; }

    /// <summary>The calendar under the given facts and readings (cached).</summary>
    public HolidayCalendar Calendar(CalendarVariant variant)
    {
        var key = variant.Key;
        var calendar = Volatile.Read(ref calendars[key]);
        if (calendar is not null)
        {
            return calendar;
        }

        var built = new HolidayCalendar(this, variant, Holidays);
        return Interlocked.CompareExchange(ref calendars[key], built, null) ?? built;
    }

    /// <inheritdoc />
    public override string ToString() => Id;

    private OffsetTable BuildOffsets()
    {
        var built = new OffsetTable(Zone);
        return Interlocked.CompareExchange(ref offsets, built, null) ?? built;
    }
}
