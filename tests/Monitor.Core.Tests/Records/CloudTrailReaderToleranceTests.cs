using System.Text.Json.Nodes;
using Monitor.Records;
using static Monitor.Testing.Some;

namespace Monitor.Core.Tests.Records;

public sealed class CloudTrailReaderToleranceTests
{
    [Fact]
    public async Task RejectsTheRecordAndContinues_WhenEventTimeIsRedacted()
    {
        var redacted = CloudTrail.Record();
        redacted["eventTime"] = "redacted";
        var good = CloudTrail.Record();
        good["eventID"] = "good";

        var (activities, report) = await CloudTrailReading.ReadAsync(CloudTrail.Log(redacted, good));

        activities.ShouldHaveSingleItem().EventId.ShouldBe("good");
        report.Records.ShouldBe(2);
        report.Errors.ShouldHaveSingleItem().ShouldBe($"{CloudTrailReading.Input}: record 1: eventTime \"redacted\" is not an ISO 8601 time");
    }

    [Theory]
    [InlineData("eventName", "no eventName")]
    [InlineData("eventSource", "no eventSource")]
    [InlineData("eventTime", "no eventTime")]
    public async Task RejectsTheRecord_WhenARequiredFieldIsMissing(string field, string reason)
    {
        var record = CloudTrail.Record();
        record.Remove(field);

        var (activities, report) = await CloudTrailReading.ReadAsync(CloudTrail.Log(record, CloudTrail.Record()));

        activities.Count.ShouldBe(1);
        report.Errors.ShouldHaveSingleItem().ShouldEndWith($"record 1: {reason}");
    }

    [Fact]
    public async Task RejectsEachNonObjectAndContinues_WhenRecordsHoldsOtherValues()
    {
        var json = "{\"Records\":[1,\"text\",null,[{\"eventName\":\"x\"}],true," + CloudTrail.Record().ToJsonString() + "]}";

        var (activities, report) = await CloudTrailReading.ReadAsync(json);

        activities.Count.ShouldBe(1);
        report.Records.ShouldBe(6);
        report.Errors.Select(e => e[(CloudTrailReading.Input.Length + 2)..]).ShouldBe([
            "record 1: not a JSON object (a number)",
            "record 2: not a JSON object (a string)",
            "record 3: not a JSON object (null)",
            "record 4: not a JSON object (an array)",
            "record 5: not a JSON object (a boolean)",
        ]);
    }

    [Fact]
    public async Task ReadsTheRecord_WhenOptionalFieldsAreNullOrMissing()
    {
        var record = new JsonObject
        {
            ["eventTime"] = "2025-01-02T00:03:45Z",
            ["eventSource"] = "iam.amazonaws.com",
            ["eventName"] = "ListUsers",
            ["userIdentity"] = null,
            ["sourceIPAddress"] = null,
            ["resources"] = null,
            ["awsRegion"] = null,
        };

        var activity = await CloudTrailReading.ReadOneAsync(record);

        activity.Principal.ShouldBe(Principal.Unknown);
        activity.Source.ShouldBe(SourceAddress.Missing);
        activity.Region.ShouldBeNull();
        activity.Resources.ShouldBeEmpty();
        activity.EventId.ShouldStartWith("sha256:");
    }

    [Fact]
    public async Task IgnoresUnknownFields_WhenPresent()
    {
        var record = CloudTrail.Record();
        record["someFutureField"] = new JsonObject { ["deep"] = new JsonArray(1, 2, 3) };
        record["userIdentity"]!["futureIdentityField"] = "x";

        var activity = await CloudTrailReading.ReadOneAsync(record);

        activity.EventName.ShouldBe("ListUsers");
        activity.Principal.Key.ShouldBe($"arn:aws:iam::{CloudTrail.Account}:user/bob");
    }

    [Fact]
    public async Task ReadsTextOfNumbersAndBooleans_WhenTheyStandWhereStringsBelong()
    {
        var record = CloudTrail.Record();
        record["recipientAccountId"] = 123456789012;
        record["userAgent"] = true;
        record["eventID"] = 42;
        record["readOnly"] = "true";
        record["awsRegion"] = new JsonObject { ["odd"] = 1 };

        var activity = await CloudTrailReading.ReadOneAsync(record);

        activity.Account.ShouldBe("123456789012");
        activity.UserAgent.ShouldBe("true");
        activity.EventId.ShouldBe("42");
        activity.ReadOnly.ShouldBe(true);
        activity.Region.ShouldBeNull();
    }

