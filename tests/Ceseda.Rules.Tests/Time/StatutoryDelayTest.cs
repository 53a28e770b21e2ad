using System.Text;
using Ceseda.Rules.Explanations;
using Ceseda.Rules.Time;
using NodaTime;

namespace Ceseda.Rules.Tests.Time;

public sealed class StatutoryDelayTest
{
    [Theory]
    [InlineData(1, 0, 0, 0, "1 heure", "PT1H")]
    [InlineData(24, 0, 0, 0, "24 heures", "PT24H")]
    [InlineData(0, 1, 0, 0, "1 an", "P1Y")]
    [InlineData(0, 0, 3, 0, "3 mois", "P3M")]
    [InlineData(0, 0, 0, 1, "1 jour", "P1D")]
    [InlineData(0, 0, 2, 15, "2 mois et 15 jours", "P2M15D")]
    [InlineData(0, 5, 0, 32, "5 ans et 32 jours", "P5Y32D")]
    [InlineData(0, 2, 1, 1, "2 ans, 1 mois et 1 jour", "P2Y1M1D")]
    public void ToString_AndIsoPeriod_InFrenchAndIso(int hours, int years, int months, int days, string french, string iso)
    {
        var delay = hours > 0 ? StatutoryDelay.FromHours(hours) : StatutoryDelay.Calendar(years, months, days);

        Assert.Equal(french, delay.ToString());
        Assert.Equal(iso, delay.ToIsoPeriod());
        Span<byte> buffer = stackalloc byte[32];
        Assert.True(delay.TryFormatIsoPeriod(buffer, out var written));
        Assert.Equal(iso, Encoding.UTF8.GetString(buffer[..written]));
    }

    [Fact]
    public void TryFormat_DestinationTooSmall_ReturnsFalse()
    {
        var delay = StatutoryDelay.Calendar(2, 1, 1);
        Assert.False(delay.TryFormat(new byte[10], out _, default, null));
        Assert.False(delay.TryFormatIsoPeriod(new byte[4], out _));
    }

    [Theory]
    [InlineData(0, "0 minutes")]
    [InlineData(1, "1 minute")]
    [InlineData(61, "1 heure 1 minute")]
    [InlineData(3 * 24 * 60, "3 jours")]
    [InlineData((24 * 60) + 120 + 5, "1 jour 2 heures 5 minutes")]
    public void FrenchDuration_DaysHoursMinutes(int minutes, string expected) =>
        Assert.Equal(expected, French.Duration(Duration.FromMinutes(minutes)));
}
