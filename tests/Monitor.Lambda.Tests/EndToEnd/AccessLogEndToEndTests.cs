using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Monitor.Lambda.Tests.Runtime;
using Monitor.Testing;
using Monitor.Testing.Emulators;
using Monitor.Testing.Fakes;

namespace Monitor.Lambda.Tests.EndToEnd;

/// <summary>
/// The real AOT bootstrap as the access-log ingest function: the sample access-log object on s3rver, announced by
/// the sample SQS event, read by content, judged, stored in dynalite and alerted once.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AccessLogEndToEndTests(LocalEmulators emulators) : IAsyncLifetime
{
    private const string Bucket = "example-org-s3-access-logs";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly FakeSqs _alerts = new();
    private readonly AmazonDynamoDBClient _dynamo = EndToEndStack.DynamoDb(emulators);
    private string _table = "";

    public async Task InitializeAsync()
    {
        _table = await EndToEndStack.CreateTableAsync(_dynamo, "access");
        using var s3 = EndToEndStack.S3(emulators);
        await EndToEndStack.UploadFolderAsync(s3, Bucket, Path.Combine(RepositoryFolders.Root, "events", "objects", Bucket));
    }

    public async Task DisposeAsync()
    {
        await _alerts.DisposeAsync();
        _dynamo.Dispose();
    }

    [Fact]
    public async Task AccessLogBatch_AlertsTheRootAndAnonymousFindingsOfTheGolden_Once()
    {
        await using var api = new RuntimeApiEmulator();
        using var bootstrap = new BootstrapProcess(BootstrapArtifact.Path, EndToEndStack.Environment(api.Address, "ingest-access-log", _table, emulators, _alerts));
        var sample = File.ReadAllText(Path.Combine(RepositoryFolders.Root, "events", "07-sqs-access-log.json"));

        var first = await api.InvokeAsync(sample, DateTimeOffset.UtcNow.AddMinutes(2)).WaitAsync(Wait);
        var alerts = AlertBodies();
        var second = await api.InvokeAsync(sample, DateTimeOffset.UtcNow.AddMinutes(2)).WaitAsync(Wait);

        first.IsError.ShouldBeFalse(first.Body);
        JsonNode.Parse(first.Body)!["batchItemFailures"]!.AsArray().ShouldBeEmpty();
        JsonNode.Parse(second.Body)!["batchItemFailures"]!.AsArray().ShouldBeEmpty();
        var expected = File.ReadAllLines(Path.Combine(RepositoryFolders.Root, "events", "07-sqs-access-log.expected.jsonl"))
            .Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        alerts.Select(a => a["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ShouldBe(expected);
        alerts.ShouldContain(a => a["detector"]!.GetValue<string>() == "public-bucket-access");
        alerts.ShouldContain(a => a["detector"]!.GetValue<string>() == "root-usage");
        AlertBodies().Count.ShouldBe(alerts.Count, "a redelivered batch must not alert again");
    }

    private List<JsonNode> AlertBodies() => [.. _alerts.BodiesIn(_alerts.QueueUrl()).Select(b => JsonNode.Parse(b)!)];
}
