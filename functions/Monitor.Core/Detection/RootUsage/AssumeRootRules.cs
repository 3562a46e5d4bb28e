using System.Text.Json.Nodes;
using Monitor.Records;

namespace Monitor.Detection.RootUsage;

/// <summary>
/// Centralized root access: the management (or delegated admin) account's <c>sts:AssumeRoot</c> call. It is
/// reported about the caller, and the issued session key is remembered so the member account's root activity
/// signed with that key can name who started the session. Nobody else links the two sides.
/// </summary>
internal static class AssumeRootRules
{
    public static bool IsCallerEvent(Activity activity) =>
        activity.EventName == "AssumeRoot" && activity.Service == "sts" && !activity.Principal.IsRoot;

    public static void Inspect(Activity activity, DetectionContext context)
    {
        if (activity.Outcome != Outcome.Success)
        {
            return;
        }

        var record = activity.Record;
        var target = RootActivity.StringAt(record?.RequestParameters, "targetPrincipal");
        var taskPolicy = RootActivity.StringAt(record?.RequestParameters, "taskPolicyArn", "arn");

        // Only the key id: the session token and secret in responseElements.credentials are never read.
        var issuedKey = RootActivity.StringAt(record?.ResponseElements, "credentials", "accessKeyId");
        var caller = activity.Principal.Arn ?? activity.Principal.Key;
        var account = activity.Account ?? activity.Principal.AccountId ?? "unknown";

        var evidence = new JsonObject
        {
            ["eventNames"] = new JsonArray("AssumeRoot"),
            ["targetPrincipal"] = target,
            ["taskPolicyArn"] = taskPolicy,
            ["issuedAccessKeyId"] = issuedKey,
            ["sourceIp"] = activity.Source.Raw,
            ["userAgent"] = activity.UserAgent,
            ["region"] = activity.Region,
            ["mfaUsed"] = activity.MfaUsed,
        };
        var rule = RootRules.AssumeRoot;
        string[] signals = [activity.MfaUsed switch { true => "mfa", false => "no-mfa", null => "mfa-unknown" }];
        var id = FindingId.For(RootUsageDetector.DetectorId, rule.Name, activity.DedupKey);
        context.Report(RootFindings.Create(rule, id, account, caller, activity.Time, activity.EventId, signals, evidence));

        if (!string.IsNullOrEmpty(issuedKey))
        {
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["caller"] = caller };
            AddIfSet(attributes, "target", target);
            AddIfSet(attributes, "taskPolicy", taskPolicy);
            context.State.Observe(RootStateKeys.AssumeRootSession(issuedKey), activity.Time, attributes);
        }
    }

    private static void AddIfSet(Dictionary<string, string> attributes, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            attributes[name] = value;
        }
    }
}
