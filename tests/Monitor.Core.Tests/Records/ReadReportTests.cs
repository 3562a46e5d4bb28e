using Monitor.Records;
using static Monitor.Testing.Some;

namespace Monitor.Core.Tests.Records;

public sealed class ReadReportTests
{
    [Fact]
    public void KeepsEveryError_WhenThereAreAtMostAHundred()
    {
        var report = new ReadReport("log.json");

        for (var i = 1; i <= ReadReport.MaxErrors; i++)
        {
            report.Reject($"record {i}", "no eventTime");
        }

        report.Errors.Count.ShouldBe(100);
        report.Errors[^1].ShouldBe("log.json: record 100: no eventTime");
        report.DroppedErrors.ShouldBe(0);
    }

    [Fact]
    public void KeepsTheFirstHundredAndCountsTheRest_WhenTenMillionRecordsAreRejected()
    {
        var report = new ReadReport("log.json");

        for (var i = 1; i <= 10_000_000; i++)
        {
            report.Reject("record", "no eventTime");
        }

        report.DroppedErrors.ShouldBe(9_999_900);
        report.Errors.Count.ShouldBe(101);
        report.Errors[99].ShouldBe("log.json: record: no eventTime");
        report.Errors[^1].ShouldBe("log.json: ... and 9,999,900 more errors");
    }

    [Fact]
    public void SaysOneMoreError_WhenOneWasDropped()
    {
        var report = new ReadReport("log.json");

        for (var i = 0; i <= ReadReport.MaxErrors; i++)
        {
            report.Reject("line 1", "garbage");
        }

        report.Errors[^1].ShouldBe("log.json: ... and 1 more error");
    }

    [Fact]
    public async Task ReportsAHundredAndACount_WhenALogHoldsAHundredThousandEmptyRecords()
    {
        var json = "{\"Records\":[" + string.Join(",", Enumerable.Repeat("{}", 100_000)) + "," + CloudTrail.Record().ToJsonString() + "]}";

        var (activities, report) = await CloudTrailReading.ReadAsync(json, chunk: 64 * 1024);

        activities.ShouldHaveSingleItem();
        report.Records.ShouldBe(100_001);
        report.Errors.Count.ShouldBe(101);
        report.Errors[0].ShouldBe($"{CloudTrailReading.Input}: record 1: no eventTime");
        report.Errors[99].ShouldBe($"{CloudTrailReading.Input}: record 100: no eventTime");
        report.Errors[^1].ShouldBe($"{CloudTrailReading.Input}: ... and 99,900 more errors");
    }
}
