using Monitor.State;

namespace Monitor.Detection.Credentials;

/// <summary>
/// The scheduled (and replay-end) credential audit: reads every account's ledger, merges the stored credential
/// report, and reports one finding per user whose credentials break a posture rule, as of a given time.
/// Its work grows as n log n in the ledger's entries (the listing's order, the users' and the findings' sort).
/// </summary>
internal sealed class CredentialAudit(CredentialOptions options)
{
    // Accounts with a ledger: far above any organization one audit covers.
    private const int MaxAccounts = 10_000;

    // An account's ledger is read whole, because a user's entries (user, password and its status, keys and their
    // statuses, report row) are spread over the listing by kind. IAM allows 5,000 users per account by default
    // (GetAccountSummary's UsersQuota; raisable), a user holds about eight entries, plus keys deleted within the
    // state's retention: 2,000,000 entries is some 200,000 users, far above any account.
    private const int MaxLedgerEntries = 2_000_000;

    private readonly CredentialPosture _posture = new(options);

    public async Task<IReadOnlyList<Finding>> EvaluateAsync(IStateStore store, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var verdicts = await JudgeAsync(store, asOf, cancellationToken).ConfigureAwait(false);
        return [.. verdicts.SelectMany(v => v.Findings).OrderBy(f => f.Time).ThenBy(f => f.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// One verdict per user in the store, as of <paramref name="asOf"/>: the user's posture finding, or none. Stored, a
    /// user's new verdict replaces the last, so a finding whose problems were fixed (or changed) is withdrawn. Without
    /// <paramref name="asOf"/> (a replay of old logs), each account is judged as of its own latest evidence, so one
    /// account's recent logs do not make another's credentials look idle.
    /// </summary>
    public async Task<IReadOnlyList<SubjectVerdict>> JudgeAsync(IStateStore store, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var verdicts = new List<SubjectVerdict>();
        foreach (var account in await ListWholeAsync(store, CredentialKeys.AccountsScope, MaxAccounts, cancellationToken).ConfigureAwait(false))
        {
            var ledger = await ReadLedgerAsync(store, account.Key.Member, cancellationToken).ConfigureAwait(false);
            verdicts.AddRange(Evaluate(account.Key.Member, ledger, asOf ?? Latest(account.LastSeen, ledger.Latest))
                .Select(u => new SubjectVerdict($"{CredentialLedgerDetector.DetectorId}:posture:{account.Key.Member}|{u.User}", u.Finding is null ? [] : [u.Finding])));
        }

        return verdicts;
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

    private IEnumerable<(string User, Finding? Finding)> Evaluate(string account, LedgerAccount ledger, DateTimeOffset asOf)
    {
        foreach (var name in ledger.UserNames())
        {
            if (CredentialReconciler.Reconcile(account, name, ledger) is not { } user)
            {
                yield return (name, null);
                continue;
            }

            var problems = _posture.Judge(user, asOf);
            yield return (name, problems.Count > 0 ? PostureFinding.Build(user, problems, asOf, options) : null);
        }
    }

    private static DateTimeOffset Latest(DateTimeOffset account, DateTimeOffset? ledger) => ledger > account ? ledger.Value : account;

    private static async Task<LedgerAccount> ReadLedgerAsync(IStateStore store, string account, CancellationToken cancellationToken) =>
        LedgerAccount.From(
            await ListWholeAsync(store, CredentialKeys.Scope(account), MaxLedgerEntries, cancellationToken).ConfigureAwait(false),
            await ListWholeAsync(store, CredentialKeys.SessionScope(account), MaxLedgerEntries, cancellationToken).ConfigureAwait(false));

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
