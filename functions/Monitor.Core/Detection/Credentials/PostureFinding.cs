using System.Globalization;
using System.Text.Json.Nodes;

namespace Monitor.Detection.Credentials;

/// <summary>Builds the one finding per user that names every problem credential.</summary>
internal static class PostureFinding
{
    /// <summary>
    /// The id is the user plus the set of (credential, problem, judged-from date) entries, not the audit's date:
    /// re-running an audit, daily or on a replay, yields the same id while nothing changed, so the alert goes out
    /// once; a newly stale credential, or one used and then idle again (a new last-use date), changes the set and
    /// gives a new finding. Dates are by day, as the report gives last use per day-ish windows anyway.
    /// </summary>
    public static Finding Build(UserCredentials user, IReadOnlyList<CredentialProblem> problems, DateTimeOffset asOf, CredentialOptions options)
    {
        var entries = problems
            .Select(p => $"{p.CredentialId}|{p.Signal}|{Day(p.Reference)}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var signals = problems.OrderByDescending(p => p.Severity).ThenBy(p => p.Signal, StringComparer.Ordinal).Select(p => p.Signal).Distinct(StringComparer.Ordinal).ToArray();
        var severity = problems.Max(p => p.Severity);
        var stale = problems.Select(p => p.CredentialId).Distinct(StringComparer.Ordinal).Count();
        return new Finding
        {
            Id = FindingId.For(CredentialLedgerDetector.DetectorId, ["posture", user.Account, user.User, .. entries]),
            Detector = CredentialLedgerDetector.DetectorId,
            Severity = severity,
            Title = user.IsRoot
                ? $"Root user credentials need attention: {string.Join(", ", signals)}"
                : $"IAM user {user.User} has {stale} credential{(stale == 1 ? "" : "s")} to remove or fix: {string.Join(", ", signals)}",
            Account = user.Account,
            Principal = user.Arn,
            Time = problems.Select(p => p.Since).OfType<DateTimeOffset>().Where(s => s <= asOf).DefaultIfEmpty(asOf).Min(),
            EventIds = [],
            Signals = signals,
            Evidence = Evidence(user, problems, asOf, options),
            Recommendation = user.IsRoot
                ? "Delete the root user's access keys and protect root with MFA; use IAM roles for automation."
                : "Deactivate, then delete, access keys and console passwords that are not used; rotate keys older than the rotation age; keep one active key per user; require MFA for console users.",
        };
    }

    private static JsonObject Evidence(UserCredentials user, IReadOnlyList<CredentialProblem> problems, DateTimeOffset asOf, CredentialOptions options)
    {
        var credentials = new JsonArray();
        foreach (var credential in user.Credentials.OrderBy(c => c.Kind).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            var own = problems.Where(p => p.CredentialId == credential.Id).Select(p => (JsonNode)p.Signal).ToArray();
            credentials.Add((JsonNode)new JsonObject
            {
                ["id"] = credential.Id,
                ["type"] = credential.Kind == CredentialKind.AccessKey ? "access-key" : "password",
                ["active"] = credential.Active,
                ["created"] = Time(credential.Created),
                ["lastUsed"] = Time(credential.LastUsed),
                ["idleDays"] = (credential.LastUsed ?? credential.Created) is { } since ? (int)(asOf - since).TotalDays : null,
                ["lastUsedRegion"] = credential.LastUsedRegion,
                ["lastUsedService"] = credential.LastUsedService,
                ["source"] = credential.Source,
                ["problems"] = new JsonArray(own),
            });
        }

        return new JsonObject
        {
            ["user"] = user.User,
            ["asOf"] = Time(asOf),
            ["unusedAfterDays"] = (int)options.UnusedAfter.TotalDays,
            ["keyRotationAfterDays"] = (int)options.KeyRotationAfter.TotalDays,
            ["mfaActive"] = user.Mfa,
            ["credentials"] = credentials,
        };
    }

    private static string? Time(DateTimeOffset? time) => time is { } t ? FindingJson.FormatTime(t) : null;

    private static string Day(DateTimeOffset? time) => time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-";
}
