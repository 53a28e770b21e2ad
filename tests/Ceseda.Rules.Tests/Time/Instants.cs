using NodaTime;
using NodaTime.Text;

namespace Ceseda.Rules.Tests.Time;

internal static class Instants
{
    private static readonly OffsetDateTimePattern Pattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<+HH:mm>");

    public static Instant At(string text) => Pattern.Parse(text).GetValueOrThrow().ToInstant();

    public static string Iso(ZonedDateTime value) => Rules.Evaluation.IsoText.Format(value);
}
