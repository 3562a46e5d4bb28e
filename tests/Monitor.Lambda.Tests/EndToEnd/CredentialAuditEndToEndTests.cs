using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Monitor.Lambda.Tests.Runtime;
using Monitor.Testing;
using Monitor.Testing.Emulators;
using Monitor.Testing.Fakes;

namespace Monitor.Lambda.Tests.EndToEnd;

/// <summary>
/// The real AOT bootstrap as the scheduled credential audit: it signs IAM Query API calls (a loopback fake IAM),
/// waits while the report is generating, stores the rows in the DynamoDB ledger (dynalite) and alerts through SQS.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CredentialAuditEndToEndTests(LocalEmulators emulators) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly FakeSqs _alerts = new();
    private readonly AmazonDynamoDBClient _dynamo = EndToEndStack.DynamoDb(emulators);
    private string _table = "";

    public async Task InitializeAsync()
    {
        _table = await EndToEndStack.CreateTableAsync(_dynamo, "audit");
    }

    public async Task DisposeAsync()
    {
        await _alerts.DisposeAsync();
        _dynamo.Dispose();
    }

    [Fact]
    public async Task ScheduledAudit_FetchesTheSignedReport_WaitsForIt_AndAlertsEachStaleUserOnce()
    {
        var csv = await File.ReadAllTextAsync(Path.Combine(RepositoryFolders.Root, "events", "credentials", "credential-report.csv"));
        await using var iam = new FakeIamEndpoint();
        iam.ThenGenerate("STARTED").ThenGenerate("COMPLETE").ThenReport(csv, "2026-11-10T21:00:00Z")
            .ThenGenerate("COMPLETE").ThenReport(csv, "2026-11-10T21:00:00Z");
        await using var api = new RuntimeApiEmulator();
        using var bootstrap = Start(api, iam.Url);
        const string Schedule = """{"version":"0","id":"e1","detail-type":"Scheduled Event","source":"aws.events","time":"2026-11-11T06:00:00Z","detail":{}}""";

        var first = await api.InvokeAsync(Schedule, DateTimeOffset.UtcNow.AddMinutes(2)).WaitAsync(Wait);
        var alertsAfterFirst = AlertBodies();
        var second = await api.InvokeAsync(Schedule, DateTimeOffset.UtcNow.AddMinutes(2)).WaitAsync(Wait);

        first.IsError.ShouldBeFalse(first.Body);
        second.IsError.ShouldBeFalse(second.Body);
        var summary = JsonDocument.Parse(first.Body).RootElement;
        summary.GetProperty("asOf").GetString().ShouldBe("2026-11-11T06:00:00Z");
        summary.GetProperty("reportRows").GetInt32().ShouldBeGreaterThan(5);
        summary.GetProperty("newFindings").GetInt32().ShouldBe(alertsAfterFirst.Count);
        alertsAfterFirst.ShouldNotBeEmpty();
        alertsAfterFirst.ShouldAllBe(a => a["detector"]!.GetValue<string>() == "unused-credential");
        alertsAfterFirst.ShouldContain(a => a["principal"]!.GetValue<string>() == "arn:aws:iam::111122223333:root" && a["severity"]!.GetValue<string>() == "critical");
        JsonDocument.Parse(second.Body).RootElement.GetProperty("newFindings").GetInt32().ShouldBe(0, "the same audit again announces nothing new");
        AlertBodies().Count.ShouldBe(alertsAfterFirst.Count);

        var calls = iam.Requests.Select(r => r.Body).ToList();
        calls.Count(b => b.Contains("Action=GenerateCredentialReport", StringComparison.Ordinal)).ShouldBe(3);
        calls.Count(b => b.Contains("Action=GetCredentialReport", StringComparison.Ordinal)).ShouldBe(2);
        iam.Requests.ShouldAllBe(r => r.Headers["Authorization"].Contains("/us-east-1/iam/aws4_request", StringComparison.Ordinal));
    }

    private List<JsonNode> AlertBodies() => [.. _alerts.BodiesIn(_alerts.QueueUrl()).Select(b => JsonNode.Parse(b)!)];

    private BootstrapProcess Start(RuntimeApiEmulator api, Uri iam)
    {
        var environment = EndToEndStack.Environment(api.Address, "credential-audit", _table, emulators, _alerts);
        environment[Settings.Names.IamEndpoint] = iam.ToString();
        return new BootstrapProcess(BootstrapArtifact.Path, environment);
    }
}
