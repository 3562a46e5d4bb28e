using System.Text.Json.Nodes;

namespace Monitor.Detection.Roles;

/// <summary>
/// Builds the detector's findings. A new caller's finding is keyed on the caller and role (only the pair's first
/// assumption can carry it); other assumption findings on caller, role and hour; a finding whose only reason is an
/// offensive tool on role and hour (so a tool's assumptions and its session's STS calls fold into one); session
/// findings on the session (or the instance, whose key EC2 rotates).
/// </summary>
internal static class RoleFindings
{
    public const string Detector = "anomalous-role-assumption";

    public static readonly string[] NoveltyOfPair = ["new-principal-for-role", "new-web-identity-subject", "new-saml-subject"];

    private const string AssumptionAdvice = "Confirm with the caller's owner that this assumption was expected. If not, revoke the role's active sessions "
        + "(IAM: Revoke active sessions), rotate the caller's credentials and tighten the role's trust policy.";

    private const string InstanceAdvice = "Treat the instance's role credentials as stolen: revoke the role's active sessions, require IMDSv2 (hop limit 1), and find what ran the calls from the other network.";

    private const string SessionAdvice = "Check who holds this session. If unexpected, revoke the role's active sessions and review what the session did.";

    public static Finding Assumption(Assumption assumption, IReadOnlyList<RoleSignal> signals, int depth, string? baseline)
    {
        var score = RoleScore.Of(signals);
        var hour = SessionUse.HourOf(assumption.Time);
        IReadOnlyList<string?> id = signals.Any(s => NoveltyOfPair.Contains(s.Name))
            ? ["assumption", assumption.CallerKey, assumption.Target]
            : OnlyTool(signals)
                ? ["tool", assumption.Target, hour]
                : ["assumption", assumption.CallerKey, assumption.Target, hour];
        var evidence = new JsonObject
        {
            ["via"] = assumption.EventName,
            ["caller"] = assumption.CallerKey,
            ["callerType"] = assumption.CallerType.ToString(),
            ["role"] = assumption.Target,
            ["sessionName"] = assumption.SessionName,
            ["issuedAccessKeyId"] = assumption.IssuedKey,
            ["sourceIPAddress"] = assumption.SourceIp,
            ["userAgent"] = assumption.UserAgent,
            ["chainDepth"] = depth,
            ["score"] = score,
        };
        if (baseline is not null)
        {
            evidence["baseline"] = baseline;
        }

        evidence["facts"] = Facts(signals, sort: false);
        if (assumption.Provider is not null)
        {
            evidence["identityProvider"] = assumption.Provider;
            evidence["subject"] = assumption.Subject;
        }

        return Rule(score, AssumptionAdvice).Build(
            id,
            new FindingAbout(assumption.TargetAccount ?? assumption.Account, assumption.Principal, assumption.Time, assumption.EventId),
            signals.Select(s => s.Name),
            evidence,
            TitleOf(assumption));
    }

    public static Finding Session(SessionUse session, DateTimeOffset time, IReadOnlyList<string> eventIds, IReadOnlyList<RoleSignal> signals, JsonObject evidence)
    {
        var score = RoleScore.Of(signals);
        evidence["score"] = score;
        evidence["facts"] = Facts(signals, sort: true);
        var instance = signals.Any(s => s.Name == "instance-credential-off-instance");
        return Rule(score, instance ? InstanceAdvice : SessionAdvice).Build(
            ["session", session.Subject],
            About(session, time, eventIds),
            signals.Select(s => s.Name),
            evidence,
            instance
                ? $"Instance credentials of {Short(session.PrincipalKey)} used away from the instance"
                : $"Suspicious use of a {Short(session.PrincipalKey)} session");
    }

    /// <summary>An offensive tool seen in a session's STS calls in one hour: folds with the tool's assumptions of the role.</summary>
    public static Finding Tool(SessionUse session, string hour, DateTimeOffset time, IReadOnlyList<string> eventIds, IReadOnlyList<RoleSignal> signals, JsonObject evidence)
    {
        var score = RoleScore.Of(signals);
        evidence["score"] = score;
        evidence["facts"] = Facts(signals, sort: true);
        return Rule(score, SessionAdvice).Build(
            ["tool", session.PrincipalKey, hour],
            About(session, time, eventIds),
            signals.Select(s => s.Name),
            evidence,
            $"Suspicious use of a {Short(session.PrincipalKey)} session");
    }

    /// <summary>
    /// A finding whose only reason is an offensive tool's user agent is about the tool touching the role in that
    /// hour, so the tool's assumption and its session's STS calls fold into one finding.
    /// </summary>
    private static bool OnlyTool(IReadOnlyList<RoleSignal> signals) =>
        signals.Any(s => s.Name == "offensive-user-agent") && signals.All(s => s.Name is "offensive-user-agent" or "suspicious-origin");

    private static FindingRule Rule(int score, string advice) => new(Detector, "", RoleScore.SeverityOf(score), "", advice);

    private static FindingAbout About(SessionUse session, DateTimeOffset time, IReadOnlyList<string> eventIds) =>
        new(session.Account, session.PrincipalArn ?? session.PrincipalKey, time, eventIds);

    // A session's facts gather several events: listed once each, in order, as separate reports of one finding would merge.
    private static JsonArray Facts(IReadOnlyList<RoleSignal> signals, bool sort)
    {
        var facts = signals.Select(s => $"{s.Name} (+{s.Weight}): {s.Fact}").Distinct(StringComparer.Ordinal);
        return [.. (sort ? facts.Order(StringComparer.Ordinal) : facts).Select(f => (JsonNode?)JsonValue.Create(f))];
    }

    private static string Short(string arnOrKey)
    {
        var slash = arnOrKey.LastIndexOf('/');
        return slash >= 0 && slash < arnOrKey.Length - 1 && arnOrKey.StartsWith("arn:", StringComparison.Ordinal) ? arnOrKey[(slash + 1)..] : arnOrKey;
    }

    // GetSessionToken and GetFederationToken mint a session for the caller itself: there is no role to go "into".
    private static string TitleOf(Assumption assumption) => assumption.Kind switch
    {
        IssueKind.GetSessionToken or IssueKind.GetFederationToken => $"Unusual {assumption.EventName} by {Short(assumption.CallerKey)}",
        IssueKind.AssumeRoot => $"Unusual AssumeRoot into account {assumption.TargetAccount ?? Short(assumption.Target)} by {Short(assumption.CallerKey)}",
        _ => $"Unusual {assumption.EventName} into {Short(assumption.Target)} by {Short(assumption.CallerKey)}",
    };
}
