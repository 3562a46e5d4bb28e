using System.Text.Json;

namespace Monitor.Envelopes;

/// <summary>Typed look-ups on untrusted JSON that never throw: a field of the wrong kind reads as absent.</summary>
internal static class JsonFields
{
    private const int MaxShownLength = 80;

    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement? Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    /// <summary>How a field is named in a rejection: its kind when it is not the expected one, "missing" when absent.</summary>
    public static string Describe(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? Describe(value)
            : "missing";

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Quote(value.GetString()),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => $"a {value.ValueKind.ToString().ToLowerInvariant()}",
    };

    /// <summary>Quotes attacker-supplied text for an error message, cut short so one field cannot flood a log line.</summary>
    public static string Quote(string? text) =>
        text is null ? "null"
        : text.Length <= MaxShownLength ? $"'{text}'"
        : $"'{text[..MaxShownLength]}…' ({text.Length} chars)";
}
