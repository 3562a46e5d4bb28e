using Monitor.Envelopes;
using Monitor.Testing;

namespace Monitor.Core.Tests.Envelopes;

public class S3TestEventShapeTests
{
    [Fact]
    public void SkipsWithReason_WhenBodyIsTheDocumentedTestEvent()
    {
        var envelope = EnvelopeDecoder.Decode("m-1", Some.FormatFile("s3-test-event.json"));

        envelope.IsRejected.ShouldBeFalse();
        envelope.Kind.ShouldBe(EnvelopeKind.S3TestEvent);
        envelope.Objects.ShouldBeEmpty();
        envelope.Skipped.ShouldBe(["s3:TestEvent for bucket 'amzn-s3-demo-bucket': S3 configuration test message, nothing to read"]);
    }

    [Fact]
    public void SkipsViaSns_WhenTestEventIsWrappedInSns()
    {
        var envelope = EnvelopeDecoder.Decode("m-1", Some.SnsBody(Some.FormatFile("s3-test-event.json")));

        envelope.Kind.ShouldBe(EnvelopeKind.S3TestEvent);
        envelope.ViaSns.ShouldBeTrue();
        envelope.Skipped.Count.ShouldBe(1);
    }

    [Fact]
    public void Rejects_WhenEventIsNotATestEvent()
    {
        var envelope = EnvelopeDecoder.Decode("m-2", """{"Service":"Amazon S3","Event":"s3:Something"}""");

        envelope.Error.ShouldBe("message m-2: Event is 's3:Something', expected 's3:TestEvent'");
    }
}
