using System.Globalization;
using System.Text.Json.Nodes;
using Monitor.State;

namespace Monitor.Detection.Credentials;

/// <summary>
/// Decides whether a credential's first use of a UTC day woke it from more than
/// <see cref="CredentialOptions.UnusedAfter"/> of idleness, and scores the wake-up: a new source network, a
/// reconnaissance or persistence first call, a tool user agent. This is the stolen-old-key case no posture audit sees.
/// Idleness is counted in whole UTC days from what merges order-independently (the days the credential was seen, its
/// first sighting), so any delivery order decides the same.
/// </summary>
internal sealed class DormancyJudge(CredentialOptions options)
{
    private static readonly FindingRule Dormant = new(
        CredentialLedgerDetector.DetectorId, "dormant-credential-used", Severity.Medium, "Dormant credential used again",
        "Confirm with the owner that this use is expected. If not, deactivate the credential at once, review what it did (CloudTrail by access key id), and rotate or delete it.");

    private static readonly HashSet<string> SensitiveCalls = new(StringComparer.Ordinal)
    {
        "GetCallerIdentity", "ListBuckets", "GetAccountAuthorizationDetails", "ListUsers", "ListRoles", "ListAccessKeys",
        "ListAttachedUserPolicies", "ListUserPolicies", "GetUser", "CreateAccessKey", "CreateUser", "CreateLoginProfile",
        "UpdateLoginProfile", "AttachUserPolicy", "PutUserPolicy", "GetSecretValue", "ListSecrets", "GetSessionToken",
        "DescribeInstances", "ListFunctions",
    };

    public static void Plan(CredentialDay day, ReadPlan plan)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(plan);
        var useDay = CredentialKeys.UseDay(day.Credential, Sighting.DayStart(day.Day));
        plan.Read(day.Credential).Read(useDay).Then((snapshot, more) =>
        {
            if (snapshot[useDay].Get(CredentialSlots.FirstUse) is { Network: { } network })
            {
                more.Read(CredentialKeys.UseNetwork(day.Credential, network));
            }
        });
    }

    public void Judge(CredentialDay day, Snapshot snapshot, Judgment judgment)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(judgment);
        var useDay = snapshot[CredentialKeys.UseDay(day.Credential, Sighting.DayStart(day.Day))];
        if (snapshot[day.Credential] is not { } credential || useDay.Get(CredentialSlots.FirstUse) is not { } use || useDay.StampOf(CredentialSlots.FirstUse) is not { } at)
        {
            return;
        }

        if (PreviousSighting(credential, day.Day, at) is not { } previous || day.Day - Sighting.DayNumber(previous) <= (int)options.UnusedAfter.TotalDays)
        {
            return;
        }

        var signals = new List<string> { Dormant.Name };
        var network = use.Network is null ? null : snapshot[CredentialKeys.UseNetwork(day.Credential, use.Network)];
        if (credential.StampOf(CredentialSlots.FirstNetwork) < at && network?.SeenBefore(at) != true)
        {
            signals.Add("new-source-network");
        }

        if (SensitiveCalls.Contains(use.EventName))
        {
            signals.Add("sensitive-first-call");
        }

        if (ToolUserAgents.IsTool(use.UserAgent))
        {
            signals.Add("tool-user-agent");
        }

        if (use.IsRoot)
        {
            signals.Add("root-credential");
        }

        var rule = Dormant.At(use.IsRoot ? Severity.Critical : (Severity)Math.Min((int)Severity.Critical, (int)Severity.Medium + (signals.Count - 1)));
        var idle = (int)(at - previous).TotalDays;
        var what = day.Member.StartsWith(CredentialKeys.KeyPrefix, StringComparison.Ordinal) ? $"access key {day.Member[CredentialKeys.KeyPrefix.Length..]}" : "console password";
        var evidence = new JsonObject
        {
            ["user"] = credential.Get(CredentialSlots.Owner),
            ["credential"] = what,
            ["idleDays"] = idle,
            ["previousActivityOn"] = previous.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["unusedAfterDays"] = (int)options.UnusedAfter.TotalDays,
            ["eventName"] = use.EventName,
            ["eventSource"] = use.EventSource,
            ["sourceIPAddress"] = use.SourceIp,
            ["userAgent"] = use.UserAgent,
            ["region"] = use.Region,
        };
        judgment.Report(rule.Build(
            ["dormant", day.Credential.Scope, day.Credential.Member, use.EventKey],
            new FindingAbout(day.Account, use.Principal, at, use.EventId),
            signals,
            evidence,
            $"Dormant {what} used again after {idle} days idle"));
    }

    /// <summary>
    /// The latest sign of life strictly before the use at <paramref name="at"/> on day <paramref name="day"/>: the credential's
    /// first sighting (its creation or first use) when earlier, or the start of the last day it was seen before. Null when
    /// there is none, or when the days kept do not reach back far enough to tell.
    /// </summary>
    private static DateTimeOffset? PreviousSighting(Sighting credential, int day, DateTimeOffset at)
    {
        if (credential.Days.Count >= Sighting.MaxDays && day <= credential.Days[0])
        {
            return null;
        }

        var lastDay = credential.Days.Where(d => d < day).DefaultIfEmpty(int.MinValue).Max();
        DateTimeOffset? previous = credential.FirstSeen < at ? credential.FirstSeen : null;
        if (lastDay != int.MinValue && (previous is null || Sighting.DayStart(lastDay) > previous))
        {
            previous = Sighting.DayStart(lastDay);
        }

        return previous;
    }
}
