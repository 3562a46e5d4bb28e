using System.Net;
using System.Text.Json;

namespace Monitor.Envelopes;

/// <summary>
/// An S3 event notification: <c>{"Records":[{"eventSource":"aws:s3","eventVersion":"2.x","s3":{...}}]}</c>,
/// possibly several records per message. Only ObjectCreated events name something to read.
/// </summary>
internal static class S3NotificationShape
{
    public static Envelope Decode(JsonElement root, DecodeContext context)
    {
        var records = root.GetProperty("Records");
        if (records.ValueKind != JsonValueKind.Array)
        {
            return context.Reject($"S3 notification Records is {JsonFields.Describe(records)}, expected an array");
        }

        if (records.GetArrayLength() == 0)
        {
            return context.Reject("S3 notification Records is empty");
        }

        var objects = new List<ObjectRef>();
        var skipped = new List<string>();
        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            if (DecodeRecord(record, $"Records[{index}]", objects, skipped) is { } error)
            {
                return context.Reject(error);
            }

            index++;
        }

        return context.Accept(EnvelopeKind.S3Notification, objects, [], skipped);
    }

    /// <summary>Adds the record's object to read or the reason it is skipped; returns what was wrong, if anything.</summary>
    private static string? DecodeRecord(JsonElement record, string where, List<ObjectRef> objects, List<string> skipped)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return $"{where} is {JsonFields.Describe(record)}, expected an object";
        }

        if (JsonFields.String(record, "eventSource") != "aws:s3")
        {
            return $"{where}: eventSource is {JsonFields.Describe(record, "eventSource")}, expected 'aws:s3'";
        }

        // S3 bumps the minor version as it adds fields (2.1, 2.2, 2.3, then one series from 2.4);
        // a new major would mean a structure we do not know.
        var version = JsonFields.String(record, "eventVersion");
        if (version is null || !version.StartsWith("2.", StringComparison.Ordinal))
        {
            return $"{where}: eventVersion is {JsonFields.Describe(record, "eventVersion")}, expected 2.x";
        }

        var s3 = JsonFields.Object(record, "s3");
        var bucket = s3 is { } b ? JsonFields.Object(b, "bucket") : null;
        var item = s3 is { } o ? JsonFields.Object(o, "object") : null;
        var bucketName = bucket is { } n ? JsonFields.String(n, "name") : null;
        var encodedKey = item is { } k ? JsonFields.String(k, "key") : null;
        if (string.IsNullOrEmpty(bucketName))
        {
            return $"{where}: no s3.bucket.name";
        }

        if (string.IsNullOrEmpty(encodedKey))
        {
            return $"{where}: no s3.object.key";
        }

        var eventName = JsonFields.String(record, "eventName");
        if (string.IsNullOrEmpty(eventName))
        {
            return $"{where}: no eventName";
        }

        // S3 URL-encodes keys in notifications, form style: '+' is a space and a literal '+' is %2B.
        var reference = new ObjectRef(bucketName, WebUtility.UrlDecode(encodedKey));
        if (SkipReason(reference, eventName) is { } reason)
        {
            skipped.Add(reason);
        }
        else
        {
            objects.Add(reference);
        }

        return null;
    }

    private static string? SkipReason(ObjectRef reference, string eventName)
    {
        if (eventName.StartsWith("ObjectRemoved:", StringComparison.Ordinal)
            || eventName.StartsWith("LifecycleExpiration:", StringComparison.Ordinal))
        {
            return $"{reference}: {JsonFields.Quote(eventName)} event, the object was deleted";
        }

        // Restores, tagging, ACL, replication and transition events re-announce an object already read.
        return eventName.StartsWith("ObjectCreated:", StringComparison.Ordinal)
            ? LogKeyFilter.SkipReason(reference)
            : $"{reference}: {JsonFields.Quote(eventName)} event, not a new object";
    }
}
