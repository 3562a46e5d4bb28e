using System.Text.Json;

namespace Monitor.Envelopes;

/// <summary>
/// An EventBridge event that CloudTrail delivered (<c>detail-type</c> "AWS API Call via CloudTrail",
/// "AWS Console Sign In via CloudTrail", ...): its <c>detail</c> is one CloudTrail record, passed on inline.
/// </summary>
internal static class EventBridgeShape
{
    private const string CloudTrailSuffix = " via CloudTrail";

    public static Envelope Decode(JsonElement root, DecodeContext context)
    {
        var detailType = JsonFields.String(root, "detail-type");
        if (string.IsNullOrEmpty(detailType))
        {
            return context.Reject($"EventBridge detail-type is {JsonFields.Describe(root, "detail-type")}, expected text");
        }

        // The EventBridge guide spells the sign-in type two ways ("Sign In" and "Signin"), so sign-in
        // events are recognised by their source.
        var source = JsonFields.String(root, "source");
        if (!detailType.EndsWith(CloudTrailSuffix, StringComparison.Ordinal) && source != "aws.signin")
        {
            return context.Reject(
                $"EventBridge event {JsonFields.Quote(detailType)} from {JsonFields.Quote(source)} was not delivered via CloudTrail");
        }

        if (JsonFields.Object(root, "detail") is not { } detail)
        {
            return context.Reject($"EventBridge detail is {JsonFields.Describe(root, "detail")}, expected a CloudTrail record");
        }

        if (string.IsNullOrEmpty(JsonFields.String(detail, "eventName")))
        {
            return context.Reject("EventBridge detail has no eventName, so it is not a CloudTrail record");
        }

        return context.Accept(EnvelopeKind.EventBridgeEvent, [], [detail.GetRawText()], []);
    }
}
