using System.Text;
using Monitor.Records;
using Monitor.Testing;
using static Monitor.Testing.Some;

namespace Monitor.Core.Tests.Records;

public sealed class CloudTrailReaderHostileInputTests
{
    private static async Task<InvalidLogException> FailsAsync(byte[] content, CloudTrailReaderOptions? options = null)
    {
        var failure = await Should.ThrowAsync<InvalidLogException>(() => CloudTrailReading.ReadAsync(content, options));
        failure.Message.ShouldStartWith(CloudTrailReading.Input + ": ");
        return failure;
    }

    private static Task<InvalidLogException> FailsAsync(string content) => FailsAsync(CloudTrail.Utf8(content));

    [Theory]
    [InlineData("hello, world")]
    [InlineData("<html><body>AccessDenied</body></html>")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Throws_WhenNotJson(string content)
    {
        var failure = await FailsAsync(content);

        failure.Message.ShouldContain("invalid JSON");
    }

    [Theory]
    [InlineData("\"a string\"", "the root is a string")]
    [InlineData("42 ", "the root is a number")]
    [InlineData("null", "the root is null")]
    public async Task Throws_WhenRootIsAScalar(string content, string reason)
    {
        var failure = await FailsAsync(content);

        failure.Message.ShouldContain(reason);
    }

    [Theory]
    [InlineData("{\"Records\":{\"eventName\":\"x\"}}", "\"Records\" is an object, not an array")]
    [InlineData("{\"Records\":\"[]\"}", "\"Records\" is a string, not an array")]
    [InlineData("{\"Records\":null}", "\"Records\" is null, not an array")]
    public async Task Throws_WhenRecordsIsNotAnArray(string content, string reason)
    {
        var failure = await FailsAsync(content);

        failure.Message.ShouldBe($"{CloudTrailReading.Input}: {reason}");
    }

    [Fact]
    public async Task Throws_WhenRootObjectHasAnUnknownShape()
    {
        var failure = await FailsAsync("{\"s3Bucket\":\"b\",\"s3ObjectKey\":[\"k\"]}");

        failure.Message.ShouldContain("unknown JSON shape");
    }

    [Fact]
    public async Task Throws_WhenEventBridgeEventHasNoDetailObject()
    {
        var failure = await FailsAsync("{\"detail-type\":\"AWS API Call via CloudTrail\",\"detail\":\"nope\"}");

        failure.Message.ShouldContain("without a \"detail\" object");
    }

    [Fact]
    public async Task Throws_WhenJsonIsTruncated()
    {
        var json = CloudTrail.Log(CloudTrail.Record(), CloudTrail.Record());

        var failure = await FailsAsync(json[..(json.Length - 40)]);

        failure.Message.ShouldContain("truncated or invalid JSON");
    }

    [Fact]
    public async Task Throws_WhenGzipIsTruncated()
    {
        var gzip = CloudTrail.Gzip(CloudTrail.Utf8(CloudTrail.Log(CloudTrail.Record(), CloudTrail.Record())));

        var failure = await FailsAsync(gzip[..(gzip.Length - 6)]);

        failure.Message.ShouldStartWith($"{CloudTrailReading.Input}: truncated or corrupt gzip");
    }

    [Fact]
    public async Task Throws_WhenGzipHoldsNotJson()
    {
        var failure = await FailsAsync(CloudTrail.Gzip(Encoding.UTF8.GetBytes("2025-01-02 access log line, not JSON")));

        failure.Message.ShouldContain("invalid JSON");
    }

    [Fact]
    public async Task Throws_WhenARecordIsOverTheLimit()
    {
        var big = CloudTrail.Record();
        big["requestParameters"] = new System.Text.Json.Nodes.JsonObject { ["policy"] = new string('p', 300_000) };
        var options = new CloudTrailReaderOptions { MaxRecordBytes = 256 * 1024 };

        var failure = await FailsAsync(CloudTrail.Utf8(CloudTrail.Log(CloudTrail.Record(), big)), options);

        failure.Message.ShouldBe($"{CloudTrailReading.Input}: record 2 is larger than the 262,144-byte record limit");
    }

    [Fact]
    public async Task Throws_WhenAFiftyMegabyteStringArrives()
    {
        var head = "{\"Records\":[{\"eventName\":\"x\",\"errorMessage\":\""u8.ToArray();
        var content = new byte[head.Length + (50 << 20) + 4];
        head.CopyTo(content, 0);
        content.AsSpan(head.Length, 50 << 20).Fill((byte)'a');
        "\"}]}"u8.CopyTo(content.AsSpan(content.Length - 4));
        var reader = new CloudTrailReader();

        var failure = await Should.ThrowAsync<InvalidLogException>(() => CloudTrailReading.ReadAsync(content, chunk: 1 << 20, reader: reader));

        failure.Message.ShouldBe($"{CloudTrailReading.Input}: record 1 is larger than the 8,388,608-byte record limit");
        reader.PeakBufferBytes.ShouldBeLessThanOrEqualTo(16 << 20);
    }

    [Fact]
    public async Task Throws_WhenAHugeValueSitsOutsideAnyRecord()
    {
        var content = CloudTrail.Utf8("{\"Records\":[],\"junk\":\"" + new string('j', 300_000) + "\"}");

        var failure = await FailsAsync(content, new CloudTrailReaderOptions { MaxRecordBytes = 100_000 });

        failure.Message.ShouldContain("a JSON value near byte");
    }

    [Fact]
    public async Task Throws_WhenContentTrailsTheRoot()
    {
        var failure = await FailsAsync(CloudTrail.Log(CloudTrail.Record()) + "{\"Records\":[]}");

        failure.Message.ShouldContain("invalid JSON");
    }
}
