using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Monitor.Detection;
using Monitor.Lambda.Handlers;
using Monitor.Pipeline;
using Monitor.Records.CredentialReports;
using Monitor.Sinks;
using Monitor.Testing;
using Monitor.Testing.Fakes;

namespace Monitor.Lambda.Tests.Handlers;

public sealed class CredentialAuditHandlerTests
{
    private const string ScheduleEvent = """{"version":"0","id":"e","detail-type":"Scheduled Event","source":"aws.events","time":"2025-06-01T06:00:00Z","detail":{}}""";

    private readonly InMemoryStateStore _store = new();
    private readonly RecordingSink _alerts = new();

    [Fact]
    public async Task Audit_AlertsOnce_PerFinding_AcrossScheduledRuns()
    {
        var handler = Handler(Some.ReportRow("alice", key1Active: "true", key1Rotated: "2024-01-01T00:00:00+00:00", key1Used: "2024-02-01T00:00:00+00:00", mfa: "true"));

        var first = await RunAsync(handler);
        var second = await RunAsync(handler);

        first.GetProperty("findings").GetInt32().ShouldBe(1);
        first.GetProperty("newFindings").GetInt32().ShouldBe(1);
        first.GetProperty("asOf").GetString().ShouldBe("2025-06-01T06:00:00Z");
        second.GetProperty("newFindings").GetInt32().ShouldBe(0);
        _alerts.Published.Single().Signals.ShouldBe(["key-unused", "key-not-rotated"]);
    }

    [Fact]
    public async Task Audit_UsesTheClock_WhenTheEventHasNoTime()
    {
        var handler = Handler(Some.ReportRow("alice", key1Active: "true", key1Rotated: "2025-05-01T00:00:00+00:00", key1Used: "2025-05-02T00:00:00+00:00", mfa: "true"));

        var summary = await RunAsync(handler, "{}");

        summary.GetProperty("asOf").GetString().ShouldBe("2025-06-10T00:00:00Z");
        summary.GetProperty("findings").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Audit_Fails_WhenIamReturnsSomethingElse()
    {
        var handler = new CredentialAuditHandler(new FixedReportSource(CredentialReport.Rejected("iam:GetCredentialReport", "not a report")), new CredentialAuditor(_store, _alerts, new()), new FakeTimeProvider());

        await Should.ThrowAsync<InvalidDataException>(() => handler.HandleAsync(Invoke(ScheduleEvent), CancellationToken.None));
    }

    private CredentialAuditHandler Handler(params string[] rows) => new(
        new FixedReportSource(Some.ReadCredentialReport(Some.CredentialReportCsv(rows), "iam:GetCredentialReport", new DateTimeOffset(2025, 6, 1, 5, 0, 0, TimeSpan.Zero))),
        new CredentialAuditor(_store, _alerts, new()),
        new FakeTimeProvider(new DateTimeOffset(2025, 6, 10, 0, 0, 0, TimeSpan.Zero)));

    private static async Task<JsonElement> RunAsync(CredentialAuditHandler handler, string body = ScheduleEvent)
    {
        var response = await handler.HandleAsync(Invoke(body), CancellationToken.None);
        return JsonDocument.Parse(response).RootElement.Clone();
    }

    private static Monitor.Lambda.Runtime.Invocation Invoke(string body) =>
        new("request-1", DateTimeOffset.MaxValue, null, null, Encoding.UTF8.GetBytes(body));

    private sealed class FixedReportSource(CredentialReport report) : ICredentialReportSource
    {
        public Task<CredentialReport> FetchAsync(CancellationToken cancellationToken) => Task.FromResult(report);
    }

    private sealed class RecordingSink : IFindingSink
    {
        public List<Finding> Published { get; } = [];

        public Task PublishAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
        {
            Published.AddRange(findings);
            return Task.CompletedTask;
        }
    }
}
