using System.Text.Json;

namespace Monitor.Records;

/// <summary>Reads a JSON string token so that text which cannot be decoded fails one record, not the run.</summary>
internal static class JsonStrings
{
    /// <summary>
    /// <see cref="Utf8JsonReader.GetString"/>, except that a lone surrogate escape or invalid UTF-8 throws
    /// <see cref="JsonException"/> (which the reader reports against the record) instead of
    /// <see cref="InvalidOperationException"/> (which nothing expects).
    /// </summary>
    public static string? Read(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException e)
        {
            throw new JsonException($"invalid JSON string ({e.Message})", e);
        }
    }
}
