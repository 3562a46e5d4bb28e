namespace Monitor.Records.AccessLogs;

/// <summary>
/// Splits one access-log line into its fields without copying: a field is a <c>[...]</c> run (the time holds a
/// space), a <c>"..."</c> run (request URI, referer, user agent), or a run of non-spaces. AWS documents no escape
/// rule for a quote inside the user agent, so <c>\"</c> is taken as escaped and a bare quote only closes the field
/// when a space or the end of the line follows it; that keeps <c>"a "b" c"</c> in one piece.
/// </summary>
internal static class AccessLogTokenizer
{
    /// <summary>
    /// Fills <paramref name="fields"/> with the ranges of the field contents (brackets and quotes excluded) and sets
    /// <paramref name="count"/> to the number of fields on the line, which may exceed the span (extra fields are
    /// counted, not stored). Returns null, or the reason the line cannot be split.
    /// </summary>
    public static string? Split(ReadOnlySpan<byte> line, Span<Range> fields, out int count)
    {
        count = 0;
        var i = 0;
        while (i < line.Length)
        {
            int start;
            int end;
            switch (line[i])
            {
                case (byte)'[':
                    start = i + 1;
                    var close = line[start..].IndexOf((byte)']');
                    if (close < 0)
                    {
                        return $"field {count + 1}: '[' is never closed";
                    }

                    end = start + close;
                    if (end + 1 < line.Length && line[end + 1] != (byte)' ')
                    {
                        return $"field {count + 1}: no space after ']'";
                    }

                    i = end + 2;
                    break;
                case (byte)'"':
                    start = i + 1;
                    end = ClosingQuote(line, start);
                    if (end < 0)
                    {
                        return $"field {count + 1}: '\"' is never closed";
                    }

                    i = end + 2;
                    break;
                default:
                    start = i;
                    var space = line[i..].IndexOf((byte)' ');
                    end = space < 0 ? line.Length : i + space;
                    i = end + 1;
                    break;
            }

            if (count < fields.Length)
            {
                fields[count] = start..end;
            }

            count++;
        }

        return null;
    }

    private static int ClosingQuote(ReadOnlySpan<byte> line, int from)
    {
        var at = from;
        while (true)
        {
            var next = line[at..].IndexOf((byte)'"');
            if (next < 0)
            {
                return -1;
            }

            var quote = at + next;
            var closes = quote + 1 == line.Length || line[quote + 1] == (byte)' ';
            if (closes && !IsEscaped(line, from, quote))
            {
                return quote;
            }

            at = quote + 1;
        }
    }

    private static bool IsEscaped(ReadOnlySpan<byte> line, int from, int quote)
    {
        var backslashes = 0;
        for (var j = quote - 1; j >= from && line[j] == (byte)'\\'; j--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }
}
