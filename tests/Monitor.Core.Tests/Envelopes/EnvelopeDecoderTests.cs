using System.Text;
using Monitor.Envelopes;
using Monitor.Testing;

namespace Monitor.Core.Tests.Envelopes;

public class EnvelopeDecoderTests
{
    private const string Noise = "{}[]\",:\\0x+%\ud800";

    public static TheoryData<string?, string> MalformedBodies => new()
    {
        { null, "body is empty" },
        { "", "body is empty" },
        { "  \n ", "body is empty" },
        { "not json", "body is not JSON" },
        { "{\"Records\":[", "body is not JSON" },
        { "[]", "body is an array, expected a JSON object" },
        { "42", "body is a number, expected a JSON object" },
        { "\"s3://b/k\"", "body is 's3://b/k', expected a JSON object" },
        { "null", "body is null, expected a JSON object" },
        { "{}", "unrecognised JSON object with no properties" },
        { """{"bucket":"b","key":"k"}""", "unrecognised JSON object with properties 'bucket', 'key'" },
        { """{"Records":{}}""", "S3 notification Records is an object, expected an array" },
        { """{"Records":[]}""", "S3 notification Records is empty" },
        { """{"Records":["x"]}""", "Records[0] is 'x', expected an object" },
        { """{"Records":[{"eventSource":"aws:sqs"}]}""", "Records[0]: eventSource is 'aws:sqs', expected 'aws:s3'" },
        { """{"Records":[],"s3Bucket":"b","s3ObjectKey":["k"]}""", "ambiguous JSON object: it looks like an S3 notification and a CloudTrail notice" },
        { """{"s3Bucket":"a","s3Bucket":"b","s3ObjectKey":["k"]}""", "body is not JSON" },
        { "{\"s3Bucket\":\"\\ud800\",\"s3ObjectKey\":[\"k\"]}", "body holds a string that is not valid Unicode" },
        { new string('[', 5000) + new string(']', 5000), "body is not JSON" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public void RejectsNamingTheMessage_WhenBodyIsMalformed(string? body, string what)
    {
        var envelope = EnvelopeDecoder.Decode("msg-42", body);

        envelope.IsRejected.ShouldBeTrue();
        envelope.Error.ShouldStartWith("message msg-42: " + what);
        envelope.Kind.ShouldBe(EnvelopeKind.Unknown);
        envelope.Objects.ShouldBeEmpty();
        envelope.InlineRecords.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("cloudtrail-log-file.json", "Records[0]: eventSource is 'iam.amazonaws.com', expected 'aws:s3'")]
    [InlineData("cloudtrail-digest-file.json", "unrecognised JSON object with properties 'awsAccountId'")]
    [InlineData("lambda-runtime-invocation-error.json", "unrecognised JSON object with properties 'errorMessage', 'errorType', 'stackTrace'")]
    [InlineData("sqs-batch-response.json", "unrecognised JSON object with properties 'batchItemFailures'")]
    public void Rejects_WhenBodyIsAnotherDocumentedFormat(string file, string what)
    {
        EnvelopeDecoder.Decode("msg-9", Some.FormatFile(file)).Error.ShouldStartWith("message msg-9: " + what);
    }

    [Fact]
    public void Rejects_WhenBodyTextHoldsALoneSurrogate()
    {
        // Not theory data: the test runner would replace the lone surrogate while serialising the case.
        var envelope = EnvelopeDecoder.Decode("msg-42", "{\"s3Bucket\":\"\ud800\",\"s3ObjectKey\":[\"k\"]}");

        envelope.Error.ShouldBe("message msg-42: body holds a string that is not valid Unicode");
    }

    [Fact]
    public void CutsAttackerTextShort_WhenQuotingItInARejection()
    {
        var envelope = EnvelopeDecoder.Decode("msg-1", $$"""{"Event":"{{new string('x', 10_000)}}"}""");

        envelope.Error.ShouldNotBeNull();
        envelope.Error.Length.ShouldBeLessThan(200);
        envelope.Error.ShouldContain("(10000 chars)");
    }

    [Fact]
    public void NeverThrows_WhenDocumentedBodiesAreTruncatedOrCorrupted()
    {
        string[] files =
        [
            "s3-event-notification-object-created.json", "sns-envelope-cloudtrail-notification.json", "cloudtrail-sns-message.json",
            "eventbridge-console-sign-in-via-cloudtrail.json", "s3-test-event.json",
        ];
        var random = new Random(20250102);
        var bodies = files.Select(Some.FormatFile).Append(Some.SnsBody(Some.FormatFile("s3-event-notification-object-created.json")));
        foreach (var body in bodies)
        {
            for (var length = 0; length < body.Length; length++)
            {
                Should.NotThrow(() => EnvelopeDecoder.Decode("m", body[..length]));
                var corrupted = new StringBuilder(body) { [length] = Noise[random.Next(Noise.Length)] }.ToString();
                Should.NotThrow(() => EnvelopeDecoder.Decode("m", corrupted));
            }
        }
    }
}
