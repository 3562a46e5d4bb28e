using Monitor.Records;
using Monitor.Testing;

namespace Monitor.Core.Tests.Records;

public sealed class CloudTrailReaderMemoryTests
{
    [Fact]
    public async Task KeepsTheBufferSmall_WhenReadingTwoHundredMegabytesFromANonSeekableStream()
    {
        // ~5 KB per record (padding included): 40,000 records is about 200 MB of JSON, generated on the fly.
        using var log = new SyntheticCloudTrailStream(records: 40_000, paddingBytes: 4_100);
        var reader = new CloudTrailReader();
        var report = new ReadReport("synthetic");
        var count = 0;
        long bytes = 0;

        await foreach (var activity in reader.ReadAsync(log, report, CancellationToken.None))
        {
            count++;
            bytes += activity.EventId.Length;
        }

        count.ShouldBe(40_000);
        report.Errors.ShouldBeEmpty();
        bytes.ShouldBeGreaterThan(0);
        reader.PeakBufferBytes.ShouldBeLessThanOrEqualTo(RecordScanner.InitialBufferBytes);
    }

    [Fact]
    public void ProducesAboutTwoHundredMegabytes_WhenGeneratingTheMemoryTestLog()
    {
        using var log = new SyntheticCloudTrailStream(records: 1_000, paddingBytes: 4_100);
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = log.Read(buffer)) > 0)
        {
            total += read;
        }

        (total * 40).ShouldBeGreaterThan(200_000_000);
    }
}
