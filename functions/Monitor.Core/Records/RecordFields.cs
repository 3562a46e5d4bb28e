using System.Text.Json;

namespace Monitor.Records;

/// <summary>
/// The one way to read a field of a record's free-form blocks (<c>requestParameters</c>, <c>responseElements</c>,
/// <c>additionalEventData</c>): by exact property path, tolerating any shape. Whatever is missing, null, blank or not a
/// string reads as null.
/// </summary>
public static class RecordFields
{
    public static string? String(JsonElement? block, params ReadOnlySpan<string> path)
    {
        if (Element(block, path) is not { ValueKind: JsonValueKind.String } value)
        {
            return null;
        }

        var text = value.GetString();
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>The element at <paramref name="path"/>, or null when any step is missing or not an object.</summary>
    public static JsonElement? Element(JsonElement? block, params ReadOnlySpan<string> path)
    {
        if (block is not { } current)
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

        return current;
    }

    /// <summary>A string in <c>requestParameters</c>.</summary>
    public static string? Request(this Activity activity, params ReadOnlySpan<string> path)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return String(activity.Record?.RequestParameters, path);
    }

    /// <summary>A string in <c>responseElements</c>. Never read a secret this way: only ids and names.</summary>
    public static string? Response(this Activity activity, params ReadOnlySpan<string> path)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return String(activity.Record?.ResponseElements, path);
    }

    /// <summary>A string in <c>additionalEventData</c>.</summary>
    public static string? Additional(this Activity activity, params ReadOnlySpan<string> path)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return String(activity.Record?.AdditionalEventData, path);
    }
}
