using Ceseda.Rules.Calendars;
using NodaTime;

namespace Ceseda.Rules.Tests.Calendars;

public sealed class OffsetTableTest
{
    /// <summary>Every offset change of every territory 1900-2200, the instants either side of
    /// it, and random instants: the table gives the zone's own interval.</summary>
    [Fact]
    public void TryFind_EveryTerritory_GivesTheZoneIntervalOfNodaTime()
    {
        var from = Instant.FromUtc(1900, 1, 1, 0, 0);
        var until = Instant.FromUtc(2201, 1, 1, 0, 0);
        var random = new Random(20_251_122);
        foreach (var territory in Territories.All)
        {
            var instants = new List<Instant> { from, until - Duration.Epsilon };
            foreach (var interval in territory.Zone.GetZoneIntervals(from, until))
            {
                if (interval.HasStart && interval.Start > from)
                {
                    instants.AddRange([interval.Start - Duration.FromTicks(1), interval.Start, interval.Start + Duration.FromDays(1)]);
                }
            }

            for (var i = 0; i < 2_000; i++)
            {
                instants.Add(from + Duration.FromTicks(random.NextInt64((until - from).BclCompatibleTicks)));
            }

            foreach (var instant in instants)
            {
                var expected = territory.Zone.GetZoneInterval(instant);
                Assert.True(territory.Offsets.TryFind(instant.ToUnixTimeTicks(), out var span), $"{territory.Id} {instant}");
                Assert.Equal(expected.WallOffset.Ticks, span.Offset);
                Assert.Equal(expected.HasEnd ? expected.End.ToUnixTimeTicks() : long.MaxValue, span.End);
                Assert.Equal(expected.HasStart ? expected.Start.ToUnixTimeTicks() + NodaConstants.TicksPerDay : long.MinValue, span.DayAfterStart);
                Assert.Equal(expected.HasEnd ? expected.End.ToUnixTimeTicks() - NodaConstants.TicksPerDay : long.MaxValue, span.DayBeforeEnd);
            }
        }
    }

    [Fact]
    public void TryFind_Before1900OrAfter2200_IsFalse()
    {
        var offsets = Territories.Metropole.Offsets;
        Assert.False(offsets.TryFind(Instant.FromUtc(1899, 12, 31, 23, 59).ToUnixTimeTicks(), out _));
        Assert.False(offsets.TryFind(Instant.FromUtc(2300, 1, 1, 0, 0).ToUnixTimeTicks(), out _));
        Assert.False(offsets.TryFind(Instant.MinValue.ToUnixTimeTicks(), out _));
        Assert.False(offsets.TryFind(Instant.MaxValue.ToUnixTimeTicks(), out _));
    }
}
