using System.IO.Compression;
using System.Text;

namespace Monitor.Cli.Tests.Replay;

/// <summary>
/// Writes a folder of malformed inputs, each broken in one way, beside good inputs that must still be fully
/// processed. Generated at test time (the 50 MB one is too big to commit).
/// </summary>
internal static class HostileInputs
{
    public const string GoodRecordJson = """
        {"eventVersion":"1.08","userIdentity":{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333"},
         "eventTime":"2026-11-10T17:20:00Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-1",
         "sourceIPAddress":"203.0.113.66","userAgent":"Mozilla/5.0","requestParameters":null,"responseElements":{"ConsoleLogin":"Success"},
         "additionalEventData":{"MFAUsed":"No"},"eventID":"GOOD-EVENT-ID","eventType":"AwsConsoleSignIn","recipientAccountId":"111122223333"}
        """;

    /// <summary>File name → what is wrong with it (the reason the error must mention, loosely).</summary>
    public static readonly IReadOnlyDictionary<string, string> Bad = new Dictionary<string, string>
    {
        ["01-not-json.json"] = "not JSON",
        ["02-empty.json"] = "empty file",
        ["03-truncated.json.gz"] = "gzip",
        ["04-gzip-of-text.json.gz"] = "not JSON",
        ["05-records-not-array.json"] = "Records",
        ["06-records-not-objects.json"] = "record",
        ["07-invalid-utf8.json"] = "UTF-8",
        ["08-huge-string.json"] = "record",
        ["09-unknown-envelope.json"] = "unrecognised",
        ["10-sqs-one-bad-message.json"] = "message bad-1: body is not JSON",
        ["11-sqs-missing-object.json"] = "not found",
        ["12-truncated-json.json"] = "JSON",
        ["13-binary.bin"] = "not JSON",
        ["14-sqs-event-truncated.json"] = "SQS",
        ["15-redacted-time.json"] = "eventTime",
        ["16-sns-message-not-json.json"] = "message sns-1",
        ["17-s3-notification-no-key.json"] = "key",
        ["18-eventbridge-detail-not-object.json"] = "detail",
        ["19-deeply-nested.json"] = "depth",
        ["20-null-root.json"] = "not a JSON object",
        ["21-s3-event-version-3.json"] = "version",
        ["22-cloudtrail-notice-no-keys.json"] = "s3ObjectKey",
        ["23-gzip-header-only.json.gz"] = "gzip",
    };

