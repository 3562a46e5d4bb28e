using Monitor.Detection;
using Monitor.Detection.Credentials;
using Monitor.Records.CredentialReports;
using Monitor.Sinks;
using Monitor.State;

namespace Monitor.Pipeline;

/// <summary>
/// The credential-audit use case, the same for the scheduled function, <c>audit</c> and the end of <c>replay</c>: merge
/// a credential report into the ledger, judge every user as of a time, store the verdicts (a fixed problem withdraws its
/// finding) and announce what is new.
/// </summary>
public sealed class CredentialAuditor(IStateStore store, IFindingSink alerts, CredentialOptions options)
{
    /// <summary>Merges <paramref name="report"/>'s rows into the ledger; returns how many were recorded.</summary>
    public async Task<int> RecordAsync(CredentialReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var view = new StateView(store);
        var recorded = CredentialReportRecorder.Record(report, view);
        await view.CommitAsync(cancellationToken).ConfigureAwait(false);
        return recorded;
    }

    /// <summary>Judges every credential in the store as of <paramref name="asOf"/>; without it, each account as of its own latest evidence.</summary>
    public async Task<AuditOutcome> AuditAsync(DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var verdicts = await new CredentialAudit(options).JudgeAsync(store, asOf, cancellationToken).ConfigureAwait(false);
        var changes = await store.PutVerdictsAsync(verdicts, cancellationToken).ConfigureAwait(false);
        await FindingAnnouncer.AnnounceAsync(store, alerts, changes.ToAnnounce, cancellationToken).ConfigureAwait(false);
        Finding[] findings = [.. verdicts.SelectMany(v => v.Findings).OrderBy(f => f.Time).ThenBy(f => f.Id, StringComparer.Ordinal)];
        return new AuditOutcome(asOf, findings, changes.ToAnnounce, [.. changes.Withdrawn.Select(f => f.Id)]);
    }
}

/// <summary>What an audit found as of <see cref="AsOf"/> (null: each account as of its latest evidence): every current finding, the new ones, and those it withdrew.</summary>
public sealed record AuditOutcome(DateTimeOffset? AsOf, IReadOnlyList<Finding> Findings, IReadOnlyList<Finding> NewFindings, IReadOnlyList<string> Withdrawn);
