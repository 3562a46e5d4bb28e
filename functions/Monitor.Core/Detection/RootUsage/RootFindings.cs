using System.Text.Json.Nodes;

namespace Monitor.Detection.RootUsage;

/// <summary>Builds root-usage findings with the evidence every rule shares.</summary>
internal static class RootFindings
{
    /// <summary>A finding about <paramref name="root"/>'s event: rule name first in the signals, shared evidence plus <paramref name="extra"/>.</summary>
    public static Finding Create(RootRule rule, string id, RootActivity root, IEnumerable<string> signals, JsonObject? extra = null, string? about = null)
    {
        var evidence = Evidence(root);
        foreach (var (name, value) in extra ?? [])
        {
            evidence[name] = value?.DeepClone();
        }

        return Create(rule, id, root.Account, root.RootArn, root.Time, root.Activity.EventId, signals, evidence, about);
    }

    public static Finding Create(RootRule rule, string id, string account, string principal, DateTimeOffset time, string eventId, IEnumerable<string> signals, JsonObject evidence, string? about = null) => new()
    {
        Id = id,
        Detector = RootUsageDetector.DetectorId,
        Severity = rule.Severity,
        Title = about is null ? $"{rule.Title} ({account})" : $"{rule.Title}: {about} ({account})",
        Account = account,
        Principal = principal,
        Time = time,
        EventIds = [eventId],
        Signals = [rule.Name, .. signals.Distinct(StringComparer.Ordinal)],
        Evidence = evidence,
        Recommendation = rule.Recommendation,
    };

    /// <summary>
    /// What explains any root event. Keys are never secrets: the access key id identifies a key, the session
    /// token and secret key are never read.
    /// </summary>
    public static JsonObject Evidence(RootActivity root)
    {
        var a = root.Activity;
        var evidence = new JsonObject
        {
            ["eventNames"] = new JsonArray(a.EventName),
            ["eventSource"] = a.EventSource,
            ["sourceIp"] = a.Source.Raw,
            ["userAgent"] = a.UserAgent,
            ["region"] = a.Region,
            ["mfaUsed"] = a.MfaUsed,
            ["outcome"] = a.Outcome.ToString(),
        };
        AddIfSet(evidence, "accessKeyId", root.AccessKeyId);
        AddIfSet(evidence, "invokedBy", a.InvokedBy);
        AddIfSet(evidence, "errorCode", a.ErrorCode);
        return evidence;
    }

    /// <summary>Signals every root event carries: how MFA and the console were involved.</summary>
    public static IEnumerable<string> CommonSignals(RootActivity root)
    {
        yield return root.Activity.MfaUsed switch
        {
            true => "mfa",
            false => "no-mfa",
            null => "mfa-unknown",
        };

        if (root.Activity.Origin == Records.ActivityOrigin.S3AccessLog)
        {
            // Seen in S3 server access logs, which record object requests CloudTrail logs only with data events on.
            yield return "s3-access-log";
        }

        if (!string.IsNullOrEmpty(root.Activity.InvokedBy))
        {
            // The CIS metric filter drops every record with invokedBy; console-invoked root calls are still root use.
            yield return "console-invoked";
        }
    }

    private static void AddIfSet(JsonObject evidence, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            evidence[name] = value;
        }
    }
}
