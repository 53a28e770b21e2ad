using Ceseda.Rules.Evaluation;
using Ceseda.Rules.Law;
using FsCheck;
using FsCheck.Fluent;
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

    [Fact]
    public void TryFormat_RandomInstantsInEveryZone_WritesWhatFormatWrites()
    {
        var zones = Ceseda.Rules.Calendars.Territories.All.Select(t => t.Zone).Append(DateTimeZone.Utc).ToArray();
        var values =
            from seconds in Gen.Choose(0, int.MaxValue)
            from nanos in Gen.OneOf(Gen.Constant(0), Gen.Choose(0, 999_999_999), Gen.Choose(1, 999).Select(ms => ms * 1_000_000))
            from zone in Gen.Elements(zones)
            select Instant.FromUnixTimeSeconds(seconds).PlusNanoseconds(nanos).InZone(zone);
        Prop.ForAll(values.ToArbitrary(), value =>
        {
            Span<byte> buffer = stackalloc byte[64];
            return IsoText.TryFormat(value, buffer, out var written)
                && System.Text.Encoding.UTF8.GetString(buffer[..written]) == IsoText.Format(value);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(5000));
    }

    [Fact]
    public void TryFormat_DestinationTooSmall_ReturnsFalse()
    {
        var value = new LocalDateTime(2024, 6, 11, 8, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["America/Cayenne"]);
        Assert.False(IsoText.TryFormat(value, new byte[24], out _));
    }
}
