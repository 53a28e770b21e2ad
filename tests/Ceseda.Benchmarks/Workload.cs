using System.Globalization;
using System.Text;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Detention;
using NodaTime;
using NodaTime.Text;

namespace Ceseda.Benchmarks;

/// <summary>The inputs every benchmark shares: random instants, territories and JSON request
/// lines, generated from fixed seeds so that runs and methods see the same data.</summary>
public static class Workload
{
    /// <summary>The seed of every generator here.</summary>
    public const int Seed = 20_251_122;

    /// <summary>First instant of the range (1990-01-01, UTC).</summary>
    public static readonly Instant RangeStart = Instant.FromUtc(1990, 1, 1, 0, 0);

    /// <summary>End of the range (exclusive: 2036-01-01, UTC).</summary>
    public static readonly Instant RangeEnd = Instant.FromUtc(2036, 1, 1, 0, 0);

    /// <summary>retention.appeal has no version before 1 March 2005 (CESEDA in force): earlier
    /// starts are answered with "no-version", so its instants start there. 1 March 2005 00:00 in
    /// Pacific/Noumea (UTC+11) is 28 February 13:00 UTC; starting a day later keeps every
    /// territory's local date on or after 1 March.</summary>
    public static readonly Instant AppealRangeStart = Instant.FromUtc(2005, 3, 2, 0, 0);

    private static readonly OffsetDateTimePattern InstantPattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<+HH:mm>");

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    /// <summary><paramref name="count"/> instants drawn uniformly, to the minute, from
    /// [<paramref name="from"/>, <paramref name="until"/>).</summary>
    public static Instant[] Instants(int count, Instant from, Instant until, int seed = Seed)
    {
        var random = new Random(seed);
        var minutes = (long)(until - from).TotalMinutes;
        var instants = new Instant[count];
        for (var i = 0; i < instants.Length; i++)
        {
            instants[i] = from + Duration.FromMinutes(random.NextInt64(minutes));
        }

        return instants;
    }

    /// <summary>Instants for retention.appeal: from 2 March 2005 to the end of 2035.</summary>
    public static Instant[] AppealInstants(int count, int seed = Seed) => Instants(count, AppealRangeStart, RangeEnd, seed);

    /// <summary><paramref name="count"/> indexes into <see cref="Territories.All"/>, uniform.</summary>
    public static byte[] TerritoryIndexes(int count, int seed = Seed + 1)
    {
        var random = new Random(seed);
        var indexes = new byte[count];
        for (var i = 0; i < indexes.Length; i++)
        {
            indexes[i] = (byte)random.Next(Territories.All.Length);
        }

        return indexes;
    }

    /// <summary>Metropolitan public holidays (C. trav. L.3133-1) of <paramref name="firstYear"/>
    /// to <paramref name="lastYear"/>, listed by hand for the NodaTime baseline: the 1 January,
    /// 1 and 8 May, 14 July, 15 August, 1 and 11 November, 25 December, and Easter Monday,
    /// Ascension and Whit Monday.</summary>
    public static HashSet<LocalDate> MetropoleHolidays(int firstYear, int lastYear)
    {
        var holidays = new HashSet<LocalDate>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            foreach (var (month, day) in new[] { (1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25) })
            {
                holidays.Add(new LocalDate(year, month, day));
            }

            var easter = Easter.Sunday(year);
            holidays.Add(easter.PlusDays(1));
            holidays.Add(easter.PlusDays(39));
            holidays.Add(easter.PlusDays(50));
        }

        return holidays;
    }

    /// <summary><paramref name="count"/> request lines of the evaluation contract, each ending in
    /// '\n', cycling through three rules: retention.appeal with an act, cpc.deadline with months
    /// (and days one time in two), administrative.recourse (with an act one time in two).
    /// Territories are uniform over the thirteen.</summary>
    /// <param name="count">Number of lines.</param>
    /// <param name="explain">false adds <c>"options":{"explain":false}</c>; true leaves the
    /// contract's default (the explanation is written in every response).</param>
    /// <param name="seed">Seed.</param>
    public static byte[] RequestLines(int count, bool explain, int seed = Seed)
    {
        var random = new Random(seed);
        var all = Territories.All;
        var appealSpan = (long)(RangeEnd - AppealRangeStart).TotalMinutes;
        var cpcSpan = (long)(RangeEnd - RangeStart).TotalMinutes;
        var recourseStart = Instant.FromUtc(2001, 1, 2, 0, 0);
        var recourseSpan = (long)(RangeEnd - recourseStart).TotalMinutes;
        var text = new StringBuilder(count * 160);
        for (var i = 0; i < count; i++)
        {
            var territory = all[random.Next(all.Length)];
            var zone = territory.Zone;
            text.Append("{\"id\":").Append(i.ToString(CultureInfo.InvariantCulture)).Append(",\"rule\":\"");
            switch (i % 3)
            {
                case 0:
                {
                    var start = AppealRangeStart + Duration.FromMinutes(random.NextInt64(appealSpan));
                    var act = start + Duration.FromMinutes(random.Next(96 * 60));
                    text.Append(DetentionDeadlines.Appeal.Id).Append("\",\"territory\":\"").Append(territory.Id)
                        .Append("\",\"facts\":{\"start\":\"").Append(Format(start, zone))
                        .Append("\",\"act\":\"").Append(Format(act, zone)).Append("\"}");
                    break;
                }

                case 1:
                {
                    var start = (RangeStart + Duration.FromMinutes(random.NextInt64(cpcSpan))).InZone(zone).Date;
                    text.Append("cpc.deadline\",\"territory\":\"").Append(territory.Id)
                        .Append("\",\"facts\":{\"start\":\"").Append(DatePattern.Format(start))
                        .Append("\",\"months\":").Append((1 + random.Next(3)).ToString(CultureInfo.InvariantCulture));
                    if (random.Next(2) == 0)
                    {
                        text.Append(",\"days\":").Append((1 + random.Next(15)).ToString(CultureInfo.InvariantCulture));
                    }

                    text.Append('}');
                    break;
                }

                default:
                {
                    var start = recourseStart + Duration.FromMinutes(random.NextInt64(recourseSpan));
                    text.Append("administrative.recourse\",\"territory\":\"").Append(territory.Id)
                        .Append("\",\"facts\":{\"start\":\"").Append(DatePattern.Format(start.InZone(zone).Date)).Append('"');
                    if (random.Next(2) == 0)
                    {
                        var act = start + Duration.FromDays(40 + random.Next(40));
                        text.Append(",\"act\":\"").Append(Format(act, zone)).Append('"');
                    }

                    text.Append('}');
                    break;
                }
            }

            if (!explain)
            {
                text.Append(",\"options\":{\"explain\":false}");
            }

            text.Append("}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Format(Instant instant, DateTimeZone zone) => InstantPattern.Format(instant.InZone(zone).ToOffsetDateTime());
}
