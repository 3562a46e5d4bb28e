using System.Text.Json.Nodes;

namespace Monitor.Detection.RootUsage;

/// <summary>Per-event rules for what root changed: its keys, password, MFA, and the audit trail itself.</summary>
internal static class RootChangeRules
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

    /// <summary>The findings <paramref name="root"/>'s successful event raises besides its API fold.</summary>
    public static IEnumerable<Finding> Findings(RootActivity root, IReadOnlyList<string> signals, JsonObject evidence)
    {
        var a = root.Activity;
        var iam = a.Service == "iam";
        if (iam && a.EventName == "CreateAccessKey" && root.RequestString("userName") is null)
        {
            var extra = With(evidence, "createdAccessKeyId", root.ResponseString("accessKey", "accessKeyId"));
            yield return PerEvent(RootRules.AccessKeyCreated, root, signals, extra);
        }

        if (root.UsesLongTermKey)
        {
            var id = FindingId.For(RootUsageDetector.DetectorId, "access-key-used", root.Account, root.AccessKeyId, root.Day);
            yield return RootFindings.Create(RootRules.AccessKeyUsed, id, root, signals, With(evidence, "day", root.Day));
        }

        if ((root.IsSignIn && PasswordSignInEvents.Contains(a.EventName))
            || (iam && a.EventName == "ChangePassword")
            || (iam && LoginProfileEvents.Contains(a.EventName) && root.RequestString("userName") is null))
        {
            yield return PerEvent(RootRules.CredentialChange, root, signals, evidence);
        }

        if (iam && MfaEvents.Contains(a.EventName))
        {
            var rule = MfaRemovals.Contains(a.EventName) ? RootRules.MfaChange.At(Severity.Critical) : RootRules.MfaChange;
            var extra = With(evidence, "userName", root.RequestString("userName"));
            yield return PerEvent(rule, root, signals, extra);
        }

        if (a.Service == "cloudtrail" && LoggingEvents.Contains(a.EventName))
        {
            var trail = root.RequestString("name") ?? root.RequestString("trailName") ?? root.RequestString("eventDataStore");
            yield return PerEvent(RootRules.LoggingTampering, root, signals, With(evidence, "trail", trail));
        }
    }

    private static Finding PerEvent(RootRule rule, RootActivity root, IReadOnlyList<string> signals, JsonObject evidence) =>
        RootFindings.Create(rule, FindingId.For(RootUsageDetector.DetectorId, rule.Name, root.Activity.DedupKey), root, signals, evidence);

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
