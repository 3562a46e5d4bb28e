using System.Text.Json;

namespace Monitor.Envelopes;

/// <summary>
/// An SNS notification delivered to SQS with raw message delivery off:
/// <c>{"Type":"Notification","TopicArn":...,"Message":"&lt;inner JSON as a string&gt;"}</c>. The inner message is
/// decoded as a body of its own (with raw delivery on, SQS receives that inner message directly).
/// </summary>
internal static class SnsShape
{
    public static Envelope Decode(JsonElement root, DecodeContext context)
    {
        if (context.ViaSns)
        {
            return context.Reject("an SNS notification nested in another");
        }

        // SubscriptionConfirmation and UnsubscribeConfirmation carry no event; an operator has to act on them.
        var type = JsonFields.String(root, "Type");
        if (type != "Notification")
        {
            return context.Reject($"SNS message Type is {JsonFields.Describe(root, "Type")}, expected 'Notification'");
        }

        if (JsonFields.String(root, "Message") is not { } message)
        {
            return context.Reject($"SNS notification Message is {JsonFields.Describe(root, "Message")}, expected a JSON string");
        }

        return EnvelopeDecoder.DecodeText(message, context with { ViaSns = true }, "SNS Message");
    }
}
