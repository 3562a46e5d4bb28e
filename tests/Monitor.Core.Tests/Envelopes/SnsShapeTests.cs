using Monitor.Envelopes;
using Monitor.Testing;

namespace Monitor.Core.Tests.Envelopes;

public class SnsShapeTests
{
    private const string CloudTrailKey =
        "AWSLogs/123456789012/CloudTrail/us-east-1/2025/01/02/123456789012_CloudTrail_us-east-1_20250102T0005Z_Mu0KsOhtH1ar15ZZ.json.gz";

    [Fact]
    public void NamesTheLogObjectViaSns_WhenBodyIsTheDocumentedCloudTrailNotification()
    {
        var envelope = EnvelopeDecoder.Decode("m-1", Some.FormatFile("sns-envelope-cloudtrail-notification.json"));

        envelope.Error.ShouldBeNull();
        envelope.Kind.ShouldBe(EnvelopeKind.CloudTrailNotice);
        envelope.ViaSns.ShouldBeTrue();
        envelope.Objects.ShouldBe([new ObjectRef("amzn-s3-demo-bucket", CloudTrailKey)]);
    }

    [Fact]
    public void DecodesTheInnerS3Notification_WhenSnsWrapsIt()
    {
        var inner = Some.S3NotificationBody(Some.S3Record(encodedKey: "logs/a+b%2Bc.json.gz"), Some.S3Record(encodedKey: "logs/d.json.gz"));

        var envelope = EnvelopeDecoder.Decode("m-1", Some.SnsBody(inner));

        envelope.Kind.ShouldBe(EnvelopeKind.S3Notification);
        envelope.ViaSns.ShouldBeTrue();
        envelope.Objects.ShouldBe([
            new ObjectRef("amzn-s3-demo-bucket", "logs/a b+c.json.gz"),
            new ObjectRef("amzn-s3-demo-bucket", "logs/d.json.gz"),
        ]);
    }

    [Fact]
    public void DecodesTheInlineRecordViaSns_WhenSnsWrapsAnEventBridgeEvent()
    {
        var envelope = EnvelopeDecoder.Decode("m-1", Some.SnsBody(Some.FormatFile("eventbridge-aws-api-call-via-cloudtrail.json")));

        envelope.Kind.ShouldBe(EnvelopeKind.EventBridgeEvent);
        envelope.ViaSns.ShouldBeTrue();
        envelope.InlineRecords.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("s3-event-notification-object-created.json")]
    [InlineData("cloudtrail-sns-message.json")]
    [InlineData("s3-test-event.json")]
    public void DecodesTheSameContent_WhenRawMessageDeliveryIsOnOrOff(string file)
    {
        var inner = Some.FormatFile(file);

        var raw = EnvelopeDecoder.Decode("m-1", inner);
        var wrapped = EnvelopeDecoder.Decode("m-1", Some.SnsBody(inner));

        raw.ViaSns.ShouldBeFalse();
        wrapped.ViaSns.ShouldBeTrue();
        wrapped.Kind.ShouldBe(raw.Kind);
        wrapped.Objects.ShouldBe(raw.Objects);
        wrapped.Skipped.ShouldBe(raw.Skipped);
    }

    [Fact]
    public void Rejects_WhenMessageIsNotJson()
    {
        var envelope = EnvelopeDecoder.Decode("m-3", Some.SnsBody("Hello from SNS"));

        envelope.Error.ShouldNotBeNull();
        envelope.Error.ShouldStartWith("message m-3: in the SNS Message, SNS Message is not JSON");
    }

    [Theory]
    [InlineData("""{"Type":"Notification","TopicArn":"arn:aws:sns:us-east-1:1:t"}""", "SNS notification Message is missing, expected a JSON string")]
    [InlineData("""{"Type":"Notification","Message":{"s3Bucket":"b"}}""", "SNS notification Message is an object, expected a JSON string")]
    [InlineData("""{"Type":"Notification","Message":""}""", "in the SNS Message, SNS Message is empty")]
    [InlineData("""{"Type":"SubscriptionConfirmation","TopicArn":"arn:aws:sns:us-east-1:1:t","Message":"You have chosen to subscribe"}""", "SNS message Type is 'SubscriptionConfirmation', expected 'Notification'")]
    public void Rejects_WhenSnsEnvelopeIsUnusable(string body, string error)
    {
        EnvelopeDecoder.Decode("m-3", body).Error.ShouldBe("message m-3: " + error);
    }

    [Fact]
    public void Rejects_WhenSnsIsNestedInSns()
    {
        var envelope = EnvelopeDecoder.Decode("m-3", Some.SnsBody(Some.SnsBody(Some.FormatFile("cloudtrail-sns-message.json"))));

        envelope.Error.ShouldBe("message m-3: in the SNS Message, an SNS notification nested in another");
    }

    [Fact]
    public void NamesTheSnsMessage_WhenInnerMessageIsRejected()
    {
        var envelope = EnvelopeDecoder.Decode("m-3", Some.SnsBody("""{"s3Bucket":"b","s3ObjectKey":"k"}"""));

        envelope.Error.ShouldBe("message m-3: in the SNS Message, CloudTrail notice s3ObjectKey is 'k', expected an array of keys");
    }
}
