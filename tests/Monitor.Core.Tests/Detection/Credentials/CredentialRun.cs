using Monitor.Detection;
using Monitor.Detection.Credentials;
using Monitor.Records;
using Monitor.Records.CredentialReports;
using Monitor.State;
using Monitor.Testing.Fakes;

namespace Monitor.Core.Tests.Detection.Credentials;

/// <summary>Runs the ledger detector over activities (one committed chunk each, as separate messages would be) and audits the store.</summary>
internal sealed class CredentialRun(int unusedAfterDays = 90)
{
    private readonly EngineRun _run = new(new CredentialLedgerDetector(new CredentialOptions { UnusedAfter = TimeSpan.FromDays(unusedAfterDays) }));

    public InMemoryStateStore Store => _run.Store;

    public CredentialOptions Options { get; } = new() { UnusedAfter = TimeSpan.FromDays(unusedAfterDays) };

    /// <summary>The findings stored so far (dormant credentials woken up).</summary>
    public List<Finding> Findings { get; } = [];

    public async Task<CredentialRun> FeedAsync(params Activity[] activities)
    {
        var stored = await _run.EachAsync(activities);
        Findings.Clear();
        Findings.AddRange(stored);
        return this;
    }

    public async Task<CredentialRun> RecordAsync(CredentialReport report)
    {
        var view = new StateView(Store);
        CredentialReportRecorder.Record(report, view);
        await view.CommitAsync(CancellationToken.None);
        return this;
    }

    public Task<IReadOnlyList<Finding>> AuditAsync(DateTimeOffset? asOf) =>
        new CredentialAudit(Options).EvaluateAsync(Store, asOf, CancellationToken.None);

    public Task<IReadOnlyList<UserCredentials>> UsersAsync() => CredentialAudit.LoadAsync(Store, CancellationToken.None);
}
