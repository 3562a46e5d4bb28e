// The envelopes that point at the objects: S3 notifications raw and through SNS, CloudTrail's SNS notice,
// EventBridge events, an S3 test event and a digest key.
#pragma warning disable CA5351 // MD5 here is what S3 ETags and SQS md5OfBody are, not a security use.

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

internal sealed partial class SampleGenerator
{
    private const string Queue = $"arn:aws:sqs:us-east-1:{Org.Mgmt}:monitor-cloudtrail-ingest";

    private static readonly JsonSerializerOptions Pretty = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true, NewLine = "\n" };

    private readonly HashSet<string> _referenced = new(StringComparer.Ordinal);

    private void WriteEnvelopes(string digestKey)
    {
        var prodDay = _objects.Where(o => o.Account == Org.Prod && o.Delivered.Date == Time.At(2026, 11, 10, 0, 0, 0)).OrderBy(o => o.Delivered).ToList();
        var nov3 = _objects.Single(o => o.Delivered.Date == Time.At(2026, 11, 3, 0, 0, 0));
        var nov9 = _objects.Single(o => o.Delivered.Date == Time.At(2026, 11, 9, 0, 0, 0));
        var mgmt = _objects.Where(o => o.Account == Org.Mgmt).ToList();

        var direct = new List<JsonObject> { Sqs(TestEvent(Time.At(2026, 11, 10, 1, 58, 3)), Time.At(2026, 11, 10, 1, 58, 3), S3Sender) };
        direct.AddRange(prodDay.Select(o => Sqs(S3Notification(o.Key, o.Delivered), o.Delivered.AddSeconds(2), S3Sender)));
        Sample("03-sqs-s3-notifications.json", direct);

        const string s3Topic = $"arn:aws:sns:us-east-1:{Org.Mgmt}:example-org-cloudtrail-events";
        Sample("01-sqs-sns-s3-notification.json", [.. new[] { nov3 }.Concat(mgmt).Select(o =>
            Sqs(SnsEnvelope(s3Topic, "Amazon S3 Notification", S3Notification(o.Key, o.Delivered), o.Delivered.AddSeconds(2)), o.Delivered.AddSeconds(3), SnsSender))]);

        const string trailTopic = $"arn:aws:sns:us-east-1:{Org.Mgmt}:org-cloudtrail-delivery";
        var first = prodDay[0];
        var notice = new JsonObject { ["s3Bucket"] = Org.Bucket, ["s3ObjectKey"] = new JsonArray(nov9.Key, first.Key) }.ToJsonString(Compact);
        _referenced.Add(nov9.Key);
        _referenced.Add(first.Key);
        Sample("02-sqs-cloudtrail-sns-notice.json", [Sqs(SnsEnvelope(trailTopic, null, notice, first.Delivered.AddSeconds(1)), first.Delivered.AddSeconds(2), SnsSender)]);

        var digestAt = Time.At(2026, 11, 10, 18, 35, 14);
        Sample("06-sqs-digest-and-test.json",
        [
            Sqs(S3Notification(digestKey, digestAt), digestAt.AddSeconds(1), S3Sender),
            Sqs(TestEvent(Time.At(2026, 11, 10, 18, 40, 0)), Time.At(2026, 11, 10, 18, 40, 0), S3Sender),
        ]);

        var login = _story.Single(s => s.Label.StartsWith("root console login WITHOUT MFA", StringComparison.Ordinal)).Record;
        File.WriteAllText(Path.Combine(_outDir, "05-eventbridge-root-console-login.json"), EventBridge(login, "AWS Console Sign In via CloudTrail", "aws.signin").ToJsonString(Pretty) + "\n");

        var stop = _story.Single(s => s.Label.StartsWith("root StopLogging", StringComparison.Ordinal)).Record;
        var publish = _story.Single(s => s.Label.StartsWith("deploy-bot PublishVersion", StringComparison.Ordinal)).Record;
        Sample("04-sqs-eventbridge.json",
        [
            Sqs(EventBridge(publish, "AWS API Call via CloudTrail", "aws.lambda").ToJsonString(Compact), Time.Parse(publish).AddSeconds(40), EventsSender),
            Sqs(EventBridge(stop, "AWS API Call via CloudTrail", "aws.cloudtrail").ToJsonString(Compact), Time.Parse(stop).AddSeconds(35), EventsSender),
        ]);
    }

    private const string S3Sender = "AIDAJHIPRHEMV73VRJEBU";
    private const string SnsSender = "AIDAIT2UOQQY3AUEKVGXU";
    private const string EventsSender = "AIDAIE6VAXUQU2DKHA7DK";

    private void Sample(string name, List<JsonObject> records)
    {
        var doc = new JsonObject { ["Records"] = new JsonArray([.. records]) };
        File.WriteAllText(Path.Combine(_outDir, name), doc.ToJsonString(Pretty) + "\n");
    }

    private JsonObject Sqs(string body, DateTime sent, string sender)
    {
        var ms = Time.EpochMillis(sent) + _ids.Next(0, 999);
        return new JsonObject
        {
            ["messageId"] = _ids.Uuid(),
            ["receiptHandle"] = "AQEB" + _ids.From("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 180),
            ["body"] = body,
            ["attributes"] = new JsonObject
            {
                ["ApproximateReceiveCount"] = "1",
                ["SentTimestamp"] = ms.ToString(CultureInfo.InvariantCulture),
                ["SenderId"] = sender,
                ["ApproximateFirstReceiveTimestamp"] = (ms + _ids.Next(3, 40)).ToString(CultureInfo.InvariantCulture),
            },
            ["messageAttributes"] = new JsonObject(),
            ["md5OfBody"] = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(body))).ToLowerInvariant(),
            ["eventSource"] = "aws:sqs",
            ["eventSourceARN"] = Queue,
            ["awsRegion"] = "us-east-1",
        };
    }

    private string TestEvent(DateTime t) => new JsonObject
    {
        ["Service"] = "Amazon S3",
        ["Event"] = "s3:TestEvent",
        ["Time"] = Time.IsoMillis(t),
        ["Bucket"] = Org.Bucket,
        ["RequestId"] = _ids.S3RequestId(),
        ["HostId"] = _ids.AmzId2(),
    }.ToJsonString(Compact);

    private string S3Notification(string key, DateTime delivered)
    {
        _referenced.Add(key);
        var bytes = _written[key];
        var at = delivered.AddMilliseconds(_ids.Next(200, 1900));
        var record = new JsonObject
        {
            ["eventVersion"] = "2.1",
            ["eventSource"] = "aws:s3",
            ["awsRegion"] = "us-east-1",
            ["eventTime"] = Time.IsoMillis(at),
            ["eventName"] = "ObjectCreated:Put",
            ["userIdentity"] = new JsonObject { ["principalId"] = "AWS:AROA5CLOUDTRAILDELIV:regionalDeliverySession" },
            ["requestParameters"] = new JsonObject { ["sourceIPAddress"] = "192.0.2.10" },
            ["responseElements"] = new JsonObject { ["x-amz-request-id"] = _ids.S3RequestId(), ["x-amz-id-2"] = _ids.AmzId2() },
            ["s3"] = new JsonObject
            {
                ["s3SchemaVersion"] = "1.0",
                ["configurationId"] = "cloudtrail-to-monitor",
                ["bucket"] = new JsonObject
                {
                    ["name"] = Org.Bucket,
                    ["ownerIdentity"] = new JsonObject { ["principalId"] = "A3NL1KOZZKExample" },
                    ["arn"] = $"arn:aws:s3:::{Org.Bucket}",
                },
                ["object"] = new JsonObject
                {
                    ["key"] = FormEncode(key),
                    ["size"] = bytes.Length,
                    ["eTag"] = Convert.ToHexString(MD5.HashData(bytes)).ToLowerInvariant(),
                    ["sequencer"] = (Time.EpochMillis(at) * 4096).ToString("X18", CultureInfo.InvariantCulture),
                },
            },
        };
        return new JsonObject { ["Records"] = new JsonArray(record) }.ToJsonString(Compact);
    }

    // S3 notifications carry keys form-URL-encoded ('+' for space, %XX otherwise; '/' kept).
    private static string FormEncode(string key)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '*')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('+');
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    // SNS renders its envelope with " : " separators and two-space indents; kept as delivered.
    private string SnsEnvelope(string topic, string? subject, string message, DateTime at)
    {
        static string Q(string s) => JsonValue.Create(s).ToJsonString(Compact);
        var fields = new List<(string, string)>
        {
            ("Type", "Notification"),
            ("MessageId", _ids.Uuid()),
            ("TopicArn", topic),
        };
        if (subject is not null)
        {
            fields.Add(("Subject", subject));
        }

        fields.Add(("Message", message));
        fields.Add(("Timestamp", Time.IsoMillis(at.AddMilliseconds(_ids.Next(0, 999)))));
        fields.Add(("SignatureVersion", "1"));
        fields.Add(("Signature", "EXAMPLE" + _ids.From("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 337) + "="));
        fields.Add(("SigningCertURL", "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-" + _ids.Hex(32) + ".pem"));
        fields.Add(("UnsubscribeURL", $"https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={topic}:{_ids.Uuid()}"));
        return "{\n" + string.Join(",\n", fields.Select(f => $"  {Q(f.Item1)} : {Q(f.Item2)}")) + "\n}";
    }

    private JsonObject EventBridge(JsonObject record, string detailType, string source) => new()
    {
        ["version"] = "0",
        ["id"] = _ids.Uuid(),
        ["detail-type"] = detailType,
        ["source"] = source,
        ["account"] = record["recipientAccountId"]!.GetValue<string>(),
        ["time"] = record["eventTime"]!.GetValue<string>(),
        ["region"] = record["awsRegion"]!.GetValue<string>(),
        ["resources"] = new JsonArray(),
        ["detail"] = record.DeepClone(),
    };
}
