using Monitor.Detection;
using Monitor.Envelopes;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.Roles;

/// <summary>Replays and reordered deliveries give the same findings: decisions are made as of each event's time.</summary>
public sealed class DeterminismTests
{
    private static string Sample => Path.Combine(RepositoryFiles.Events, "00-sqs-role-story.json");

    private static string Objects => Path.Combine(RepositoryFiles.Events, "objects");

    [Fact]
    public async Task ReplayingTwiceIntoTheSameStore_GivesIdenticalFindings()
    {
        var replay = new RoleReplay();
        await replay.FeedSqsEventAsync(Sample, Objects);
        var first = replay.Sorted().Select(FindingJson.ToJsonLine).ToArray();
        replay.Findings.Clear();

        await replay.FeedSqsEventAsync(Sample, Objects);

        replay.Sorted().Select(FindingJson.ToJsonLine).ShouldBe(first);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public async Task ShuffledDeliveryAfterTheFirstDay_GivesTheSameFindingIds(int seed)
    {
        var ordered = new RoleReplay();
        await ordered.FeedSqsEventAsync(Sample, Objects);
        var shuffled = new RoleReplay();

        // The account's first day comes first (it starts the learning period); every later file arrives in any order.
        await shuffled.FeedSqsEventAsync(Sample, Objects, messages => [messages[0], .. Shuffle(messages.Skip(1), seed)]);

        shuffled.Findings.Keys.Order(StringComparer.Ordinal).ShouldBe(ordered.Findings.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RecordsOfOneFileInReverseOrder_GiveTheSameFindingIds()
    {
        var records = new[]
        {
            Some.AssumeRole(AssumptionSignalTests.AfterLearning, AssumptionSignalTests.Bob, AssumptionSignalTests.App, "ASIAB1", "203.0.113.9"),
            Some.AssumeRole(AssumptionSignalTests.AfterLearning.AddHours(1), AssumptionSignalTests.Bob, AssumptionSignalTests.App, "ASIAB2", "203.0.113.9"),
            Some.AssumeRole(AssumptionSignalTests.AfterLearning.AddHours(2), AssumptionSignalTests.Bob, AssumptionSignalTests.App, "ASIAB3", "192.0.2.9"),
        };
        var forward = await AssumptionSignalTests.BaselineAsync();
        var backward = await AssumptionSignalTests.BaselineAsync();

        await forward.FeedAsync(records);
        await backward.FeedAsync([.. records.Reverse()]);

        forward.Findings.Count.ShouldBe(1);
        backward.Findings.Keys.ShouldBe(forward.Findings.Keys);
    }

    private static IEnumerable<SqsMessage> Shuffle(IEnumerable<SqsMessage> messages, int seed)
    {
        var random = new Random(seed);
        return messages.OrderBy(_ => random.Next()).ToArray();
    }
}
