using Monitor.State;

namespace Monitor.Detection.RootUsage;

/// <summary>
/// The state the root-usage detector keeps: only facts, each a join of what events showed, read as of each event's time.
/// </summary>
internal static class RootState
{
    /// <summary>Source IPs that proved root credentials (a successful sign-in or call).</summary>
    public static StateKey KnownIp(string account, string ip) => new($"root-ip:{account}", ip);

    /// <summary>Source IPs with failed root sign-ins.</summary>
    public static StateKey LoginFailure(string account, string ip) => new($"root-login-failure:{account}", ip);

    /// <summary>Session keys issued by <c>sts:AssumeRoot</c>, with who started them.</summary>
    public static StateKey AssumeRootSession(string accessKeyId) => new("assume-root-session", accessKeyId);

    public static readonly SlotAttribute<string> Caller = new("caller", Codecs.Text, AttributeMerge.Earliest);
    public static readonly SlotAttribute<string> Target = new("target", Codecs.Text, AttributeMerge.Earliest);
    public static readonly SlotAttribute<string> TaskPolicy = new("taskPolicy", Codecs.Text, AttributeMerge.Earliest);

    /// <summary>Every root event of an account by time, so a late fact can have the events after it judged again.</summary>
    public static string Index(string account) => $"root-events:{account}";

    public static StateKey Indexed(RootEvent root) => new(Index(root.Account), TimeOrdered.Member(root.Time, root.EventKey));

    public static bool IsRootState(StateKey key) =>
        key.Scope.StartsWith("root-ip:", StringComparison.Ordinal)
        || key.Scope.StartsWith("root-login-failure:", StringComparison.Ordinal)
        || key.Scope == "assume-root-session";

    /// <summary>The account of a <see cref="KnownIp"/> or <see cref="LoginFailure"/> key.</summary>
    public static string AccountOf(StateKey key) => key.Scope[(key.Scope.IndexOf(':', StringComparison.Ordinal) + 1)..];

    /// <summary>Whether the IP was seen for root strictly before <paramref name="at"/>, within <paramref name="window"/>.</summary>
    public static bool IsKnownAt(Sighting? ip, DateTimeOffset at, TimeSpan window) =>
        ip is not null && ip.SeenBefore(at) && ip.SeenBetween(at - window, at);
}
