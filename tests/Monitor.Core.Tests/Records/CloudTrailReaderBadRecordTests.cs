using System.Text.Json.Nodes;
using Monitor.Records;
using static Monitor.Core.Tests.Records.BetweenGoodRecords;
using static Monitor.Testing.Some;

namespace Monitor.Core.Tests.Records;

/// <summary>One bad record fails alone: each case puts a broken record between two good ones.</summary>
public sealed class CloudTrailReaderBadRecordTests
{
    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    [InlineData("1969-12-31T23:59:59Z")]
    [InlineData("2100-01-01T00:00:00Z")]
    [InlineData("0001-01-01 00:00:00")]
    public async Task RejectsTheRecordAlone_WhenEventTimeIsOutsideTheSupportedRange(string time)
    {
        var bad = CloudTrail.Record();
        bad["eventTime"] = time;

        var (activities, report) = await BetweenGoodRecords.ReadAsync(bad);

        ShouldHaveReadOnlyTheGoodOnes(activities, report, $"eventTime \"{time}\" is outside the supported range 1970-01-01 to 2100-01-01");
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00+14:00")]
    [InlineData("9999-12-31T23:59:59-14:00")]
    [InlineData("2025-01-02T00:00:00+15:00")]
    public async Task RejectsTheRecordAlone_WhenEventTimeCannotBeUtc(string time)
    {
        var bad = CloudTrail.Record();
        bad["eventTime"] = time;

        var (activities, report) = await BetweenGoodRecords.ReadAsync(bad);

        ShouldHaveReadOnlyTheGoodOnes(activities, report, $"eventTime \"{time}\" is not an ISO 8601 time");
    }

    [Theory]
    [InlineData("1970-01-01T00:00:00Z")]
    [InlineData("2099-12-31T23:59:59.9999999Z")]
    public async Task ReadsTheRecord_WhenEventTimeIsAtTheEdgeOfTheSupportedRange(string time)
    {
        var record = CloudTrail.Record();
        record["eventTime"] = time;

        var activity = await CloudTrailReading.ReadOneAsync(record);

        activity.Time.ShouldBe(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RejectsTheRecordAlone_WhenItIsAnEmptyObject()
    {
        var (activities, report) = await BetweenGoodRecords.ReadAsync(new JsonObject());

        ShouldHaveReadOnlyTheGoodOnes(activities, report, "no eventTime");
    }

    [Fact]
    public async Task RejectsTheRecordAlone_WhenEventTimeIsANumber()
    {
        var bad = CloudTrail.Record();
        bad["eventTime"] = 1735776225;

        var (activities, report) = await BetweenGoodRecords.ReadAsync(bad);

        ShouldHaveReadOnlyTheGoodOnes(activities, report, "eventTime \"1735776225\" is not an ISO 8601 time");
    }

    [Fact]
    public async Task RejectsTheRecordAlone_WhenEventTimeIsAnObject()
    {
        var bad = CloudTrail.Record();
        bad["eventTime"] = new JsonObject { ["at"] = "2025-01-02T00:03:45Z" };

        var (activities, report) = await BetweenGoodRecords.ReadAsync(bad);

        ShouldHaveReadOnlyTheGoodOnes(activities, report, "no eventTime");
    }

    [Fact]
    public async Task RejectsTheRecordAlone_WhenRequestParametersNestDeeperThanTheSerializerReads()
    {
        var bad = CloudTrail.Record();
        bad["requestParameters"] = Marker;
        var nested = new string('[', 500) + new string(']', 500);

        var (activities, report) = await ReadWithValueAsync(bad, nested);

        activities.Select(a => a.EventId).ShouldBe(["first", "third"]);
        report.Errors.ShouldHaveSingleItem().ShouldStartWith($"{CloudTrailReading.Input}: record 2: unreadable record (The maximum configured depth of 64 has been exceeded.");
    }

    [Fact]
    public async Task ReadsTheNumberAsText_WhenAHugeNumberStandsWhereAStringBelongs()
    {
        var record = CloudTrail.Record();
        record["userAgent"] = Marker;
        var digits = "9" + new string('0', 10_000) + "e99999";

        var (activities, report) = await CloudTrailReading.ReadAsync(CloudTrail.Log(record).Replace($"\"{Marker}\"", digits, StringComparison.Ordinal));

        report.Errors.ShouldBeEmpty();
        activities.ShouldHaveSingleItem().UserAgent.ShouldBe(digits);
    }

    [Fact]
    public async Task ReadsNullAsAbsent_WhenABooleanFieldHoldsAHugeNumber()
    {
        var record = CloudTrail.Record();
        record["readOnly"] = Marker;

        var (activities, report) = await CloudTrailReading.ReadAsync(CloudTrail.Log(record).Replace($"\"{Marker}\"", "1e99999", StringComparison.Ordinal));

        report.Errors.ShouldBeEmpty();
        activities.ShouldHaveSingleItem().ReadOnly.ShouldBeNull();
    }
}
