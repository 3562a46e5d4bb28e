using System.IO.Compression;
using System.Text;
using Monitor.Cli.Output;
using Monitor.Cli.Replay;
using Monitor.Detection;
using Monitor.Envelopes;
using Monitor.Testing;

namespace Monitor.Cli.Tests.Replay;

public sealed class InputClassifierTests : IDisposable
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private readonly string _folder = Directory.CreateTempSubdirectory("monitor-classify-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Samples() => InputSamples.Names();

    public static TheoryData<string, string, string> BomPrefixed => new()
    {
        { "log.json", """{"Records":[]}""", InputShapes.CloudTrailLog.Name },
        { "sqs.json", """{"Records":[{"messageId":"m-1","receiptHandle":"r","body":"{}"}]}""", InputShapes.SqsEvent.Name },
        { "report.csv", Some.CredentialReportCsv(Some.ReportRow("alice")), InputShapes.CredentialReport.Name },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Classifies_EverySample_AsTheRegistryRecognisesIt(string name)
    {
        var sample = InputSamples.Named(name);
        var file = Path.Combine(_folder, "sample");
        await File.WriteAllBytesAsync(file, sample.Stored(), TestContext.Current);

        var classification = await InputClassifier.ClassifyAsync(file, TestContext.Current);

        classification.Shape.ShouldBe(sample.Shape, classification.Reason);
        (classification.Reason is null).ShouldBe(sample.Shape is not null);
    }

    [Fact]
    public void EveryInputUnderEvents_IsASample()
    {
        var errors = new List<string>();

        // Walked with the objects folder in: the log objects are samples too.
        var inputs = InputWalker.Expand([RepositoryPaths.Events], Path.Combine(_folder, "no-objects"), errors)
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/'));

        errors.ShouldBeEmpty();
        inputs.Except(InputSamples.All.Select(sample => sample.Name)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(BomPrefixed))]
    public async Task Classifies_WhenTheFileStartsWithAUtf8ByteOrderMark(string name, string content, string shape)
    {
        var file = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(file, [.. Bom, .. Encoding.UTF8.GetBytes(content)], TestContext.Current);

        var classification = await InputClassifier.ClassifyAsync(file, TestContext.Current);

        classification.Shape?.Name.ShouldBe(shape, classification.Reason);
        classification.Shape.ShouldNotBeNull(classification.Reason);
    }

    [Fact]
    public async Task Classifies_WhenAGzipFileStartsWithAUtf8ByteOrderMark()
    {
        var file = Path.Combine(_folder, "log.json.gz");
        await using (var gzip = new GZipStream(File.Create(file), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync((byte[])[.. Bom, .. """{"Records":[]}"""u8], TestContext.Current);
        }

        (await InputClassifier.ClassifyAsync(file, TestContext.Current)).Shape.ShouldBe(InputShapes.CloudTrailLog);
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

    [Theory]
    [InlineData("""{"Type":"Notification","TopicArn":"arn:aws:sns:us-east-1:111122223333:t"}""", "SNS notification Message is missing")]
    [InlineData("""{"s3ObjectKey":["k"]}""", "CloudTrail notice s3Bucket is missing")]
    public async Task Replay_SaysWhatIsWrong_WithABodyOnlyItsRootTellsApart(string json, string error)
    {
        var file = Path.Combine(_folder, "body.json");
        await File.WriteAllTextAsync(file, json, TestContext.Current);
        var errors = new StringWriter();

        var exit = await ReplayRun.ExecuteAsync(
            new ReplaySettings([file], Path.Combine(_folder, "objects"), ":memory:", OutputFormat.Jsonl, null, new DetectionOptions()),
            new StringWriter(), errors, TestContext.Current);

        exit.ShouldBe(1);
        errors.ToString().ShouldContain($"message {file}: {error}");
    }
}
