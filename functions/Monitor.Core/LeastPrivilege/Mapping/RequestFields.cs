using System.Text.Json;

namespace Monitor.LeastPrivilege.Mapping;

/// <summary>Reads values out of <c>requestParameters</c> without trusting their shape: any field may be missing, null or of another type.</summary>
public static class RequestFields
{
    /// <summary>A top-level string field (case-insensitive name), or null.</summary>
    public static string? String(JsonElement? parameters, string name)
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
    public static JsonElement? Field(JsonElement? parameters, string name)
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
        Field(parameters, name) is { ValueKind: JsonValueKind.Array } array
            ? [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];

    /// <summary>Whether a field holds something: a non-empty array, object or string.</summary>
    public static bool HasContent(JsonElement? parameters, string name) => Field(parameters, name) switch
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
