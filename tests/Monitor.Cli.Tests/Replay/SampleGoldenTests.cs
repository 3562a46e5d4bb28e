using Monitor.Cli.Output;
using Monitor.Cli.Replay;
using Monitor.Detection;

namespace Monitor.Cli.Tests.Replay;

/// <summary>
/// Every sample in events/ is replayed alone into a fresh store and its findings compared, line by line, with
/// its <c>&lt;sample&gt;.expected.jsonl</c>. Set MONITOR_UPDATE_GOLDENS=1 to rewrite them after a deliberate change
/// (and read the diff).
/// </summary>
public sealed class SampleGoldenTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Events).Where(IsSample).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        // A story told in several files (a credential report beside logs) is a folder, replayed as a whole.
        foreach (var folder in Directory.EnumerateDirectories(RepositoryPaths.Events).Select(Path.GetFileName).Where(IsStoryFolder).Order(StringComparer.Ordinal))
        {
            data.Add(folder!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Replay_MatchesExpectedFindings(string sample)
    {
        var (exit, actual, errors) = await ReplayAsync([Path.Combine(RepositoryPaths.Events, sample)], ":memory:");

        exit.ShouldBe(0, errors);
        var expectedPath = Path.Combine(RepositoryPaths.Events, (sample.EndsWith(".json", StringComparison.Ordinal) ? Path.GetFileNameWithoutExtension(sample) : sample) + ".expected.jsonl");
        if (Environment.GetEnvironmentVariable("MONITOR_UPDATE_GOLDENS") == "1")
        {
            await File.WriteAllTextAsync(expectedPath, actual);
        }

        File.Exists(expectedPath).ShouldBeTrue($"{expectedPath} is missing (MONITOR_UPDATE_GOLDENS=1 writes it)");
        actual.ShouldBe(await File.ReadAllTextAsync(expectedPath));
    }

    [Fact]
    public async Task ReplayingTwiceIntoOneStateFile_GivesIdenticalFindings_AndNoDuplicatesInTheStore()
    {
        var folder = Directory.CreateTempSubdirectory("monitor-twice-").FullName;
        try
        {
            var state = Path.Combine(folder, "state.db");
            var first = await ReplayAsync([RepositoryPaths.Events], state);
            var second = await ReplayAsync([RepositoryPaths.Events], state);

            first.Exit.ShouldBe(0, first.Errors);
            second.Output.ShouldBe(first.Output);
            var lines = first.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.ShouldNotBeEmpty();
            await using var store = Monitor.Cli.State.SqliteStateStore.Open(state);
            var stored = await store.ListFindingsAsync(TestContext.Current);
            stored.Count.ShouldBe(lines.Length);
            stored.Select(f => f.Id).Distinct().Count().ShouldBe(stored.Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool IsStoryFolder(string? name) => name is not (null or "objects" or "tools") && !name.StartsWith('.');

    private static bool IsSample(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".json", StringComparison.Ordinal) && !name.Contains(".expected.", StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Errors)> ReplayAsync(string[] paths, string state)
    {
        var output = new StringWriter { NewLine = "\n" };
        var errors = new StringWriter();
        var exit = await ReplayRun.ExecuteAsync(
            new ReplaySettings(paths, Path.Combine(RepositoryPaths.Events, "objects"), state, OutputFormat.Jsonl, null, new DetectionOptions()),
            output, errors, TestContext.Current);
        return (exit, output.ToString(), errors.ToString());
    }
}
