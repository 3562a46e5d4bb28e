using System.Text;
using Monitor.Records;
using Monitor.Testing;
using static Monitor.Testing.Some;

namespace Monitor.Core.Tests.Records;

public sealed class LogStreamsTests
{
    private static async Task<string> ReadAllAsync(byte[] content, int chunk = 3)
    {
        await using var stream = await LogStreams.OpenAsync(new ChunkedStream(content, chunk), "input.bin", leaveOpen: false, CancellationToken.None);
        using var text = new StreamReader(stream, Encoding.UTF8);
        return await text.ReadToEndAsync();
    }

    [Fact]
    public async Task PassesBytesThrough_WhenNotGzip()
    {
        (await ReadAllAsync(CloudTrail.Utf8("{\"Records\":[]}"))).ShouldBe("{\"Records\":[]}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("\u001f")]
    public async Task PassesShortInputThrough_WhenShorterThanTheMagic(string content)
    {
        (await ReadAllAsync(CloudTrail.Utf8(content))).ShouldBe(content);
    }

    [Fact]
    public async Task Gunzips_WhenFirstBytesAreTheGzipMagic()
    {
        var plain = string.Concat(Enumerable.Repeat("CloudTrail ", 10_000));

        (await ReadAllAsync(CloudTrail.Gzip(CloudTrail.Utf8(plain)), chunk: 1000)).ShouldBe(plain);
    }

    [Fact]
    public async Task Gunzips_WhenEmptyContentWasCompressed()
    {
        (await ReadAllAsync(CloudTrail.Gzip([]))).ShouldBe("");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(4)]
    [InlineData(1)]
    public async Task Throws_WhenGzipIsTruncated(int cut)
    {
        var gzip = CloudTrail.Gzip(CloudTrail.Utf8(string.Concat(Enumerable.Repeat("CloudTrail ", 1_000))));

        var failure = await Should.ThrowAsync<InvalidLogException>(() => ReadAllAsync(gzip[..(gzip.Length - cut)]));

        failure.Message.ShouldStartWith("input.bin: truncated or corrupt gzip");
    }

    [Fact]
    public async Task Throws_WhenGzipIsCorrupt()
    {
        var gzip = CloudTrail.Gzip(CloudTrail.Utf8(string.Concat(Enumerable.Repeat("CloudTrail ", 1_000))));
        for (var i = 12; i < 40; i++)
        {
            gzip[i] ^= 0x5A;
        }

        var failure = await Should.ThrowAsync<InvalidLogException>(() => ReadAllAsync(gzip));

        failure.Message.ShouldStartWith("input.bin: truncated or corrupt gzip");
    }

    [Fact]
    public async Task ClosesTheInner_UnlessLeftOpen()
    {
        var inner = new MemoryStream([1, 2, 3]);
        var kept = new MemoryStream([1, 2, 3]);

        await (await LogStreams.OpenAsync(inner, "a", leaveOpen: false, CancellationToken.None)).DisposeAsync();
        await (await LogStreams.OpenAsync(kept, "b", leaveOpen: true, CancellationToken.None)).DisposeAsync();

        inner.CanRead.ShouldBeFalse();
        kept.CanRead.ShouldBeTrue();
    }
}
