using System.Text;

namespace Monitor.Records.AccessLogs;

/// <summary>Parses single access-log lines: the entry point for tools and tests, and the content sniff of the readers.</summary>
public static class AccessLogParser
{
    /// <summary>
    /// Splits <paramref name="text"/> into <paramref name="line"/> using <paramref name="fields"/> as storage (give it
    /// at least <see cref="AccessLogField.Documented"/> ranges). Returns null, or why the text is not an access-log line.
    /// </summary>
    public static string? TryParse(ReadOnlySpan<byte> text, Span<Range> fields, out AccessLogLine line)
    {
        line = default;
        var error = AccessLogTokenizer.Split(text, fields, out var count);
        if (error is not null)
        {
            return error;
        }

        if (count < AccessLogField.Minimum)
        {
            return $"{count} fields, fewer than the {AccessLogField.Minimum} every access-log line has";
        }

        line = new AccessLogLine(text, fields, count);
        return null;
    }

    /// <summary>Every documented field of <paramref name="text"/>, or null with the reason in <paramref name="error"/>.</summary>
    public static AccessLogRecord? ParseRecord(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<Range> fields = stackalloc Range[AccessLogField.Documented];
        error = TryParse(Encoding.UTF8.GetBytes(text.TrimEnd('\r', '\n')), fields, out var line);
        return error is null ? AccessLogRecord.From(line) : null;
    }

    /// <summary>
    /// Whether <paramref name="firstLine"/> is an access-log line: it splits into enough fields and its third field is
    /// a bracketed access-log time (of any year: a time out of range fails its line when read, not the whole log).
    /// CloudTrail JSON starts with <c>{</c> or <c>[</c> and never passes.
    /// </summary>
    public static bool IsAccessLogLine(ReadOnlySpan<byte> firstLine)
    {
        if (firstLine.IsEmpty || firstLine[0] is (byte)'{' or (byte)'[')
        {
            return false;
        }

        Span<Range> fields = stackalloc Range[AccessLogField.Documented];
        return TryParse(firstLine, fields, out var line) is null
            && firstLine[fields[AccessLogField.Time].Start.Value - 1] == (byte)'['
            && AccessLogTime.IsWellFormed(line[AccessLogField.Time]);
    }
}
