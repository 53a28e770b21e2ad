using Ceseda.Rules.Calendars;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Tests.Calendars;

public sealed class HolidayCalendarTest
{
    private static IEnumerable<string> Ids(Territory territory, int year, CalendarVariant? variant = null) =>
        territory.Calendar(variant ?? CalendarVariant.Default).HolidaysIn(year).Select(h => $"{h.Date:MM-dd} {h.Definition.Id}");

    [Fact]
    public void HolidaysIn_Metropole2024_AreTheElevenOfLabourCodeL3133_1()
    {
        Assert.Equal(
            [
                "01-01 jour-de-l-an", "04-01 lundi-de-paques", "05-01 fete-du-travail", "05-08 victoire-1945", "05-09 ascension",
                "05-20 lundi-de-pentecote", "07-14 fete-nationale", "08-15 assomption", "11-01 toussaint", "11-11 armistice-1918",
                "12-25 noel",
            ],
            Ids(Territories.Metropole, 2024));
    }

    [Fact]
    public void HolidaysIn_Metropole1975_HasNo8May()
    {
        Assert.DoesNotContain(Ids(Territories.Metropole, 1975), id => id.EndsWith("victoire-1945", StringComparison.Ordinal));
        Assert.Contains("05-08 victoire-1945", Ids(Territories.Metropole, 1982));
    }

    [Fact]
    public void HolidaysIn_AlsaceMoselle_AddsGoodFridayAnd26December_GoodFridayOnlyWithTheCommuneFlag()
    {
        var withChurch = Ids(Territories.AlsaceMoselle, 2025).ToList();
        Assert.Contains("04-18 vendredi-saint", withChurch);
        Assert.Contains("12-26 saint-etienne", withChurch);
        Assert.Equal(13, withChurch.Count);

        var without = Ids(Territories.AlsaceMoselle, 2025, CalendarVariant.Default with { GoodFriday = false }).ToList();
        Assert.DoesNotContain("04-18 vendredi-saint", without);
        Assert.Contains("12-26 saint-etienne", without);
    }

    [Fact]
    public void IsHoliday_GoodFridayInMetropole_IsFalse() =>
        Assert.False(Territories.Metropole.DefaultCalendar.IsHoliday(new LocalDate(1976, 4, 16)));

    [Theory]
    [InlineData("guadeloupe", 5, 27, 1984)]
    [InlineData("martinique", 5, 22, 1984)]
    [InlineData("guyane", 6, 10, 1984)]
    [InlineData("la-reunion", 12, 20, 1983)]
    [InlineData("mayotte", 4, 27, 1984)]
    [InlineData("saint-barthelemy", 10, 9, 2012)]
    [InlineData("saint-martin", 5, 27, 2012)]
    public void IsHoliday_AbolitionDay_FromItsFirstYearOnly(string territoryId, int month, int day, int firstYear)
    {
        var calendar = Territories.Find(territoryId)!.DefaultCalendar;
        Assert.False(calendar.IsHoliday(new LocalDate(firstYear - 1, month, day)));
        Assert.True(calendar.IsHoliday(new LocalDate(firstYear, month, day)));
        Assert.True(calendar.IsHoliday(new LocalDate(2030, month, day)));
    }

    [Fact]
    public void IsHoliday_SaintMartin28MayReading_27MayUntil2015Then28May()
    {
        var variant = CalendarVariant.Default with { SaintMartinAbolitionDay = Readings.SaintMartinAbolitionDay.Option("28-may")! };
        var calendar = Territories.SaintMartin.Calendar(variant);
        Assert.True(calendar.IsHoliday(new LocalDate(2015, 5, 27)));
        Assert.False(calendar.IsHoliday(new LocalDate(2016, 5, 27)));
        Assert.True(calendar.IsHoliday(new LocalDate(2016, 5, 28)));
        Assert.False(Territories.SaintMartin.DefaultCalendar.IsHoliday(new LocalDate(2016, 5, 28)));
    }

