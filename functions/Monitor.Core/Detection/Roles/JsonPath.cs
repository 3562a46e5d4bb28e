using System.Text.Json;

namespace Monitor.Detection.Roles;

/// <summary>Reads a string at a property path of a free-form CloudTrail block, tolerating any shape.</summary>
internal static class JsonPath
{
    public static string? String(JsonElement? element, params ReadOnlySpan<string> path)
    {
        if (element is not { } current)
        {
            return null;
        }

        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.String && current.GetString() is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;
    }
}
