using System.Globalization;
using System.Text.Json;

namespace Monitor.Lambda.Handlers;

/// <summary>Reads an EventBridge schedule event.</summary>
internal static class ScheduleEvent
{
    // The event carries "time" (the scheduled instant): working as of it, not of whenever the function happened
    // to start, makes a retried invocation produce exactly what the first one did.
    public static DateTimeOffset? Time(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("time", out var value)
                && value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
                ? at
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
