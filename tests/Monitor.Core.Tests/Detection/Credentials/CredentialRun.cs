using Monitor.Detection;
using Monitor.Detection.Credentials;
using Monitor.Records;
using Monitor.Records.CredentialReports;
using Monitor.State;
using Monitor.Testing.Fakes;

namespace Monitor.Core.Tests.Detection.Credentials;

/// <summary>Runs the ledger detector over activities (one committed unit each, as separate messages would be) and audits the store.</summary>
internal sealed class CredentialRun(int unusedAfterDays = 90)
{
    public InMemoryStateStore Store { get; } = new();

    public DetectionOptions Options { get; } = new() { UnusedAfter = TimeSpan.FromDays(unusedAfterDays) };

    public List<Finding> Findings { get; } = [];

    public async Task<CredentialRun> FeedAsync(params Activity[] activities)
    {
        var detector = new CredentialLedgerDetector(Options);
        foreach (var activity in activities)
        {
            var view = new StateView(Store);
            var context = new DetectionContext(view, Options);
            await view.PrefetchAsync(detector.KeysFor(activity), CancellationToken.None);
            await detector.InspectAsync(activity, context, CancellationToken.None);
            await view.CommitAsync(CancellationToken.None);
            Findings.AddRange(context.Findings);
        }

        return this;
    }

    public async Task<CredentialRun> RecordAsync(CredentialReport report)
    {
        var view = new StateView(Store);
        CredentialReportRecorder.Record(report, view);
        await view.CommitAsync(CancellationToken.None);
        return this;
    }

    public Task<IReadOnlyList<Finding>> AuditAsync(DateTimeOffset asOf) =>
        new CredentialAudit(Options).EvaluateAsync(Store, asOf, CancellationToken.None);

    public Task<IReadOnlyList<UserCredentials>> UsersAsync() => CredentialAudit.LoadAsync(Store, CancellationToken.None);
}
