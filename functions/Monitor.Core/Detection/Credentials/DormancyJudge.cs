using System.Text.Json.Nodes;
using Monitor.Records;
using Monitor.State;

namespace Monitor.Detection.Credentials;

/// <summary>
/// Decides, at the moment a credential is used, whether it had been idle for more than
/// <see cref="DetectionOptions.UnusedAfter"/> by event time, and scores the wake-up: a new source network, a
/// reconnaissance or persistence first call, a tool user agent. This is the stolen-old-key case no posture audit sees.
/// </summary>
public sealed class DormancyJudge(DetectionOptions options)
{
    private static readonly HashSet<string> SensitiveCalls = new(StringComparer.Ordinal)
    {
        "GetCallerIdentity", "ListBuckets", "GetAccountAuthorizationDetails", "ListUsers", "ListRoles", "ListAccessKeys",
        "ListAttachedUserPolicies", "ListUserPolicies", "GetUser", "CreateAccessKey", "CreateUser", "CreateLoginProfile",
        "UpdateLoginProfile", "AttachUserPolicy", "PutUserPolicy", "GetSecretValue", "ListSecrets", "GetSessionToken",
        "DescribeInstances", "ListFunctions",
    };

    private static readonly string[] ToolAgents =
        ["trufflehog", "pacu", "python-requests", "curl/", "go-http-client", "okhttp", "scoutsuite", "cloudfox", "stratus-red-team", "kali"];

    public TimeSpan Threshold => options.UnusedAfter;

    public Finding? Judge(Activity activity, DormancyEvidence evidence, StateKey key, string credential, string user)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(evidence);
        var threshold = options.UnusedAfter;
        var since = activity.Time - threshold;
        if (!evidence.IdleSince(since, activity.Time))
        {
            return null;
        }

        var before = evidence.Credential!;

        var previous = PreviousSighting(before, activity.Time);
        var idle = activity.Time - previous;
        var signals = new List<string> { "dormant-credential-used" };
        if (before.Attribute(CredentialAttributes.UsedNetwork) is not null && !evidence.NetworkSeenBefore)
        {
            signals.Add("new-source-network");
        }

        if (SensitiveCalls.Contains(activity.EventName))
        {
            signals.Add("sensitive-first-call");
        }

        if (activity.UserAgent is { } agent && ToolAgents.Any(t => agent.Contains(t, StringComparison.OrdinalIgnoreCase)))
        {
            signals.Add("tool-user-agent");
        }

        var isRoot = activity.Principal.IsRoot;
        if (isRoot)
        {
            signals.Add("root-credential");
        }

        var severity = isRoot ? Severity.Critical : (Severity)Math.Min((int)Severity.Critical, (int)Severity.Medium + (signals.Count - 1));
        var days = (int)idle.TotalDays;
        return new Finding
        {
            Id = FindingId.For(CredentialLedgerDetector.DetectorId, "dormant", key.Scope, key.Member, activity.DedupKey),
            Detector = CredentialLedgerDetector.DetectorId,
            Severity = severity,
            Title = $"Dormant {credential} used again after {days} days idle",
            Account = activity.Account ?? activity.Principal.AccountId ?? "",
            Principal = activity.Principal.Arn ?? activity.Principal.Key,
            Time = activity.Time,
            EventIds = [activity.EventId],
            Signals = signals,
            Evidence = new JsonObject
            {
                ["user"] = user,
                ["credential"] = credential,
                ["idleDays"] = days,
                ["previousActivityOn"] = previous.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["unusedAfterDays"] = (int)threshold.TotalDays,
                ["eventName"] = activity.EventName,
                ["eventSource"] = activity.EventSource,
                ["sourceIPAddress"] = activity.Source.Raw,
                ["userAgent"] = activity.UserAgent,
                ["region"] = activity.Region,
            },
            Recommendation = "Confirm with the owner that this use is expected. If not, deactivate the credential at once, review what it did (CloudTrail by access key id), and rotate or delete it.",
        };
    }

    // The latest sign of life strictly before the event, from what merges order-independently: the first sighting and
    // the days seen. Exact last-use times (latest-wins attributes, LastSeen) may already hold later uses on a replay or a
    // reordered delivery, so they are not used: the answer is a day, the same whatever the order.
    private static DateTimeOffset PreviousSighting(Sighting before, DateTimeOffset at)
    {
        var today = Sighting.DayNumber(at);
        var lastDay = before.Days.Where(d => d < today).DefaultIfEmpty(int.MinValue).Max();
        var candidates = new List<DateTimeOffset>();
        if (before.FirstSeen < at)
        {
            candidates.Add(before.FirstSeen);
        }

        if (lastDay != int.MinValue)
        {
            candidates.Add(DateTimeOffset.UnixEpoch.AddDays(lastDay));
        }

        return candidates.DefaultIfEmpty(before.FirstSeen).Max();
    }
}
