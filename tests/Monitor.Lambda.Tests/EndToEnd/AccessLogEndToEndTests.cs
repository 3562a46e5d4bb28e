using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
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
    private readonly AmazonDynamoDBClient _dynamo = new(new BasicAWSCredentials("S3RVER", "S3RVER"), new AmazonDynamoDBConfig { ServiceURL = emulators.DynamoDb.ToString(), AuthenticationRegion = "us-east-1" });
    private string _table = "";

    public async Task InitializeAsync()
    {
        _table = "access-" + Guid.NewGuid().ToString("N")[..12];
        await _dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = _table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S)],
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
        });
        await UploadAccessLogsAsync();
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
        using var bootstrap = new BootstrapProcess(BootstrapArtifact.Path, Environment(api.Address));
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

    private Dictionary<string, string> Environment(string runtimeApi) => new()
    {
        ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi,
        ["_HANDLER"] = "ingest-access-log",
        ["AWS_REGION"] = "us-east-1",
        ["AWS_ACCESS_KEY_ID"] = "S3RVER",
        ["AWS_SECRET_ACCESS_KEY"] = "S3RVER",
        ["AWS_LAMBDA_FUNCTION_NAME"] = "monitor-access-log-e2e",
        [Settings.Names.StateTable] = _table,
        [Settings.Names.AlertQueueUrl] = _alerts.QueueUrl(),
        [Settings.Names.S3Endpoint] = emulators.S3.ToString(),
        [Settings.Names.DynamoDbEndpoint] = emulators.DynamoDb.ToString(),
        [Settings.Names.SqsEndpoint] = _alerts.Endpoint.ToString(),
    };

    private async Task UploadAccessLogsAsync()
    {
        using var s3 = new AmazonS3Client(new BasicAWSCredentials("S3RVER", "S3RVER"), new AmazonS3Config { ServiceURL = emulators.S3.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        try
        {
            await s3.PutBucketAsync(Bucket);
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }

        var root = Path.Combine(RepositoryFolders.Root, "events", "objects", Bucket);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            // s3rver stores SDK v4's aws-chunked framing verbatim unless chunk encoding is off.
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = Path.GetRelativePath(root, file).Replace('\\', '/'), FilePath = file, UseChunkEncoding = false });
        }
    }
}
