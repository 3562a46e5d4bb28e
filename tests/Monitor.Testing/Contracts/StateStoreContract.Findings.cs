using System.Text.Json.Nodes;
using Monitor.Detection;
using Monitor.State;

namespace Monitor.Testing.Contracts;

public abstract partial class StateStoreContract
{
    protected Task<VerdictChanges> PutAsync(params SubjectVerdict[] verdicts) => Store.PutVerdictsAsync(verdicts, CancellationToken.None);

    protected static SubjectVerdict Verdict(string subject, params Finding[] contributions) => new(subject, contributions);

    protected Task<IReadOnlyList<Finding>> ListedAsync() => Store.ListFindingsAsync(CancellationToken.None);

    [Fact]
    public async Task PutVerdictsAsync_AnnouncesAFinding_WhenItIsNew()
    {
        var finding = Some.Finding(evidence: new JsonObject { ["nested"] = new JsonObject { ["n"] = 1.5, ["list"] = new JsonArray("a", null, true) } });

        var changes = await PutAsync(Verdict("s1", finding));

        changes.ToAnnounce.ShouldHaveSingleItem().ShouldMatch(finding);
        changes.Changed.ShouldHaveSingleItem().ShouldMatch(finding);
        changes.Withdrawn.ShouldBeEmpty();
        (await ListedAsync()).ShouldHaveSingleItem().ShouldMatch(finding);
    }

