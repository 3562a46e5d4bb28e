using Monitor.Envelopes;
using Monitor.Testing;

namespace Monitor.Core.Tests.Envelopes;

public class CloudTrailNoticeShapeTests
{
    [Fact]
    public void NamesTheLogObject_WhenBodyIsTheDocumentedNotice()
    {
        var envelope = EnvelopeDecoder.Decode("m-1", Some.FormatFile("cloudtrail-sns-message.json"));

        envelope.Error.ShouldBeNull();
        envelope.Kind.ShouldBe(EnvelopeKind.CloudTrailNotice);
        envelope.ViaSns.ShouldBeFalse();
        envelope.Objects.ShouldBe([new ObjectRef("amzn-s3-demo-bucket",
            "AWSLogs/123456789012/CloudTrail/us-east-2/2013/12/13/123456789012_CloudTrail_us-east-2_20131213T1920Z_LnPgDQnpkSKEsppV.json.gz")]);
    }

    [Fact]
    public void NamesEveryKey_WhenNoticeListsSeveral()
    {
        var envelope = EnvelopeDecoder.Decode("m-1", Some.CloudTrailNoticeBody("b", "AWSLogs/1/CloudTrail/a.json.gz", "AWSLogs/1/CloudTrail/b.json.gz"));

        envelope.Objects.ShouldBe([new ObjectRef("b", "AWSLogs/1/CloudTrail/a.json.gz"), new ObjectRef("b", "AWSLogs/1/CloudTrail/b.json.gz")]);
    }

    [Fact]
    public void KeepsTheKeyVerbatim_BecauseCloudTrailDoesNotUrlEncodeIt()
    {
        var envelope = EnvelopeDecoder.Decode("m-1", Some.CloudTrailNoticeBody("b", "logs/a+b%20c.json.gz"));

        envelope.Objects.ShouldBe([new ObjectRef("b", "logs/a+b%20c.json.gz")]);
    }

    [Fact]
    public void SkipsWithReason_WhenKeyIsADigestOrInsightsFile()
    {
        var envelope = EnvelopeDecoder.Decode("m-1", Some.CloudTrailNoticeBody(
            "b", "AWSLogs/1/CloudTrail-Digest/us-east-1/d.json.gz", "AWSLogs/1/CloudTrail-Insight/us-east-1/i.json.gz", "AWSLogs/1/CloudTrail/l.json.gz"));

        envelope.Objects.ShouldBe([new ObjectRef("b", "AWSLogs/1/CloudTrail/l.json.gz")]);
        envelope.Skipped.ShouldBe([
            "s3://b/AWSLogs/1/CloudTrail-Digest/us-east-1/d.json.gz: CloudTrail digest file, not a log",
            "s3://b/AWSLogs/1/CloudTrail-Insight/us-east-1/i.json.gz: CloudTrail Insights file, not a log",
        ]);
    }

    [Theory]
    [InlineData("""{"s3Bucket":"b","s3ObjectKey":"AWSLogs/1/x.json.gz"}""", "CloudTrail notice s3ObjectKey is 'AWSLogs/1/x.json.gz', expected an array of keys")]
    [InlineData("""{"s3Bucket":"b","s3ObjectKey":[]}""", "CloudTrail notice s3ObjectKey is empty")]
    [InlineData("""{"s3Bucket":"b"}""", "CloudTrail notice s3ObjectKey is missing, expected an array of keys")]
    [InlineData("""{"s3ObjectKey":["k"]}""", "CloudTrail notice s3Bucket is missing, expected a bucket name")]
    [InlineData("""{"s3Bucket":"","s3ObjectKey":["k"]}""", "CloudTrail notice s3Bucket is '', expected a bucket name")]
    [InlineData("""{"s3Bucket":"b","s3ObjectKey":["k",7]}""", "CloudTrail notice s3ObjectKey[1] is a number, expected a key")]
    [InlineData("""{"s3Bucket":"b","s3ObjectKey":[null]}""", "CloudTrail notice s3ObjectKey[0] is null, expected a key")]
    public void Rejects_WhenNoticeIsMalformed(string body, string error)
    {
        EnvelopeDecoder.Decode("m-4", body).Error.ShouldBe("message m-4: " + error);
    }
}
