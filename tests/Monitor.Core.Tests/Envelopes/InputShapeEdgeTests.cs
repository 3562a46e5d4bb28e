using System.Globalization;
using System.Text;
using Monitor.Envelopes;
using Monitor.Testing;

namespace Monitor.Core.Tests.Envelopes;

/// <summary>
/// The edges of telling shapes apart: each distinguishing property alone, each pair that must come together, the
/// times an outline notes and the ones it must not, and how rejections quote what they saw.
/// </summary>
public sealed class InputShapeEdgeTests
{
    [Theory]
    [InlineData("""{"eventVersion":"1.08"}""", "a CloudTrail record")]
    [InlineData("""{"eventName":"GetUser"}""", "a CloudTrail record")]
    [InlineData("""{"userIdentity":{"type":"Root"}}""", "a CloudTrail record")]
    [InlineData("""{"UserDetailList":[]}""", "IAM authorization details")]
    [InlineData("""{"RoleDetailList":[]}""", "IAM authorization details")]
    [InlineData("""{"GroupDetailList":[]}""", "IAM authorization details")]
    [InlineData("""{"digestS3Object":"d.json.gz"}""", "a CloudTrail digest file")]
    [InlineData("""{"digestStartTime":"2025-01-02T00:00:00Z","logFiles":[]}""", "a CloudTrail digest file")]
    [InlineData("""{"digestStartTime":"2025-01-02T00:00:00Z"}""", null)]
    [InlineData("""{"logFiles":[]}""", null)]
    [InlineData("""{"Type":"Notification","Message":"{}"}""", "an SNS notification")]
    [InlineData("""{"Type":"Notification","TopicArn":"arn:aws:sns:us-east-1:111122223333:t"}""", "an SNS notification")]
    [InlineData("""{"Type":"Notification"}""", null)]
    [InlineData("""{"Message":"{}","TopicArn":"arn:aws:sns:us-east-1:111122223333:t"}""", null)]
    [InlineData("""{"Records":[{"messageId":"m"}]}""", "a Lambda SQS event")]
    [InlineData("""{"Records":[{"receiptHandle":"r"}]}""", "a Lambda SQS event")]
    [InlineData("""{"Records":[{"s3":{}}]}""", "an S3 notification")]
    [InlineData("""{"Records":[{"eventSource":"aws:s3"}]}""", "an S3 notification")]
    [InlineData("""{"Records":[{"eventSource":"iam.amazonaws.com"}]}""", "a CloudTrail log")]
    [InlineData("""{"Event":"s3:TestEvent"}""", "an S3 test event")]
    [InlineData("""{"s3Bucket":"b"}""", "a CloudTrail notice")]
    [InlineData("""{"s3ObjectKey":["k"]}""", "a CloudTrail notice")]
    [InlineData("""{"detail-type":"AWS API Call via CloudTrail"}""", "an EventBridge event")]
    [InlineData("""[{"eventName":"GetUser"}]""", "an array of CloudTrail records")]
    [InlineData("""{"errorMessage":"x"}""", null)]
    public void Recognise_TellsEachShapeByItsOwnMarks(string json, string? shape) =>
        InputShapes.Recognise(InputOutline.Read(Encoding.UTF8.GetBytes(json)))?.Name.ShouldBe(shape);

    [Fact]
    public void Recognise_TellsTheTextShapes_ByHowTheyStart()
    {
        InputShapes.Recognise(InputOutline.Read(Encoding.UTF8.GetBytes(Some.CredentialReportCsv())))!.Name.ShouldBe("an IAM credential report");
        InputShapes.Recognise(InputOutline.Read(Encoding.UTF8.GetBytes(Some.AccessLogLine() + "\n")))!.Name.ShouldBe("an S3 server access log");
    }

    [Fact]
    public void All_NamesEveryShape_InTheOrderAFileIsTestedAgainstThem()
    {
        InputShapes.All.Select(shape => shape.Name).ShouldBe([
            "an IAM credential report", "an S3 server access log", "a Lambda SQS event", "an SNS notification", "an S3 notification",
            "a CloudTrail log", "an S3 test event", "a CloudTrail notice", "a CloudTrail digest file", "a CloudTrail Insights file",
            "IAM authorization details", "an EventBridge event", "an array of CloudTrail records", "a CloudTrail record",
        ]);
        InputShapes.All.Where(shape => shape.Role == InputRole.NoActivity).Select(shape => shape.PassOverReason).ShouldBe([
            "CloudTrail digest file, not a log", "CloudTrail Insights file, not a log",
            "IAM authorization details hold no activity (read by report --granted)",
        ]);
    }

    [Fact]
    public void Recognises_RejectsNoOutline() =>
        Should.Throw<ArgumentNullException>(() => InputShapes.CloudTrailLog.Recognises(null!));

    [Theory]
    [InlineData("CloudTrail-Digests/us-east-1/d.json.gz")]
    [InlineData("AWSLogs/1/CloudTrail-Insights-old/us-east-1/i.json.gz")]
    [InlineData("AWSLogs/1/MyCloudTrail-Insight/us-east-1/i.json.gz")]
    [InlineData("AWSLogs/1/CloudTrail/us-east-1/l.json.gz")]
    public void SkipReason_IsNone_WhenAFolderOnlyResemblesAPassedOverOne(string key) =>
        LogKeyFilter.SkipReason(new ObjectRef("b", key)).ShouldBeNull();

