namespace Monitor.Records;

/// <summary>
/// The event times a record may carry. CloudTrail began in 2013 and S3 server access logs in 2006, so a time
/// before the Unix epoch or from 2100 on is forged or corrupt. The bound also keeps every window computed
/// from an event time (a credential idle for 90 days, failures in the previous 7) inside the range
/// <see cref="DateTimeOffset"/> can hold: <c>0001-01-01</c> minus 90 days throws.
/// </summary>
internal static class EventTimeRange
{
    public static readonly DateTimeOffset Earliest = DateTimeOffset.UnixEpoch;

    /// <summary>The first time that is too late.</summary>
    public static readonly DateTimeOffset End = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How a rejection names the range.</summary>
    public const string Description = "1970-01-01 to 2100-01-01";

    public static bool Contains(DateTimeOffset time) => time >= Earliest && time < End;
}
