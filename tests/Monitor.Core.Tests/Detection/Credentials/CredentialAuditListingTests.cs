using Monitor.Detection;
using Monitor.Detection.Credentials;
using Monitor.State;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.Credentials;

public sealed class CredentialAuditListingTests
{
    [Fact]
    public async Task Audit_Fails_RatherThanJudgeACutLedger()
    {
        var store = new EndlessLedgerStore();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => new CredentialAudit(new CredentialOptions()).EvaluateAsync(store, Some.CredentialEpoch, CancellationToken.None));

        error.Message.ShouldContain(CredentialKeys.Scope(Some.CredentialAccount));
        store.Limits.ShouldAllBe(limit => limit > 1_000_000, "the listing asks for a whole account, past any IAM quota");
    }

    [Fact]
    public async Task EachUsersVerdict_IsItsOwnSubject_SoOneUsersFixWithdrawsOnlyTheirFinding()
    {
        var run = await new CredentialRun().RecordAsync(Some.ReadCredentialReport(
            Some.CredentialReportCsv(Some.ReportRow("alice", key1Active: "true", key1Rotated: "2024-01-01T00:00:00+00:00"), Some.ReportRow("bob", mfa: "true")),
            generatedAt: Some.CredentialEpoch));

        var verdicts = await new CredentialAudit(new CredentialOptions()).JudgeAsync(run.Store, Some.CredentialEpoch, CancellationToken.None);

        verdicts.Select(v => (v.Subject, v.Findings.Count)).ShouldBe(
            [("unused-credential:posture:111122223333|alice", 1), ("unused-credential:posture:111122223333|bob", 0)], ignoreOrder: true);
    }

    /// <summary>One account whose ledger fills any listing to its limit: more entries than the audit reads.</summary>
    private sealed class EndlessLedgerStore : IStateStore
    {
        public List<int> Limits { get; } = [];

        public Task<IReadOnlyList<Sighting>> ListAsync(string scope, int limit, CancellationToken cancellationToken)
        {
            if (scope == CredentialKeys.AccountsScope)
            {
                return Task.FromResult<IReadOnlyList<Sighting>>([Sighting.Observed(CredentialKeys.Account(Some.CredentialAccount), Some.CredentialEpoch)]);
            }

            Limits.Add(limit);
            var key = Sighting.Observed(CredentialKeys.Key(Some.CredentialAccount, "AKIAEXAMPLE000000001"), Some.CredentialEpoch);
            return Task.FromResult<IReadOnlyList<Sighting>>([.. Enumerable.Repeat(key, limit)]);
        }

        public Task<IReadOnlyDictionary<StateKey, Sighting>> GetAsync(IReadOnlyCollection<StateKey> keys, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task MergeAsync(IReadOnlyCollection<Sighting> sightings, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Sighting>> ListRangeAsync(string scope, string from, string to, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<VerdictChanges> PutVerdictsAsync(IReadOnlyCollection<SubjectVerdict> verdicts, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Finding>> GetFindingsAsync(IReadOnlyCollection<string> findingIds, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ReturnAnnouncementsAsync(IReadOnlyCollection<string> findingIds, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Finding>> ListFindingsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Finding>> ListFindingsAboutAsync(string account, string principal, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
