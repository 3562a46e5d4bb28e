using Microsoft.Extensions.Time.Testing;
using Monitor.Cli.Audit;
using Monitor.Cli.Output;
using Monitor.Cli.Replay;
using Monitor.Detection;
using Monitor.Envelopes;
using Monitor.Testing;
using Monitor.Testing.Fakes;

namespace Monitor.Cli.Tests.Audit;

public sealed class AuditRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("monitor-audit-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Audit_ReportsPostureFindings_FromACredentialReport()
    {
        var report = Write("report.csv", Some.CredentialReportCsv(Some.ReportRow("alice", key1Active: "true", key1Rotated: "2024-01-01T00:00:00+00:00", key1Used: "2024-02-01T00:00:00+00:00", mfa: "true")));
        var (exit, output, errors) = await RunAsync(new AuditSettings(":memory:", report, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), OutputFormat.Jsonl, new DetectionOptions()));

        exit.ShouldBe(0, errors);
        var finding = FindingJson.Parse(output.Trim());
        finding.Detector.ShouldBe("unused-credential");
        finding.Signals.ShouldBe(["key-unused", "key-not-rotated"]);
    }

    [Fact]
    public async Task Audit_DefaultsAsOfToTheClock()
    {
        var report = Write("report.csv", Some.CredentialReportCsv(Some.ReportRow("alice", key1Active: "true", key1Rotated: "2024-12-01T00:00:00+00:00", key1Used: "2024-12-02T00:00:00+00:00", mfa: "true")));
        var settings = new AuditSettings(":memory:", report, null, OutputFormat.Jsonl, new DetectionOptions());

        (await RunAsync(settings, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero))).Output.ShouldBeEmpty();
        (await RunAsync(settings, new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero))).Output.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Audit_RejectsAFileThatIsNotACredentialReport_NamingIt()
    {
        var report = Write("users.csv", "user,arn,created\n");
        var (exit, _, errors) = await RunAsync(new AuditSettings(":memory:", report, Some.CredentialEpoch, OutputFormat.Jsonl, new DetectionOptions()));

        exit.ShouldBe(1);
        errors.ShouldContain("users.csv");
        errors.ShouldContain("not an IAM credential report");
    }

    [Fact]
    public async Task Classifier_RecognisesACredentialReport_ByContent()
    {
        var file = Write("anything.txt", Some.CredentialReportCsv(Some.ReportRow()));

        (await InputClassifier.ClassifyAsync(file, CancellationToken.None)).Shape.ShouldBe(InputShapes.CredentialReport);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(AuditSettings settings, DateTimeOffset? now = null)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await AuditRun.ExecuteAsync(settings, new InMemoryStateStore(), new FakeTimeProvider(now ?? Some.CredentialEpoch), output, errors, CancellationToken.None);
        return (exit, output.ToString(), errors.ToString());
    }
}
