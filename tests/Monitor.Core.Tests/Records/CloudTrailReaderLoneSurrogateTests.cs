using System.Text;
using System.Text.Json.Nodes;
using Monitor.Records;
using static Monitor.Core.Tests.Records.BetweenGoodRecords;
using static Monitor.Testing.Some;

namespace Monitor.Core.Tests.Records;

/// <summary>
/// A string that cannot be decoded (a lone surrogate escape, invalid UTF-8) fails its record at read time, so that no
/// later GetString throws; the records around it are read.
/// </summary>
public sealed class CloudTrailReaderLoneSurrogateTests
{
    [Theory]
    [InlineData("requestParameters", "\\ud800", "requestParameters")]
    [InlineData("requestParameters", "\\udc00", "requestParameters")]
    [InlineData("responseElements", "\\ud800", "responseElements")]
    [InlineData("responseElements", "\\udc00", "responseElements")]
    [InlineData("additionalEventData", "\\ud800", "additionalEventData")]
    [InlineData("userAgent", "\\ud800", "userAgent")]
    [InlineData("userAgent", "\\udc00", "userAgent")]
    [InlineData("userIdentity.arn", "\\ud800", "userIdentity")]
    [InlineData("userIdentity.arn", "\\udc00", "userIdentity")]
    [InlineData("a name in requestParameters", "\\ud800", "requestParameters")]
    [InlineData("a top-level name", "\\udc00", "a field name")]
    public async Task RejectsTheRecordAlone_WhenAStringHoldsALoneSurrogate(string where, string escape, string named)
    {
        var bad = CloudTrail.Record();
        switch (where)
        {
            case "requestParameters":
                bad["requestParameters"] = new JsonObject { ["policyDocument"] = $"x{Marker}y" };
                break;
            case "responseElements":
                bad["responseElements"] = new JsonObject { ["credentials"] = new JsonObject { ["sessionToken"] = Marker } };
                break;
            case "additionalEventData":
                bad["additionalEventData"] = new JsonObject { ["MFAUsed"] = Marker };
                break;
            case "userAgent":
                bad["userAgent"] = Marker;
                break;
            case "userIdentity.arn":
                bad["userIdentity"]!["arn"] = $"arn:aws:iam::123456789012:user/{Marker}";
                break;
            case "a name in requestParameters":
                bad["requestParameters"] = new JsonObject { [Marker] = "v" };
                break;
            default:
                bad[Marker] = 1;
                break;
        }

        var (activities, report) = await BetweenGoodRecords.ReadAsync(bad, escape);

        ShouldHaveReadOnlyTheGoodOnes(activities, report, $"invalid JSON string: lone surrogate {escape} in {named}");
    }

    [Theory]
    [InlineData("\\uDBFF", "\\uDBFF")]
    [InlineData("\\ud800\\ud800", "\\ud800")]
    [InlineData("\\ud800\\u0041", "\\ud800")]
    [InlineData("ok\\ud83d\\ude00\\udc00", "\\udc00")]
    [InlineData("\\\\\\ud800", "\\ud800")]
    public async Task NamesTheFirstLoneEscape_WhenSeveralEscapesStandTogether(string text, string named)
    {
        var bad = CloudTrail.Record();
        bad["userAgent"] = Marker;

        var (activities, report) = await BetweenGoodRecords.ReadAsync(bad, text, chunk: 7);

        ShouldHaveReadOnlyTheGoodOnes(activities, report, $"invalid JSON string: lone surrogate {named} in userAgent");
    }

    [Theory]
    [InlineData("\\ud83d\\ude00", "\U0001F600")]
    [InlineData("\\\\ud800", "\\ud800")]
    [InlineData("\\u00e9\\n", "é\n")]
    public async Task ReadsTheRecord_WhenEscapesDecode(string text, string decoded)
    {
        var record = CloudTrail.Record();
        record["userAgent"] = Marker;

        var (activities, report) = await CloudTrailReading.ReadAsync(CloudTrail.Log(record).Replace(Marker, text, StringComparison.Ordinal));

        report.Errors.ShouldBeEmpty();
        activities.ShouldHaveSingleItem().UserAgent.ShouldBe(decoded);
    }

