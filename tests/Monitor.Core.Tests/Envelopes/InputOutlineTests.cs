using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitor.Envelopes;
using Monitor.Testing;

namespace Monitor.Core.Tests.Envelopes;

public sealed class InputOutlineTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static TheoryData<string> JsonSamples() =>
        [.. InputSamples.All.Where(s => s.Content() is [(byte)'{' or (byte)'[', ..]).Select(s => s.Name)];

    [Theory]
    [InlineData("""{"Records":[{"eventVersion":"1.08","eventTime":"2026-10-01T10:00:00Z"}]}""", "2026-10-01T10:00:00Z")]
    [InlineData("""[{"eventTime":"2026-10-02T00:00:00Z"}]""", "2026-10-02T00:00:00Z")]
    [InlineData("""{"version":"0","detail-type":"AWS API Call via CloudTrail","time":"2026-10-03T00:00:00Z","detail":{}}""", "2026-10-03T00:00:00Z")]
    [InlineData("""{"Type":"Notification","Message":"{}","Timestamp":"2026-10-04T00:00:00.000Z"}""", "2026-10-04T00:00:00Z")]
    [InlineData("""{"Records":[{"messageId":"m","attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1735776312345"},"body":"x"}]}""", "2025-01-02T00:05:12.345Z")]
    public void FirstTime_IsReadFromThePrefix(string json, string expected) =>
        InputOutline.Read(Encoding.UTF8.GetBytes(json)).FirstTime.ShouldBe(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture));

    [Fact]
    public void Read_SkipsAByteOrderMarkAndBlankLines()
    {
        byte[] text = [.. Bom, .. "\r\n \t{\"Records\":[{\"s3\":{}}]}"u8];

        var outline = InputOutline.Read(text);

        outline.Root.ShouldBe(JsonValueKind.Object);
        outline.Head.Span[0].ShouldBe((byte)'{');
        outline.Has("Records").ShouldBeTrue();
        outline.FirstRecordHas("s3").ShouldBeTrue();
    }

    [Fact]
    public void Read_KeepsWhatWasRead_WhenThePrefixEndsInsideTheFirstRecord()
    {
        var log = Some.CloudTrail.Log(Some.CloudTrail.Record());
        var cut = log.IndexOf("\"eventName\"", StringComparison.Ordinal);

        var outline = InputOutline.Read(Encoding.UTF8.GetBytes(log[..cut]));

        outline.Has("Records").ShouldBeTrue();
        outline.FirstRecordEventSource.ShouldBe("iam.amazonaws.com");
        outline.FirstRecordHas("eventName").ShouldBeFalse();
        InputShapes.Recognise(outline).ShouldBe(InputShapes.CloudTrailLog);
    }

    [Theory]
    [InlineData("", JsonValueKind.Undefined)]
    [InlineData("user,arn", JsonValueKind.Undefined)]
    [InlineData("42", JsonValueKind.Undefined)]
    [InlineData("{oops", JsonValueKind.Object)]
    [InlineData("[", JsonValueKind.Array)]
    public void Root_IsWhatTheTextStartsLike(string text, JsonValueKind root) =>
        InputOutline.Read(Encoding.UTF8.GetBytes(text)).Root.ShouldBe(root);

    [Theory]
    [MemberData(nameof(JsonSamples))]
    public void FilesOutline_AndParsedBodysOutline_LeadToTheSameShapes(string name)
    {
        var content = InputSamples.Named(name).Content();
        var read = InputOutline.Read(content);
        using var document = JsonDocument.Parse(content);
        var parsed = InputOutline.Of(document.RootElement);

        read.Root.ShouldBe(parsed.Root);
        read.Properties.ShouldBeSubsetOf(parsed.Properties);
        (read.FirstRecord ?? new HashSet<string>()).ShouldBe(parsed.FirstRecord ?? new HashSet<string>(), ignoreOrder: true);
        read.FirstRecordEventSource.ShouldBe(parsed.FirstRecordEventSource);
        foreach (var shape in InputShapes.All)
        {
            shape.Claims(read).ShouldBe(shape.Claims(parsed), shape.Name);
            shape.Recognises(read).ShouldBe(shape.Recognises(parsed), shape.Name);
        }
    }
}