    [Theory]
    [InlineData("AWS Internal", SourceKind.AwsInternal)]
    [InlineData("ec2.amazonaws.com", SourceKind.ServiceName)]
    [InlineData("225.01.00.16", SourceKind.Invalid)]
    [InlineData("255.090.254.5", SourceKind.Invalid)]
    [InlineData("198.51.100.7", SourceKind.Public)]
    public async Task ClassifiesTheSource_WhenSourceIpAddressIsNotAlwaysAnAddress(string raw, SourceKind kind)
    {
        var record = CloudTrail.Record();
        record["sourceIPAddress"] = raw;

        var activity = await CloudTrailReading.ReadOneAsync(record);

        activity.Source.Kind.ShouldBe(kind);
        activity.Source.Raw.ShouldBe(raw);
    }

    [Fact]
    public async Task KeepsEveryRecord_WhenEventIdsAreReused()
    {
        var first = CloudTrail.Record();
        first["eventID"] = "1";
        var second = CloudTrail.Record();
        second["eventID"] = "1";
        second["eventTime"] = "2025-01-02T00:05:00Z";

        var (activities, _) = await CloudTrailReading.ReadAsync(CloudTrail.Log(first, second));

        activities.Count.ShouldBe(2);
        activities.Select(a => a.DedupKey).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task ReadsTheRecord_WhenAStringFieldIsOneMegabyte()
    {
        var record = CloudTrail.Record();
        record["errorMessage"] = new string('m', 1 << 20);
        record["errorCode"] = "ValidationError";

        var (activities, report) = await CloudTrailReading.ReadAsync(CloudTrail.Utf8(CloudTrail.Log(record, CloudTrail.Record())), chunk: 16 * 1024);

        activities.Count.ShouldBe(2);
        activities[0].ErrorMessage!.Length.ShouldBe(1 << 20);
        activities[0].Outcome.ShouldBe(Outcome.Failure);
        report.Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2025-01-02T00:03:45Z", "2025-01-02T00:03:45.0000000+00:00")]
    [InlineData("2025-01-02T00:03:45.123Z", "2025-01-02T00:03:45.1230000+00:00")]
    [InlineData("2025-01-02T02:03:45+02:00", "2025-01-02T00:03:45.0000000+00:00")]
    [InlineData("2025-01-02T00:03:45", "2025-01-02T00:03:45.0000000+00:00")]
    [InlineData("2025-01-02 00:03:45", "2025-01-02T00:03:45.0000000+00:00")]
    [InlineData("2025-01-02 00:03:45.000", "2025-01-02T00:03:45.0000000+00:00")]
    [InlineData("2025-01-02 00:03:45.123456", "2025-01-02T00:03:45.1234560+00:00")]
    [InlineData(" 2025-01-02 00:03:45.5Z ", "2025-01-02T00:03:45.5000000+00:00")]
    public async Task ReadsTheTimeAsUtc_WhenIso8601OrAnExportsSpaceForm(string raw, string expected)
    {
        var record = CloudTrail.Record();
        record["eventTime"] = raw;

        var activity = await CloudTrailReading.ReadOneAsync(record);

        activity.Time.ToString("O").ShouldBe(expected);
        activity.Time.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("2025-01-02  00:03:45")]
    [InlineData("2025-01-02 00:03")]
    [InlineData("2025-01-02 24:00:00")]
    [InlineData("2025-01-02_00:03:45")]
    [InlineData("02/01/2025 00:03:45")]
    public async Task RejectsTheRecord_WhenTheTimeIsNotOneOfTheseForms(string raw)
    {
        var record = CloudTrail.Record();
        record["eventTime"] = raw;

        var (activities, report) = await CloudTrailReading.ReadAsync(CloudTrail.Log(record));

        activities.ShouldBeEmpty();
        report.Errors.ShouldBe([$"{CloudTrailReading.Input}: record 1: eventTime \"{raw}\" is not an ISO 8601 time"]);
    }
}