    [Fact]
    public async Task RejectsTheRecord_WhenItIsTheOnlyRecordOfTheFile()
    {
        var record = CloudTrail.Record();
        record["requestParameters"] = new JsonObject { ["name"] = Marker };

        var (activities, report) = await CloudTrailReading.ReadAsync(record.ToJsonString().Replace(Marker, "\\ud800", StringComparison.Ordinal));

        activities.ShouldBeEmpty();
        report.Errors.ShouldBe([$"{CloudTrailReading.Input}: record 1: invalid JSON string: lone surrogate \\ud800 in requestParameters"]);
    }

    [Fact]
    public async Task RejectsTheRecord_WhenTheEventBridgeDetailHoldsALoneSurrogate()
    {
        var record = CloudTrail.Record();
        record["requestParameters"] = new JsonObject { ["name"] = Marker };

        var (activities, report) = await CloudTrailReading.ReadAsync(CloudTrail.EventBridge(record).Replace(Marker, "\\udc00", StringComparison.Ordinal));

        activities.ShouldBeEmpty();
        report.Errors.ShouldBe([$"{CloudTrailReading.Input}: record 1: invalid JSON string: lone surrogate \\udc00 in requestParameters"]);
    }

    [Fact]
    public async Task ReadsTheDetail_WhenOnlyTheEventBridgeEnvelopeHoldsALoneSurrogate()
    {
        var json = CloudTrail.EventBridge(CloudTrail.Record()).Replace("\"aws.iam\"", "\"aws.iam\\ud800\"", StringComparison.Ordinal);

        var (activities, report) = await CloudTrailReading.ReadAsync(json);

        report.Errors.ShouldBeEmpty();
        activities.ShouldHaveSingleItem().EventName.ShouldBe("ListUsers");
    }

    [Fact]
    public async Task ReadsEveryRecord_WhenALoneSurrogateSitsOutsideTheRecords()
    {
        var json = "{\"note\":\"\\ud800\"," + CloudTrail.Log(Good("first"), Good("second"))[1..^1] + ",\"after\":{\"\\udc00\":1}}";

        var (activities, report) = await CloudTrailReading.ReadAsync(json);

        report.Errors.ShouldBeEmpty();
        activities.Select(a => a.EventId).ShouldBe(["first", "second"]);
    }

    [Fact]
    public async Task RejectsTheRecordAlone_WhenItIsNotValidUtf8()
    {
        var bad = CloudTrail.Record();
        bad["userAgent"] = Marker;
        var content = CloudTrail.Utf8(CloudTrail.Log(Good("first"), bad, Good("third")));
        var at = Encoding.UTF8.GetString(content).IndexOf(Marker, StringComparison.Ordinal);
        content[at] = 0xC3;
        content[at + 1] = 0x28;

        var (activities, report) = await CloudTrailReading.ReadAsync(content);

        ShouldHaveReadOnlyTheGoodOnes(activities, report, "not valid UTF-8");
    }

    [Fact]
    public async Task RejectsTheRecord_WhenARootFieldNameOfASingleRecordHoldsALoneSurrogate()
    {
        // Found by the fuzzer: recognising the root's shape compared this name and threw.
        var json = "{\"\\udc00ven\":\"0\"," + CloudTrail.Record().ToJsonString()[1..];

        var (activities, report) = await CloudTrailReading.ReadAsync(json);

        activities.ShouldBeEmpty();
        report.Errors.ShouldBe([$"{CloudTrailReading.Input}: record 1: invalid JSON string: lone surrogate \\udc00 in a field name"]);
    }

    [Theory]
    [InlineData("d\\ud800etail-type")]
    [InlineData("\\ud800")]
    public async Task ReadsTheDetail_WhenAnEventBridgeRootFieldNameHoldsALoneSurrogate(string name)
    {
        var json = "{\"" + name + "\":1," + CloudTrail.EventBridge(CloudTrail.Record())[1..];

        var (activities, report) = await CloudTrailReading.ReadAsync(json);

        report.Errors.ShouldBeEmpty();
        activities.ShouldHaveSingleItem().EventName.ShouldBe("ListUsers");
    }

    [Fact]
    public async Task ReadsEveryRecord_WhenAFieldNameBesideRecordsHoldsALoneSurrogate()
    {
        var json = "{\"\\ud800Records\":[1]," + CloudTrail.Log(Good("first"), Good("second"))[1..];

        var (activities, report) = await CloudTrailReading.ReadAsync(json);

        report.Errors.ShouldBeEmpty();
        activities.Select(a => a.EventId).ShouldBe(["first", "second"]);
    }
}
