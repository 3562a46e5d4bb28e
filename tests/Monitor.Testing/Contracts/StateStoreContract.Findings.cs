using System.Text.Json.Nodes;
using Monitor.Detection;

namespace Monitor.Testing.Contracts;

public abstract partial class StateStoreContract
{
    protected Task<IReadOnlyList<Finding>> PutAsync(params Finding[] findings) => Store.PutFindingsAsync(findings, CancellationToken.None);

    [Fact]
    public async Task PutFindingsAsync_ReturnsTheFinding_WhenItIsNew()
    {
        var finding = Some.Finding(evidence: new JsonObject { ["nested"] = new JsonObject { ["n"] = 1.5, ["list"] = new JsonArray("a", null, true) } });

        var fresh = await PutAsync(finding);

        fresh.Count.ShouldBe(1);
        fresh[0].ShouldMatch(finding);
        (await Store.ListFindingsAsync(CancellationToken.None)).Single().ShouldMatch(finding);
    }

    [Fact]
    public async Task PutFindingsAsync_ReturnsNothing_WhenTheSameFindingIsPutAgain()
    {
        await PutAsync(Some.Finding());

        (await PutAsync(Some.Finding())).ShouldBeEmpty();
        (await Store.ListFindingsAsync(CancellationToken.None)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task PutFindingsAsync_ReturnsOnlyTheNewOnes_WhenSomeAreKnown()
    {
        await PutAsync(Some.Finding(id: "known"));

        var fresh = await PutAsync(Some.Finding(id: "known"), Some.Finding(id: "new-1"), Some.Finding(id: "new-2"));

        fresh.Select(f => f.Id).ShouldBe(["new-1", "new-2"], ignoreOrder: true);
    }

    [Fact]
    public async Task PutFindingsAsync_MergesAReportedAgainFinding_KeepingTheUnionOfEventIds()
    {
        var first = Some.Finding(time: T0.AddMinutes(5), eventIds: ["e2"], signals: ["console-login"], severity: Severity.Medium);
        var again = Some.Finding(time: T0, eventIds: ["e1", "e3"], signals: ["no-mfa"], severity: Severity.High);
        await PutAsync(first);

        (await PutAsync(again)).ShouldBeEmpty();

        var stored = (await Store.ListFindingsAsync(CancellationToken.None)).Single();
        stored.ShouldMatch(first.Merge(again));
        stored.EventIds.ShouldBe(["e1", "e2", "e3"]);
        stored.Time.ShouldBe(T0);
        stored.Severity.ShouldBe(Severity.High);
    }

    [Fact]
    public async Task PutFindingsAsync_ReturnsOneMergedFinding_WhenOneCallHoldsTheSameIdTwice()
    {
        var a = Some.Finding(eventIds: ["e1"]);
        var b = Some.Finding(time: T0.AddSeconds(1), eventIds: ["e2"]);

        var fresh = await PutAsync(a, b);

        fresh.Count.ShouldBe(1);
        fresh[0].ShouldMatch(a.Merge(b));
        (await Store.ListFindingsAsync(CancellationToken.None)).Single().ShouldMatch(a.Merge(b));
    }

    [Fact]
    public async Task PutFindingsAsync_ReturnsNothing_WhenGivenNothing() => (await PutAsync()).ShouldBeEmpty();

    [Fact]
    public async Task ReturnedAnnouncement_IsGivenToTheNextPut_Once()
    {
        await PutAsync(Some.Finding(eventIds: ["e1"]));

        await Store.ReturnAnnouncementsAsync([Some.Finding().Id], CancellationToken.None);
        var retried = await PutAsync(Some.Finding(eventIds: ["e2"]));
        var again = await PutAsync(Some.Finding(eventIds: ["e3"]));

        retried.ShouldHaveSingleItem().EventIds.ShouldBe(["e1", "e2"], "the announcement carries the merged finding");
        again.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReturnAnnouncementsAsync_IgnoresUnknownIds()
    {
        await Store.ReturnAnnouncementsAsync(["never-stored"], CancellationToken.None);

        (await Store.ListFindingsAsync(CancellationToken.None)).ShouldBeEmpty();
        (await PutAsync(Some.Finding(id: "never-stored"))).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ReturnedAnnouncement_IsTakenByExactlyOneOfConcurrentPuts()
    {
        await PutAsync(Some.Finding());
        await Store.ReturnAnnouncementsAsync([Some.Finding().Id], CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => PutAsync(Some.Finding(eventIds: [$"e{i}"])))));

        results.Sum(r => r.Count).ShouldBe(1);
    }

    [Fact]
    public async Task ListFindingsAsync_ReturnsNothing_WhenEmpty() =>
        (await Store.ListFindingsAsync(CancellationToken.None)).ShouldBeEmpty();

    [Fact]
    public async Task ListFindingsAsync_OrdersByTimeThenId()
    {
        await PutAsync(Some.Finding(id: "b", time: T0.AddHours(1)), Some.Finding(id: "c", time: T0));
        await PutAsync(Some.Finding(id: "a", time: T0.AddHours(1)), Some.Finding(id: "d", time: T0.AddMilliseconds(-1)));
        await PutAsync(Some.Finding(id: "e", time: new DateTimeOffset(2024, 3, 1, 13, 0, 0, TimeSpan.FromHours(2))));

        (await Store.ListFindingsAsync(CancellationToken.None)).Select(f => f.Id).ShouldBe(["e", "d", "c", "a", "b"]);
    }
}
