using Monitor.Envelopes;
using Monitor.Testing;

namespace Monitor.Core.Tests.Envelopes;

public class S3NotificationShapeTests
{
    private const string Bucket = "amzn-s3-demo-bucket";

    [Fact]
    public void NamesTheLogObject_WhenBodyIsTheDocumentedNotification()
    {
        var envelope = EnvelopeDecoder.Decode("m-1", Some.FormatFile("s3-event-notification-object-created.json"));

        envelope.Error.ShouldBeNull();
        envelope.Kind.ShouldBe(EnvelopeKind.S3Notification);
        envelope.ViaSns.ShouldBeFalse();
        envelope.Objects.ShouldBe([new ObjectRef(Bucket,
            "AWSLogs/123456789012/CloudTrail/us-east-1/2025/01/02/123456789012_CloudTrail_us-east-1_20250102T0005Z_Mu0KsOhtH1ar15ZZ.json.gz")]);
        envelope.InlineRecords.ShouldBeEmpty();
        envelope.Skipped.ShouldBeEmpty();
    }

    [Fact]
    public void NamesEveryObjectInOrder_WhenOneMessageHoldsSeveralRecords()
    {
        var body = Some.S3NotificationBody(
            Some.S3Record(encodedKey: "logs/a.json.gz"),
            Some.S3Record(bucket: "other-bucket", encodedKey: "logs/b.json.gz"),
            Some.S3Record(encodedKey: "logs/c.json.gz", eventName: "ObjectCreated:CompleteMultipartUpload"));

        var envelope = EnvelopeDecoder.Decode("m-1", body);

        envelope.Objects.ShouldBe([
            new ObjectRef(Bucket, "logs/a.json.gz"),
            new ObjectRef("other-bucket", "logs/b.json.gz"),
            new ObjectRef(Bucket, "logs/c.json.gz"),
        ]);
    }

