using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Monitor.Lambda.Tests.Runtime;
using Monitor.Testing;
using Monitor.Testing.Emulators;

namespace Monitor.Lambda.Tests.EndToEnd;

/// <summary>
/// The published AOT bootstrap, run as Lambda would run it, against a loopback Runtime API, dynalite, s3rver
/// and a fake SQS alert queue, fed the sample events (events/) plus a bad message and a missing object.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BootstrapEndToEndTests(LocalEmulators emulators) : IAsyncLifetime
{
    private const string Bucket = "example-org-cloudtrail";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly FakeSqs _alerts = new();
    private readonly AmazonDynamoDBClient _dynamo = EndToEndStack.DynamoDb(emulators);
    private string _table = "";

    public async Task InitializeAsync()
    {
        _table = await EndToEndStack.CreateTableAsync(_dynamo, "e2e");
        using var s3 = EndToEndStack.S3(emulators);
        await EndToEndStack.UploadFolderAsync(s3, Bucket, Path.Combine(RepositoryFolders.Root, "events", "objects", Bucket));
    }

    public async Task DisposeAsync()
    {
        await _alerts.DisposeAsync();
        _dynamo.Dispose();
    }

    [Fact]
    public async Task IngestBatches_FailOnlyTheBadMessages_StoreState_AndAlertEachFindingOnce_EvenWhenRedelivered()
    {
        await using var api = new RuntimeApiEmulator();
        using var bootstrap = Start(api, emulators.S3);
        var first = SampleMessages("01-sqs-sns-s3-notification.json");
        var notifications = SampleMessages("03-sqs-s3-notifications.json");
        JsonNode[] batchA = [.. first, Message("bad-1", "this is not an S3 notification"), Message("missing-1", Some.S3NotificationBody(Some.S3Record(Bucket, "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/10/missing.json.gz")))];
        JsonNode[][] batches = [batchA, [.. notifications.Take(10)], [.. notifications.Skip(10)]];

        var firstPass = await DeliverAsync(api, batches);
        var alertsAfterFirst = AlertIds();
        var stateAfterFirst = await ItemVersionsAsync();
        var secondPass = await DeliverAsync(api, batches);

        firstPass.ShouldBe([["bad-1", "missing-1"], [], []]);
        secondPass.ShouldBe(firstPass);

        // The deployed artifact finds what the replay goldens say these samples hold, and announces each once.
        alertsAfterFirst.ShouldBeUnique();
        alertsAfterFirst.Order(StringComparer.Ordinal).ShouldBe(ExpectedIds("01-sqs-sns-s3-notification.expected.jsonl", "03-sqs-s3-notifications.expected.jsonl"));
        AlertIds().ShouldBe(alertsAfterFirst, "a redelivered batch must not alert again");
        (await StoredFindingIdsAsync()).ShouldBe(alertsAfterFirst.Order(StringComparer.Ordinal), ignoreOrder: false);
        _alerts.BodiesIn(_alerts.QueueUrl()).Select(b => JsonNode.Parse(b)!.AsObject())
            .ShouldContain(f => f["detector"]!.GetValue<string>() == "root-usage" && f["principal"]!.GetValue<string>() == "arn:aws:iam::111122223333:root");

        stateAfterFirst.Keys.ShouldContain(k => k.StartsWith("s|", StringComparison.Ordinal));
        (await ItemVersionsAsync()).ShouldBe(stateAfterFirst, "redelivery changes nothing in the state table");

        var logs = bootstrap.Output.Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        logs.Where(l => l["messageId"]?.GetValue<string>() == "missing-1").ShouldAllBe(l => l["outcome"]!.GetValue<string>() == "failed");
        logs.First(l => l["messageId"]?.GetValue<string>() == "missing-1")["errors"]!.ToJsonString().ShouldContain("object not found");
        logs.Count(l => l["Messages"] is not null).ShouldBe(6);
        bootstrap.Output.ShouldNotContain(l => l.Contains("EXAMPLE-FAKE-SESSION-TOKEN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SlowObjectNearTheDeadline_ReturnsTheUnprocessedMessagesAsFailures_BeforeTheDeadline()
    {
        await using var api = new RuntimeApiEmulator();
        using var stalling = new TcpListener(IPAddress.Loopback, 0);
        stalling.Start();
        var held = new List<TcpClient>();
        var accepting = Task.Run(async () => { while (true) { held.Add(await stalling.AcceptTcpClientAsync()); } });
        using var bootstrap = Start(api, new Uri($"http://127.0.0.1:{((IPEndPoint)stalling.LocalEndpoint).Port}"), safetyMarginMs: 1500);
        var key = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/10/slow.json.gz";
        JsonNode[] batch =
        [
            Message("test-event", """{"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2026-11-10T01:58:03.000Z","Bucket":"example-org-cloudtrail"}"""),
            Message("slow", Some.S3NotificationBody(Some.S3Record(Bucket, key))),
            Message("after-slow", Some.S3NotificationBody(Some.S3Record(Bucket, key.Replace("slow", "next", StringComparison.Ordinal)))),
        ];

        var deadline = DateTimeOffset.UtcNow.AddSeconds(6);
        var result = await api.InvokeAsync(Event(batch), deadline).WaitAsync(Wait);

        DateTimeOffset.UtcNow.ShouldBeLessThan(deadline);
        Failures(result).ShouldBe(["slow", "after-slow"]);
        held.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task UnknownHandler_IsReportedAsAnInitError_AndTheProcessExits()
    {
        await using var api = new RuntimeApiEmulator();
        using var bootstrap = Start(api, emulators.S3, handler: "ingest-nothing");

        var error = await api.InitError.WaitAsync(Wait);

        error.ErrorType.ShouldBe("Runtime.NoSuchHandler");
        error.Body.ShouldContain("ingest-nothing");
        error.Body.ShouldContain("ingest-cloudtrail");
        (await bootstrap.WaitForExitAsync(Wait)).ShouldNotBe(0);
    }

    [Fact]
    public async Task MissingSetting_IsReportedAsAnInitError_NamingTheVariable()
    {
        await using var api = new RuntimeApiEmulator();
        using var bootstrap = Start(api, emulators.S3, omit: Settings.Names.StateTable);

        var error = await api.InitError.WaitAsync(Wait);

        error.ErrorType.ShouldBe("Runtime.ConfigInvalid");
        error.Body.ShouldContain("MONITOR_STATE_TABLE");
        (await bootstrap.WaitForExitAsync(Wait)).ShouldNotBe(0);
    }

    private BootstrapProcess Start(RuntimeApiEmulator api, Uri s3, string handler = "ingest-cloudtrail", int safetyMarginMs = 2000, string? omit = null)
    {
        var environment = EndToEndStack.Environment(api.Address, handler, _table, emulators, _alerts);
        environment[Settings.Names.SafetyMarginMs] = $"{safetyMarginMs}";
        environment[Settings.Names.S3Endpoint] = s3.ToString();
        if (omit is not null)
        {
            environment.Remove(omit);
        }

        return new BootstrapProcess(BootstrapArtifact.Path, environment);
    }

    private static async Task<List<List<string>>> DeliverAsync(RuntimeApiEmulator api, JsonNode[][] batches)
    {
        var failures = new List<List<string>>();
        foreach (var batch in batches)
        {
            var result = await api.InvokeAsync(Event(batch), DateTimeOffset.UtcNow.AddMinutes(2)).WaitAsync(Wait);
            result.IsError.ShouldBeFalse(result.Body);
            failures.Add(Failures(result));
        }

        return failures;
    }

    private static List<string> Failures(RuntimeResult result) =>
        JsonNode.Parse(result.Body)!["batchItemFailures"]!.AsArray().Select(f => f!["itemIdentifier"]!.GetValue<string>()).ToList();

    private static string Event(IEnumerable<JsonNode> messages) =>
        new JsonObject { ["Records"] = new JsonArray([.. messages.Select(m => m.DeepClone())]) }.ToJsonString();

    private static JsonNode Message(string id, string body) => new JsonObject
    {
        ["messageId"] = id,
        ["receiptHandle"] = "AQEB" + id,
        ["body"] = body,
        ["attributes"] = new JsonObject { ["ApproximateReceiveCount"] = "1" },
        ["eventSource"] = "aws:sqs",
        ["eventSourceARN"] = "arn:aws:sqs:us-east-1:444455556666:monitor-cloudtrail-ingest",
        ["awsRegion"] = "us-east-1",
    };

    private static JsonNode[] SampleMessages(string file) =>
        [.. JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFolders.Root, "events", file)))!["Records"]!.AsArray().Select(m => m!)];

    // Replay ends with the credential posture audit, whose findings (no triggering events) the deployed stack
    // produces in the scheduled audit function, not in ingest: those are left out of what ingest must alert.
    private static List<string> ExpectedIds(params string[] files) =>
        [.. files.SelectMany(f => File.ReadAllLines(Path.Combine(RepositoryFolders.Root, "events", f)))
            .Where(l => l.Length > 0)
            .Select(l => JsonNode.Parse(l)!)
            .Where(f => f["eventIds"]!.AsArray().Count > 0)
            .Select(f => f["id"]!.GetValue<string>())
            .Distinct()
            .Order(StringComparer.Ordinal)];

    private List<string> AlertIds() =>
        [.. _alerts.BodiesIn(_alerts.QueueUrl()).Select(b => JsonNode.Parse(b)!["id"]!.GetValue<string>())];

    private async Task<List<string>> StoredFindingIdsAsync()
    {
        var items = await _dynamo.QueryAsync(new QueryRequest
        {
            TableName = _table,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = "finding" } },
        });
        return [.. items.Items.Select(i => i["sk"].S).Order(StringComparer.Ordinal)];
    }

    private static string Describe(AttributeValue value) =>
        value.S ?? value.N ?? (value.BOOL is { } flag ? flag.ToString() : null) ?? (value.L is { Count: > 0 } list ? "[" + string.Join(',', list.Select(Describe)) + "]"
        : value.M is { Count: > 0 } map ? "{" + string.Join(',', map.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}:{Describe(m.Value)}")) + "}" : "");

    /// <summary>Every item's key and content (its version included): equal before and after means nothing was written.</summary>
    private async Task<Dictionary<string, string>> ItemVersionsAsync()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await _dynamo.ScanAsync(new ScanRequest { TableName = _table, ExclusiveStartKey = start });
            foreach (var item in page.Items)
            {
                result[$"{item["pk"].S}\u0001{item["sk"].S}"] = string.Join(';', item.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={Describe(a.Value)}"));
            }

            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        return result;
    }
}
