using System.Globalization;

namespace Monitor.Records.CredentialReports;

/// <summary>What a credential report date column holds when it holds no date.</summary>
public enum ReportSentinel
{
    /// <summary>A real ISO 8601 date.</summary>
    None,

    /// <summary><c>N/A</c>: the credential does not exist (no password, no key) or a key was never used.</summary>
    NotApplicable,

    /// <summary><c>no_information</c>: a password never used, or last used before IAM tracked it (2014-10-20).</summary>
    NoInformation,

    /// <summary><c>not_supported</c>: the column does not apply to this row (the root user's password dates).</summary>
    NotSupported,
}

/// <summary>
/// A date column of the credential report: a time, or one of the three sentinels. The sentinels are kept distinct
/// and never turned into a date: coercing them to year 1 would make every root row "maximally dormant".
/// </summary>
public readonly record struct ReportTime(ReportSentinel Sentinel, DateTimeOffset? Time)
{
    public static readonly ReportTime NotApplicable = new(ReportSentinel.NotApplicable, null);

    public bool HasTime => Time is not null;

    public static ReportTime At(DateTimeOffset time) => new(ReportSentinel.None, time);

    /// <summary>Parses a date column; false (with no value) for text that is neither a time nor a sentinel.</summary>
    public static bool TryParse(string text, out ReportTime value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = text switch
        {
            "N/A" => NotApplicable,
            "no_information" => new(ReportSentinel.NoInformation, null),
            "not_supported" => new(ReportSentinel.NotSupported, null),

            // Exports that pass the report through Go, .NET or JavaScript write a missing date as their zero time, in
            // whatever format they print times: "0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000+00:00",
            // "0001-01-01 00:00:00 +0000 UTC".
            _ when text.StartsWith("0001-01-01", StringComparison.Ordinal) => NotApplicable,
            _ => default,
        };
        if (value.Sentinel != ReportSentinel.None)
        {
            return true;
        }

        // The report writes "2024-01-02T03:04:05+00:00"; a time without a zone is UTC like everything IAM writes.
        // Years like 0001 are refused as CloudTrail's are: the audit's date arithmetic cannot take them.
        if (text.Length >= 10 && char.IsAsciiDigit(text[0])
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            && EventTimeRange.Contains(time))
        {
            value = At(time.ToUniversalTime());
            return true;
        }

        return false;
    }

    public override string ToString() => Sentinel switch
    {
        ReportSentinel.NotApplicable => "N/A",
        ReportSentinel.NoInformation => "no_information",
        ReportSentinel.NotSupported => "not_supported",
        _ => Time!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };
}
