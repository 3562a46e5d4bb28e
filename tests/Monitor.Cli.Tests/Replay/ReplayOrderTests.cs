using Microsoft.Extensions.Time.Testing;
using Monitor.Cli.Objects;
using Monitor.Cli.Replay;
using Monitor.Detection;
using Monitor.Pipeline;
using Monitor.Sinks;
using Monitor.Testing.Fakes;

namespace Monitor.Cli.Tests.Replay;

public sealed class ReplayOrderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("monitor-order-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Inputs_AreReplayedOldestFirst_WhateverTheirNames()
    {
        Write("a-newer.json", Record("2026-11-10T10:00:00Z"));
        Write("b-older.json", Record("2026-10-01T10:00:00Z"));
        Write("c-sqs.json", """{"Records":[{"messageId":"m","body":"{}","attributes":{"SentTimestamp":"1759000000000"}}]}""");
        Write("d-undated.json", """{"Records":[]}""");

        var result = await Replayer().ReplayAsync([_folder], Path.Combine(_folder, "objects"), default);

        result.Outcomes.Select(o => Path.GetFileName(o.Input.Split(':')[0])).ShouldBe(["c-sqs.json", "b-older.json", "a-newer.json", "d-undated.json"]);
    }

    // The outline reader is tested in Core (InputOutlineTests); here, that the classifier takes its time from it.
    [Theory]
    [InlineData("""{"Records":[{"eventVersion":"1.08","eventTime":"2026-10-01T10:00:00Z"}]}""", "2026-10-01T10:00:00Z")]
    [InlineData("""{"Type":"Notification","Message":"{}","Timestamp":"2026-10-04T00:00:00.000Z"}""", "2026-10-04T00:00:00Z")]
    public async Task FirstTime_IsTheOutlinesOfTheFile(string json, string expected)
    {
        Write("input.json", json);

        var classification = await InputClassifier.ClassifyAsync(Path.Combine(_folder, "input.json"), TestContext.Current);

        classification.FirstTime.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    private Replayer Replayer()
    {
        var store = new InMemoryStateStore();
        var ingestor = new Ingestor(new FolderObjectSource(_folder), store, [], NullFindingSink.Instance, new FakeTimeProvider());
        return new Replayer(ingestor, new CredentialAuditor(store, NullFindingSink.Instance, new()));
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_folder, name), content);

    private static string Record(string time) =>
        "{\"Records\":[{\"eventVersion\":\"1.08\",\"eventTime\":\"" + time + "\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"ListBuckets\",\"eventID\":\"" + time + "\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/bob\",\"accountId\":\"111122223333\"}}]}";
}
