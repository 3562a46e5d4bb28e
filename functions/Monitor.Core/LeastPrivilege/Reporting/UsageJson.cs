using System.Text.Json;

namespace Monitor.LeastPrivilege.Reporting;

/// <summary>The <c>denied</c> and <c>unmapped</c> arrays of the policy and report contracts, written one way for both.</summary>
public static class UsageJson
{
    public static void WriteDenied(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, int>> denied)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(denied);
        writer.WriteStartArray("denied");
        foreach (var (action, count) in denied)
        {
            writer.WriteStartObject();
            writer.WriteString("action", action);
            writer.WriteNumber("count", count);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteUnmapped(Utf8JsonWriter writer, IEnumerable<(string EventSource, string EventName, int Count)> unmapped)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(unmapped);
        writer.WriteStartArray("unmapped");
        foreach (var (source, name, count) in unmapped)
        {
            writer.WriteStartObject();
            writer.WriteString("eventSource", source);
            writer.WriteString("eventName", name);
            writer.WriteNumber("count", count);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
