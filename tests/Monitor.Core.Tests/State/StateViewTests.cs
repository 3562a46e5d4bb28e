using Monitor.State;
using Monitor.Testing;
using Monitor.Testing.Fakes;

namespace Monitor.Core.Tests.State;

public sealed class StateViewTests
{
    private static readonly DateTimeOffset T0 = Some.StateEpoch;
    private static readonly StateKey Key = new("root-ip:123456789012", "203.0.113.0/24");
    private static readonly StateKey Other = new("root-ip:123456789012", "198.51.100.0/24");

    private readonly InMemoryStateStore _store = new();

    [Fact]
    public async Task GetAsync_ReturnsNull_WhenNeverSeen()
    {
        var view = new StateView(_store);

        (await view.GetAsync(Key, default)).ShouldBeNull();
    }

    [Fact]
    public async Task GetAsync_SeesPendingObservations_BeforeCommit()
    {
        var view = new StateView(_store);

        view.Observe(Key, T0);

        (await view.GetAsync(Key, default)).ShouldMatch(Sighting.Observed(Key, T0));
        (await _store.GetAsync([Key], default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListAsync_MergesStoredAndPendingMembers_BeforeAndAfterCommit()
    {
        await _store.MergeAsync([Sighting.Observed(Key, T0)], default);
        var view = new StateView(_store);
        await view.ListAsync(Key.Scope, 10, default);

        view.Observe(Other, T0.AddDays(1));
        view.Observe(Key, T0.AddDays(2));
        var listed = await view.ListAsync(Key.Scope, 10, default);
        await view.CommitAsync(default);
        var committed = await view.ListAsync(Key.Scope, 10, default);

        listed.Select(s => s.Key.Member).ShouldBe(["198.51.100.0/24", "203.0.113.0/24"]);
        listed[1].LastSeen.ShouldBe(T0.AddDays(2));
        committed.Select(s => (s.Key, s.FirstSeen, s.LastSeen, string.Join(',', s.Days))).ShouldBe(listed.Select(s => (s.Key, s.FirstSeen, s.LastSeen, string.Join(',', s.Days))));
        _store.GetCalls.ShouldBe(0);
    }

    [Fact]
    public async Task GetAsync_MergesStoredAndPending()
    {
        await _store.MergeAsync([Sighting.Observed(Key, T0)], default);
        var view = new StateView(_store);

        view.Observe(Key, T0.AddDays(1));

        (await view.GetAsync(Key, default)).ShouldMatch(Sighting.Observed(Key, T0).Merge(Sighting.Observed(Key, T0.AddDays(1))));
    }

    [Fact]
    public async Task PrefetchAsync_LoadsMissingKeysInOneRoundTrip_AndCachesThem()
    {
        var view = new StateView(_store);

        await view.PrefetchAsync([Key, Other, Key], default);
        await view.GetAsync(Key, default);
        await view.GetAsync(Other, default);
        await view.PrefetchAsync([Key], default);

        _store.GetCalls.ShouldBe(1);
    }

    [Fact]
    public async Task CommitAsync_WritesEachKeyOnce_WhenObservedManyTimes()
    {
        var view = new StateView(_store);
        for (var i = 0; i < 5; i++)
        {
            view.Observe(Key, T0.AddHours(i));
            view.Observe(Other, T0.AddHours(i));
        }

        view.PendingCount.ShouldBe(2);
        await view.CommitAsync(default);

        _store.MergeCalls.ShouldBe(1);
        _store.MergedKeys.ShouldBe([Key, Other], ignoreOrder: true);
        (await _store.GetAsync([Key], default))[Key].LastSeen.ShouldBe(T0.AddHours(4));
        view.PendingCount.ShouldBe(0);
    }

    [Fact]
    public async Task CommitAsync_DoesNotWrite_WhenNothingObserved()
    {
        await new StateView(_store).CommitAsync(default);

        _store.MergeCalls.ShouldBe(0);
    }

    [Fact]
    public async Task GetAsync_StillSeesCommittedObservations_WithoutReloading()
    {
        var view = new StateView(_store);
        await view.GetAsync(Key, default);
        view.Observe(Key, T0);
        await view.CommitAsync(default);

        (await view.GetAsync(Key, default)).ShouldMatch(Sighting.Observed(Key, T0));
        _store.GetCalls.ShouldBe(1);
    }

    [Fact]
    public async Task CommitAsync_WritesOnlyNewObservations_WhenCommittedTwice()
    {
        var view = new StateView(_store);
        view.Observe(Key, T0);
        await view.CommitAsync(default);
        view.Observe(Other, T0);
        await view.CommitAsync(default);

        _store.MergedKeys.ShouldBe([Key, Other]);
    }

    [Fact]
    public async Task ReleaseReads_ForgetsStoredReads_ButKeepsPendingFacts()
    {
        await _store.MergeAsync([Sighting.Observed(Key, T0)], default);
        var view = new StateView(_store);
        await view.ListAsync(Key.Scope, 10, default);
        await view.PrefetchAsync([Key, Other], default);
        view.Observe(Key, T0.AddDays(1));
        var before = await view.GetAsync(Key, default);

        view.ReleaseReads();

        view.IsLoaded(Key).ShouldBeFalse();
        view.IsLoaded(Other).ShouldBeFalse();
        view.IsListed(Key.Scope).ShouldBeFalse();
        view.PendingCount.ShouldBe(1);
        (await view.GetAsync(Key, default)).ShouldMatch(before!);
        (await view.ListAsync(Key.Scope, 10, default)).ShouldHaveSingleItem().LastSeen.ShouldBe(T0.AddDays(1));
        _store.GetCalls.ShouldBe(2, "a released key is loaded again");
    }
}
