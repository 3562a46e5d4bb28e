using System.Text;
using System.Text.Json;
using Monitor.Records;

namespace Monitor.Core.Tests.Records;

public sealed class LoneSurrogateTests
{
    private static readonly string[] Pieces = ["a", "\\ud800", "\\udbff", "\\udc00", "\\udfff", "\\uD83D", "\\uDE00", "\\u0041", "\\\\", "\\n", "\\\"", "\\u00e9", "é", "u", "d800"];

    [Fact]
    public void AgreesWithTheJsonReader_WhenEscapesAreCombinedAtRandom()
    {
        var random = new Random(20250102);
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 7)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes($"\"{text}\""));
            reader.Read();

            var decodes = TryGetString(ref reader);

            (LoneSurrogate.IndexIn(reader.ValueSpan) < 0).ShouldBe(decodes, text);
        }
    }

    [Theory]
    [InlineData("{\"a\":1,\"requestParameters\":{\"x\":[\"ok\",\"\\ud800\"]}}", "invalid JSON string: lone surrogate \\ud800 in requestParameters")]
    [InlineData("{\"\\udc00\":1}", "invalid JSON string: lone surrogate \\udc00 in a field name")]
    [InlineData("{\"b\":{\"\\udc00\":1}}", "invalid JSON string: lone surrogate \\udc00 in b")]
    public void NamesTheEscapeAndTheField_WhenDescribingARecord(string record, string reason)
    {
        LoneSurrogate.Describe(Encoding.UTF8.GetBytes(record)).ShouldBe(reason);
    }

    [Fact]
    public void ThrowsJsonException_WhenTheSerializerMeetsALoneSurrogate()
    {
        var json = "{\"eventTime\":\"2025-01-02T00:03:45Z\",\"userAgent\":\"\\ud800\",\"readOnly\":\"\\udc00\"}";

        Should.Throw<JsonException>(() => JsonSerializer.Deserialize(json, CloudTrailJsonContext.Default.CloudTrailRecord));
    }

    [Fact]
    public void ThrowsJsonException_WhenTheBooleanConverterMeetsALoneSurrogate()
    {
        var json = "{\"readOnly\":\"\\udc00\"}";

        Should.Throw<JsonException>(() => JsonSerializer.Deserialize(json, CloudTrailJsonContext.Default.CloudTrailRecord));
    }

    private static bool TryGetString(ref Utf8JsonReader reader)
    {
        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
