using System.Text;
using System.Text.Json;
using Monitor.Envelopes;
using Monitor.Testing;

namespace Monitor.Core.Tests.Envelopes;

/// <summary>
/// The registry is the one source of input shapes: every sample is recognised as the shape it has from a file's outline,
/// and the envelope decoder decodes exactly the samples whose shape is a message body, as that shape.
/// </summary>
public sealed class InputShapesTests
{
    public static TheoryData<string> Samples() => InputSamples.Names();

    public static TheoryData<string> SqsSamples() => [.. InputSamples.All.Where(s => s.Shape == InputShapes.SqsEvent).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Recognises_EverySample_AsTheShapeItHas(string name)
    {
        var sample = InputSamples.Named(name);

        InputShapes.Recognise(InputOutline.Read(sample.Content())).ShouldBe(sample.Shape);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Decoder_DecodesASample_ExactlyWhenItsShapeIsAMessageBody(string name)
    {
        var sample = InputSamples.Named(name);

        var envelope = EnvelopeDecoder.Decode("m-1", Encoding.UTF8.GetString(sample.Content()));

        if (sample.Shape is { IsMessageBody: true } shape)
        {
            envelope.Error.ShouldBeNull();
            DecodedAs(envelope).ShouldBe(shape);
        }
        else
        {
            envelope.IsRejected.ShouldBeTrue();
        }
    }

    [Theory]
    [MemberData(nameof(SqsSamples))]
    public void Decoder_DecodesEveryMessageOfTheSqsSamples_AsTheShapeItsBodyHas(string name)
    {
        var sqsEvent = JsonSerializer.Deserialize(InputSamples.Named(name).Content(), SqsJsonContext.Default.SqsEvent)!;

        sqsEvent.Records.ShouldNotBeEmpty();
        foreach (var message in sqsEvent.Records)
        {
            var shape = InputShapes.Recognise(InputOutline.Read(Encoding.UTF8.GetBytes(message.Body!)));
            var envelope = EnvelopeDecoder.Decode(message.MessageId!, message.Body);

            shape.ShouldNotBeNull(message.MessageId);
            shape.IsMessageBody.ShouldBeTrue(message.MessageId);
            envelope.Error.ShouldBeNull();
            DecodedAs(envelope).ShouldBe(shape, message.MessageId);
        }
    }

    [Fact]
    public void EveryShapeTheContentTellsApart_HasASample()
    {
        var sampled = InputSamples.All.Select(sample => sample.Shape).ToHashSet();

        InputShapes.All.Where(shape => shape.Marks is not null).Where(shape => !sampled.Contains(shape)).ShouldBeEmpty();
    }

    [Fact]
    public void Decoder_ExpectsTheRegistrysMessageBodies_WhenNoneClaimsTheBody()
    {
        var error = EnvelopeDecoder.Decode("m-1", """{"x":1}""").Error;

        error.ShouldBe("message m-1: unrecognised JSON object with properties 'x'; expected "
            + string.Join(", ", InputShapes.MessageBodies.Select(shape => shape.Name)));
        error.ShouldEndWith("expected an SNS notification, an S3 notification, an S3 test event, a CloudTrail notice, an EventBridge event");
    }

    [Theory]
    [MemberData(nameof(KeyFolderShapes))]
    public void Decoder_PassesOverAnObject_InTheFolderARegisteredShapeNames(string name)
    {
        var shape = InputShapes.All.Single(s => s.Name == name);
        var key = $"AWSLogs/111122223333/{shape.KeyFolder}/us-east-1/2026/11/10/f.json.gz";

        var notice = EnvelopeDecoder.Decode("m-1", Some.CloudTrailNoticeBody("b", key));
        var notification = EnvelopeDecoder.Decode("m-1", Some.S3NotificationBody(Some.S3Record(bucket: "b", encodedKey: key)));

        foreach (var envelope in new[] { notice, notification })
        {
            envelope.Objects.ShouldBeEmpty();
            envelope.Skipped.ShouldBe([$"s3://b/{key}: {shape.PassOverReason}"]);
        }
    }

    public static TheoryData<string> KeyFolderShapes() => [.. InputShapes.All.Where(s => s.KeyFolder is not null).Select(s => s.Name)];

    [Fact]
    public void EveryShape_IsToldApartAndSaysWhatItIs()
    {
        InputShapes.All.Select(shape => shape.Name).ShouldBeUnique();
        foreach (var shape in InputShapes.All)
        {
            (shape.Marks is not null || shape.KeyFolder is not null).ShouldBeTrue(shape.Name);
            (shape.PassOverReason is not null).ShouldBe(shape.Role == InputRole.NoActivity, shape.Name);
            (shape.Role != InputRole.Envelope || shape.IsMessageBody).ShouldBeTrue(shape.Name);
        }

        InputShapes.MessageBodies.ShouldBe([.. InputShapes.All.Where(shape => shape.IsMessageBody)]);
    }

    [Theory]
    [InlineData("""{"Records":[{"messageId":"m","receiptHandle":"r","s3":{}}]}""", "a Lambda SQS event")]
    [InlineData("""{"Records":[{"receiptHandle":"r"}]}""", "a Lambda SQS event")]
    [InlineData("""{"Records":[{"eventSource":"aws:s3"}]}""", "an S3 notification")]
    [InlineData("""{"Records":[{"s3":{}}]}""", "an S3 notification")]
    [InlineData("""{"Records":[{"eventSource":"iam.amazonaws.com"}]}""", "a CloudTrail log")]
    [InlineData("""{"Records":[]}""", "a CloudTrail log")]
    [InlineData("""{"Records":[42]}""", "a CloudTrail log")]
    [InlineData("""{"Records":{"eventName":"x"}}""", "a CloudTrail log")]
    public void Recognises_AFileOfTheRecordsFamily_ByItsFirstRecord(string json, string shape) =>
        InputShapes.Recognise(InputOutline.Read(Encoding.UTF8.GetBytes(json)))!.Name.ShouldBe(shape);

    [Theory]
    [InlineData("""{"Type":"Notification","TopicArn":"arn:aws:sns:us-east-1:111122223333:t"}""", "an SNS notification")]
    [InlineData("""{"s3ObjectKey":["k"]}""", "a CloudTrail notice")]
    [InlineData("""{"detail-type":"Scheduled Event"}""", "an EventBridge event")]
    public void Recognises_AFile_ByTheRootPropertiesTheDecoderClaimsABodyBy(string json, string shape)
    {
        InputShapes.Recognise(InputOutline.Read(Encoding.UTF8.GetBytes(json)))!.Name.ShouldBe(shape);
        EnvelopeDecoder.Decode("m-1", json).Error.ShouldNotStartWith("message m-1: unrecognised");
    }

    private static InputShape DecodedAs(Envelope envelope) => envelope.ViaSns ? InputShapes.SnsNotification : envelope.Kind switch
    {
        EnvelopeKind.S3Notification => InputShapes.S3Notification,
        EnvelopeKind.S3TestEvent => InputShapes.S3TestEvent,
        EnvelopeKind.CloudTrailNotice => InputShapes.CloudTrailNotice,
        EnvelopeKind.EventBridgeEvent => InputShapes.EventBridgeEvent,
        _ => throw new InvalidOperationException($"no shape for {envelope.Kind}"),
    };
}
