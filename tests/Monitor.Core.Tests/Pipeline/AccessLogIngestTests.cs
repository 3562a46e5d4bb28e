using Microsoft.Extensions.Time.Testing;
using Monitor.Detection;
using Monitor.Detection.PublicBuckets;
using Monitor.Envelopes;
using Monitor.Pipeline;
using Monitor.Testing;
using Monitor.Testing.Fakes;

namespace Monitor.Core.Tests.Pipeline;

public sealed class AccessLogIngestTests
{
    private const string LogKey = "s3-access/111122223333/us-east-1/example-bucket/2026/11/10/2026-11-10-00-00-00-0A1B2C3D4E5F6A7B";
    private readonly MemoryObjectSource _objects = new();
    private readonly InMemoryStateStore _store = new();
    private readonly RecordingSink _alerts = new();

    private static readonly DateTimeOffset At = new(2026, 11, 10, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task RootAndAnonymousReads_ReachTheirDetectors_WhenObjectIsAnAccessLog()
    {
        _objects.Add("example-logs", LogKey, string.Join('\n',
            Some.AccessLogLine(requester: "arn:aws:iam::111122223333:root", time: At, requestId: "ROOT1"),
            Some.AccessLogLine(requester: "-", time: At.AddMinutes(1), requestId: "ANON1"),
            Some.AccessLogLine(requester: "-", operation: "REST.PUT.OBJECT", status: 403, errorCode: "AccessDenied", time: At.AddMinutes(2), requestId: "ANON2"),
            Some.AccessLogLine(requester: "-", bucket: "public-site", time: At.AddMinutes(3), requestId: "ANON3")));
        var options = new DetectionOptions { PublicBuckets = new PublicBucketOptions { PublicBuckets = PublicBucketList.Parse("public-site") } };
        var ingestor = new Ingestor(_objects, _store, DetectorCatalog.All(options), _alerts, new FakeTimeProvider());

        var outcome = await ingestor.ProcessMessageAsync(new SqsMessage { MessageId = "m-1", Body = Some.S3NotificationBody(Some.S3Record("example-logs", LogKey)) }, default);

        outcome.Status.ShouldBe(MessageStatus.Processed);
        outcome.Records.ShouldBe(4);
        outcome.Errors.ShouldBeEmpty();
        var root = outcome.Findings.Single(f => f.Detector == "root-usage");
        root.EventIds.ShouldBe(["ROOT1"]);
        root.Account.ShouldBe("111122223333");
        root.Principal.ShouldBe("arn:aws:iam::111122223333:root");
        root.Signals.ShouldContain("s3-access-log");
        var anonymous = outcome.Findings.Single(f => f.Detector == "public-bucket-access");
        anonymous.EventIds.ShouldBe(["ANON1"]);
        anonymous.Account.ShouldBe("111122223333");
        outcome.Findings.Count.ShouldBe(2);
    }
}
