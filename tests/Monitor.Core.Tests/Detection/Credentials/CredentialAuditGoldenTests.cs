using System.Text.Json;
using System.Text.Json.Serialization;
using Monitor.Detection;
using Monitor.Detection.Credentials;
using Monitor.Testing;
using Monitor.Testing.Fakes;

namespace Monitor.Core.Tests.Detection.Credentials;

/// <summary>
/// The audit of a generated account (<see cref="SyntheticCredentialAccount"/>) compared, line by line, with what it
/// gave when the goldens were written: every merged user and every finding, so a faster audit is the same audit.
/// Set MONITOR_UPDATE_GOLDENS=1 to rewrite them after a deliberate change (and read the diff).
/// </summary>
public sealed class CredentialAuditGoldenTests
{
    private const int Users = 250;

    private static readonly JsonSerializerOptions UserJson = new() { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Findings_MatchTheGolden()
    {
        var store = await FilledAsync();

        var findings = await new CredentialAudit(new CredentialOptions()).EvaluateAsync(store, SyntheticCredentialAccount.AsOf, CancellationToken.None);

        await CompareAsync("synthetic-account.findings.jsonl", findings.Select(FindingJson.ToJsonLine));
    }

    [Fact]
    public async Task MergedUsers_MatchTheGolden()
    {
        var store = await FilledAsync();

        var users = await CredentialAudit.LoadAsync(store, CancellationToken.None);

        await CompareAsync("synthetic-account.users.jsonl", users.Select(u => JsonSerializer.Serialize(u, UserJson)));
    }

    [Fact]
    public async Task GeneratedAccount_RaisesEveryUserPostureSignal()
    {
        var store = await FilledAsync();

        var findings = await new CredentialAudit(new CredentialOptions()).EvaluateAsync(store, SyntheticCredentialAccount.AsOf, CancellationToken.None);

        findings.SelectMany(f => f.Signals).Distinct().ShouldBe(
            ["key-unused", "key-never-used", "password-unused", "password-never-used", "password-without-mfa", "key-not-rotated", "two-active-keys", "root-password-used"],
            ignoreOrder: true);
    }

    private static async Task<InMemoryStateStore> FilledAsync()
    {
        var store = new InMemoryStateStore();
        await SyntheticCredentialAccount.FillAsync(store, Users, CancellationToken.None);
        return store;
    }

    private static async Task CompareAsync(string golden, IEnumerable<string> lines)
    {
        var path = Path.Combine(RepositoryFolders.Root, "tests", "Monitor.Core.Tests", "Fixtures", "credentials", golden);
        var actual = string.Concat(lines.Select(l => l + "\n"));
        if (Environment.GetEnvironmentVariable("MONITOR_UPDATE_GOLDENS") == "1")
        {
            await File.WriteAllTextAsync(path, actual, CancellationToken.None);
        }

        File.Exists(path).ShouldBeTrue($"{path} is missing (MONITOR_UPDATE_GOLDENS=1 writes it)");
        actual.ShouldBe(await File.ReadAllTextAsync(path, CancellationToken.None));
    }
}
