using Ceseda.Rules.Calendars;
using NodaTime;

namespace Ceseda.Rules.Tests.Calendars;

public sealed class EasterTest
{
    [Theory]
    [InlineData(1900, 4, 15)]
    [InlineData(1913, 3, 23)]
    [InlineData(1943, 4, 25)]
    [InlineData(1999, 4, 4)]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2038, 4, 25)]
    [InlineData(2100, 3, 28)]
    [InlineData(2200, 4, 6)]
    public void Sunday_KnownYears_MatchesPublishedTables(int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), Easter.Sunday(year));

    [Fact]
    public void Sunday_EveryYear1900To2200_IsASundayBetween22MarchAnd25April()
    {
        for (var year = Easter.MinYear; year <= Easter.MaxYear; year++)
        {
            var easter = Easter.Sunday(year);
            Assert.Equal(IsoDayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new LocalDate(year, 3, 22), new LocalDate(year, 4, 25));
        }
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(2201)]
    public void Sunday_OutsideRange_ThrowsNamingTheYear(int year)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Easter.Sunday(year));
        Assert.Contains(year.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }
}
