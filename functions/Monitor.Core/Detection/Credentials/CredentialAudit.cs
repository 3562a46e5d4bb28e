using Monitor.State;

namespace Monitor.Detection.Credentials;

/// <summary>
/// The scheduled (and replay-end) credential audit: reads every account's ledger, merges the stored credential
/// report, and reports one finding per user whose credentials break a posture rule, as of a given time.
/// </summary>
public sealed class CredentialAudit(CredentialOptions options)
{
    // Listing limits: far above any real account (IAM allows 5,000 users per account).
    private const int MaxAccounts = 10_000;
    private const int MaxMembers = 200_000;

    private readonly CredentialPosture _posture = new(options);

    public async Task<IReadOnlyList<Finding>> EvaluateAsync(IStateStore store, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var verdicts = await JudgeAsync(store, asOf, cancellationToken).ConfigureAwait(false);
        return [.. verdicts.SelectMany(v => v.Findings).OrderBy(f => f.Time).ThenBy(f => f.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// One verdict per user in the store, as of <paramref name="asOf"/>: the user's posture finding, or none. Stored, a
    /// user's new verdict replaces the last, so a finding whose problems were fixed (or changed) is withdrawn.
    /// </summary>
    public async Task<IReadOnlyList<SubjectVerdict>> JudgeAsync(IStateStore store, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var verdicts = new List<SubjectVerdict>();
        foreach (var account in await store.ListAsync(CredentialKeys.AccountsScope, MaxAccounts, cancellationToken).ConfigureAwait(false))
        {
            var sightings = await store.ListAsync(CredentialKeys.Scope(account.Key.Member), MaxMembers, cancellationToken).ConfigureAwait(false);
            verdicts.AddRange(Evaluate(account.Key.Member, LedgerAccount.From(sightings), asOf)
                .Select(u => new SubjectVerdict($"{CredentialLedgerDetector.DetectorId}:posture:{account.Key.Member}|{u.User}", u.Finding is null ? [] : [u.Finding])));
        }

        return verdicts;
    }

    /// <summary>The merged view of every user in the store, for reports and tests.</summary>
    public static async Task<IReadOnlyList<UserCredentials>> LoadAsync(IStateStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var users = new List<UserCredentials>();
        foreach (var account in await store.ListAsync(CredentialKeys.AccountsScope, MaxAccounts, cancellationToken).ConfigureAwait(false))
        {
            var ledger = LedgerAccount.From(await store.ListAsync(CredentialKeys.Scope(account.Key.Member), MaxMembers, cancellationToken).ConfigureAwait(false));
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
}