    public static void Write(string folder, string objectsRoot)
    {
        Directory.CreateDirectory(folder);
        var good = Log(GoodRecordJson);
        File.WriteAllText(Path.Combine(folder, "00-good-log.json"), good);
        WriteGzip(Path.Combine(folder, "00-good-log2.json.gz"), Encoding.UTF8.GetBytes(Log(GoodRecordJson.Replace("GOOD-EVENT-ID", "GOOD-EVENT-2").Replace("17:20:00Z", "17:25:00Z"))));
        var objectKey = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/10/good.json.gz";
        WriteGzip(Path.Combine(objectsRoot, "bucket", objectKey), Encoding.UTF8.GetBytes(Log(GoodRecordJson.Replace("GOOD-EVENT-ID", "GOOD-EVENT-3").Replace("17:20:00Z", "17:30:00Z"))));

        Text(folder, "01-not-json.json", "hello, this is not a log");
        Text(folder, "02-empty.json", "");
        var full = Gzip(Encoding.UTF8.GetBytes(Log(GoodRecordJson, GoodRecordJson.Replace("GOOD-EVENT-ID", "X"))));
        File.WriteAllBytes(Path.Combine(folder, "03-truncated.json.gz"), full[..(full.Length / 2)]);
        WriteGzip(Path.Combine(folder, "04-gzip-of-text.json.gz"), Encoding.UTF8.GetBytes("plain text inside gzip"));
        Text(folder, "05-records-not-array.json", """{"Records":{"eventName":"x"}}""");
        Text(folder, "06-records-not-objects.json", "{\"Records\":[" + GoodRecordJson.Replace("GOOD-EVENT-ID", "GOOD-EVENT-6") + ",42]}");
        File.WriteAllBytes(Path.Combine(folder, "07-invalid-utf8.json"), [.. "{\"Records\":[{\"eventName\":\""u8, 0xff, 0xfe, 0xc3, .. "\"}]}"u8]);
        WriteHuge(Path.Combine(folder, "08-huge-string.json"));
        Text(folder, "09-unknown-envelope.json", """{"hello":"world","answer":42}""");
        Text(folder, "10-sqs-one-bad-message.json", Sqs(("good-1", S3Body("bucket", objectKey)), ("bad-1", "this is not json")));
        Text(folder, "11-sqs-missing-object.json", Sqs(("missing-1", S3Body("bucket", "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/10/absent.json.gz"))));
        Text(folder, "12-truncated-json.json", Log(GoodRecordJson)[..200]);
        File.WriteAllBytes(Path.Combine(folder, "13-binary.bin"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))]);
        Text(folder, "14-sqs-event-truncated.json", """{"Records":[{"messageId":"m1","body":"{\"Records\":[""");
        Text(folder, "15-redacted-time.json", Log(GoodRecordJson.Replace("2026-11-10T17:20:00Z", "redacted").Replace("GOOD-EVENT-ID", "REDACTED-1")));
        Text(folder, "16-sns-message-not-json.json", Sqs(("sns-1", """{"Type":"Notification","MessageId":"n1","TopicArn":"arn:aws:sns:us-east-1:111122223333:t","Message":"garbage {"}""")));
        Text(folder, "17-s3-notification-no-key.json", """{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"bucket"},"object":{}}}]}""");
        Text(folder, "18-eventbridge-detail-not-object.json", """{"version":"0","detail-type":"AWS API Call via CloudTrail","source":"aws.iam","detail":"not an object"}""");
        Text(folder, "19-deeply-nested.json", "{\"Records\":[" + new string('[', 5000) + new string(']', 5000) + "]}");
        Text(folder, "20-null-root.json", "null");
        Text(folder, "21-s3-event-version-3.json", """{"Records":[{"eventVersion":"3.0","eventSource":"aws:s3","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"bucket"},"object":{"key":"k.json.gz"}}}]}""");
        Text(folder, "22-cloudtrail-notice-no-keys.json", Sqs(("notice-1", """{"s3Bucket":"bucket","s3ObjectKey":[]}""")));
        File.WriteAllBytes(Path.Combine(folder, "23-gzip-header-only.json.gz"), [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]);
    }

    private static string Log(params string[] records) => "{\"Records\":[" + string.Join(",", records) + "]}";

    private static string S3Body(string bucket, string key) =>
        "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\",\"eventTime\":\"2026-11-10T18:00:00.000Z\","
        + "\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"s3SchemaVersion\":\"1.0\",\"bucket\":{\"name\":\"" + bucket + "\",\"arn\":\"arn:aws:s3:::" + bucket + "\"},"
        + "\"object\":{\"key\":\"" + key + "\",\"size\":100}}}]}";

    private static string Sqs(params (string Id, string Body)[] messages) =>
        "{\"Records\":[" + string.Join(",", messages.Select(m =>
            $$"""{"messageId":"{{m.Id}}","receiptHandle":"r","body":{{System.Text.Json.JsonSerializer.Serialize(m.Body, Monitor.Cli.Tests.TestJsonContext.Default.String)}},"attributes":{},"messageAttributes":{},"eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-1:111122223333:q","awsRegion":"us-east-1"}""")) + "]}";

    private static void Text(string folder, string name, string content) => File.WriteAllText(Path.Combine(folder, name), content);

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    private static void WriteGzip(string path, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Gzip(content));
    }

    private static void WriteHuge(string path)
    {
        using var file = File.Create(path);
        file.Write("{\"Records\":[{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-11-10T00:00:00Z\",\"eventName\":\"PutObject\",\"eventSource\":\"s3.amazonaws.com\",\"userAgent\":\""u8);
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)'a');
        for (var i = 0; i < 50; i++)
        {
            file.Write(chunk);
        }

        file.Write("\"}]}"u8);
    }
}
