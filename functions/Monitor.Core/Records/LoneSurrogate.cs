using System.Text;
using System.Text.Json;

namespace Monitor.Records;

/// <summary>
/// Finds <c>\uD800</c>-style escapes that do not form a surrogate pair. JSON allows them; .NET strings built from
/// them are not valid UTF-16, so System.Text.Json refuses to decode them and throws
/// <see cref="InvalidOperationException"/> from <c>GetString</c>, wherever and whenever that is called. The reader
/// rejects a record holding one, so nothing downstream ever meets a string it cannot decode.
/// </summary>
internal static class LoneSurrogate
{
    /// <summary>Where the first lone surrogate escape starts in the raw (still escaped) bytes of a string, or -1.</summary>
    public static int IndexIn(ReadOnlySpan<byte> escaped)
    {
        var i = escaped.IndexOf((byte)'\\');
        while (i >= 0 && i + 1 < escaped.Length)
        {
            if (escaped[i + 1] != (byte)'u')
            {
                i = Next(escaped, i + 2);
                continue;
            }

            var unit = CodeUnit(escaped, i + 2);
            if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                return i;
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (i + 7 >= escaped.Length || escaped[i + 6] != (byte)'\\' || escaped[i + 7] != (byte)'u' || CodeUnit(escaped, i + 8) is not (>= 0xDC00 and <= 0xDFFF))
                {
                    return i;
                }

                i = Next(escaped, i + 12);
                continue;
            }

            i = Next(escaped, i + 6);
        }

        return -1;
    }

    /// <summary>
    /// Why <paramref name="record"/> cannot be read, e.g. <c>invalid JSON string: lone surrogate \ud800 in
    /// requestParameters</c>: the first lone surrogate and the top-level field it sits in. Runs only for a record
    /// the scanner has already found one in.
    /// </summary>
    public static string Describe(ReadOnlySpan<byte> record)
    {
        var reader = new Utf8JsonReader(record, new JsonReaderOptions { MaxDepth = RecordScanner.MaxDepth });
        var field = "";
        try
        {
            while (reader.Read())
            {
                var isName = reader.TokenType == JsonTokenType.PropertyName;
                if (isName && reader.CurrentDepth == 1)
                {
                    field = Encoding.UTF8.GetString(reader.ValueSpan);
                }

                if ((isName || reader.TokenType == JsonTokenType.String) && reader.ValueIsEscaped && IndexIn(reader.ValueSpan) is >= 0 and var at)
                {
                    var escape = Encoding.UTF8.GetString(reader.ValueSpan.Slice(at, 6));
                    var where = isName && reader.CurrentDepth == 1 ? "a field name" : Clip(field);
                    return $"invalid JSON string: lone surrogate {escape} in {where}";
                }
            }
        }
        catch (JsonException)
        {
            // The scanner has read these bytes already; fall through to the plain reason.
        }

        return "invalid JSON string: lone surrogate";
    }

    private static int Next(ReadOnlySpan<byte> escaped, int from)
    {
        if (from >= escaped.Length)
        {
            return -1;
        }

        var next = escaped[from..].IndexOf((byte)'\\');
        return next < 0 ? -1 : from + next;
    }

    // The reader has validated the four hex digits of every \u escape; a cut-off one cannot occur.
    private static int CodeUnit(ReadOnlySpan<byte> escaped, int at)
    {
        if (at + 4 > escaped.Length)
        {
            return -1;
        }

        var value = 0;
        foreach (var b in escaped.Slice(at, 4))
        {
            value = (value << 4) | HexValue(b);
        }

        return value;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => 0,
    };

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
