using Monitor.State;

namespace Monitor.Detection.Roles;

/// <summary>
/// The state this detector keeps, every scope prefixed <c>role-</c>. Baselines are per target (role ARN, or the
/// issuing identity for GetSessionToken/GetFederationToken); sessions are keyed on the issued access key id,
/// instance sessions on role + instance id (EC2 rotates the key, the instance stays).
/// </summary>
internal static class RoleKeys
{
    public static StateKey AccountFirst(string account) => new($"role-account:{account}", "first");

    public static StateKey Target(string target) => new($"role-target:{target}", "");

    public static StateKey Caller(string target, string caller) => new($"role-caller:{target}", caller);

    public static string CallerScope(string target) => $"role-caller:{target}";

    public static StateKey Network(string target, string channelNetwork) => new($"role-net:{target}", channelNetwork);

    public static StateKey Agent(string target, string family) => new($"role-ua:{target}", family);

    public static StateKey Mfa(string target, bool mfa) => new($"role-mfa:{target}", mfa ? "mfa" : "no-mfa");

    public static StateKey Hour(string target, int hour) => new($"role-hour:{target}", hour.ToString("00", System.Globalization.CultureInfo.InvariantCulture));

    public static StateKey FromAccount(string target, string account) => new($"role-from-account:{target}", account);

    public static StateKey Provider(string target, string provider) => new($"role-idp:{target}", provider);

    /// <summary>A change to a role (create, trust or permission update) by a caller, in one-minute buckets.</summary>
    public static StateKey Change(string account, string roleName, string caller, long minute) =>
        new($"role-change:{account}:{roleName}", $"{caller}|{minute}");

    /// <summary>How a session was obtained, written when its key was issued.</summary>
    public static StateKey Session(string accessKeyId) => new($"role-session:{accessKeyId}", "issue");

    public static string SessionNetworks(string subject) => $"role-session-net:{subject}";

    public static string SessionAgents(string subject) => $"role-session-ua:{subject}";

    public static string SessionDenials(string subject) => $"role-denied:{subject}";

    public static long Minute(DateTimeOffset at) => at.ToUnixTimeSeconds() / 60;
}
