using System.Text.Json.Nodes;
using Monitor.Cli.Output;
using Monitor.Cli.Replay;
using Monitor.Cli.State;
using Monitor.Detection;

namespace Monitor.Cli.Tests.Replay;

/// <summary>
/// The public CloudTrail datasets in tests/data/cloudtrail, replayed the ways a user or the Lambda could deliver them:
/// as delivered, with each file's records sorted or reversed, one file at a time into one state file, and twice. Every
/// way gives the same findings, and the Stratus GetPasswordData sweep (28 denied calls in 6 s, newest first in its file)
/// is found as delivered. The credential audit at the end of each replay runs as of one fixed time, so that replays of
/// part of the data (one file at a time) judge posture as of the same day as the whole.
/// </summary>
public sealed class RealLogReplayTests : IDisposable
{
    private static readonly DateTimeOffset AsOf = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<Task<IReadOnlyList<string>>> AsDelivered = new(() => ReplayIdsAsync(RepositoryPaths.CloudTrailData));

    private readonly string _folder = Directory.CreateTempSubdirectory("monitor-real-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AsDelivered_FindsTheGetPasswordDataBurst()
    {
        var findings = await ReplayFindingsAsync([RepositoryPaths.CloudTrailData], ":memory:");

        findings.ShouldContain(f => f.Signals.Contains("access-denied-burst") && f.Principal.Contains("ec2-get-password-data-role", StringComparison.Ordinal));
        (await AsDelivered.Value).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("sorted")]
    [InlineData("reversed")]
    public async Task RecordsReorderedWithinEachFile_GiveTheSameFindings(string order)
    {
        CopyReordered(order);

        (await ReplayIdsAsync(_folder)).ShouldBe(await AsDelivered.Value);
    }

    [Fact]
    public async Task OneFileAtATime_IntoOneStateFile_GivesTheSameFindings()
    {
        var state = Path.Combine(_folder, "state.db");
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.CloudTrailData, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Reverse())
        {
            await ReplayFindingsAsync([file], state);
        }

        await using var store = SqliteStateStore.Open(state);
        (await store.ListFindingsAsync(CancellationToken.None)).Select(f => f.Id).Order(StringComparer.Ordinal).ShouldBe(await AsDelivered.Value);
    }

    [Fact]
    public async Task Twice_IntoOneStateFile_PrintsTheSameFindings()
    {
        var state = Path.Combine(_folder, "state.db");
        var first = await ReplayFindingsAsync([RepositoryPaths.CloudTrailData], state);
        var second = await ReplayFindingsAsync([RepositoryPaths.CloudTrailData], state);

        second.Select(FindingJson.ToJsonLine).ShouldBe(first.Select(FindingJson.ToJsonLine));
        first.Select(f => f.Id).Order(StringComparer.Ordinal).ShouldBe(await AsDelivered.Value);
    }

    private void CopyReordered(string order)
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.CloudTrailData, "*.json", SearchOption.AllDirectories))
        {
            var root = JsonNode.Parse(File.ReadAllText(file))!;
            var records = root is JsonArray array ? array : root["Records"]!.AsArray();
            var reordered = order == "sorted"
                ? records.OrderBy(r => r!["eventTime"]!.GetValue<string>(), StringComparer.Ordinal).ToArray()
                : records.Reverse().ToArray();
            var copy = new JsonArray([.. reordered.Select(r => r!.DeepClone())]);
            var target = Path.Combine(_folder, Path.GetRelativePath(RepositoryPaths.CloudTrailData, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, root is JsonArray ? copy.ToJsonString() : new JsonObject { ["Records"] = copy }.ToJsonString());
        }
    }

    private static async Task<IReadOnlyList<string>> ReplayIdsAsync(string folder) =>
        [.. (await ReplayFindingsAsync([folder], ":memory:")).Select(f => f.Id).Order(StringComparer.Ordinal)];

    private static async Task<IReadOnlyList<Finding>> ReplayFindingsAsync(string[] paths, string state)
    {
        var output = new StringWriter { NewLine = "\n" };
        var errors = new StringWriter();
        var exit = await ReplayRun.ExecuteAsync(
            new ReplaySettings(paths, Path.Combine(RepositoryPaths.Events, "objects"), state, OutputFormat.Jsonl, AsOf, new DetectionOptions()),
            output, errors, TestContext.Current);
        exit.ShouldBe(0, errors.ToString());
        return [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => FindingJson.Parse(line))];
    }
}