    [Theory]
    [InlineData("AWSLogs/my+folder/log+file.json.gz", "AWSLogs/my folder/log file.json.gz")]
    [InlineData("logs/a%2Bb.json.gz", "logs/a+b.json.gz")]
    [InlineData("logs/a%20b.json.gz", "logs/a b.json.gz")]
    [InlineData("logs/caf%C3%A9/%E6%97%A5%E6%9C%AC.log", "logs/café/日本.log")]
    [InlineData("logs/100%25%3Dfull%3F.log", "logs/100%=full?.log")]
    [InlineData("s3-access/2025-01-02-00-05-11-1A2B3C4D5E6F7A8B", "s3-access/2025-01-02-00-05-11-1A2B3C4D5E6F7A8B")]
    public void UrlDecodesTheKey_WhenS3EncodedIt(string encodedKey, string key)
    {
        var envelope = EnvelopeDecoder.Decode("m-1", Some.S3NotificationBody(Some.S3Record(encodedKey: encodedKey)));

        envelope.Objects.ShouldBe([new ObjectRef(Bucket, key)]);
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("2.1")]
    [InlineData("2.2")]
    [InlineData("2.3")]
    [InlineData("2.5")]
    [InlineData("2.17")]
    public void Accepts_WhenEventVersionHasMajorTwo(string version)
    {
        var envelope = EnvelopeDecoder.Decode("m-1", Some.S3NotificationBody(Some.S3Record(eventVersion: version)));

        envelope.IsRejected.ShouldBeFalse();
        envelope.Objects.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_trail_us-east-2_20150817T150131Z.json.gz", "CloudTrail digest file, not a log")]
    [InlineData("CloudTrail-Digest/us-east-2/d.json.gz", "CloudTrail digest file, not a log")]
    [InlineData("prefix/AWSLogs/o-abc123/111122223333/CloudTrail-Digest/us-east-1/d.json.gz", "CloudTrail digest file, not a log")]
    [InlineData("AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2025/01/02/i.json.gz", "CloudTrail Insights file, not a log")]
    public void SkipsWithReason_WhenKeyIsNotALog(string key, string why)
    {
        var envelope = EnvelopeDecoder.Decode("m-1", Some.S3NotificationBody(Some.S3Record(encodedKey: key)));

        envelope.IsRejected.ShouldBeFalse();
        envelope.Objects.ShouldBeEmpty();
        envelope.Skipped.ShouldBe([$"s3://{Bucket}/{key}: {why}"]);
    }

    [Fact]
    public void ReadsTheObject_WhenDigestIsOnlyPartOfAName()
    {
        var key = "AWSLogs/1/CloudTrail/us-east-1/CloudTrail-Digestive.json.gz";

        var envelope = EnvelopeDecoder.Decode("m-1", Some.S3NotificationBody(Some.S3Record(encodedKey: key)));

        envelope.Objects.ShouldBe([new ObjectRef(Bucket, key)]);
    }

    [Theory]
    [InlineData("ObjectRemoved:Delete")]
    [InlineData("ObjectRemoved:DeleteMarkerCreated")]
    [InlineData("LifecycleExpiration:Delete")]
    public void SkipsWithReason_WhenObjectWasDeleted(string eventName)
    {
        var envelope = EnvelopeDecoder.Decode("m-1", Some.S3NotificationBody(Some.S3Record(encodedKey: "logs/a.json", eventName: eventName)));

        envelope.IsRejected.ShouldBeFalse();
        envelope.Objects.ShouldBeEmpty();
        envelope.Skipped.ShouldBe([$"s3://{Bucket}/logs/a.json: '{eventName}' event, the object was deleted"]);
    }

    [Theory]
    [InlineData("ObjectTagging:Put")]
    [InlineData("ObjectRestore:Completed")]
    [InlineData("ObjectAcl:Put")]
    public void SkipsWithReason_WhenEventDoesNotCreateAnObject(string eventName)
    {
        var envelope = EnvelopeDecoder.Decode("m-1", Some.S3NotificationBody(Some.S3Record(encodedKey: "logs/a.json", eventName: eventName)));

        envelope.Objects.ShouldBeEmpty();
        envelope.Skipped.ShouldBe([$"s3://{Bucket}/logs/a.json: '{eventName}' event, not a new object"]);
    }

    [Fact]
    public void ReadsLogsAndSkipsTheRest_WhenRecordsAreMixed()
    {
        var body = Some.S3NotificationBody(
            Some.S3Record(encodedKey: "AWSLogs/1/CloudTrail-Digest/d.json.gz"),
            Some.S3Record(encodedKey: "AWSLogs/1/CloudTrail/l.json.gz"),
            Some.S3Record(encodedKey: "AWSLogs/1/CloudTrail/old.json.gz", eventName: "ObjectRemoved:Delete"));

        var envelope = EnvelopeDecoder.Decode("m-1", body);

        envelope.Objects.ShouldBe([new ObjectRef(Bucket, "AWSLogs/1/CloudTrail/l.json.gz")]);
        envelope.Skipped.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("1.0", "Records[1]: eventVersion is '1.0', expected 2.x")]
    [InlineData("3.0", "Records[1]: eventVersion is '3.0', expected 2.x")]
    [InlineData("2", "Records[1]: eventVersion is '2', expected 2.x")]
    [InlineData("20.1", "Records[1]: eventVersion is '20.1', expected 2.x")]
    public void Rejects_WhenEventVersionMajorIsNotTwo(string version, string error)
    {
        var envelope = EnvelopeDecoder.Decode("m-7", Some.S3NotificationBody(Some.S3Record(), Some.S3Record(eventVersion: version)));

        envelope.Error.ShouldBe("message m-7: " + error);
        envelope.Objects.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("eventSource", "Records[0]: eventSource is missing, expected 'aws:s3'")]
    [InlineData("eventVersion", "Records[0]: eventVersion is missing, expected 2.x")]
    [InlineData("eventName", "Records[0]: no eventName")]
    [InlineData("s3", "Records[0]: no s3.bucket.name")]
    public void Rejects_WhenRecordLacksAField(string field, string error)
    {
        var record = Some.S3Record();
        record.Remove(field);

        EnvelopeDecoder.Decode("m-7", Some.S3NotificationBody(record)).Error.ShouldBe("message m-7: " + error);
    }

    [Fact]
    public void Rejects_WhenBucketOrKeyIsMissing()
    {
        var noBucket = Some.S3Record();
        noBucket["s3"]!["bucket"]!.AsObject().Remove("name");
        var noKey = Some.S3Record();
        noKey["s3"]!["object"]!["key"] = "";

        EnvelopeDecoder.Decode("m-7", Some.S3NotificationBody(noBucket)).Error.ShouldBe("message m-7: Records[0]: no s3.bucket.name");
        EnvelopeDecoder.Decode("m-7", Some.S3NotificationBody(noKey)).Error.ShouldBe("message m-7: Records[0]: no s3.object.key");
    }
}
