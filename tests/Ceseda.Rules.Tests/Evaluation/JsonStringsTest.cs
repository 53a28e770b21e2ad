using System.Buffers;
using System.Text;
using System.Text.Json;
using Ceseda.Rules.Evaluation;
using FsCheck;
using FsCheck.Fluent;

namespace Ceseda.Rules.Tests.Evaluation;

public sealed class JsonStringsTest
{
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("text");

    private static string Written(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, EvaluationJson.WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteString("next", "x");
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void AssertSameAsWriter(byte[] utf8)
    {
        var quoted = new byte[utf8.Length + 2];
        utf8.CopyTo(quoted, 1);
        Assert.Equal(Written(w => w.WriteString(Name, utf8)), Written(w => JsonStrings.WriteString(w, Name, quoted)));
    }

    [Theory]
    [InlineData("Prononcé de l'ordonnance : lundi 23 janvier 2017 à 17 h 20 (UTC+01:00) → « délai » n° 17-22.135 — œuvre")]
    [InlineData("quote \" and backslash \\")]
    [InlineData("tab\tand newline\n")]
    [InlineData("line separator \u2028 and paragraph \u2029")]
    [InlineData("no-break\u00a0space, soft\u00adhyphen, BOM \ufeff, DEL \u007f")]
    [InlineData("emoji \U0001F600 outside the BMP")]
    [InlineData("<script>&'+`")]
    [InlineData("")]
    public void WriteString_WritesWhatTheWriterWrites(string text) => AssertSameAsWriter(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xE0, 0x80, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0x61, 0xFF, 0x62 })]
    public void NeedsNoEscaping_InvalidUtf8_False(byte[] utf8) => Assert.False(JsonStrings.NeedsNoEscaping(utf8));

    [Fact]
    public void WriteString_RandomBmpText_WritesWhatTheWriterWrites()
    {
        var characters = Gen.OneOf(Gen.Choose(0x20, 0x7e), Gen.Choose(0, 0xffff)).Select(c => (char)c)
            .Where(c => !char.IsSurrogate(c));
        var texts = characters.ArrayOf().Select(chars => new string(chars));
        Prop.ForAll(texts.ToArbitrary(), text =>
        {
            AssertSameAsWriter(Encoding.UTF8.GetBytes(text));
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }
}
