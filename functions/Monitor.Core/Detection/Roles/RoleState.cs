using System.Globalization;
using Monitor.State;

namespace Monitor.Detection.Roles;

/// <summary>
/// The facts the role detector keeps, every scope prefixed <c>role-</c>. Baselines are per target (role ARN, or the
/// issuing identity for GetSessionToken/GetFederationToken), and each baseline member remembers the assumption that
/// first showed it, so a late, earlier one has the displaced assumption judged again. Sessions are keyed on the issued
/// access key id, instance sessions on role + instance id.
/// </summary>
internal static class RoleState
{
    /// <summary>Any activity of an account: its first sighting starts the learning period.</summary>
    public static StateKey AccountFirst(string account) => new($"role-account:{account}", "first");

    /// <summary>A target assumed in an account (listing the scope gives every target of the account).</summary>
    public static StateKey Target(string? account, string target) => new(TargetScope(account), target);

    public static string TargetScope(string? account) => $"role-target:{account ?? "unknown"}";

    public static StateKey Caller(string target, string caller) => new(CallerScope(target), caller);

    public static string CallerScope(string target) => $"role-caller:{target}";

    public static StateKey Network(string target, string channelNetwork) => new($"role-net:{target}", channelNetwork);

    public static StateKey Agent(string target, string family) => new($"role-ua:{target}", family);

    public static StateKey Mfa(string target, bool mfa) => new($"role-mfa:{target}", mfa ? "mfa" : "no-mfa");

    public static StateKey Hour(string target, int hour) => new(HourScope(target), hour.ToString("00", CultureInfo.InvariantCulture));

    public static string HourScope(string target) => $"role-hour:{target}";

    public static StateKey FromAccount(string target, string account) => new($"role-from-account:{target}", account);

    public static StateKey Provider(string target, string provider) => new($"role-idp:{target}", provider);

    /// <summary>The baseline scopes of a target whose members remember the assumption that first showed them.</summary>
    public static IEnumerable<string> BaselineScopes(string target) =>
        [CallerScope(target), $"role-net:{target}", $"role-ua:{target}", $"role-mfa:{target}", HourScope(target), $"role-from-account:{target}", $"role-idp:{target}"];

    /// <summary>A change to a role (create, trust or permission update) by a caller, in one-minute buckets.</summary>
    public static StateKey Change(string account, string roleName, string caller, long minute) => new(ChangeScope(account, roleName), $"{caller}|{minute}");

    public static string ChangeScope(string account, string roleName) => $"role-change:{account}:{roleName}";

    public static long Minute(DateTimeOffset at) => at.ToUnixTimeSeconds() / 60;

    /// <summary>How a session was obtained, written when its key was issued; chained sessions add themselves to <see cref="Children"/>.</summary>
    public static StateKey Session(string accessKeyId) => new($"role-session:{accessKeyId}", "issue");

    /// <summary>An instance session's key (its keys rotate), remembering the session that used it: a late issuance judges it again.</summary>
    public static StateKey InstanceKey(string accessKeyId) => new($"role-instance-key:{accessKeyId}", "");

    /// <summary>The sessions a session's key obtained (role chaining), by time.</summary>
    public static string ChainScope(string accessKeyId) => $"role-chain:{accessKeyId}";

    public static string SessionNetworks(string subject) => $"role-session-net:{subject}";

    public static string SessionAgents(string subject) => $"role-session-ua:{subject}";

    public static string SessionDenials(string subject) => $"role-denied:{subject}";

    public static string SessionTools(string subject) => $"role-session-tool:{subject}";

    /// <summary>Sessions denied AssumeRole on a role, by time: a late change to the role can explain their denials.</summary>
    public static string DenialsOfRole(string account, string roleName) => $"role-denied-role:{account}:{roleName}";

    // Provenance of a session (on Session(key)); earliest-wins, as a key is issued once.
    public static readonly SlotAttribute<string> Via = new("via", Codecs.Text, AttributeMerge.Earliest);
    public static readonly SlotAttribute<string> IssuedTo = new("target", Codecs.Text, AttributeMerge.Earliest);
    public static readonly SlotAttribute<string> IssuedBy = new("caller", Codecs.Text, AttributeMerge.Earliest);
    public static readonly SlotAttribute<string> IssuedFrom = new("sourceIPAddress", Codecs.Text, AttributeMerge.Earliest);
    public static readonly SlotAttribute<DateTimeOffset> IssuedAt = new("issuedAt", Codecs.Time, AttributeMerge.Earliest);

    /// <summary>Chained assumptions made with this session's key (set by the children, so a late parent finds them).</summary>
    public static readonly SlotSet Children = new("children");

    /// <summary>The first event of a session's network, denial or tool hour, kept whole so its fields come from one event.</summary>
    public static readonly SlotAttribute<SessionEvent> First = new("first", SessionEvent.Codec, AttributeMerge.Earliest);

    /// <summary>The address family (<c>v4</c>, <c>v6</c>) of a session network.</summary>
    public static readonly SlotAttribute<string> Family = new("family", Codecs.Text, AttributeMerge.Earliest);
}
