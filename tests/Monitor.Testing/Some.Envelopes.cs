using System.Text.Json.Nodes;

namespace Monitor.Testing;

public static partial class Some
{
    /// <summary>
    /// The text of one of the documented example payloads, copied to the test output as
    /// <c>Fixtures/formats/&lt;name&gt;</c> (see that folder's SOURCES.md).
    /// </summary>
    public static string FormatFile(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "formats", name));

    /// <summary>One S3 event notification record; <paramref name="encodedKey"/> is written as S3 would send it (URL-encoded).</summary>
    public static JsonObject S3Record(
        string bucket = "amzn-s3-demo-bucket",
        string encodedKey = "AWSLogs/123456789012/CloudTrail/us-east-1/2025/01/02/log.json.gz",
        string eventName = "ObjectCreated:Put",
        string eventVersion = "2.1") =>
        new()
        {
            ["eventVersion"] = eventVersion,
            ["eventSource"] = "aws:s3",
            ["awsRegion"] = "us-east-1",
            ["eventTime"] = "2025-01-02T00:05:12.345Z",
            ["eventName"] = eventName,
            ["s3"] = new JsonObject
            {
                ["s3SchemaVersion"] = "1.0",
                ["bucket"] = new JsonObject { ["name"] = bucket, ["arn"] = $"arn:aws:s3:::{bucket}" },
                ["object"] = new JsonObject { ["key"] = encodedKey, ["size"] = 1024, ["sequencer"] = "0A1B2C3D4E5F678901" },
            },
        };

    /// <summary>An S3 event notification body holding the given records.</summary>
    public static string S3NotificationBody(params JsonObject[] records) =>
        new JsonObject { ["Records"] = new JsonArray([.. records]) }.ToJsonString();

    /// <summary>A CloudTrail SNS notice naming the given (plain, not URL-encoded) keys.</summary>
    public static string CloudTrailNoticeBody(string bucket, params string[] keys) =>
        new JsonObject
        {
            ["s3Bucket"] = bucket,
            ["s3ObjectKey"] = new JsonArray([.. keys.Select(key => (JsonNode)JsonValue.Create(key))]),
        }.ToJsonString();

    /// <summary>An SNS notification as SQS receives it with raw message delivery off: <paramref name="message"/> double-encoded.</summary>
    public static string SnsBody(string message) =>
        new JsonObject
        {
            ["Type"] = "Notification",
            ["MessageId"] = "b3a5a6a2-1c7e-5c0c-9d8f-7a1e2b3c4d5e",
            ["TopicArn"] = "arn:aws:sns:us-east-1:123456789012:log-delivery",
            ["Message"] = message,
            ["Timestamp"] = "2025-01-02T00:05:13.123Z",
            ["SignatureVersion"] = "1",
            ["Signature"] = "EXAMPLE",
        }.ToJsonString();
}
