using System.Text.Json.Nodes;
using Monitor.Records;

namespace Monitor.Detection.Roles;

/// <summary>
/// Builds the detector's findings. A novelty finding's id names its subject (caller and role), so whichever event of
/// the pair is judged first, replays and reordered deliveries give the same id; other assumption findings name the
/// issued session; session findings name the session (or the instance, whose key EC2 rotates).
/// </summary>
internal static class RoleFindings
{
    public const string Detector = "anomalous-role-assumption";

    private static readonly string[] NoveltyOfPair = ["new-principal-for-role", "new-web-identity-subject", "new-saml-subject"];

    public static Finding Assumption(CredentialIssue issue, Activity activity, IReadOnlyList<RoleSignal> signals, int depth, string baseline)
    {
        var score = RoleScore.Of(signals);
        // Tools retry and re-assume (Stratus assumes each role twice): intrinsic findings fold per hour.
        var id = signals.Any(s => NoveltyOfPair.Contains(s.Name))
            ? FindingId.For(Detector, "assumption", issue.CallerKey, issue.Target)
            : OnlyTool(signals)
                ? FindingId.For(Detector, "tool", issue.Target, Hour(activity.Time))
                : FindingId.For(Detector, "assumption", issue.CallerKey, issue.Target, Hour(activity.Time));
        var evidence = new JsonObject
        {
            ["via"] = activity.EventName,
            ["caller"] = issue.CallerKey,
            ["callerType"] = issue.CallerType.ToString(),
            ["role"] = issue.Target,
            ["sessionName"] = issue.SessionName,
            ["issuedAccessKeyId"] = issue.IssuedKey,
            ["sourceIPAddress"] = activity.Source.Raw,
            ["userAgent"] = activity.UserAgent,
            ["chainDepth"] = depth,
            ["score"] = score,
            ["baseline"] = baseline,
            ["facts"] = Facts(signals),
        };
        if (issue.Provider is not null)
        {
            evidence["identityProvider"] = issue.Provider;
            evidence["subject"] = issue.Subject;
        }

        return new Finding
        {
            Id = id,
            Detector = Detector,
            Severity = RoleScore.SeverityOf(score),
            Title = TitleOf(issue, activity),
            Account = issue.TargetAccount ?? activity.Account ?? "unknown",
            Principal = activity.Principal.Arn ?? issue.CallerKey,
            Time = activity.Time,
            EventIds = [activity.EventId],
            Signals = [.. signals.Select(s => s.Name)],
            Evidence = evidence,
            Recommendation = "Confirm with the caller's owner that this assumption was expected. If not, revoke the role's active sessions "
                + "(IAM: Revoke active sessions), rotate the caller's credentials and tighten the role's trust policy.",
        };
    }

    public static Finding Session(string subject, Activity activity, IReadOnlyList<RoleSignal> signals, JsonObject evidence)
    {
        var score = RoleScore.Of(signals);
        evidence["score"] = score;
        evidence["facts"] = Facts(signals);
        var instance = signals.Any(s => s.Name == "instance-credential-off-instance");
        return new Finding
        {
            Id = OnlyTool(signals) ? FindingId.For(Detector, "tool", activity.Principal.Key, Hour(activity.Time)) : FindingId.For(Detector, "session", subject),
            Detector = Detector,
            Severity = RoleScore.SeverityOf(score),
            Title = instance
                ? $"Instance credentials of {Short(activity.Principal.Key)} used away from the instance"
                : $"Suspicious use of a {Short(activity.Principal.Key)} session",
            Account = activity.Account ?? activity.Principal.AccountId ?? "unknown",
            Principal = activity.Principal.Arn ?? activity.Principal.Key,
            Time = activity.Time,
            EventIds = [activity.EventId],
            Signals = [.. signals.Select(s => s.Name)],
            Evidence = evidence,
            Recommendation = instance
                ? "Treat the instance's role credentials as stolen: revoke the role's active sessions, require IMDSv2 (hop limit 1), and find what ran the calls from the other network."
                : "Check who holds this session. If unexpected, revoke the role's active sessions and review what the session did.",
        };
    }

    /// <summary>
    /// A finding whose only reason is an offensive tool's user agent is about the tool touching the role in that
    /// hour, so the tool's assumption and its session's STS calls fold into one finding.
    /// </summary>
    private static bool OnlyTool(IReadOnlyList<RoleSignal> signals) =>
        signals.Any(s => s.Name == "offensive-user-agent") && signals.All(s => s.Name is "offensive-user-agent" or "suspicious-origin");

    private static string Hour(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonArray Facts(IReadOnlyList<RoleSignal> signals) => [.. signals.Select(s => (JsonNode?)JsonValue.Create($"{s.Name} (+{s.Weight}): {s.Fact}"))];

    private static string Short(string arnOrKey)
    {
        var slash = arnOrKey.LastIndexOf('/');
        return slash >= 0 && slash < arnOrKey.Length - 1 && arnOrKey.StartsWith("arn:", StringComparison.Ordinal) ? arnOrKey[(slash + 1)..] : arnOrKey;
    }

    // GetSessionToken and GetFederationToken mint a session for the caller itself: there is no role to go "into".
    private static string TitleOf(CredentialIssue issue, Records.Activity activity) => issue.Kind switch
    {
        IssueKind.GetSessionToken or IssueKind.GetFederationToken => $"Unusual {activity.EventName} by {Short(issue.CallerKey)}",
        IssueKind.AssumeRoot => $"Unusual AssumeRoot into account {issue.TargetAccount ?? Short(issue.Target)} by {Short(issue.CallerKey)}",
        _ => $"Unusual {activity.EventName} into {Short(issue.Target)} by {Short(issue.CallerKey)}",
    };
}
