using System.Text.Json;
using Monitor.Envelopes;
using Monitor.Testing;

namespace Monitor.Core.Tests.Envelopes;

public class EventBridgeShapeTests
{
    [Theory]
    [InlineData("eventbridge-aws-api-call-via-cloudtrail.json", "CreateAccessKey")]
    [InlineData("eventbridge-console-sign-in-via-cloudtrail.json", "ConsoleLogin")]
    public void PassesTheDetailOnInline_WhenBodyIsADocumentedEvent(string file, string eventName)
    {
        var body = Some.FormatFile(file);

        var envelope = EnvelopeDecoder.Decode("m-1", body);

        envelope.Error.ShouldBeNull();
        envelope.Kind.ShouldBe(EnvelopeKind.EventBridgeEvent);
        envelope.Objects.ShouldBeEmpty();
        var record = JsonDocument.Parse(envelope.InlineRecords.ShouldHaveSingleItem()).RootElement;
        record.GetProperty("eventName").GetString().ShouldBe(eventName);
        JsonElement.DeepEquals(record, JsonDocument.Parse(body).RootElement.GetProperty("detail")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("AWS Console Signin via CloudTrail", "aws.signin")]
    [InlineData("Sign-in event", "aws.signin")]
    [InlineData("AWS Console Action via CloudTrail", "aws.s3")]
    [InlineData("AWS Service Event via CloudTrail", "aws.kms")]
    [InlineData("AWS Insight via CloudTrail", "aws.cloudtrail")]
    public void Accepts_WhenCloudTrailDeliveredTheEvent(string detailType, string source)
    {
        var envelope = EnvelopeDecoder.Decode("m-1", Event(detailType, source, """{"eventName":"ConsoleLogin","eventVersion":"1.08"}"""));

        envelope.IsRejected.ShouldBeFalse();
        envelope.InlineRecords.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("Object Created", "aws.s3", """{"bucket":{"name":"b"}}""", "EventBridge event 'Object Created' from 'aws.s3' was not delivered via CloudTrail")]
    [InlineData("AWS API Call via CloudTrail", "aws.iam", "null", "EventBridge detail is null, expected a CloudTrail record")]
    [InlineData("AWS API Call via CloudTrail", "aws.iam", "[]", "EventBridge detail is an array, expected a CloudTrail record")]
    [InlineData("AWS API Call via CloudTrail", "aws.iam", """{"eventSource":"iam.amazonaws.com"}""", "EventBridge detail has no eventName, so it is not a CloudTrail record")]
    public void Rejects_WhenEventIsNotACloudTrailRecord(string detailType, string source, string detail, string error)
    {
        EnvelopeDecoder.Decode("m-5", Event(detailType, source, detail)).Error.ShouldBe("message m-5: " + error);
    }

    [Fact]
    public void Rejects_WhenDetailIsMissing()
    {
        EnvelopeDecoder.Decode("m-5", """{"detail-type":"AWS API Call via CloudTrail","source":"aws.iam"}""")
            .Error.ShouldBe("message m-5: EventBridge detail is missing, expected a CloudTrail record");
    }

    private static string Event(string detailType, string source, string detail) =>
        $$"""{"version":"0","id":"1","detail-type":{{JsonSerializer.Serialize(detailType)}},"source":"{{source}}","account":"123456789012","detail":{{detail}}}""";
}
