using Monitor.State;

namespace Monitor.Detection.Credentials;

/// <summary>
/// The scheduled (and replay-end) credential audit: reads every account's ledger, merges the stored credential
/// report, and reports one finding per user whose credentials break a posture rule, as of a given time.
/// Its work grows as n log n in the ledger's entries (the listing's order, the users' and the findings' sort).
/// </summary>
public sealed class CredentialAudit(DetectionOptions options)
{
    // Accounts with a ledger: far above any organization one audit covers.
    private const int MaxAccounts = 10_000;

    // An account's ledger is read whole, because a user's entries (user, password and its status, keys and their
    // statuses, report row) are spread over the listing by kind. IAM allows 5,000 users per account by default
    // (GetAccountSummary's UsersQuota; raisable), a user holds about eight entries, plus keys deleted within the
    // state's retention: 2,000,000 entries is some 200,000 users, far above any account.
    private const int MaxLedgerEntries = 2_000_000;

    private readonly CredentialPosture _posture = new(options);

    public async Task<IReadOnlyList<Finding>> EvaluateAsync(IStateStore store, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var findings = new List<Finding>();
        foreach (var account in await ListWholeAsync(store, CredentialKeys.AccountsScope, MaxAccounts, cancellationToken).ConfigureAwait(false))
        {
            var ledger = await ReadLedgerAsync(store, account.Key.Member, cancellationToken).ConfigureAwait(false);
            findings.AddRange(Evaluate(account.Key.Member, ledger, asOf));
        }

        return [.. findings.OrderBy(f => f.Time).ThenBy(f => f.Id, StringComparer.Ordinal)];
    }

    /// <summary>The merged view of every user in the store, for reports and tests.</summary>
    public static async Task<IReadOnlyList<UserCredentials>> LoadAsync(IStateStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var users = new List<UserCredentials>();
        foreach (var account in await ListWholeAsync(store, CredentialKeys.AccountsScope, MaxAccounts, cancellationToken).ConfigureAwait(false))
        {
            var ledger = await ReadLedgerAsync(store, account.Key.Member, cancellationToken).ConfigureAwait(false);
            users.AddRange(ledger.UserNames().Select(u => CredentialReconciler.Reconcile(account.Key.Member, u, ledger)).OfType<UserCredentials>());
        }

        return users;
    }

    private IEnumerable<Finding> Evaluate(string account, LedgerAccount ledger, DateTimeOffset asOf)
    {
        foreach (var name in ledger.UserNames())
        {
            if (CredentialReconciler.Reconcile(account, name, ledger) is not { } user)
            {
                continue;
            }

            var problems = _posture.Judge(user, asOf);
            if (problems.Count > 0)
            {
                yield return PostureFinding.Build(user, problems, asOf, options);
            }
        }
    }

    private static async Task<LedgerAccount> ReadLedgerAsync(IStateStore store, string account, CancellationToken cancellationToken) =>
        LedgerAccount.From(await ListWholeAsync(store, CredentialKeys.Scope(account), MaxLedgerEntries, cancellationToken).ConfigureAwait(false));

    // A cut listing would be judged as if it were whole: members sort by kind, so the report rows and users
    // (report-row:, user:) would be the first to go, and every key would look unreported. Fail instead.
    private static async Task<IReadOnlyList<Sighting>> ListWholeAsync(IStateStore store, string scope, int most, CancellationToken cancellationToken)
    {
        var listed = await store.ListAsync(scope, most + 1, cancellationToken).ConfigureAwait(false);
        return listed.Count <= most
            ? listed
            : throw new InvalidOperationException($"Scope {scope} holds more than {most} entries, more than the credential audit reads; it would judge part of them as the whole.");
    }
}
