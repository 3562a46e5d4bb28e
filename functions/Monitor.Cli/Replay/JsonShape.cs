using System.Globalization;
using System.Text.Json;

namespace Monitor.Cli.Replay;

/// <summary>
/// The outline of a JSON input read from a prefix of it: its root property names; when it has a
/// <c>Records</c> array (or is an array), the property names of the first record; and the earliest time it
/// names up front (a record's <c>eventTime</c>, an SQS message's <c>SentTimestamp</c>, an EventBridge
/// <c>time</c>, an SNS <c>Timestamp</c>), which orders replay inputs. Stops quietly where the prefix ends.
/// </summary>
internal sealed class JsonShape
{
    public HashSet<string> RootKeys { get; } = new(StringComparer.Ordinal);

    public HashSet<string>? FirstRecordKeys { get; private set; }

    public string? FirstRecordEventSource { get; private set; }

    public bool RecordsIsEmptyArray { get; private set; }

    public DateTimeOffset? FirstTime { get; private set; }

    public static JsonShape Read(ReadOnlySpan<byte> prefix)
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
        if (!reader.Read())
        {
            return;
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            ReadFirstRecord(ref reader);
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
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

            if (name is "eventTime" or "time" or "Timestamp" or "Time" && reader.TokenType == JsonTokenType.String)
            {
                NoteTime(reader.GetString());
            }
            else if (!reader.TrySkip())
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
            else if (name == "eventTime" && reader.TokenType == JsonTokenType.String)
            {
                NoteTime(reader.GetString());
            }
            else if (name == "attributes" && reader.TokenType == JsonTokenType.StartObject)
            {
                if (!ReadSqsAttributes(ref reader))
                {
                    return;
                }
            }
            else if (!reader.TrySkip())
            {
                return;
            }
        }
    }

    // SQS message attributes: SentTimestamp is epoch milliseconds, as a string.
    private bool ReadSqsAttributes(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            if (!reader.Read())
            {
                return false;
            }

            if (name == "SentTimestamp" && reader.TokenType == JsonTokenType.String
                && long.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                && ms is > 0 and < 253402300799999)
            {
                Note(DateTimeOffset.FromUnixTimeMilliseconds(ms));
            }
            else if (!reader.TrySkip())
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    private void NoteTime(string? text)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            Note(time);
        }
    }

    private void Note(DateTimeOffset time)
    {
        if (FirstTime is null || time < FirstTime)
        {
            FirstTime = time;
        }
    }
}
