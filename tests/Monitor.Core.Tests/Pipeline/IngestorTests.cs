using Microsoft.Extensions.Time.Testing;
using Monitor.Detection;
using Monitor.Envelopes;
using Monitor.Pipeline;
using Monitor.Testing;
using Monitor.Testing.Fakes;

namespace Monitor.Core.Tests.Pipeline;

public sealed class IngestorTests
{
    private const string Key1 = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/10/a.json.gz";
    private const string Key2 = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/10/b.json.gz";
    private readonly MemoryObjectSource _objects = new();
    private readonly InMemoryStateStore _store = new();
    private readonly RecordingSink _alerts = new();

    public IngestorTests()
    {
        _objects.Add("trail", Key1, Log(Record("e-1", "2026-11-10T01:00:00Z"), Record("e-2", "2026-11-10T01:05:00Z")));
        _objects.Add("trail", Key2, Log(Record("e-3", "2026-11-10T02:00:00Z")));
    }

    [Fact]
    public async Task Message_WithS3Notification_ReadsEveryObjectAndAlertsOnNewFindings()
    {
        var outcome = await Ingestor().ProcessMessageAsync(Message("m-1", Some.S3NotificationBody(Some.S3Record("trail", Key1), Some.S3Record("trail", Key2))), default);

        outcome.Status.ShouldBe(MessageStatus.Processed);
        outcome.Records.ShouldBe(3);
        outcome.Findings.Select(f => f.EventIds[0]).ShouldBe(["e-1", "e-2", "e-3"]);
        _alerts.Published.Count.ShouldBe(3);
        outcome.LatestEventTime.ShouldBe(DateTimeOffset.Parse("2026-11-10T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task SameMessageTwice_AlertsOnce_ButReportsItsFindingsBothTimes()
    {
        var message = Message("m-1", Some.S3NotificationBody(Some.S3Record("trail", Key1)));

        var first = await Ingestor().ProcessMessageAsync(message, default);
        var second = await Ingestor().ProcessMessageAsync(message, default);

        second.Findings.Select(f => f.Id).ShouldBe(first.Findings.Select(f => f.Id));
        second.NewFindings.ShouldBeEmpty();
        _alerts.Published.Count.ShouldBe(2);
        (await _store.ListFindingsAsync(default)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task FailedAlertSend_FailsTheMessage_AndTheRetryAnnouncesTheFindings()
    {
        var message = Message("m-1", Some.S3NotificationBody(Some.S3Record("trail", Key1)));
        var broken = new Ingestor(_objects, _store, [new EchoDetector()], new FailingSink(), new FakeTimeProvider());

        await Should.ThrowAsync<IOException>(() => broken.ProcessMessageAsync(message, default));
        var retry = await Ingestor().ProcessMessageAsync(message, default);

        retry.NewFindings.Count.ShouldBe(2);
        _alerts.Published.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Message_WithMissingObject_FailsNamingIt_AndStillCommitsTheObjectsThatWereRead()
    {
        var outcome = await Ingestor().ProcessMessageAsync(Message("m-2", Some.S3NotificationBody(Some.S3Record("trail", Key1), Some.S3Record("trail", "AWSLogs/missing.json.gz"))), default);

        outcome.Status.ShouldBe(MessageStatus.Failed);
        outcome.Errors.ShouldHaveSingleItem().ShouldBe("s3://trail/AWSLogs/missing.json.gz: object not found");
        outcome.Records.ShouldBe(2);
        (await _store.ListFindingsAsync(default)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Message_WithUnknownBody_FailsNamingTheMessage()
    {
        var outcome = await Ingestor().ProcessMessageAsync(Message("m-3", """{"hello":"world"}"""), default);

        outcome.Status.ShouldBe(MessageStatus.Failed);
        outcome.Errors.ShouldHaveSingleItem().ShouldContain("message m-3");
    }

    [Fact]
    public async Task Message_WithS3TestEvent_IsSkippedWithAReason()
    {
        var outcome = await Ingestor().ProcessMessageAsync(Message("m-4", Some.FormatFile("s3-test-event.json")), default);

        outcome.Status.ShouldBe(MessageStatus.Skipped);
        outcome.Notes.ShouldNotBeEmpty();
        outcome.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Message_WithEventBridgeEvent_ReadsTheInlineRecord()
    {
        var outcome = await Ingestor().ProcessMessageAsync(Message("m-5", Some.FormatFile("eventbridge-aws-api-call-via-cloudtrail.json")), default);

        outcome.Status.ShouldBe(MessageStatus.Processed);
        outcome.Records.ShouldBe(1);
        outcome.Findings.ShouldHaveSingleItem().Title.ShouldBe("seen CreateAccessKey");
    }

    [Fact]
    public async Task BadRecord_IsReportedAlone_AndDoesNotFailTheMessage()
    {
        _objects.Add("trail", "bad.json.gz", "{\"Records\":[" + Record("e-9", "2026-11-10T03:00:00Z") + ",42]}");

        var outcome = await Ingestor().ProcessMessageAsync(Message("m-6", Some.S3NotificationBody(Some.S3Record("trail", "bad.json.gz"))), default);

        outcome.Status.ShouldBe(MessageStatus.Processed, "a retry would not fix a bad record");
        outcome.Findings.ShouldHaveSingleItem();
        outcome.Errors.ShouldHaveSingleItem().ShouldContain("s3://trail/bad.json.gz");
    }

    [Fact]
    public async Task StateCommits_OncePerChunk_WritingEachKeyOnce()
    {
        await Ingestor().ProcessMessageAsync(Message("m-7", Some.S3NotificationBody(Some.S3Record("trail", Key1), Some.S3Record("trail", Key2))), default);

        _store.MergeCalls.ShouldBe(2, "one chunk per object, each committed before the next is read");
        _store.MergedKeys.Count.ShouldBe(_store.MergedKeys.Distinct().Count());
    }

    [Fact]
    public async Task Cancellation_FailsTheMessage_SayingItWillBeRetried()
    {
        var ingestor = new Ingestor(new HangingObjectSource(), _store, [new EchoDetector()], _alerts, new FakeTimeProvider());
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var outcome = await ingestor.ProcessMessageAsync(Message("m-8", Some.S3NotificationBody(Some.S3Record("trail", Key1))), deadline.Token);

        outcome.Status.ShouldBe(MessageStatus.Failed);
        outcome.Errors.ShouldHaveSingleItem().ShouldContain("deadline");
    }

    private Ingestor Ingestor() => new(_objects, _store, [new EchoDetector()], _alerts, new FakeTimeProvider());

    private static SqsMessage Message(string id, string body) => new() { MessageId = id, Body = body };

    private static string Log(params string[] records) => "{\"Records\":[" + string.Join(",", records) + "]}";

    private static string Record(string id, string time) =>
        $$"""{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/bob","accountId":"111122223333"},"eventTime":"{{time}}","eventSource":"s3.amazonaws.com","eventName":"ListBuckets","eventID":"{{id}}","recipientAccountId":"111122223333"}""";
}