    [Fact]
    public void HolidaysIn_OverseasCollectivities_AreMarkedNotConfirmed()
    {
        foreach (var territory in new[] { Territories.NouvelleCaledonie, Territories.PolynesieFrancaise, Territories.WallisEtFutuna })
        {
            Assert.All(territory.DefaultCalendar.HolidaysIn(2024), h => Assert.Equal(Confidence.NotConfirmed, h.Definition.Confidence));
        }

        Assert.All(Territories.SaintPierreEtMiquelon.DefaultCalendar.HolidaysIn(2024), h => Assert.Equal(Confidence.Settled, h.Definition.Confidence));
    }

    [Fact]
    public void Holidays_EveryDefinition_CarriesASource()
    {
        foreach (var territory in Territories.All)
        {
            Assert.All(territory.Holidays, h => Assert.False(string.IsNullOrWhiteSpace(h.Source.Text)));
        }
    }

    [Fact]
    public void Zones_EveryTerritory_HasItsIanaZone()
    {
        Assert.Equal(
            [
                "Europe/Paris", "Europe/Paris", "America/Guadeloupe", "America/Martinique", "America/Cayenne", "Indian/Reunion",
                "Indian/Mayotte", "America/Marigot", "America/St_Barthelemy", "America/Miquelon", "Pacific/Noumea", "Pacific/Tahiti",
                "Pacific/Wallis",
            ],
            Territories.All.Select(t => t.Zone.Id));
    }

    [Fact]
    public void CourtOfAppealSeat_SaintBarthelemyAndSaintMartin_IsGuadeloupe()
    {
        Assert.Same(Territories.Guadeloupe, Territories.SaintBarthelemy.CourtOfAppealSeat);
        Assert.Same(Territories.Guadeloupe, Territories.SaintMartin.CourtOfAppealSeat);
        Assert.Same(Territories.Mayotte, Territories.Mayotte.CourtOfAppealSeat);
    }

    [Fact]
    public void NextWorkingDayAfter_FridayHolidayBeforeAWeekend_IsTheMonday()
    {
        // Friday 1 November 2024 (Toussaint), then the weekend.
        var calendar = Territories.Metropole.DefaultCalendar;
        Assert.Equal(new LocalDate(2024, 11, 4), calendar.NextWorkingDayAfter(new LocalDate(2024, 10, 31)));
    }

    [Fact]
    public void IsWorkingDay_OutsideCalendarRange_ThrowsNamingTerritoryAndYear()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Territories.Guyane.DefaultCalendar.IsWorkingDay(new LocalDate(2201, 1, 3)));
        Assert.Contains("guyane", e.Message, StringComparison.Ordinal);
        Assert.Contains("2201", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsWorkingDay_ManyThreadsOnAColdCalendar_AgreeWithOneThread()
    {
        var territory = new Territory("test", "Test", "Europe/Paris", Territories.NationalHolidays);
        var days = Enumerable.Range(0, 20_000).Select(i => new LocalDate(1990, 1, 1).PlusDays(i)).ToArray();
        var expected = days.Select(d => Territories.Metropole.DefaultCalendar.IsWorkingDay(d)).ToArray();
        var results = new bool[8][];
        Parallel.For(0, 8, t => results[t] = days.Select(d => territory.DefaultCalendar.IsWorkingDay(d)).ToArray());
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void IsWorkingDay_WarmCache_AllocatesNothing()
    {
        var calendar = Territories.AlsaceMoselle.DefaultCalendar;
        var start = new LocalDate(2020, 1, 1);
        for (var i = 0; i < 3000; i++)
        {
            calendar.IsWorkingDay(start.PlusDays(i));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var working = 0;
        for (var i = 0; i < 3000; i++)
        {
            if (calendar.IsWorkingDay(start.PlusDays(i)))
            {
                working++;
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.InRange(working, 2000, 2200);
    }
}
