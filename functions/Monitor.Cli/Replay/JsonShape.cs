using System.Text.Json;

namespace Monitor.Cli.Replay;

/// <summary>
/// The outline of a JSON object read from a prefix of it: its root property names and, when it has a
/// <c>Records</c> array, the property names of the first record. Stops quietly where the prefix ends.
/// </summary>
internal sealed class JsonShape
{
    public HashSet<string> RootKeys { get; } = new(StringComparer.Ordinal);

    public HashSet<string>? FirstRecordKeys { get; private set; }

    public string? FirstRecordEventSource { get; private set; }

    public bool RecordsIsEmptyArray { get; private set; }

    public static JsonShape Read(byte[] prefix)
    {
        var shape = new JsonShape();
        var reader = new Utf8JsonReader(prefix, isFinalBlock: false, state: default);
        try
        {
            shape.ReadRoot(ref reader);
        }
        catch (JsonException)
        {
            // A malformed prefix leaves whatever was read; the reader proper reports the error with its position.
        }

        return shape;
    }

    private void ReadRoot(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            RootKeys.Add(name);
            if (!reader.Read())
            {
                return;
            }

            if (name == "Records" && reader.TokenType == JsonTokenType.StartArray)
            {
                ReadFirstRecord(ref reader);
                return;
            }

            if (!reader.TrySkip())
            {
                return;
            }
        }
    }

    private void ReadFirstRecord(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return;
        }

        if (reader.TokenType == JsonTokenType.EndArray)
        {
            RecordsIsEmptyArray = true;
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            FirstRecordKeys = [];
            return;
        }

        FirstRecordKeys = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            FirstRecordKeys.Add(name);
            if (!reader.Read())
            {
                return;
            }

            if (name == "eventSource" && reader.TokenType == JsonTokenType.String)
            {
                FirstRecordEventSource = reader.GetString();
            }
            else if (!reader.TrySkip())
            {
                return;
            }
        }
    }
}
