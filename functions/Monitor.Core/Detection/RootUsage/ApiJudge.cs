using System.Text.Json.Nodes;
using Monitor.State;

namespace Monitor.Detection.RootUsage;

/// <summary>
/// Root activity other than console sign-in: API calls folded per session, hour and category, plus the per-event rules
/// for root keys and for credential, MFA and logging changes.
/// </summary>
internal static class ApiJudge
{
    private static readonly HashSet<string> PasswordSignInEvents = new(StringComparer.Ordinal) { "PasswordUpdated", "PasswordRecoveryRequested", "PasswordRecoveryCompleted" };

    /// <summary>Login-profile calls change root's own password only when they name no user.</summary>
    private static readonly HashSet<string> LoginProfileEvents = new(StringComparer.Ordinal) { "CreateLoginProfile", "UpdateLoginProfile", "DeleteLoginProfile" };

    private static readonly HashSet<string> MfaEvents = new(StringComparer.Ordinal) { "EnableMFADevice", "DeactivateMFADevice", "CreateVirtualMFADevice", "DeleteVirtualMFADevice", "ResyncMFADevice" };

    private static readonly HashSet<string> MfaRemovals = new(StringComparer.Ordinal) { "DeactivateMFADevice", "DeleteVirtualMFADevice" };

    private static readonly HashSet<string> LoggingEvents = new(StringComparer.Ordinal)
    {
        "StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors", "PutInsightSelectors", "DeleteEventDataStore", "StopEventDataStoreIngestion",
    };

    public static void Judge(RootEvent root, Snapshot snapshot, Judgment judgment, RootUsageOptions options)
    {
        var known = root.Ip is { } ip && RootState.IsKnownAt(snapshot[RootState.KnownIp(root.Account, ip)], root.Time, options.KnownIpWindow);
        var session = root.UsesSessionKey ? snapshot[RootState.AssumeRootSession(root.AccessKeyId!)] : null;
        var assumed = root.UsesSessionKey && (session is not null || root.MarkedAssumedRoot);

        // A fold gathers many calls, so only the positive signal is given: "new-source-ip" when any of its calls came
        // from an address never seen for root ("known" for one call and "new" for another would read as a
        // contradiction). evidence.ipKnown keeps the earliest call's answer.
        List<string> signals = [.. RootFindings.CommonSignals(root)];
        if (root.Ip is null || !known)
        {
            signals.Add(root.Ip is null ? "no-source-ip" : "new-source-ip");
        }

        var evidence = new JsonObject { ["ipKnown"] = known };
        if (root.UsesLongTermKey)
        {
            signals.Add("long-term-key");
        }

        if (assumed)
        {
            signals.Add("assumed-root-session");
            evidence["issuedTo"] = session.Get(RootState.Caller);
            evidence["taskPolicyArn"] = session.Get(RootState.TaskPolicy);
        }

        // Sign-in events (password updates, recovery) are not API calls: only their specific rules apply.
        if (!root.IsSignIn)
        {
            judgment.Report(ApiCall(root, assumed, signals, evidence));
        }

        if (root.Succeeded)
        {
            foreach (var finding in Changes(root, signals, evidence))
            {
                judgment.Report(finding);
            }
        }
    }

    private static Finding ApiCall(RootEvent root, bool assumed, IReadOnlyList<string> signals, JsonObject evidence)
    {
        var (category, rule) = root switch
        {
            { Outcome: Records.Outcome.Denied or Records.Outcome.Failure } => ("failed", RootRules.ApiFailed),
            { ReadOnly: true } => ("read", RootRules.ApiRead),
            _ => ("write", RootRules.ApiWrite),
        };
        if (assumed)
        {
            rule = rule.At(RootRules.OneLevelLower(rule.Severity));
        }

        var session = root.AccessKeyId ?? root.SourceKey;
        var extra = (JsonObject)evidence.DeepClone();
        extra["category"] = category;
        extra["hour"] = root.Hour;
        return RootFindings.Create(rule, ["api-" + category, root.Account, session, root.Hour], root, signals, extra);
    }

    /// <summary>The findings a successful root event raises besides its API fold: what root changed.</summary>
    private static IEnumerable<Finding> Changes(RootEvent root, IReadOnlyList<string> signals, JsonObject evidence)
    {
        var iam = root.EventSource == "iam.amazonaws.com";
        if (iam && root.EventName == "CreateAccessKey" && root.RequestUserName is null)
        {
            yield return PerEvent(RootRules.AccessKeyCreated, root, signals, With(evidence, "createdAccessKeyId", root.CreatedAccessKeyId));
        }

        if (root.UsesLongTermKey)
        {
            yield return RootFindings.Create(RootRules.AccessKeyUsed, ["access-key-used", root.Account, root.AccessKeyId, root.Day], root, signals, With(evidence, "day", root.Day));
        }

        if ((root.IsSignIn && PasswordSignInEvents.Contains(root.EventName))
            || (iam && root.EventName == "ChangePassword")
            || (iam && LoginProfileEvents.Contains(root.EventName) && root.RequestUserName is null))
        {
            yield return PerEvent(RootRules.CredentialChange, root, signals, evidence);
        }

        if (iam && MfaEvents.Contains(root.EventName))
        {
            var rule = MfaRemovals.Contains(root.EventName) ? RootRules.MfaChange.At(Severity.Critical) : RootRules.MfaChange;
            yield return PerEvent(rule, root, signals, With(evidence, "userName", root.RequestUserName));
        }

        if (root.EventSource == "cloudtrail.amazonaws.com" && LoggingEvents.Contains(root.EventName))
        {
            yield return PerEvent(RootRules.LoggingTampering, root, signals, With(evidence, "trail", root.Trail));
        }
    }

    private static Finding PerEvent(FindingRule rule, RootEvent root, IReadOnlyList<string> signals, JsonObject evidence) =>
        RootFindings.Create(rule, [rule.Name, root.EventKey], root, signals, evidence);

    private static JsonObject With(JsonObject evidence, string name, string? value)
    {
        var copy = (JsonObject)evidence.DeepClone();
        if (value is not null)
        {
            copy[name] = value;
        }

        return copy;
    }
}
