using Monitor.Cli.Output;
using Monitor.Cli.Replay;
using Monitor.Detection;

namespace Monitor.Cli.Tests.Replay;

public sealed class ReplayRunTests
{
    private static readonly string Objects = Path.Combine(RepositoryPaths.Events, "objects");

    [Fact]
    public async Task OneGzipLogFile_AsJsonl_PrintsContractShapedFindings_OnePerLine()
    {
        var log = Directory.EnumerateFiles(Objects, "*_20261110T1755Z_*.json.gz", SearchOption.AllDirectories).Single();
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await ReplayRun.ExecuteAsync(new ReplaySettings([log], Objects, ":memory:", OutputFormat.Jsonl, null, new DetectionOptions()), output, errors, TestContext.Current);

        exit.ShouldBe(0, errors.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldNotBeEmpty();
        foreach (var line in lines)
        {
            var finding = FindingJson.Parse(line);
            FindingJson.ToJsonLine(finding).ShouldBe(line, "every line is exactly one contract-shaped finding");
        }

        lines.Select(FindingJson.Parse).ShouldContain(f => f.Signals[0] == "root-console-login" && f.Severity == Severity.Critical);
    }

    [Fact]
    public async Task TableFormat_CountsByDetectorAndSeverity_ThenTheFindings()
    {
        var output = new StringWriter();

        var exit = await ReplayRun.ExecuteAsync(new ReplaySettings([RepositoryPaths.Events], Objects, ":memory:", OutputFormat.Table, null, new DetectionOptions()), output, new StringWriter(), TestContext.Current);

        exit.ShouldBe(0);
        var text = output.ToString();
        text.ShouldContain("as of 2026-11-10T");
        text.ShouldMatch(@"root-usage\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+");
        text.IndexOf("CRITICAL", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("LOW ", StringComparison.Ordinal), "most severe first");
    }

    [Fact]
    public async Task ObjectsFolder_ReplaysItsLogs_AndPassesOverTheDigestWithANote()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await ReplayRun.ExecuteAsync(new ReplaySettings([Path.Combine(Objects, "example-org-cloudtrail")], Path.Combine(Objects, "none"), ":memory:", OutputFormat.Jsonl, null, new DetectionOptions()), output, errors, TestContext.Current);

        exit.ShouldBe(0, errors.ToString());
        errors.ToString().ShouldContain("CloudTrail digest file, not a log");
        output.ToString().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task MissingPath_IsAnErrorNamingIt_AndExitCodeOne()
    {
        var errors = new StringWriter();

        var exit = await ReplayRun.ExecuteAsync(new ReplaySettings(["no/such/file.json"], Objects, ":memory:", OutputFormat.Jsonl, null, new DetectionOptions()), new StringWriter(), errors, TestContext.Current);

        exit.ShouldBe(1);
        errors.ToString().ShouldContain("error: no/such/file.json: no such file or folder");
    }

    [Fact]
    public async Task UnusableStateFile_IsAClearErrorWithExitCodeTwo()
    {
        var bogus = Path.GetTempFileName();
        await File.WriteAllTextAsync(bogus, "this is not a database, just text that is long enough to be read as a header........");
        try
        {
            var errors = new StringWriter();

            var exit = await ReplayRun.ExecuteAsync(new ReplaySettings([RepositoryPaths.Events], Objects, bogus, OutputFormat.Jsonl, null, new DetectionOptions()), new StringWriter(), errors, TestContext.Current);

            exit.ShouldBe(2);
            errors.ToString().ShouldContain("--state");
        }
        finally
        {
            File.Delete(bogus);
        }
    }
}
