using Monitor.Cli.Output;
using Monitor.Cli.Replay;
using Monitor.Detection;
using Monitor.Testing.Fakes;

namespace Monitor.Cli.Tests.Replay;

/// <summary>The credential samples (events/credentials) together exercise every unused-credential detection.</summary>
public sealed class CredentialSampleTests
{
    private static readonly string Samples = Path.Combine(RepositoryPaths.Events, "credentials");

    [Fact]
    public async Task Replay_ProducesEveryUnusedCredentialDetection()
    {
        // Other detectors see these logs too (python-requests on STS is a role-assumption signal); this story is about credentials.
        var findings = (await ReplayAsync(new InMemoryStateStore())).Where(f => f.Detector == "unused-credential").ToArray();

        var signals = findings.SelectMany(f => f.Signals).ToHashSet();
        string[] expected = [
            "dormant-credential-used", "new-source-network", "sensitive-first-call", "tool-user-agent",
            "key-unused", "key-never-used", "password-unused", "password-never-used", "key-not-rotated",
            "two-active-keys", "root-access-key", "password-without-mfa",
        ];
        expected.Except(signals).ShouldBeEmpty();
        findings.Single(f => f.Principal.EndsWith(":root", StringComparison.Ordinal)).Severity.ShouldBe(Severity.Critical);
        findings.Count(f => f.Principal.EndsWith("user/carol-legacy", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Replay_DormantKeyThatWokeUp_IsNotAlsoReportedUnused_LedgerWinsForRecency()
    {
        var findings = await ReplayAsync(new InMemoryStateStore());

        var sync = findings.Where(f => f.Principal.EndsWith("user/svc-legacy-sync", StringComparison.Ordinal)).ToList();
        sync.ShouldContain(f => f.Signals[0] == "dormant-credential-used");
        sync.ShouldNotContain(f => f.Signals.Contains("key-unused"));
        findings.ShouldContain(f => f.Principal.EndsWith("user/erin-contractor", StringComparison.Ordinal) && f.Title.Contains("console password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplayingTwiceIntoOneStore_GivesTheSameFindings()
    {
        var store = new InMemoryStateStore();

        var first = await ReplayAsync(store);
        var second = await ReplayAsync(store);

        second.Select(f => f.Id).ShouldBe(first.Select(f => f.Id));
        (await store.ListFindingsAsync(CancellationToken.None)).Count.ShouldBe(first.Count);
    }

    private static async Task<IReadOnlyList<Finding>> ReplayAsync(InMemoryStateStore store)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var settings = new ReplaySettings([Samples], Path.Combine(RepositoryPaths.Events, "objects"), ":memory:", OutputFormat.Jsonl, null, new DetectionOptions());

        var exit = await ReplayRun.ExecuteAsync(settings, store, output, errors, CancellationToken.None);

        exit.ShouldBe(0, errors.ToString());
        return [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(FindingJson.Parse)];
    }
}
