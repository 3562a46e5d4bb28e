using System.Text;
using System.Text.Json.Nodes;
using Monitor.Aws.Alerts;
using Monitor.Testing;
using Monitor.Testing.Emulators;

namespace Monitor.Aws.Tests.Alerts;

public sealed class SqsFindingSinkTests : IAsyncLifetime
{
    private readonly FakeSqs _sqs = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _sqs.DisposeAsync();

    [Fact]
    public async Task Publish_SendsEachFindingOnce_AsContractJson_InBatchesOfTen()
    {
        var findings = Enumerable.Range(0, 23).Select(i => Some.AlertFinding(id: $"root-usage-{i:D2}")).ToList();

        await Sink().PublishAsync(findings, CancellationToken.None);

        _sqs.Batches.Select(b => b.Entries).ShouldBe([10, 10, 3]);
        var bodies = _sqs.BodiesIn(_sqs.QueueUrl()).Select(b => JsonNode.Parse(b)!.AsObject()).ToList();
        bodies.Select(b => b["id"]!.GetValue<string>()).Order().ShouldBe(findings.Select(f => f.Id));
        var first = bodies.Single(b => b["id"]!.GetValue<string>() == "root-usage-00");
        first.Select(p => p.Key).ShouldBe(["id", "detector", "severity", "title", "account", "principal", "time", "eventIds", "signals", "evidence", "recommendation"]);
        first["severity"]!.GetValue<string>().ShouldBe("high");
        first["time"]!.GetValue<string>().ShouldBe("2024-03-01T12:00:00Z");
    }

    [Fact]
    public async Task Publish_KeepsBatchesWithinTheSizeLimit()
    {
        var findings = Enumerable.Range(0, 9).Select(i => Some.AlertFinding(id: $"f{i}", evidence: new string('e', 200_000))).ToList();

        await Sink().PublishAsync(findings, CancellationToken.None);

        _sqs.Batches.ShouldAllBe(b => b.Bytes <= AlertBatches.MaxBatchBytes && b.Entries <= AlertBatches.MaxEntries);
        _sqs.Batches.Count.ShouldBeGreaterThan(1);
        _sqs.Messages.Count.ShouldBe(9);
    }

    [Fact]
    public async Task Publish_DropsEvidence_WhenAFindingIsTooLargeForOneAlert()
    {
        await Sink().PublishAsync([Some.AlertFinding(evidence: new string('e', 300_000))], CancellationToken.None);

        var body = _sqs.Messages.Single().Body;
        Encoding.UTF8.GetByteCount(body).ShouldBeLessThanOrEqualTo(AlertBatches.MaxMessageBytes);
        JsonNode.Parse(body)!["evidence"]!["truncated"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Publish_ResendsEntriesSqsFailed()
    {
        _sqs.FailNext(2);

        await Sink().PublishAsync([Some.AlertFinding(id: "a"), Some.AlertFinding(id: "b"), Some.AlertFinding(id: "c")], CancellationToken.None);

        _sqs.Messages.Select(m => JsonNode.Parse(m.Body)!["id"]!.GetValue<string>()).Order().ShouldBe(["a", "b", "c"]);
        _sqs.Batches.Select(b => b.Entries).ShouldBe([3, 2]);
    }

    [Fact]
    public async Task Publish_Throws_WhenSqsRejectsAnEntryAsMalformed()
    {
        _sqs.FailNext(1, senderFault: true);

        var exception = await Should.ThrowAsync<AlertDeliveryException>(() => Sink().PublishAsync([Some.AlertFinding()], CancellationToken.None));

        exception.Message.ShouldContain("InvalidMessageContents");
        _sqs.Batches.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Publish_SendsNothing_ForNoFindings()
    {
        await Sink().PublishAsync([], CancellationToken.None);

        _sqs.Batches.ShouldBeEmpty();
    }

    private SqsFindingSink Sink() => new(TestClients.Sqs(_sqs.Endpoint), _sqs.QueueUrl(), TimeProvider.System);
}
