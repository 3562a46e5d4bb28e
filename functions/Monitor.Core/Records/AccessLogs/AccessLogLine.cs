using System.Globalization;
using System.Text;

namespace Monitor.Records.AccessLogs;

/// <summary>
/// One split access-log line: the raw bytes and where each field lies. Fields past the end of a short (older) line
/// read as absent, like <c>-</c>; fields past the documented ones (newer logs) are counted and ignored.
/// </summary>
public readonly ref struct AccessLogLine
{
    private readonly ReadOnlySpan<byte> _text;
    private readonly ReadOnlySpan<Range> _fields;

    internal AccessLogLine(ReadOnlySpan<byte> text, ReadOnlySpan<Range> fields, int count)
    {
        _text = text;
        _fields = fields;
        Count = count;
    }

    /// <summary>How many fields the line has, including any AWS added after the documented ones.</summary>
    public int Count { get; }

    /// <summary>The raw bytes of a field (without its brackets or quotes); empty when the line is shorter.</summary>
    public ReadOnlySpan<byte> this[int field] => field < Count && field < _fields.Length ? _text[_fields[field]] : default;

    /// <summary>Whether a field is <c>-</c>, empty, or beyond the end of the line.</summary>
    public bool IsAbsent(int field)
    {
        var value = this[field];
        return value.IsEmpty || (value.Length == 1 && value[0] == (byte)'-');
    }

    /// <summary>A field as text, or null when absent. Quoted fields lose the backslash of an escaped quote.</summary>
    public string? Text(int field)
    {
        if (IsAbsent(field))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(this[field]);
        return text.Contains("\\\"", StringComparison.Ordinal) ? text.Replace("\\\"", "\"", StringComparison.Ordinal) : text;
    }

    /// <summary>A numeric field, or null when absent or not a number (AWS writes <c>-</c> for zero bytes sent).</summary>
    public long? Number(int field)
    {
        if (IsAbsent(field))
        {
            return null;
        }

        var value = this[field];
        long result = 0;
        foreach (var b in value)
        {
            if (b is < (byte)'0' or > (byte)'9' || result > (long.MaxValue / 10) - 9)
            {
                return null;
            }

            result = (result * 10) + (b - '0');
        }

        return result;
    }

    /// <summary>The HTTP status, or 0 when the field is not a three-digit number.</summary>
    public int Status
    {
        get
        {
            var value = this[AccessLogField.HttpStatus];
            return value.Length == 3 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : 0;
        }
    }
}
