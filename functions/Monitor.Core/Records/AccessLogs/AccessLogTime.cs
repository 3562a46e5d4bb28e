namespace Monitor.Records.AccessLogs;

/// <summary>
/// Parses the access-log time, strftime <c>%d/%b/%Y:%H:%M:%S %z</c> (the brackets already removed). Times outside
/// <see cref="EventTimeRange"/> are refused like any other unreadable time.
/// </summary>
internal static class AccessLogTime
{
    private static ReadOnlySpan<byte> Months => "JanFebMarAprMayJunJulAugSepOctNovDec"u8;

    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset time)
    {
        time = default;
        if (!TryFields(text, out var fields))
        {
            return false;
        }

        // Years outside the supported range are refused before any date is built: year 1 at +14:00 is before
        // DateTimeOffset.MinValue in UTC, and constructing it throws.
        var (year, month, day, hour, minute, second, offset) = fields;
        if (year < EventTimeRange.Earliest.Year - 1 || year > EventTimeRange.End.Year || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var parsed = new DateTimeOffset(year, month, day, hour, minute, second, offset).ToUniversalTime();
        if (!EventTimeRange.Contains(parsed))
        {
            return false;
        }

        time = parsed;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="text"/> has the shape of an access-log time, whatever its year: enough to recognise a
    /// log by its first line, whose time may still be refused (and the line reported) when it is read.
    /// </summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> text) => TryFields(text, out _);

    private static bool TryFields(ReadOnlySpan<byte> text, out (int Year, int Month, int Day, int Hour, int Minute, int Second, TimeSpan Offset) fields)
    {
        fields = default;

        // 06/Feb/2019:00:00:38 +0000
        if (text.Length != 26 || text[2] != (byte)'/' || text[6] != (byte)'/' || text[11] != (byte)':' || text[14] != (byte)':' || text[17] != (byte)':' || text[20] != (byte)' ')
        {
            return false;
        }

        var month = MonthOf(text.Slice(3, 3));
        if (month == 0
            || !TryDigits(text[..2], out var day)
            || !TryDigits(text.Slice(7, 4), out var year)
            || !TryDigits(text.Slice(12, 2), out var hour)
            || !TryDigits(text.Slice(15, 2), out var minute)
            || !TryDigits(text.Slice(18, 2), out var second)
            || text[21] is not ((byte)'+' or (byte)'-')
            || !TryDigits(text.Slice(22, 2), out var offsetHours)
            || !TryDigits(text.Slice(24, 2), out var offsetMinutes))
        {
            return false;
        }

        // An offset is at most 14 hours either way (+1459 would throw when the time is built).
        if (day is < 1 or > 31 || hour > 23 || minute > 59 || second > 59 || offsetMinutes > 59 || (offsetHours * 60) + offsetMinutes > 14 * 60)
        {
            return false;
        }

        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        fields = (year, month, day, hour, minute, second, text[21] == (byte)'-' ? -offset : offset);
        return true;
    }

    private static int MonthOf(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < 12; i++)
        {
            if (Months.Slice(i * 3, 3).SequenceEqual(name))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
