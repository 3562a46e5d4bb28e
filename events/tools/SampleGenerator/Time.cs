using System.Globalization;
using System.Text.Json.Nodes;

internal static class Time
{
    public static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string IsoMillis(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // CloudTrail renders credential expirations and key create dates in this US style.
    public static string Us(DateTime t) => t.ToString("MMM d, yyyy, h:mm:ss tt", CultureInfo.InvariantCulture);

    public static string Stamp(DateTime t) => t.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);

    public static string Folder(DateTime t) => t.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);

    public static DateTime At(int y, int mo, int d, int h, int mi, int s) => new(y, mo, d, h, mi, s, DateTimeKind.Utc);

    public static DateTime Parse(JsonObject record) =>
        DateTime.ParseExact(record["eventTime"]!.GetValue<string>(), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static long EpochMillis(DateTime t) => (long)(t - DateTime.UnixEpoch).TotalMilliseconds;
}
