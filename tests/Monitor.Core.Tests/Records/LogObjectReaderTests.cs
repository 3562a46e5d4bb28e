using System.Text;
using Monitor.Records;
using Monitor.Testing;
using static Monitor.Testing.Some;

namespace Monitor.Core.Tests.Records;

public sealed class LogObjectReaderTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private static async Task<(List<Activity> Activities, ReadReport Report)> ReadAsync(byte[] content)
    {
        var report = new ReadReport("s3://logs/object");
        using var stream = new ChunkedStream(content, 1000);
        var activities = await new LogObjectReader().ReadAsync(stream, report, CancellationToken.None).ToListAsync();
        return (activities, report);
    }

    [Fact]
    public async Task ReadsTheAccessLog_WhenItStartsWithAUtf8ByteOrderMark()
    {
        var (activities, report) = await ReadAsync([.. Bom, .. Encoding.UTF8.GetBytes(AccessLogLine(requestId: "R1") + "\n")]);

        report.Errors.ShouldBeEmpty();
        var activity = activities.ShouldHaveSingleItem();
        activity.EventId.ShouldBe("R1");
        activity.Origin.ShouldBe(ActivityOrigin.S3AccessLog);
    }

    [Fact]
    public async Task ReadsTheAccessLog_WhenGzipHoldsAByteOrderMarkAndTheLines()
    {
        var (activities, report) = await ReadAsync(CloudTrail.Gzip([.. Bom, .. Encoding.UTF8.GetBytes(AccessLogLine() + "\n" + AccessLogLine() + "\n")]));

        report.Errors.ShouldBeEmpty();
        activities.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ReadsCloudTrail_WhenItStartsWithAUtf8ByteOrderMark()
    {
        var (activities, report) = await ReadAsync([.. Bom, .. CloudTrail.Utf8(CloudTrail.Log(CloudTrail.Record()))]);

        report.Errors.ShouldBeEmpty();
        activities.ShouldHaveSingleItem().Origin.ShouldBe(ActivityOrigin.CloudTrail);
    }
}
