namespace Monitor.Records.AccessLogs;

/// <summary>Parses the access-log time, strftime <c>%d/%b/%Y:%H:%M:%S %z</c> (the brackets already removed).</summary>
internal static class AccessLogTime
{
    private static ReadOnlySpan<byte> Months => "JanFebMarAprMayJunJulAugSepOctNovDec"u8;

    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset time)
    {
        time = default;

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

        if (year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59)
        {
            return false;
        }

        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        time = new DateTimeOffset(year, month, day, hour, minute, second, text[21] == (byte)'-' ? -offset : offset).ToUniversalTime();
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
