using System.Text.Json;

namespace Monitor.Envelopes;

/// <summary>
/// The message S3 sends when a notification configuration is created or changed:
/// <c>{"Service":"Amazon S3","Event":"s3:TestEvent","Bucket":...}</c>, no Records. Acknowledged, never read.
/// </summary>
internal static class S3TestEventShape
{
    public static Envelope Decode(JsonElement root, DecodeContext context)
    {
        if (JsonFields.String(root, "Event") != "s3:TestEvent")
        {
            return context.Reject($"Event is {JsonFields.Describe(root, "Event")}, expected 's3:TestEvent'");
        }

        var bucket = JsonFields.Quote(JsonFields.String(root, "Bucket"));
        return context.Accept(
            EnvelopeKind.S3TestEvent,
            [],
            [],
            [$"s3:TestEvent for bucket {bucket}: S3 configuration test message, nothing to read"]);
    }
}
