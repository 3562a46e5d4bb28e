using System.Text.Json.Nodes;

namespace Monitor.Detection.RootUsage;

/// <summary>The evidence and signals every root-usage finding shares.</summary>
internal static class RootFindings
{
    /// <summary>A finding of <paramref name="rule"/> about <paramref name="root"/>'s event: shared evidence plus <paramref name="extra"/>.</summary>
    public static Finding Create(FindingRule rule, IReadOnlyList<string?> idParts, RootEvent root, IEnumerable<string> signals, JsonObject? extra = null, string? about = null)
    {
        var evidence = Evidence(root);
        foreach (var (name, value) in extra ?? [])
        {
            evidence[name] = value?.DeepClone();
        }

        return rule.Build(
            idParts,
            new FindingAbout(root.Account, root.Principal, root.Time, root.EventId),
            [rule.Name, .. signals],
            evidence,
            about is null ? $"{rule.Title} ({root.Account})" : $"{rule.Title}: {about} ({root.Account})");
    }

    /// <summary>
    /// What explains any root event. Keys are never secrets: the access key id identifies a key, the session
    /// token and secret key are never read.
    /// </summary>
    public static JsonObject Evidence(RootEvent root)
    {
        var evidence = new JsonObject
        {
            ["eventNames"] = new JsonArray(root.EventName),
            ["eventSource"] = root.EventSource,
            ["sourceIp"] = root.SourceRaw,
            ["userAgent"] = root.UserAgent,
            ["region"] = root.Region,
            ["mfaUsed"] = root.MfaUsed,
            ["outcome"] = root.Outcome.ToString(),
        };
        AddIfSet(evidence, "accessKeyId", root.AccessKeyId);
        AddIfSet(evidence, "invokedBy", root.InvokedBy);
        AddIfSet(evidence, "errorCode", root.ErrorCode);
        return evidence;
    }

    /// <summary>Signals every root event carries: how MFA and the console were involved.</summary>
    public static IEnumerable<string> CommonSignals(RootEvent root)
    {
        yield return MfaSignal(root.MfaUsed);
        if (root.FromAccessLog)
        {
            // Seen in S3 server access logs, which record object requests CloudTrail logs only with data events on.
            yield return "s3-access-log";
        }

        if (!string.IsNullOrEmpty(root.InvokedBy))
        {
            // The CIS metric filter drops every record with invokedBy; console-invoked root calls are still root use.
            yield return "console-invoked";
        }
    }

    public static string MfaSignal(bool? mfaUsed) => mfaUsed switch
    {
        true => "mfa",
        false => "no-mfa",
        null => "mfa-unknown",
    };

    public static string IpSignal(RootEvent root, bool known) =>
        root.Ip is null ? "no-source-ip" : known ? "known-source-ip" : "new-source-ip";

    private static void AddIfSet(JsonObject evidence, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            evidence[name] = value;
        }
    }
}
