using Ceseda.Rules.Evaluation;
using Ceseda.Rules.Law;
using NodaTime;

namespace Ceseda.Rules.Tests.Evaluation;

public sealed class IsoTextTest
{
    [Theory]
    [InlineData("2004-05-21", "2004-05-21", null, null)]
    [InlineData("2017-01-20T17:20", "2017-01-20", "17:20:00", null)]
    [InlineData("2017-01-20T17:20+01:00", "2017-01-20", "17:20:00", 3600)]
    [InlineData("2017-01-20T17:20:05-03:30", "2017-01-20", "17:20:05", -12600)]
    [InlineData("2017-01-20T16:20:05.25Z", "2017-01-20", "16:20:05.25", 0)]
    public void Parse_WellFormed_ReadsDateTimeAndOffset(string text, string date, string? time, int? offsetSeconds)
    {
        var value = IsoText.Parse(text, "f");
        Assert.Equal(date, IsoText.Format(value.Date));
        Assert.Equal(time, value.Time?.ToString("HH:mm:ss.FFFFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(offsetSeconds, value.Offset?.Seconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2017-1-20")]
    [InlineData("2017-01-20 17:20")]
    [InlineData("2017-01-20T17")]
    [InlineData("2017-01-20T17:20+1")]
    [InlineData("2017-01-20T17:20:00.")]
    [InlineData("2017-01-20T17:20:00.1234567891")]
    [InlineData("2017-01-20T17:20 ")]
    public void Parse_Malformed_ThrowsNamingFieldAndValue(string text)
    {
        var e = Assert.Throws<RuleException>(() => IsoText.Parse(text, "facts.start"));
        Assert.Equal("malformed-fact", e.Code);
        Assert.Equal("facts.start", e.Field);
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_ZonedDateTime_WritesSecondsAndOffset()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/Cayenne"];
        var value = new LocalDateTime(2024, 6, 11, 8, 0).InZoneStrictly(zone);
        Assert.Equal("2024-06-11T08:00:00-03:00", IsoText.Format(value));
    }
}
