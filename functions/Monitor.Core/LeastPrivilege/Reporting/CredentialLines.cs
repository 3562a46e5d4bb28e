using Monitor.Records.CredentialReports;

namespace Monitor.LeastPrivilege.Reporting;

/// <summary>
/// A user's credentials from the IAM credential report, as short lines for the report ("access_key_1 active,
/// last used 2026-11-10T12:40:00Z (s3)"): next to what the user was granted and used, they show which credential
/// the usage came through and which ones sit idle. Sentinels are kept as the report writes them.
/// </summary>
internal static class CredentialLines
{
    public static IReadOnlyList<string> Describe(CredentialReportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var lines = new List<string>();
        if (row.PasswordEnabled == ReportFlag.True)
        {
            lines.Add($"console password, last used {row.PasswordLastUsed}, changed {row.PasswordLastChanged}");
        }

        foreach (var key in row.Keys.Where(k => k.Exists))
        {
            var service = key.LastUsedService is { Length: > 0 } s ? $" ({s})" : "";
            lines.Add($"{key.Name} {(key.Active ? "active" : "inactive")}, rotated {key.LastRotated}, last used {key.LastUsed}{service}");
        }

        lines.Add(row.MfaActive ? "MFA active" : "no MFA device");
        return lines;
    }
}
