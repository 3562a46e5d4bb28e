using System.Text.Json;
using Monitor.Records;

namespace Monitor.Detection.Tampering;

/// <summary>Reads a <c>PutEventSelectors</c> request: does the trail stop logging management events, all or some?</summary>
internal static class EventSelectors
{
    /// <summary>
    /// True when the new selectors log no management events, only reads or only writes, or exclude event sources
    /// (KMS, RDS Data API) from them. Data-event-only changes that keep management events whole are not reported.
    /// </summary>
    public static bool DropManagementEvents(JsonElement? request)
    {
        if (RecordFields.Element(request, "advancedEventSelectors") is { ValueKind: JsonValueKind.Array } advanced)
        {
            return !advanced.EnumerateArray().Any(LogsAllManagementEvents);
        }

        if (RecordFields.Element(request, "eventSelectors") is not { ValueKind: JsonValueKind.Array } selectors)
        {
            return false;
        }

        return !selectors.EnumerateArray().Any(s =>
            s.ValueKind == JsonValueKind.Object
            && (!s.TryGetProperty("includeManagementEvents", out var include) || include.ValueKind == JsonValueKind.True)
            && (!s.TryGetProperty("readWriteType", out var readWrite) || readWrite.ValueKind != JsonValueKind.String || readWrite.GetString() == "All")
            && (!s.TryGetProperty("excludeManagementEventSources", out var excluded) || excluded.ValueKind != JsonValueKind.Array || excluded.GetArrayLength() == 0));
    }

    /// <summary>An advanced selector for management events with no narrowing field besides the category.</summary>
    private static bool LogsAllManagementEvents(JsonElement selector)
    {
        if (selector.ValueKind != JsonValueKind.Object || !selector.TryGetProperty("fieldSelectors", out var fields) || fields.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var management = false;
        foreach (var field in fields.EnumerateArray())
        {
            var name = field.ValueKind == JsonValueKind.Object && field.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (name == "eventCategory")
            {
                management = field.TryGetProperty("equals", out var equals) && equals.ValueKind == JsonValueKind.Array
                    && equals.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && v.GetString() == "Management");
            }
            else
            {
                return false;
            }
        }

        return management;
    }
}
