using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Monitor.Records;

/// <summary>
/// Reads CloudTrail's <c>eventTime</c>: ISO 8601, UTC, with or without fractional seconds. Athena, CloudTrail Lake
/// and SIEM exports write the same time with a space for the <c>T</c> (<c>2025-01-02 00:03:45.000</c>), also UTC.
/// </summary>
internal static class CloudTrailTime
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    /// <summary>Parses <paramref name="text"/> as UTC (a time without an offset is taken as UTC); false for anything else, e.g. <c>"redacted"</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DateTimeOffset time)
    {
        if (text is not null
            && DateTimeOffset.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            time = parsed.ToUniversalTime();
            return true;
        }

        time = default;
        return false;
    }
}
