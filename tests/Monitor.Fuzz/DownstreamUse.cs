using System.Text.Json;
using Monitor.Records;

namespace Monitor.Fuzz;

/// <summary>
/// Uses what a reader yielded the way the detectors and the policy engine do: date arithmetic on the event time,
/// GetString on every string of the free-form blocks, the derived keys. Whatever throws here is the reader's bug.
/// </summary>
internal static class DownstreamUse
{
    private static readonly DateTimeOffset Earliest = DateTimeOffset.UnixEpoch;
    private static readonly DateTimeOffset End = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Touch(Activity activity)
    {
        FuzzInvariantException.ThrowUnless(activity.Time >= Earliest && activity.Time < End, $"event time {activity.Time:O} is outside the supported range");
        FuzzInvariantException.ThrowUnless(activity.Time.Offset == TimeSpan.Zero, $"event time {activity.Time:O} is not UTC");
        _ = activity.Time.AddDays(-400);
        _ = activity.Time.AddDays(7);
        FuzzInvariantException.ThrowUnless(!string.IsNullOrEmpty(activity.EventId) && !string.IsNullOrEmpty(activity.EventSource) && !string.IsNullOrEmpty(activity.EventName), "an activity without id, source or name");
        _ = activity.DedupKey;
        _ = activity.Service;
        _ = activity.Principal.Key.Length;
        _ = activity.Source.Network;
        foreach (var resource in activity.Resources)
        {
            FuzzInvariantException.ThrowUnless(resource is not null, "a null resource");
        }

        if (activity.Record is { } record)
        {
            Walk(record.RequestParameters);
            Walk(record.ResponseElements);
            Walk(record.AdditionalEventData);
            Walk(record.UserIdentity?.SessionContext?.WebIdFederationData?.Attributes);
        }
    }

    public static void Touch(ReadReport report)
    {
        FuzzInvariantException.ThrowUnless(report.Errors.Count <= ReadReport.MaxErrors + 1, $"{report.Errors.Count} errors kept");
        foreach (var error in report.Errors)
        {
            FuzzInvariantException.ThrowUnless(error.StartsWith(report.Input + ": ", StringComparison.Ordinal), $"an error that does not name the input: {error}");
        }
    }

    private static void Walk(JsonElement? element)
    {
        if (element is { } value)
        {
            Walk(value);
        }
    }

    private static void Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    Walk(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }

                break;
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            default:
                break;
        }
    }
}
