using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Monitor.Aws.Iam;
using Monitor.Aws.Objects;
using Monitor.Detection;
using Monitor.Lambda.Handlers;
using Monitor.LeastPrivilege;
using Monitor.LeastPrivilege.Granted;
using Monitor.LeastPrivilege.Mapping;
using Monitor.Pipeline;
using Monitor.Sinks;
using Monitor.State;
using Monitor.Testing;
using Monitor.Testing.Fakes;

namespace Monitor.Lambda.Tests.Handlers;

public sealed class LeastPrivilegeReportHandlerTests
{
    private const string ScheduleEvent = """{"version":"0","id":"e","detail-type":"Scheduled Event","source":"aws.events","time":"2025-06-01T06:00:00Z","detail":{}}""";

    private readonly InMemoryStateStore _store = new();
    private readonly RecordingWriter _objects = new();

    [Fact]
    public async Task Report_IsWritten_AsThreeFilesUnderTheScheduledDay()
    {
        await RecordAsync(Some.Call("s3.amazonaws.com", "GetObject", """{"bucketName":"b","key":"k"}""", principal: Some.AssumedRolePrincipal("app")));
        var granted = new GrantedPrincipal(Some.AppRole, "app", "role", [new GrantedPolicy("app", "inline", [new GrantStatement(true, ["s3:GetObject", "s3:DeleteObject"], [], ["*"], false)])]);

        var response = await Handler(granted).HandleAsync(Invoke(ScheduleEvent), CancellationToken.None);

        _objects.Puts.Keys.ShouldBe(["reports/2025/06/01/report.html", "reports/2025/06/01/report.json", "reports/2025/06/01/report.md"], ignoreOrder: true);
        _objects.Puts.Values.ShouldAllBe(p => p.Bucket == "reports-bucket");
        _objects.Puts["reports/2025/06/01/report.html"].ContentType.ShouldStartWith("text/html");
        using var report = JsonDocument.Parse(_objects.Puts["reports/2025/06/01/report.json"].Content);
        var json = report.RootElement.GetRawText();
        json.ShouldContain(Some.AppRole);
        json.ShouldContain("s3:DeleteObject");
        json.ShouldContain("2025-06-01T06:00:00");
        _objects.Puts["reports/2025/06/01/report.md"].Content.ShouldContain("s3:GetObject");
        using var summary = JsonDocument.Parse(response);
        summary.RootElement.GetProperty("location").GetString().ShouldBe("s3://reports-bucket/reports/2025/06/01/");
        summary.RootElement.GetProperty("principals").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Report_IsDatedByTheClock_WhenTheEventHasNoTime()
    {
        await Handler().HandleAsync(Invoke("{}"), CancellationToken.None);

        _objects.Puts.Keys.ShouldAllBe(k => k.StartsWith("reports/2025/06/10/", StringComparison.Ordinal));
        _objects.Puts.Count.ShouldBe(3);
    }

    private LeastPrivilegeReportHandler Handler(params GrantedPrincipal[] granted) => new(
        new FixedGrants(granted),
        _store,
        _objects,
        "reports-bucket",
        ActionMapper.Embedded,
        new FakeTimeProvider(new DateTimeOffset(2025, 6, 10, 0, 0, 0, TimeSpan.Zero)));

    private async Task RecordAsync(params Monitor.Records.Activity[] activities)
    {
        await new Ingestor(NoObjects.Instance, _store, [new UsageRecorder(ActionMapper.Embedded)], NullFindingSink.Instance, TimeProvider.System)
            .ProcessActivitiesAsync("usage", activities, CancellationToken.None);
    }

    private static Monitor.Lambda.Runtime.Invocation Invoke(string body) =>
        new("request-1", DateTimeOffset.MaxValue, null, null, Encoding.UTF8.GetBytes(body));

    private sealed class FixedGrants(IReadOnlyList<GrantedPrincipal> granted) : IGrantedSource
    {
        public Task<IReadOnlyList<GrantedPrincipal>> FetchAsync(CancellationToken cancellationToken) => Task.FromResult(granted);
    }

    private sealed class RecordingWriter : IObjectWriter
    {
        public Dictionary<string, (string Bucket, string Content, string ContentType)> Puts { get; } = new(StringComparer.Ordinal);

        public Task PutAsync(string bucket, string key, string content, string contentType, CancellationToken cancellationToken)
        {
            Puts[key] = (bucket, content, contentType);
            return Task.CompletedTask;
        }
    }
}
