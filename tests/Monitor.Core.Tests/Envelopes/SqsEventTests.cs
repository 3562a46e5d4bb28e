using System.Text.Json;
using System.Text.Json.Nodes;
using Monitor.Envelopes;
using Monitor.Testing;

namespace Monitor.Core.Tests.Envelopes;

public class SqsEventTests
{
    [Fact]
    public void ReadsEveryMessage_WhenEventIsTheDocumentedRawS3Batch()
    {
        var sqsEvent = JsonSerializer.Deserialize(Some.FormatFile("sqs-event-raw-s3-notification.json"), SqsJsonContext.Default.SqsEvent);

        sqsEvent.ShouldNotBeNull();
        sqsEvent.Records.Select(message => message.MessageId).ShouldBe(["059f36b4-87a3-44ab-83d2-661975830a7d", "2e1424d4-f796-459a-8184-9c92662be6da"]);
        var first = sqsEvent.Records[0];
        first.EventSource.ShouldBe("aws:sqs");
        first.EventSourceArn.ShouldBe("arn:aws:sqs:us-east-1:123456789012:ingest-queue");
        first.AwsRegion.ShouldBe("us-east-1");
        first.ReceiptHandle.ShouldBe("AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...");
        first.Attributes.ShouldNotBeNull();
        first.Attributes["ApproximateReceiveCount"].ShouldBe("1");
    }

    [Fact]
    public void DecodesEachBody_WhenEventIsTheDocumentedRawS3Batch()
    {
        var sqsEvent = JsonSerializer.Deserialize(Some.FormatFile("sqs-event-raw-s3-notification.json"), SqsJsonContext.Default.SqsEvent)!;

        var envelopes = sqsEvent.Records.Select(message => EnvelopeDecoder.Decode(message.MessageId!, message.Body)).ToList();

        envelopes[0].Kind.ShouldBe(EnvelopeKind.S3Notification);
        envelopes[0].Objects.ShouldBe([new ObjectRef("amzn-s3-demo-logging-bucket", "s3-access/2025-01-02-00-05-11-1A2B3C4D5E6F7A8B")]);
        envelopes[1].Kind.ShouldBe(EnvelopeKind.S3TestEvent);
        envelopes[1].IsRejected.ShouldBeFalse();
    }

    [Fact]
    public void DecodesTheSnsBody_WhenEventIsTheDocumentedSnsBatch()
    {
        var sqsEvent = JsonSerializer.Deserialize(Some.FormatFile("sqs-event-sns-envelope.json"), SqsJsonContext.Default.SqsEvent)!;
        var message = sqsEvent.Records.ShouldHaveSingleItem();

        var envelope = EnvelopeDecoder.Decode(message.MessageId!, message.Body);

        envelope.Kind.ShouldBe(EnvelopeKind.CloudTrailNotice);
        envelope.ViaSns.ShouldBeTrue();
        envelope.Objects.ShouldHaveSingleItem().Key.ShouldEndWith("_20250102T0005Z_Mu0KsOhtH1ar15ZZ.json.gz");
    }

    [Fact]
    public void WritesTheDocumentedShape_WhenBatchResponseIsSerialized()
    {
        var response = new BatchResponse { BatchItemFailures = [new BatchItemFailure { ItemIdentifier = "2e1424d4-f796-459a-8184-9c92662be6da" }] };

        var json = JsonSerializer.Serialize(response, SqsJsonContext.Default.BatchResponse);

        JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(Some.FormatFile("sqs-batch-response.json"))).ShouldBeTrue(json);
    }

    [Fact]
    public void WritesAnEmptyList_WhenNoMessageFailed()
    {
        JsonSerializer.Serialize(new BatchResponse(), SqsJsonContext.Default.BatchResponse).ShouldBe("""{"batchItemFailures":[]}""");
    }
}
