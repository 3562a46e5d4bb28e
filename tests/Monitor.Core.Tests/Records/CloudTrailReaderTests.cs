using System.Text;
using System.Text.Json.Nodes;
using Monitor.Records;
using Monitor.Testing;
using static Monitor.Testing.Some;

namespace Monitor.Core.Tests.Records;

public sealed class CloudTrailReaderTests
{
    private static JsonObject Numbered(int n)
    {
        var record = CloudTrail.Record();
        record["eventID"] = $"event-{n}";
        return record;
    }

    [Fact]
    public async Task YieldsEveryRecord_WhenS3DeliveryShape()
    {
        var (activities, report) = await CloudTrailReading.ReadAsync(CloudTrail.Log(Numbered(1), Numbered(2), Numbered(3)));

        activities.Select(a => a.EventId).ShouldBe(["event-1", "event-2", "event-3"]);
        report.Records.ShouldBe(3);
        report.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task IgnoresOtherRootProperties_WhenAroundRecords()
    {
        var json = "{\"before\":{\"nested\":[1,{\"Records\":5}]},\"Records\":[" + Numbered(1).ToJsonString() + "],\"after\":[{\"x\":\"y\"}]}";

        var (activities, report) = await CloudTrailReading.ReadAsync(json);

        activities.ShouldHaveSingleItem().EventId.ShouldBe("event-1");
        report.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task YieldsEveryRecord_WhenBareArray()
    {
        var (activities, report) = await CloudTrailReading.ReadAsync(CloudTrail.Array(Numbered(1), Numbered(2)));

        activities.Select(a => a.EventId).ShouldBe(["event-1", "event-2"]);
        report.Records.ShouldBe(2);
    }

    [Fact]
    public async Task YieldsTheRecord_WhenSingleRecordObject()
    {
        var (activities, report) = await CloudTrailReading.ReadAsync(Numbered(7).ToJsonString());

        activities.ShouldHaveSingleItem().EventId.ShouldBe("event-7");
        report.Records.ShouldBe(1);
    }

    [Fact]
    public async Task YieldsTheDetail_WhenEventBridgeEvent()
    {
        var (activities, report) = await CloudTrailReading.ReadAsync(CloudTrail.EventBridge(Numbered(9)));

        var activity = activities.ShouldHaveSingleItem();
        activity.EventId.ShouldBe("event-9");
        activity.EventName.ShouldBe("ListUsers");
        report.Records.ShouldBe(1);
    }

    [Fact]
    public async Task YieldsTheDetail_WhenDetailComesBeforeDetailType()
    {
        var json = "{\"detail\":" + Numbered(4).ToJsonString() + ",\"detail-type\":\"AWS Console Sign In via CloudTrail\",\"source\":\"aws.signin\"}";

        var (activities, _) = await CloudTrailReading.ReadAsync(json);

        activities.ShouldHaveSingleItem().EventId.ShouldBe("event-4");
    }

    [Fact]
    public async Task YieldsNothing_WhenRecordsIsEmpty()
    {
        var (activities, report) = await CloudTrailReading.ReadAsync("{\"Records\":[]}");

        activities.ShouldBeEmpty();
        report.Records.ShouldBe(0);
        report.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadsTheSame_WhenGzipped()
    {
        var plain = CloudTrail.Utf8(CloudTrail.Log(Numbered(1), Numbered(2)));

        var (activities, report) = await CloudTrailReading.ReadAsync(CloudTrail.Gzip(plain));

        activities.Select(a => a.EventId).ShouldBe(["event-1", "event-2"]);
        report.Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    public async Task ReadsTheSame_WhenStreamHandsOutTinyChunks(int chunk)
    {
        var json = CloudTrail.Log(CloudTrail.Record(CloudTrail.AssumedRole()), Numbered(2), CloudTrail.Record(CloudTrail.Root()));
        var (expected, _) = await CloudTrailReading.ReadAsync(json, chunk: 1 << 20);

        var (activities, report) = await CloudTrailReading.ReadAsync(CloudTrail.Utf8(json), chunk: chunk);

        activities.Select(a => (a.EventId, a.Principal.Key)).ShouldBe(expected.Select(a => (a.EventId, a.Principal.Key)));
        report.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadsAllRecords_WhenManySpanBufferRefills()
    {
        var records = Enumerable.Range(1, 2_000).Select(n => (JsonNode?)Numbered(n)).ToArray();

        var (activities, report) = await CloudTrailReading.ReadAsync(CloudTrail.Utf8(CloudTrail.Log(records)), chunk: 1_000);

        activities.Count.ShouldBe(2_000);
        activities[^1].EventId.ShouldBe("event-2000");
        report.Records.ShouldBe(2_000);
    }

    [Fact]
    public async Task SkipsTheByteOrderMark_WhenPresent()
    {
        var content = Encoding.UTF8.GetPreamble().Concat(CloudTrail.Utf8(CloudTrail.Log(Numbered(1)))).ToArray();

        var (activities, _) = await CloudTrailReading.ReadAsync(content);

        activities.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task LeavesTheCallersStreamOpen_WhenDone()
    {
        using var stream = new MemoryStream(CloudTrail.Utf8(CloudTrail.Log(Numbered(1))));

        await foreach (var _ in new CloudTrailReader().ReadAsync(stream, new ReadReport("x"), CancellationToken.None))
        {
        }

        stream.CanRead.ShouldBeTrue();
    }
}