    [Fact]
    public async Task PutVerdictsAsync_ChangesNothing_WhenTheSameVerdictIsPutAgain()
    {
        await PutAsync(Verdict("s1", Some.Finding()));

        var changes = await PutAsync(Verdict("s1", Some.Finding()));

        changes.ToAnnounce.ShouldBeEmpty();
        changes.Changed.ShouldBeEmpty();
        changes.Withdrawn.ShouldBeEmpty();
        (await ListedAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task PutVerdictsAsync_AnnouncesOnlyTheNewFindings_WhenSomeAreKnown()
    {
        await PutAsync(Verdict("s1", Some.Finding(id: "known")));

        var changes = await PutAsync(Verdict("s2", Some.Finding(id: "known")), Verdict("s3", Some.Finding(id: "new-1"), Some.Finding(id: "new-2")));

        changes.ToAnnounce.Select(f => f.Id).ShouldBe(["new-1", "new-2"], ignoreOrder: true);
    }

    [Fact]
    public async Task PutVerdictsAsync_MergesTheContributionsOfSeveralSubjects()
    {
        var first = Some.Finding(time: T0.AddMinutes(5), eventIds: ["e2"], signals: ["console-login"], severity: Severity.Medium);
        var again = Some.Finding(time: T0, eventIds: ["e1", "e3"], signals: ["no-mfa"], severity: Severity.High);
        await PutAsync(Verdict("s1", first));

        var changes = await PutAsync(Verdict("s2", again));

        changes.ToAnnounce.ShouldBeEmpty();
        var stored = (await ListedAsync()).ShouldHaveSingleItem();
        stored.ShouldMatch(Finding.MergeAll([first, again]));
        stored.EventIds.ShouldBe(["e1", "e2", "e3"]);
        stored.Time.ShouldBe(T0);
        stored.Severity.ShouldBe(Severity.High);
        changes.Changed.ShouldHaveSingleItem().ShouldMatch(stored);
    }

    [Fact]
    public async Task PutVerdictsAsync_ReplacesASubjectsLastContribution()
    {
        await PutAsync(Verdict("s1", Some.Finding(signals: ["console-login", "new-source-ip"], severity: Severity.Critical)));
        await PutAsync(Verdict("s2", Some.Finding(time: T0.AddHours(1), eventIds: ["e9"], severity: Severity.Low)));

        var changes = await PutAsync(Verdict("s1", Some.Finding(signals: ["console-login"], severity: Severity.Medium)));

        var stored = (await ListedAsync()).ShouldHaveSingleItem();
        stored.Signals.ShouldBe(["console-login"]);
        stored.Severity.ShouldBe(Severity.Medium);
        stored.EventIds.Count.ShouldBe(2);
        changes.ToAnnounce.ShouldBeEmpty();
    }

    [Fact]
    public async Task PutVerdictsAsync_WithdrawsAFinding_LeftWithoutContributions()
    {
        await PutAsync(Verdict("s1", Some.Finding(id: "gone")), Verdict("s2", Some.Finding(id: "kept")));

        var changes = await PutAsync(Verdict("s1"));

        changes.Withdrawn.ShouldHaveSingleItem().ShouldMatch(Some.Finding(id: "gone"));
        (await ListedAsync()).Select(f => f.Id).ShouldBe(["kept"]);
    }

    [Fact]
    public async Task PutVerdictsAsync_KeepsAFinding_WhileAnotherSubjectContributes()
    {
        await PutAsync(Verdict("s1", Some.Finding(eventIds: ["e1"])), Verdict("s2", Some.Finding(eventIds: ["e2"])));

        var changes = await PutAsync(Verdict("s1"));

        changes.Withdrawn.ShouldBeEmpty();
        (await ListedAsync()).ShouldHaveSingleItem().EventIds.ShouldBe(["e2"]);
    }

    [Fact]
    public async Task PutVerdictsAsync_DoesNotAnnounceAgain_AFindingThatComesBack()
    {
        await PutAsync(Verdict("s1", Some.Finding()));
        await PutAsync(Verdict("s1"));

        var changes = await PutAsync(Verdict("s2", Some.Finding()));

        changes.ToAnnounce.ShouldBeEmpty();
        changes.Changed.ShouldHaveSingleItem();
        (await ListedAsync()).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ListFindingsAboutAsync_ListsOnlyTheLiveFindingsOfThatPrincipalInThatAccount_InTimeOrder()
    {
        const string Alice = "arn:aws:iam::123456789012:user/alice";
        await PutAsync(
            Verdict("s1", Some.Finding(id: "late", time: T0.AddHours(2)) with { Principal = Alice }),
            Verdict("s2", Some.Finding(id: "early", time: T0) with { Principal = Alice }),
            Verdict("s3", Some.Finding(id: "gone", time: T0.AddHours(1)) with { Principal = Alice }),
            Verdict("s4", Some.Finding(id: "root")),
            Verdict("s5", Some.Finding(id: "elsewhere") with { Principal = Alice, Account = "210987654321" }));
        await PutAsync(Verdict("s3"));

        var about = await Store.ListFindingsAboutAsync("123456789012", Alice, 10, CancellationToken.None);

        about.Select(f => f.Id).ShouldBe(["early", "late"]);
        (await Store.ListFindingsAboutAsync("123456789012", "arn:aws:iam::123456789012:user/nobody", 10, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListFindingsAboutAsync_KeepsTheLatest_WhenThereAreMoreThanTheLimit_AndFollowsAFindingsNewTime()
    {
        await PutAsync(
            Verdict("s1", Some.Finding(id: "a", time: T0)),
            Verdict("s2", Some.Finding(id: "b", time: T0.AddHours(1))),
            Verdict("s3", Some.Finding(id: "c", time: T0.AddHours(2))));
        await PutAsync(Verdict("s4", Some.Finding(id: "c", time: T0.AddHours(-1))));

        var latest = await Store.ListFindingsAboutAsync("123456789012", "arn:aws:iam::123456789012:root", 2, CancellationToken.None);

        latest.Select(f => f.Id).ShouldBe(["a", "b"]);
    }

    [Fact]
    public async Task PutVerdictsAsync_ChangesNothing_WhenGivenNothing()
    {
        var changes = await PutAsync();

        changes.ToAnnounce.ShouldBeEmpty();
        changes.Changed.ShouldBeEmpty();
        changes.Withdrawn.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReturnedAnnouncement_IsGivenToTheNextPut_Once()
    {
        await PutAsync(Verdict("s1", Some.Finding(eventIds: ["e1"])));

        await Store.ReturnAnnouncementsAsync([Some.Finding().Id], CancellationToken.None);
        var retried = await PutAsync(Verdict("s1", Some.Finding(eventIds: ["e1"])));
        var again = await PutAsync(Verdict("s1", Some.Finding(eventIds: ["e1"])));

        retried.ToAnnounce.ShouldHaveSingleItem().EventIds.ShouldBe(["e1"]);
        again.ToAnnounce.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReturnAnnouncementsAsync_IgnoresUnknownIds()
    {
        await Store.ReturnAnnouncementsAsync(["never-stored"], CancellationToken.None);

        (await ListedAsync()).ShouldBeEmpty();
        (await PutAsync(Verdict("s1", Some.Finding(id: "never-stored")))).ToAnnounce.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ReturnedAnnouncement_IsTakenByExactlyOneOfConcurrentPuts()
    {
        await PutAsync(Verdict("s1", Some.Finding()));
        await Store.ReturnAnnouncementsAsync([Some.Finding().Id], CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => PutAsync(Verdict($"w{i}", Some.Finding(eventIds: [$"e{i}"]))))));

        results.Sum(r => r.ToAnnounce.Count).ShouldBe(1);
    }

    [Fact]
    public async Task ListFindingsAsync_ReturnsNothing_WhenEmpty() =>
        (await ListedAsync()).ShouldBeEmpty();

    [Fact]
    public async Task ListFindingsAsync_OrdersByTimeThenId()
    {
        await PutAsync(Verdict("s1", Some.Finding(id: "b", time: T0.AddHours(1)), Some.Finding(id: "c", time: T0)));
        await PutAsync(Verdict("s2", Some.Finding(id: "a", time: T0.AddHours(1)), Some.Finding(id: "d", time: T0.AddMilliseconds(-1))));
        await PutAsync(Verdict("s3", Some.Finding(id: "e", time: new DateTimeOffset(2024, 3, 1, 13, 0, 0, TimeSpan.FromHours(2)))));

        (await ListedAsync()).Select(f => f.Id).ShouldBe(["e", "d", "c", "a", "b"]);
    }
}
