using System.Globalization;
using Monitor.Detection;
using Monitor.Detection.Credentials;
using Monitor.Records.CredentialReports;
using Monitor.State;

namespace Monitor.Testing;

/// <summary>
/// A generated account for the credential audit, written to a store the way the ledger detector and the report
/// recorder write it: IAM users with keys used lately, stale and never used, inactive keys, keys deleted or created
/// after the credential report, console passwords with and without MFA, users removed before the report and users
/// created after it, and the root user. Each user's dice are seeded by its number, so a smaller account is the
/// first users of a larger one, and every run writes the same account.
/// </summary>
public static class SyntheticCredentialAccount
{
    public const string Account = Some.CredentialAccount;

    /// <summary>When the account is audited.</summary>
    public static readonly DateTimeOffset AsOf = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>When the stored credential report was generated.</summary>
    public static readonly DateTimeOffset ReportGenerated = AsOf.AddHours(-6);

    // Observations are committed in batches so the fill does not hold one unit of work for the whole account.
    private const int Batch = 20_000;

    /// <summary>Writes <paramref name="users"/> IAM users (plus root) and the report covering them.</summary>
    public static async Task FillAsync(IStateStore store, int users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rows = new List<string>(users + 1)
        {
            Some.ReportRow(CredentialReportRow.RootUser, passwordEnabled: "not_supported", passwordLastUsed: Report(AsOf.AddDays(-3)), passwordLastChanged: "not_supported", mfa: "true"),
        };
        var view = new StateView(store);
        for (var number = 0; number < users; number++)
        {
            if (new SyntheticCredentialUser(number, view).Write() is { } row)
            {
                rows.Add(row);
            }

            if (view.PendingCount >= Batch)
            {
                await view.CommitAsync(cancellationToken).ConfigureAwait(false);
                view = new StateView(store);
            }
        }

        CredentialReportRecorder.Record(Some.ReadCredentialReport(Some.CredentialReportCsv([.. rows]), generatedAt: ReportGenerated), view);
        await view.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A time as the credential report writes it.</summary>
    internal static string Report(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>A time as the ledger's attributes hold it.</summary>
    internal static string Ledger(DateTimeOffset time) => FindingJson.FormatTime(time);
}
