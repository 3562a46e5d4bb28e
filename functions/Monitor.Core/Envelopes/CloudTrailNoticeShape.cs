using System.Text.Json;

namespace Monitor.Envelopes;

/// <summary>
/// The notice a trail publishes to its SNS topic after delivering log files:
/// <c>{"s3Bucket":"b","s3ObjectKey":["AWSLogs/..."]}</c>. The key is an array, and its keys are plain (not URL-encoded).
/// </summary>
internal static class CloudTrailNoticeShape
{
    public static Envelope Decode(JsonElement root, DecodeContext context)
    {
        var bucket = JsonFields.String(root, "s3Bucket");
        if (string.IsNullOrEmpty(bucket))
        {
            return context.Reject($"CloudTrail notice s3Bucket is {JsonFields.Describe(root, "s3Bucket")}, expected a bucket name");
        }

        if (!root.TryGetProperty("s3ObjectKey", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            return context.Reject($"CloudTrail notice s3ObjectKey is {JsonFields.Describe(root, "s3ObjectKey")}, expected an array of keys");
        }

        if (keys.GetArrayLength() == 0)
        {
            return context.Reject("CloudTrail notice s3ObjectKey is empty");
        }

        var objects = new List<ObjectRef>();
        var skipped = new List<string>();
        var index = 0;
        foreach (var key in keys.EnumerateArray())
        {
            var text = key.ValueKind == JsonValueKind.String ? key.GetString() : null;
            if (string.IsNullOrEmpty(text))
            {
                return context.Reject($"CloudTrail notice s3ObjectKey[{index}] is {JsonFields.Describe(key)}, expected a key");
            }

            var reference = new ObjectRef(bucket, text);
            if (LogKeyFilter.SkipReason(reference) is { } reason)
            {
                skipped.Add(reason);
            }
            else
            {
                objects.Add(reference);
            }

            index++;
        }

        return context.Accept(EnvelopeKind.CloudTrailNotice, objects, [], skipped);
    }
}
