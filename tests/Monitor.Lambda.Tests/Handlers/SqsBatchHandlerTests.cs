using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Monitor.Detection;
using Monitor.Envelopes;
using Monitor.Lambda.Handlers;
using Monitor.Lambda.Runtime;
using Monitor.Lambda.Telemetry;
using Monitor.Pipeline;
using Monitor.Testing;

namespace Monitor.Lambda.Tests.Handlers;

public sealed class SqsBatchHandlerTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly StringWriter _log = new();

    [Fact]
    public async Task FailingMessage_IsReportedAlone()
    {
        var handler = Handler((m, _) => Task.FromResult(m.Body == "bad" ? Outcome(m, MessageStatus.Failed) : Outcome(m, MessageStatus.Processed)));

        var response = await InvokeAsync(handler, ("m1", "ok"), ("m2", "bad"), ("m3", "ok"));

        response.ShouldBe(["m2"]);
    }

    [Fact]
    public async Task ProcessorBug_FailsOnlyThatMessage()
    {
        var handler = Handler((m, _) => m.Body == "bug" ? throw new InvalidOperationException("oops") : Task.FromResult(Outcome(m, MessageStatus.Skipped)));

        var response = await InvokeAsync(handler, ("m1", "bug"), ("m2", "ok"));

        response.ShouldBe(["m1"]);
        _log.ToString().ShouldContain("InvalidOperationException: oops");
    }

    [Fact]
    public async Task MessagesNotStartedBeforeTheSafetyMargin_AreReturnedAsFailures()
    {
        // Each message takes 20 s of (fake) time; the deadline is 60 s away and the margin 15 s.
        var processed = new List<string>();
        var handler = Handler((m, _) =>
        {
            processed.Add(m.MessageId!);
            _time.Advance(TimeSpan.FromSeconds(20));
            return Task.FromResult(Outcome(m, MessageStatus.Processed));
        }, margin: TimeSpan.FromSeconds(15));

        var response = await InvokeAsync(handler, Start.AddSeconds(60), ("m1", "a"), ("m2", "b"), ("m3", "c"), ("m4", "d"));

        processed.ShouldBe(["m1", "m2", "m3"]);
        response.ShouldBe(["m4"]);
        _log.ToString().ShouldContain("\"outcome\":\"deferred\"");
    }

    [Fact]
    public async Task InFlightMessage_IsCancelledAtTheSafetyMargin_AndTheRestReturned()
    {
        var handler = Handler(async (m, ct) =>
        {
            if (m.Body == "slow")
            {
                _time.Advance(TimeSpan.FromSeconds(50));
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }

            return Outcome(m, MessageStatus.Processed);
        }, margin: TimeSpan.FromSeconds(15));

        var response = await InvokeAsync(handler, Start.AddSeconds(60), ("m1", "fast"), ("m2", "slow"), ("m3", "fast"));

        response.ShouldBe(["m2", "m3"]);
        _log.ToString().ShouldContain("cancelled at the deadline");
    }

    [Fact]
    public async Task Telemetry_LogsOneLinePerMessage_AndEmfMetricsByDetectorAndSeverity()
    {
        var handler = Handler((m, _) => Task.FromResult(Outcome(m, MessageStatus.Processed, records: 3,
            newFindings: [Some.AlertFinding(id: "a" + m.MessageId), Some.AlertFinding(id: "b" + m.MessageId, severity: Severity.Critical)],
            latest: Start.AddMinutes(-5))));

        await InvokeAsync(handler, ("m1", "x"), ("m2", "y"));

        var lines = _log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var messages = lines.Where(l => l["message"]?.GetValue<string>() == "sqs message").ToList();
        messages.Select(l => l["messageId"]!.GetValue<string>()).ShouldBe(["m1", "m2"]);
        messages[0]["records"]!.GetValue<int>().ShouldBe(3);
        messages[0]["newFindings"]!.GetValue<int>().ShouldBe(2);
        messages[0]["lagSeconds"]!.GetValue<double>().ShouldBe(300);

        var batch = lines.Single(l => l["Messages"] is not null);
        batch["Records"]!.GetValue<int>().ShouldBe(6);
        batch["FailedMessages"]!.GetValue<int>().ShouldBe(0);
        batch["IngestLag"]!.AsArray().Select(v => v!.GetValue<double>()).ShouldBe([300, 300]);
        batch["_aws"]!["CloudWatchMetrics"]![0]!["Namespace"]!.GetValue<string>().ShouldBe("Monitor");

        var findings = lines.Where(l => l["Findings"] is not null).ToList();
        findings.Select(f => (f["Detector"]!.GetValue<string>(), f["Severity"]!.GetValue<string>(), f["Findings"]!.GetValue<int>()))
            .ShouldBe([("root-usage", "critical", 2), ("root-usage", "high", 2)]);
        findings[0]["_aws"]!["CloudWatchMetrics"]![0]!["Dimensions"]![0]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe(["Function", "Detector", "Severity"]);
    }

    private SqsBatchHandler Handler(MessageProcessor process, TimeSpan? margin = null) =>
        new(process, _time, margin ?? TimeSpan.FromSeconds(1), new InvocationTelemetry(_log, _time, "Monitor", "test-fn"));

    private Task<List<string>> InvokeAsync(SqsBatchHandler handler, params (string Id, string Body)[] messages) =>
        InvokeAsync(handler, Start.AddMinutes(5), messages);

    private static async Task<List<string>> InvokeAsync(SqsBatchHandler handler, DateTimeOffset deadline, params (string Id, string Body)[] messages)
    {
        var sqsEvent = new SqsEvent { Records = messages.Select(m => new SqsMessage { MessageId = m.Id, Body = m.Body, EventSource = "aws:sqs" }).ToList() };
        var body = JsonSerializer.SerializeToUtf8Bytes(sqsEvent, SqsJsonContext.Default.SqsEvent);
        var response = await handler.HandleAsync(new Invocation("req", deadline, null, null, body), CancellationToken.None);
        var parsed = JsonSerializer.Deserialize(Encoding.UTF8.GetString(response.Span), SqsJsonContext.Default.BatchResponse)!;
        return parsed.BatchItemFailures.Select(f => f.ItemIdentifier).ToList();
    }

    private static MessageOutcome Outcome(SqsMessage message, MessageStatus status, int records = 0, IReadOnlyList<Finding>? newFindings = null, DateTimeOffset? latest = null) =>
        new($"message {message.MessageId}", status, records, newFindings ?? [], newFindings ?? [], status == MessageStatus.Failed ? ["broken"] : [], [], latest, TimeSpan.Zero);
}
