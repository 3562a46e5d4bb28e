using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Monitor.Core.Tests.Detection.Roles;
using Monitor.Detection;
using Monitor.Detection.Workloads;
using Monitor.Envelopes;
using Monitor.Pipeline;
using Monitor.Sinks;
using Monitor.Testing.Fakes;

namespace Monitor.Core.Tests.Detection.Workloads;

/// <summary>
/// The story in events/stolen-workloads: a day of a Lambda function, an ECS task, an EC2 instance, CodeBuild builds
/// and a person on a Mac, in which the three workloads' sessions are replayed from elsewhere. Exactly the three thefts
/// are found, in any delivery order, and whatever ordinary client the thief uses.
/// </summary>
public sealed class StolenWorkloadStoryTests
{
    private static readonly string[] Expected =
    [
        "high Credentials of Lambda function orders-api (orders-api-role-k3v9x2qa) used off the platform: workload-credentials-off-platform, desktop-os, client-and-network-changed, read-data (3 events)",
        "high Credentials of ECS task 7c1f0e9a2b3d4c5e8f90a1b2c3d4e5f6 (web-task-role) used off the platform: workload-credentials-off-platform, client-and-network-changed, read-data (3 events)",
        "critical Credentials of EC2 instance i-0f1e2d3c4b5a69788 (batch-worker-role) used off the platform: workload-credentials-off-platform, desktop-os, changed-iam (2 events)",
    ];

    private static string Folder => Path.Combine(RepositoryFiles.Events, "stolen-workloads");

    [Fact]
    public async Task TheThreeThefts_AreFound_AndNothingElse() =>
        (await DetectAsync(await FilesAsync())).ShouldBe(Expected);

    [Fact]
    public async Task AnyDeliveryOrder_GivesTheSameFindings()
    {
        var files = await FilesAsync();
        var inOrder = await FindingsAsync(files);

        var reversed = await FindingsAsync([.. Enumerable.Reverse(files).Select(f => Enumerable.Reverse(f).ToList())]);
        var oneByOne = await FindingsAsync([.. files.SelectMany(f => f).Reverse().Select(r => new List<JsonObject> { r })]);

        reversed.ShouldBe(inOrder);
        oneByOne.ShouldBe(inOrder);
    }

    [Theory]
    [InlineData("Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/macos#24.1.0 md/arch#arm64 lang/python#3.13.0")]
    [InlineData("aws-sdk-java/2.28.16 Mac_OS_X/14.6.1 OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS Java/21.0.5 vendor/Eclipse_Adoptium io/sync http/Apache")]
    [InlineData("aws-sdk-go-v2/1.32.2 ua/2.1 os/macos lang/go#1.23.2 md/GOOS#darwin md/GOARCH#arm64 api/s3#1.66.0")]
    [InlineData("aws-sdk-js/3.679.0 ua/2.1 os/darwin#24.1.0 lang/js md/nodejs#22.11.0 api/s3#3.679.0")]
    [InlineData("aws-sdk-dotnet-coreclr/3.7.400.0 ua/2.0 OS/Darwin_24.1.0 lang/.NET_Core#8.0.10 md/ClientAsync")]
    [InlineData("aws-cli/2.18.4 Python/3.12.6 Darwin/23.6.0 exe/x86_64 prompt/off command/s3.cp")]
    public async Task EachTheft_IsFound_WithAnyOrdinaryClientOnTheThiefsMac(string userAgent)
    {
        var files = await FilesAsync();
        foreach (var record in files.SelectMany(f => f).Where(r => r["sourceIPAddress"]!.GetValue<string>() is "203.0.113.77" or "192.0.2.150"))
        {
            record["userAgent"] = userAgent;
        }

        (await DetectAsync(files)).ShouldBe(Expected);
    }

    private static async Task<List<List<JsonObject>>> FilesAsync()
    {
        var files = new List<List<JsonObject>>();
        foreach (var path in Directory.GetFiles(Folder, "*.json.gz").Order(StringComparer.Ordinal))
        {
            await using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            var trail = await JsonNode.ParseAsync(gzip);
            files.Add([.. trail!["Records"]!.AsArray().Select(r => r!.AsObject())]);
        }

        files.Count.ShouldBe(4);
        return files;
    }

    private static async Task<string[]> DetectAsync(List<List<JsonObject>> files) =>
        [.. (await RunAsync(files)).OrderBy(f => f.Time).Select(f => $"{f.Severity.ToString().ToLowerInvariant()} {f.Title}: {string.Join(", ", f.Signals)} ({f.EventIds.Count} events)")];

    private static async Task<string[]> FindingsAsync(List<List<JsonObject>> files) =>
        [.. (await RunAsync(files)).Select(FindingJson.ToJsonLine).Order(StringComparer.Ordinal)];

    private static async Task<IReadOnlyList<Finding>> RunAsync(List<List<JsonObject>> files)
    {
        var store = new InMemoryStateStore();
        var ingestor = new Ingestor(NoObjects.Instance, store, [new WorkloadDetector()], NullFindingSink.Instance, TimeProvider.System);
        foreach (var file in files)
        {
            var json = new JsonObject { ["Records"] = new JsonArray([.. file.Select(r => (JsonNode)r.DeepClone())]) }.ToJsonString();
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
            (await ingestor.ProcessStreamAsync("story", stream, CancellationToken.None)).Errors.ShouldBeEmpty();
        }

        return await store.ListFindingsAsync(CancellationToken.None);
    }
}
