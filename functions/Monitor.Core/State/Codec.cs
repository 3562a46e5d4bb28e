using System.Globalization;

namespace Monitor.State;

/// <summary>How a typed value is written into, and read back from, the text a <see cref="Sighting"/> stores.</summary>
public sealed class Codec<T>(Func<T, string> encode, Func<string, T?> decode)
{
    public string Encode(T value) => encode(value);

    /// <summary>The value, or null (default) when the stored text is not one (written by another version, say).</summary>
    public T? Decode(string text) => decode(text);
}

/// <summary>The codecs detectors use for their state.</summary>
internal static class Codecs
{
    public static readonly Codec<string> Text = new(value => value, text => text);

    public static readonly Codec<int> Int = new(
        value => value.ToString(CultureInfo.InvariantCulture),
        text => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : default);

    public static readonly Codec<bool> Bool = new(value => value ? "true" : "false", text => text == "true");

    /// <summary>ISO 8601 UTC, with fractional seconds only when present (the findings' format).</summary>
    public static readonly Codec<DateTimeOffset> Time = new(
        Detection.FindingJson.FormatTime,
        text => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : default);

    /// <summary>A record as source-generated JSON; text that is not one (written by another version) reads as null.</summary>
    public static Codec<T> Json<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class => new(
        value => System.Text.Json.JsonSerializer.Serialize(value, type),
        text =>
        {
            try
            {
                return System.Text.Json.JsonSerializer.Deserialize(text, type);
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        });

    /// <summary>An enum by name, so stored state survives reordering the enum.</summary>
    public static Codec<TEnum> Enum<TEnum>()
        where TEnum : struct, System.Enum => new(value => value.ToString(), text => System.Enum.TryParse<TEnum>(text, out var value) ? value : default);
}
