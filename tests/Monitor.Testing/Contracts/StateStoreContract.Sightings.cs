using Monitor.State;

namespace Monitor.Testing.Contracts;

public abstract partial class StateStoreContract
{
    [Fact]
    public async Task GetAsync_ReturnsNothing_WhenKeysWereNeverSeen()
    {
        (await Store.GetAsync([Key("a"), Key("b")], CancellationToken.None)).ShouldBeEmpty();
        (await Store.GetAsync([], CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task GetAsync_ReturnsOnlyTheKnownKeys_WhenSomeAreUnknown()
    {
        await MergeAsync(Seen(Key("known"), T0));

        var found = await Store.GetAsync([Key("known"), Key("unknown"), Key("known", scope: "other")], CancellationToken.None);

        found.Keys.ShouldBe([Key("known")]);
        found[Key("known")].ShouldMatch(Seen(Key("known"), T0));
    }

    [Fact]
    public async Task MergeAsync_StoresTheSighting_WhenKeyIsNew()
    {
        var sighting = Seen(Key(), T0.AddMilliseconds(123), ("ua", "aws-cli/2.15.0"), ("ip", "203.0.113.10"));

        await MergeAsync(sighting);

        (await StoredAsync(Key())).ShouldMatch(sighting);
    }

    [Fact]
    public async Task MergeAsync_TakesMinFirstMaxLastUnionDaysAndLatestAttributes()
    {
        await MergeAsync(Seen(Key(), T0.AddDays(3), ("ua", "newer"), ("only-late", "x")));
        await MergeAsync(Seen(Key(), T0, ("ua", "older"), ("only-early", "y")));
        await MergeAsync(Seen(Key(), T0.AddDays(1)));

        var stored = await StoredAsync(Key());

        stored.ShouldNotBeNull();
        stored.FirstSeen.ShouldBe(T0);
        stored.LastSeen.ShouldBe(T0.AddDays(3));
        stored.Days.ShouldBe([Sighting.DayNumber(T0), Sighting.DayNumber(T0) + 1, Sighting.DayNumber(T0) + 3]);
        stored.Attribute("ua").ShouldBe("newer");
        stored.Attributes["ua"].At.ShouldBe(T0.AddDays(3));
        stored.Attribute("only-late").ShouldBe("x");
        stored.Attribute("only-early").ShouldBe("y");
    }

    [Fact]
    public async Task MergeAsync_IsIdempotent_WhenTheSameSightingArrivesTwice()
    {
        var first = Seen(Key(), T0, ("ua", "a"));
        var second = Seen(Key(), T0.AddDays(2), ("ip", "b"));
        await MergeAsync(first, second);

        await MergeAsync(second);
        await MergeAsync(first, first);

        (await StoredAsync(Key())).ShouldMatch(first.Merge(second));
    }

    [Fact]
    public async Task MergeAsync_StoresTheSameSighting_InAnyOrder()
    {
        Sighting[] observations =
        [
            Seen(Key(), T0.AddDays(4), ("ua", "d")),
            Seen(Key(), T0, ("ua", "a"), ("ip", "1")),
            Seen(Key(), T0.AddDays(4), ("ua", "c")),
            Seen(Key(), T0.AddDays(1), ("ip", "2")),
        ];
        var expected = observations.Aggregate((a, b) => a.Merge(b));

        foreach (var observation in observations.Reverse())
        {
            await MergeAsync(observation);
        }

        (await StoredAsync(Key())).ShouldMatch(expected);
    }

    [Fact]
    public async Task MergeAsync_AppliesEverySighting_WhenOneCallHoldsTheSameKeyTwice()
    {
        await MergeAsync(Seen(Key(), T0.AddDays(1), ("ua", "later")), Seen(Key(), T0, ("ua", "earlier")));

        var stored = await StoredAsync(Key());

        stored.ShouldNotBeNull();
        stored.FirstSeen.ShouldBe(T0);
        stored.LastSeen.ShouldBe(T0.AddDays(1));
        stored.Attribute("ua").ShouldBe("later");
    }

    [Fact]
    public async Task MergeAsync_StoresManyKeysInOneCall()
    {
        var sightings = Enumerable.Range(0, 250).Select(i => Seen(Key($"m{i:D3}", scope: $"scope-{i % 3}"), T0.AddMinutes(i), ("n", $"{i}"))).ToArray();

        await MergeAsync(sightings);

        var found = await Store.GetAsync([.. sightings.Select(s => s.Key)], CancellationToken.None);
        found.Count.ShouldBe(250);
        foreach (var sighting in sightings)
        {
            found[sighting.Key].ShouldMatch(sighting);
        }
    }

    [Fact]
    public async Task MergeAsync_DoesNothing_WhenGivenNothing()
    {
        await MergeAsync();

        (await MembersAsync(Key().Scope)).ShouldBeEmpty();
    }

    [Fact]
    public async Task MergeAsync_KeepsTheLatestMaxDays()
    {
        await MergeAsync([.. Enumerable.Range(0, Sighting.MaxDays + 5).Select(d => Seen(Key(), T0.AddDays(d)))]);

        var stored = await StoredAsync(Key());

        stored.ShouldNotBeNull();
        stored.Days.Count.ShouldBe(Sighting.MaxDays);
        stored.Days[0].ShouldBe(Sighting.DayNumber(T0) + 5);
        stored.FirstSeen.ShouldBe(T0);
    }
}
