using System.Text;
using System.Text.Json.Nodes;
using Monitor.Core.Tests.Detection.Roles;
using Monitor.Detection.Tampering;
using Monitor.Envelopes;
using Monitor.Pipeline;
using Monitor.Records;
using Monitor.Sinks;
using Monitor.Testing.Fakes;

namespace Monitor.Core.Tests.Detection.Tampering;

/// <summary>
/// The real Stratus Red Team detonations in tests/data, with every user agent replaced by an ordinary CLI's: each
/// technique the detector covers gives exactly its rules, and every other detonation gives none.
/// </summary>
public sealed class TamperingOnRealLogsTests
{
    private const string OrdinaryAgent = "aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64.ubuntu.22 prompt/off command/iam";

    public static TheoryData<string, string[]> Detonations => new()
    {
        { "aws.defense-evasion.cloudtrail-delete.json", ["logging-disabled high"] },
        { "aws.defense-evasion.cloudtrail-event-selectors.json", ["logging-reduced medium"] },
        { "aws.defense-evasion.cloudtrail-stop.json", ["logging-disabled high"] },
        { "aws.initial-access.console-login-without-mfa.json", ["console-login-without-mfa medium"] },
        { "aws.persistence.iam-backdoor-role.json", ["trust-policy-opened high"] },
        { "aws.persistence.iam-backdoor-user.json", ["credential-for-another-user medium"] },
        { "aws.persistence.iam-create-admin-user.json", ["admin-rights-to-user high", "credential-for-another-user medium"] },
        { "aws.persistence.iam-create-backdoor-role.json", ["trust-policy-opened high"] },
        { "aws.persistence.iam-create-user-login-profile.json", ["credential-for-another-user medium"] },
        { "aws.privilege-escalation.iam-update-user-login-profile.json", ["credential-for-another-user medium"] },
        { "aws.persistence.sts-federation-token.json", ["federation-token-from-long-term-key medium"] },
    };

    [Theory]
    [MemberData(nameof(Detonations))]
    public async Task EachTechnique_IsFound_WithAnOrdinaryUserAgent(string file, string[] rules) =>
        (await DetectAsync(file)).ShouldBe(rules);

    [Fact]
    public async Task TheOtherDetonations_GiveNoTamperingFinding()
    {
        var covered = Detonations.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var others = Directory.GetFiles(Path.Combine(RepositoryFiles.CloudTrailData, "stratus-red-team_detonation-logs"), "*.json")
            .Select(Path.GetFileName).OfType<string>().Where(f => !covered.Contains(f)).Order(StringComparer.Ordinal).ToArray();

        others.Length.ShouldBeGreaterThan(20);
        foreach (var file in others)
        {
            (await DetectAsync(file)).ShouldBeEmpty(file);
        }
    }

    private static async Task<string[]> DetectAsync(string file)
    {
        var trail = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.CloudTrailData, "stratus-red-team_detonation-logs", file)))!;
        var records = (trail is JsonArray array ? array : trail["Records"]!.AsArray()).Select(r => r!.AsObject()).ToList();
        foreach (var record in records)
        {
            record["userAgent"] = OrdinaryAgent;
        }

        var store = new InMemoryStateStore();
        var json = new JsonObject { ["Records"] = new JsonArray([.. records.Select(r => (JsonNode)r.DeepClone())]) }.ToJsonString();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var ingestor = new Ingestor(NoObjects.Instance, store, [new TamperingDetector()], NullFindingSink.Instance, TimeProvider.System);
        (await ingestor.ProcessStreamAsync(file, stream, CancellationToken.None)).Errors.ShouldBeEmpty();
        return (await store.ListFindingsAsync(CancellationToken.None)).Rules();
    }
}
