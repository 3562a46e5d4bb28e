using System.Net.Sockets;
using Monitor.Records;
using Monitor.State;

namespace Monitor.Detection.Roles;

/// <summary>
/// What each use of a session adds to the facts about it: the networks and clients it is used from, its denied calls,
/// the offensive tools it runs. Every use has the session judged; its summary says what the judgment needs to list.
/// </summary>
internal static class SessionFacts
{
    public static readonly SlotSet Networks = new("networks");
    public static readonly SlotSet ToolHours = new("toolHours");
    public static readonly SlotSet Denied = new("denied");
    public static readonly SlotSet EventIds = new("eventIds");
    public static readonly SlotSet Agents = new("agents");

    // Who the session is, on its summary: judgments read these, not the subject that happened to ask (a cascade knows less).
    public static readonly SlotAttribute<string> PrincipalKey = new("principal", Codecs.Text, AttributeMerge.Earliest);
    public static readonly SlotAttribute<string> PrincipalArn = new("arn", Codecs.Text, AttributeMerge.Earliest);
    public static readonly SlotAttribute<string> Account = new("account", Codecs.Text, AttributeMerge.Earliest);

    /// <summary>What a session did, in a few small sets: which of its facts a judgment must list.</summary>
    public static StateKey Summary(string subject) => new($"role-session-sum:{subject}", "");

    public static void Observe(Activity activity, RoleOptions options, Observation observation)
    {
        if (!Applies(activity, options, out var session))
        {
            return;
        }

        var at = activity.Time;
        var family = UserAgentFamily.Of(activity.UserAgent);
        observation.Judge(session);
        observation.Saw(Summary(session.Subject), at)
            .With(PrincipalKey, session.PrincipalKey)
            .With(PrincipalArn, session.PrincipalArn)
            .With(Account, session.Account);
        if (activity.Principal.Type != PrincipalType.IamUser)
        {
            ObserveWhere(activity, session, family, observation);

            // Offensive tools announce themselves on STS (TruffleHog's GetCallerIdentity); issuing calls are the assumption's.
            if (activity.EventSource == "sts.amazonaws.com" && CredentialIssueReader.Read(activity) is null
                && ToolUserAgents.Offensive(activity.UserAgent, onStsOrSignIn: true) is { } tool)
            {
                var hour = SessionUse.HourOf(at);
                observation.Saw(new StateKey(RoleState.SessionTools(session.Subject), hour), at)
                    .With(RoleState.First, EventOf(activity, family) with { Tool = tool })
                    .Add(EventIds, activity.EventId);
                observation.Saw(Summary(session.Subject), at).Add(ToolHours, hour).Remember(session);
            }
        }

        if (activity.Outcome == Outcome.Denied && !UserAgentFamily.IsConsole(family) && activity.Source.Kind is not (SourceKind.AwsInternal or SourceKind.ServiceName))
        {
            var deniedRole = activity.EventName == "AssumeRole" ? DeniedRole(activity) : null;
            observation.Saw(new StateKey(RoleState.SessionDenials(session.Subject), activity.DedupKey), at)
                .With(RoleState.First, EventOf(activity, family) with { DeniedRole = deniedRole });
            observation.Saw(Summary(session.Subject), at).Add(Denied, "1").Remember(session);
            if (deniedRole is not null && Arn.Parse(deniedRole) is { Account.Length: > 0, LastSegment: { } roleName } role)
            {
                observation.Saw(new StateKey(RoleState.DenialsOfRole(role.Account, roleName), TimeOrdered.Member(at, session.Subject)), at).Remember(session);
            }
        }
    }

    // Dual-stack clients show an IPv4 and an IPv6 address at once: networks are compared within one family only.
    private static void ObserveWhere(Activity activity, SessionUse session, string family, Observation observation)
    {
        var console = activity.Record?.SessionCredentialFromConsole == true || UserAgentFamily.IsConsole(family);
        if (console || family.StartsWith("service:", StringComparison.Ordinal) || activity.Source.Network is not { } network)
        {
            return;
        }

        var v6 = activity.Source.Address!.AddressFamily == AddressFamily.InterNetworkV6 ? "v6" : "v4";
        observation.Saw(new StateKey(RoleState.SessionNetworks(session.Subject), network), activity.Time)
            .With(RoleState.Family, v6)
            .With(RoleState.First, EventOf(activity, family))
            .Add(EventIds, activity.EventId)
            .Add(Agents, family);
        observation.Saw(Summary(session.Subject), activity.Time).Add(Networks, $"{v6}|{network}").Remember(session);
        if (session.Instance && activity.AccessKeyId is { } key)
        {
            observation.Saw(RoleState.InstanceKey(key.Value), activity.Time).Remember(session);
        }
    }

    private static SessionEvent EventOf(Activity activity, string family) =>
        new(activity.EventId, activity.EventName, activity.AccessKeyId?.Value, activity.Source.Raw, activity.UserAgent, family);

    // Sessions of roles and federated users; IAM users only for denied STS calls (their other denials are not about roles).
    private static bool Applies(Activity activity, RoleOptions options, out SessionUse session)
    {
        var principal = activity.Principal;
        session = null!;
        if (activity.AccessKeyId is not { } key || activity.InvokedBy is not null || Arn.Parse(principal.IssuerArn)?.IsServiceLinkedRole == true
            || options.AllowList.AllowsRole(principal.Key) || options.AllowList.AllowsCaller(principal.Key))
        {
            return false;
        }

        var relevant = principal.Type is PrincipalType.AssumedRole or PrincipalType.FederatedUser
            || (principal.Type == PrincipalType.IamUser && activity.EventSource == "sts.amazonaws.com" && activity.Outcome == Outcome.Denied);
        if (!relevant)
        {
            return false;
        }

        var instance = principal.Type == PrincipalType.AssumedRole && IsInstanceSessionName(principal.SessionName);
        session = new SessionUse
        {
            Subject = instance ? $"{principal.Key}|{principal.SessionName}" : key.Value,
            Instance = instance,
            PrincipalKey = principal.Key,
            PrincipalArn = principal.Arn,
            Account = activity.Account ?? principal.AccountId,
            Time = activity.Time,
        };
        return true;
    }

    /// <summary>
    /// EC2 names an instance profile's session after the instance (<c>i-0abc…</c>); anonymised datasets keep the shape
    /// but not always lower case.
    /// </summary>
    private static bool IsInstanceSessionName(string? sessionName) =>
        sessionName is { Length: >= 10 and <= 21 } name && name.StartsWith("i-", StringComparison.Ordinal) && name[2..].All(char.IsAsciiHexDigit);

    /// <summary>The role a denied AssumeRole aimed at: CloudTrail drops requestParameters, the error message names it.</summary>
    private static string? DeniedRole(Activity activity)
    {
        if (activity.Request("roleArn") is { } requested)
        {
            return requested;
        }

        const string Marker = "on resource: ";
        var message = activity.ErrorMessage;
        var at = message?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }

        var rest = message![(at + Marker.Length)..];
        var end = rest.IndexOfAny([' ', '"', ',']);
        return end > 0 ? rest[..end] : rest;
    }
}