    [Theory]
    [InlineData("CloudTrail-Digest/us-east-1/d.json.gz", "s3://b/CloudTrail-Digest/us-east-1/d.json.gz: CloudTrail digest file, not a log")]
    [InlineData("AWSLogs/1/CloudTrail-Insight/i.json.gz", "s3://b/AWSLogs/1/CloudTrail-Insight/i.json.gz: CloudTrail Insights file, not a log")]
    public void SkipReason_NamesTheObjectAndWhy_WhenItSitsInAPassedOverFolder(string key, string reason) =>
        LogKeyFilter.SkipReason(new ObjectRef("b", key)).ShouldBe(reason);

    [Fact]
    public void Quote_ShowsNull_AndCutsTextLongerThan80Characters()
    {
        JsonFields.Quote(null).ShouldBe("null");
        JsonFields.Quote(new string('a', 80)).ShouldBe($"'{new string('a', 80)}'");
        JsonFields.Quote(new string('a', 81)).ShouldBe($"'{new string('a', 80)}…' (81 chars)");
    }

    [Theory]
    [InlineData("""{"a":1,"b":1,"c":1,"d":1,"e":1}""", "with properties 'a', 'b', 'c', 'd', 'e'; expected ")]
    [InlineData("""{"a":1,"b":1,"c":1,"d":1,"e":1,"f":1}""", "with properties 'a', 'b', 'c', 'd', 'e', …; expected ")]
    public void Decoder_ListsAtMostFivePropertiesOfAnUnrecognisedBody(string body, string listed) =>
        EnvelopeDecoder.Decode("m-1", body).Error.ShouldStartWith("message m-1: unrecognised JSON object " + listed);

    [Theory]
    [InlineData("""{"detail-type":42,"detail":{"eventName":"x"}}""", "a number")]
    [InlineData("""{"detail-type":"","detail":{"eventName":"x"}}""", "''")]
    public void Decoder_RejectsAnEventBridgeEvent_WhoseDetailTypeIsNotText(string body, string described) =>
        EnvelopeDecoder.Decode("m-1", body).Error.ShouldBe($"message m-1: EventBridge detail-type is {described}, expected text");

    [Fact]
    public void Rejected_IsNotViaSns_AndCarriesNothing()
    {
        var rejected = Envelope.Rejected("why");

        rejected.IsRejected.ShouldBeTrue();
        rejected.Error.ShouldBe("why");
        rejected.Kind.ShouldBe(EnvelopeKind.Unknown);
        rejected.ViaSns.ShouldBeFalse();
        rejected.Objects.ShouldBeEmpty();
        rejected.InlineRecords.ShouldBeEmpty();
        rejected.Skipped.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("eventTime")]
    [InlineData("time")]
    [InlineData("Timestamp")]
    [InlineData("Time")]
    public void FirstTime_IsReadFromEachTimeProperty(string name) =>
        Read($$"""{"{{name}}":"2025-01-02T03:04:05Z"}""").FirstTime.ShouldBe(At("2025-01-02T03:04:05Z"));

    [Theory]
    [InlineData("""{"other":"2025-01-02T03:04:05Z"}""")]
    [InlineData("""{"time":20250102}""")]
    [InlineData("""{"Records":[{"detail":{"SentTimestamp":"1735776312345"}}]}""")]
    [InlineData("""{"Records":[{"attributes":{"SentTimestamp":"0"}}]}""")]
    [InlineData("""{"Records":[{"attributes":{"SentTimestamp":"253402300799999"}}]}""")]
    [InlineData("""{"Records":[{"attributes":{"SentTimestamp":"999999999999999"}}]}""")]
    public void FirstTime_IsNone_WhenNoTimePropertyHoldsAUsableTime(string json) =>
        Read(json).FirstTime.ShouldBeNull();

    [Theory]
    [InlineData("1", "1970-01-01T00:00:00.001Z")]
    [InlineData("253402300799998", "9999-12-31T23:59:59.998Z")]
    public void FirstTime_TakesSentTimestamps_InsideTheEpochRange(string ms, string expected) =>
        Read($$$"""{"Records":[{"attributes":{"SentTimestamp":"{{{ms}}}"}}]}""").FirstTime.ShouldBe(At(expected));

    [Theory]
    [InlineData("""{"time":"2025-01-03T00:00:00Z","Records":[{"eventTime":"2025-01-02T00:00:00Z"}]}""")]
    [InlineData("""{"time":"2025-01-02T00:00:00Z","Records":[{"eventTime":"2025-01-03T00:00:00Z"}]}""")]
    public void FirstTime_IsTheEarliestNamed_WhateverTheOrder(string json) =>
        Read(json).FirstTime.ShouldBe(At("2025-01-02T00:00:00Z"));

    [Fact]
    public void FirstTime_IsInUtc_WhenTheTextHasAnOffset()
    {
        var time = Read("""{"time":"2025-01-02T03:00:00+02:00"}""").FirstTime!.Value;

        time.ShouldBe(At("2025-01-02T01:00:00Z"));
        time.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("""[1,{"eventName":"x"}]""")]
    [InlineData("""{"Records":["x",{"eventName":"x"}]}""")]
    public void FirstRecord_IsNone_WhenTheFirstElementIsNotAnObject(string json) =>
        Read(json).FirstRecord.ShouldBeNull();

    private static InputOutline Read(string json) => InputOutline.Read(Encoding.UTF8.GetBytes(json));

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
