using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Monitor.Aws.State;
using Monitor.State;
using Monitor.Testing.Emulators;

namespace Monitor.Aws.Tests.State;

/// <summary>What the contract cannot see: the item layout, the write budget and the TTL.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class DynamoStateStoreTests(LocalEmulators emulators) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly AmazonDynamoDBClient _dynamo = TestClients.DynamoDb(emulators.DynamoDb);
    private string _table = "";

    public async Task InitializeAsync() => _table = await TestClients.CreateStateTableAsync(_dynamo);

    public Task DisposeAsync()
    {
        _dynamo.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Merge_WritesEachDistinctKeyOnce_PerBatch()
    {
        var store = Store();
        var key = new StateKey("root-ip:123456789012", "203.0.113.0/24");

        await store.MergeAsync([Sighting.Observed(key, T0), Sighting.Observed(key, T0.AddDays(1)), Sighting.Observed(key, T0.AddDays(2))], CancellationToken.None);

        var item = await ItemAsync("s|root-ip:123456789012", "m|203.0.113.0/24");
        item["ver"].N.ShouldBe("1");
        item["first"].S.ShouldBe("2024-03-01T12:00:00.0000000Z");
        item["last"].S.ShouldBe("2024-03-03T12:00:00.0000000Z");
    }

    [Fact]
    public async Task Merge_DoesNotWrite_WhenTheBatchChangesNothing()
    {
        var store = Store();
        var sighting = Sighting.Observed(new StateKey("s", "m"), T0, new Dictionary<string, string> { ["ua"] = "aws-cli" });
        await store.MergeAsync([sighting], CancellationToken.None);

        await store.MergeAsync([sighting], CancellationToken.None);
        await store.MergeAsync([Sighting.Observed(new StateKey("s", "m"), T0.AddHours(1))], CancellationToken.None);

        (await ItemAsync("s|s", "m|m"))["ver"].N.ShouldBe("2");
    }

    [Fact]
    public async Task Merge_SetsTheTtl_FromLastSeenPlusRetention()
    {
        await Store().MergeAsync([Sighting.Observed(new StateKey("s", "m"), T0.AddDays(3))], CancellationToken.None);

        (await ItemAsync("s|s", "m|m"))["ttl"].N.ShouldBe(T0.AddDays(3 + 30).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Merge_StoresMembersLongerThanASortKeyAllows()
    {
        var store = Store();
        var longMember = new string('x', 1500) + "-a";
        var sibling = new string('x', 1500) + "-b";

        await store.MergeAsync([Sighting.Observed(new StateKey("s", longMember), T0), Sighting.Observed(new StateKey("s", sibling), T0.AddDays(1))], CancellationToken.None);

        var found = await store.GetAsync([new StateKey("s", longMember), new StateKey("s", sibling)], CancellationToken.None);
        found[new StateKey("s", longMember)].LastSeen.ShouldBe(T0);
        found[new StateKey("s", sibling)].LastSeen.ShouldBe(T0.AddDays(1));
    }

    [Fact]
    public async Task PutVerdicts_StoresTheContributionAndTheFindingsView_WithItsContractJson()
    {
        var finding = Monitor.Testing.Some.AlertFinding();

        (await Store().PutVerdictsAsync([new SubjectVerdict("subject-1", [finding])], CancellationToken.None)).ToAnnounce.Count.ShouldBe(1);

        var item = await ItemAsync("finding", finding.Id);
        item["json"].S.ShouldBe(FindingDocument.Serialize(finding));
        item["ver"].N.ShouldBe("1");
        item["announced"].BOOL.ShouldBe(true);
        (await ItemAsync("p|" + finding.Id, "s|subject-1"))["json"].S.ShouldBe(FindingDocument.Serialize(finding));
        (await ItemAsync("v|subject-1", "v"))["ids"].L.Select(v => v.S).ShouldBe([finding.Id]);
    }

    private DynamoStateStore Store() => new(_dynamo, _table, TimeSpan.FromDays(30));

    private async Task<Dictionary<string, AttributeValue>> ItemAsync(string pk, string sk)
    {
        var response = await _dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = _table,
            Key = new() { ["pk"] = new AttributeValue { S = pk }, ["sk"] = new AttributeValue { S = sk } },
            ConsistentRead = true,
        });
        response.Item.ShouldNotBeNull();
        return response.Item;
    }
}
