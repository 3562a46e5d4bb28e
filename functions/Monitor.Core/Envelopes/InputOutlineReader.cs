using System.Globalization;
using System.Text.Json;

namespace Monitor.Envelopes;

/// <summary>
/// Reads an <see cref="InputOutline"/> from a prefix of a file, token by token, so a large log is outlined without being
/// loaded: the root's property names up to a <c>Records</c> array, then the first record's, noting the times named on
/// the way. Stops quietly where the prefix ends or the JSON breaks; the reader proper reports the error with its position.
/// </summary>
internal sealed class InputOutlineReader
{
    private readonly HashSet<string> _properties = new(StringComparer.Ordinal);
    private HashSet<string>? _firstRecord;
    private string? _firstRecordEventSource;
    private DateTimeOffset? _firstTime;

    public static InputOutline Read(ReadOnlyMemory<byte> prefix)
    {
        var head = SkipBlank(prefix);
        var root = head.IsEmpty ? JsonValueKind.Undefined : head.Span[0] switch
        {
            (byte)'{' => JsonValueKind.Object,
            (byte)'[' => JsonValueKind.Array,
            _ => JsonValueKind.Undefined,
        };
        var outline = new InputOutlineReader();
        if (root != JsonValueKind.Undefined)
        {
            outline.ReadJson(head.Span);
        }

        return new InputOutline
        {
            Head = head,
            Root = root,
            Properties = outline._properties,
            FirstRecord = outline._firstRecord,
            FirstRecordEventSource = outline._firstRecordEventSource,
            FirstTime = outline._firstTime,
        };
    }

    private static ReadOnlyMemory<byte> SkipBlank(ReadOnlyMemory<byte> bytes)
    {
        // A UTF-8 byte order mark is tolerated, as JsonDocument does; Utf8JsonReader would not skip it. "\uFEFF"u8 is
        // its three bytes ("\xEF\xBB\xBF"u8 would be six: three chars, two UTF-8 bytes each).
        if (bytes.Span.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var start = 0;
        while (start < bytes.Length && bytes.Span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        return bytes[start..];
    }

    private void ReadJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, state: default);
        try
        {
            ReadRoot(ref reader);
        }
        catch (JsonException)
        {
            // A malformed prefix leaves whatever was read.
        }
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
            _properties.Add(name);
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
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return;
        }

        _firstRecord = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            _firstRecord.Add(name);
            if (!reader.Read())
            {
                return;
            }

            if (name == "eventSource" && reader.TokenType == JsonTokenType.String)
            {
                _firstRecordEventSource = reader.GetString();
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
        if (_firstTime is null || time < _firstTime)
        {
            _firstTime = time;
        }
    }
}
