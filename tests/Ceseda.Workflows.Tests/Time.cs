using NodaTime;
using NodaTime.Text;

namespace Ceseda.Workflows.Tests;

internal static class Time
{
    public static Instant At(string offsetDateTime) =>
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<+HH:mm>").Parse(offsetDateTime).GetValueOrThrow().ToInstant();
}
