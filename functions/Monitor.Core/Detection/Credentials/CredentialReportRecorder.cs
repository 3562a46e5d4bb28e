using System.Text;
using Monitor.Records.CredentialReports;
using Monitor.State;

namespace Monitor.Detection.Credentials;

/// <summary>
/// Stores a credential report's rows in the ledger, stamped with the report's generation time, so a later audit
/// (even one given only the state file) merges them: latest-wins keeps the newest report's row, and a row older
/// than the account's newest report means the user was gone when that report was made.
/// </summary>
internal static class CredentialReportRecorder
{
    /// <summary>Records the rows; returns the number recorded (0 when the report carries no time to stamp them with).</summary>
    public static int Record(CredentialReport report, StateView state)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(state);
        if (report.GeneratedAt is not { } generated)
        {
            return 0;
        }

        var count = 0;
        foreach (var row in report.Rows)
        {
            if (row.Account is not { } account)
            {
                continue;
            }

            state.Observe(CredentialKeys.Account(account), generated);
            state.Observe(CredentialKeys.Report(account), generated, new Dictionary<string, string> { [CredentialAttributes.Generated] = FindingJson.FormatTime(generated) });
            state.Observe(CredentialKeys.ReportRow(account, row.User), generated, new Dictionary<string, string> { [CredentialAttributes.Row] = ToCsv(row.Fields) });
            count++;
        }

        return count;
    }

    internal static string ToCsv(IReadOnlyList<string> fields)
    {
        var line = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            var field = fields[i];
            line.Append(field.Contains(',', StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal) ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field);
        }

        return line.ToString();
    }
}
