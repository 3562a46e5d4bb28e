using System.Text;
using Monitor.Cli.Output;
using Monitor.Cli.Replay;
using Monitor.Detection;
using Monitor.Testing;

namespace Monitor.Cli.Tests.Replay;

public sealed class InputClassifierTests : IDisposable
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private readonly string _folder = Directory.CreateTempSubdirectory("monitor-classify-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string, string> BomPrefixed => new()
    {
        { "log.json", """{"Records":[]}""", nameof(InputKind.CloudTrail) },
        { "sqs.json", """{"Records":[{"messageId":"m-1","receiptHandle":"r","body":"{}"}]}""", nameof(InputKind.SqsEvent) },
        { "report.csv", Some.CredentialReportCsv(Some.ReportRow("alice")), nameof(InputKind.CredentialReport) },
    };

    [Theory]
    [MemberData(nameof(BomPrefixed))]
    public async Task Classifies_WhenTheFileStartsWithAUtf8ByteOrderMark(string name, string content, string kind)
    {
        var file = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(file, [.. Bom, .. Encoding.UTF8.GetBytes(content)], TestContext.Current);

        var classification = await InputClassifier.ClassifyAsync(file, TestContext.Current);

        classification.Kind.ToString().ShouldBe(kind, classification.Reason);
    }

    [Fact]
    public async Task Replays_WhenTheFileStartsWithAUtf8ByteOrderMark()
    {
        var record = """{"eventVersion":"1.08","eventTime":"2026-11-10T17:20:00Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","eventID":"BOM-1","userIdentity":{"type":"Root","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333"},"responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"MFAUsed":"No"},"sourceIPAddress":"203.0.113.66","recipientAccountId":"111122223333"}""";
        await File.WriteAllBytesAsync(Path.Combine(_folder, "log.json"), [.. Bom, .. Encoding.UTF8.GetBytes("{\"Records\":[" + record + "]}")], TestContext.Current);
        var errors = new StringWriter();

        var exit = await ReplayRun.ExecuteAsync(
            new ReplaySettings([_folder], Path.Combine(_folder, "objects"), ":memory:", OutputFormat.Jsonl, null, new DetectionOptions()),
            new StringWriter(), errors, TestContext.Current);

        exit.ShouldBe(0, errors.ToString());
    }
}
