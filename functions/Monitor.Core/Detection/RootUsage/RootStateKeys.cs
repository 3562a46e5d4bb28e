using Monitor.State;

namespace Monitor.Detection.RootUsage;

/// <summary>
/// The state the root-usage detector keeps. Every member is merged idempotently (first/last seen, days,
/// latest-wins attributes), and every decision reads it as of the event's time.
/// </summary>
internal static class RootStateKeys
{
    /// <summary>How long a root source IP stays "known".</summary>
    public static readonly TimeSpan KnownIpWindow = TimeSpan.FromDays(90);

    /// <summary>How far back a failed root sign-in makes a later success from the same IP suspicious.</summary>
    public static readonly TimeSpan FailureWindow = TimeSpan.FromDays(7);

    /// <summary>Source IPs that proved root credentials (successful sign-in or API call).</summary>
    public static StateKey RootIp(string account, string ip) => new($"root-ip:{account}", ip);

    /// <summary>Source IPs with failed root sign-ins.</summary>
    public static StateKey LoginFailure(string account, string ip) => new($"root-login-failure:{account}", ip);

    /// <summary>
    /// Successful root sign-ins per IP and UTC day; attributes are the sign-ins (dedup key → MFA and event id,
    /// stamped with the event time). A late-arriving failure reads them to judge sign-ins that came after it,
    /// so the fail-then-success finding does not depend on delivery order. One key per day bounds item size.
    /// </summary>
    public static StateKey LoginSuccess(string account, string ip, string day) => new($"root-login-success:{account}", $"{ip}|{day}");

    /// <summary>Session keys issued by sts:AssumeRoot (attributes: caller, target, taskPolicy).</summary>
    public static StateKey AssumeRootSession(string accessKeyId) => new("assume-root-session", accessKeyId);

    /// <summary>The days whose sign-ins a failure at <paramref name="at"/> may precede.</summary>
    public static IEnumerable<string> DaysAfter(DateTimeOffset at)
    {
        for (var day = at.UtcDateTime.Date; day <= (at + FailureWindow).UtcDateTime.Date; day = day.AddDays(1))
        {
            yield return RootActivity.DayOf(new DateTimeOffset(day, TimeSpan.Zero));
        }
    }

    /// <summary>Whether the IP was seen for root strictly before <paramref name="at"/>, within <see cref="KnownIpWindow"/>.</summary>
    public static bool IsKnownAt(Sighting? ip, DateTimeOffset at) =>
        ip is not null && ip.SeenBefore(at) && ip.SeenBetween(at - KnownIpWindow, at);
}
