using System.Text.Json;

namespace Monitor.Records;

/// <summary>
/// The one way to read a field of a record's free-form blocks (<c>requestParameters</c>, <c>responseElements</c>,
/// <c>additionalEventData</c>), tolerating any shape: by exact property path (detectors), or by top-level name in any
/// case, as values, arrays or every string at any depth (the least-privilege mapping, which follows the API's
/// parameter names, not their casing in the log). Whatever is missing, null or of another type reads as absent.
/// </summary>
internal static class RecordFields
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

    /// <summary>A top-level string field (case-insensitive name), or null.</summary>
    public static string? StringIgnoringCase(JsonElement? parameters, string name)
    {
        if (parameters is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                return property.Value.GetString();
            }
        }

        return null;
    }

    /// <summary>A top-level field as JSON (case-insensitive name), or null.</summary>
    public static JsonElement? FieldIgnoringCase(JsonElement? parameters, string name)
    {
        if (parameters is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>Strings of a top-level array field.</summary>
    public static IReadOnlyList<string> Strings(JsonElement? parameters, string name) =>
        FieldIgnoringCase(parameters, name) is { ValueKind: JsonValueKind.Array } array
            ? [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];

    /// <summary>Whether a field holds something: a non-empty array, object or string.</summary>
    public static bool HasContent(JsonElement? parameters, string name) => FieldIgnoringCase(parameters, name) switch
    {
        { ValueKind: JsonValueKind.Array } a => a.GetArrayLength() > 0,
        { ValueKind: JsonValueKind.Object } o => o.EnumerateObject().Any(),
        { ValueKind: JsonValueKind.String } s => !string.IsNullOrEmpty(s.GetString()),
        _ => false,
    };

    /// <summary>Every (property name, string value) pair at any depth, in document order.</summary>
    public static IEnumerable<(string Name, string Value)> AllStrings(JsonElement? parameters)
    {
        if (parameters is not { } root)
        {
            yield break;
        }

        var stack = new Stack<(string Name, JsonElement Value)>();
        stack.Push((string.Empty, root));
        while (stack.Count > 0)
        {
            var (name, value) = stack.Pop();
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    yield return (name, value.GetString()!);
                    break;
                case JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject().Reverse())
                    {
                        stack.Push((property.Name, property.Value));
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray().Reverse())
                    {
                        stack.Push((name, item));
                    }

                    break;
                default:
                    break;
            }
        }
    }
}
