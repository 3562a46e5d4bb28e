using Monitor.State;

namespace Monitor.Testing.Contracts;

public abstract partial class StateStoreContract
{
    protected async Task<string[]> RangeAsync(string from, string to, int limit = 100) =>
        [.. (await Store.ListRangeAsync(Key().Scope, from, to, limit, CancellationToken.None)).Select(s => s.Key.Member)];

    [Fact]
    public async Task ListRangeAsync_ReturnsTheMembersFromTheLowerBound_UpToButNotIncludingTheUpper()
    {
        await MergeAsync(Seen(Key("a"), T0), Seen(Key("b"), T0), Seen(Key("b|x"), T0), Seen(Key("c"), T0), Seen(Key("d"), T0));

        (await RangeAsync("b", "d")).ShouldBe(["b", "b|x", "c"]);
        (await RangeAsync("b", "c", limit: 1)).ShouldBe(["b"]);
    }

    [Fact]
    public async Task ListRangeAsync_ReturnsNothing_ForAnEmptyOrInvertedRange()
    {
        await MergeAsync(Seen(Key("b"), T0));

        (await RangeAsync("b", "b")).ShouldBeEmpty();
        (await RangeAsync("c", "a")).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListRangeAsync_ReadsATimeIndex_ByTime()
    {
        var at = T0.AddHours(5);
        await MergeAsync(
            Seen(Key(TimeOrdered.Member(T0, "x")), T0),
            Seen(Key(TimeOrdered.Member(at, "y")), at),
            Seen(Key(TimeOrdered.Member(at.AddDays(1), "z")), at.AddDays(1)));

        (await RangeAsync(TimeOrdered.From(T0.AddHours(1)), TimeOrdered.From(at.AddDays(1)))).ShouldBe([TimeOrdered.Member(at, "y")]);
    }

    [Fact]
    public async Task MergeAsync_KeepsTheEarliestOfEarliestWinsAttributes_WhateverTheOrder()
    {
        var later = Seen(Key(), T0.AddHours(1)) with { Earliest = new Dictionary<string, Stamped> { ["first"] = new("later", T0.AddHours(1)) } };
        var earlier = Seen(Key(), T0) with { Earliest = new Dictionary<string, Stamped> { ["first"] = new("earlier", T0) } };

        await MergeAsync(later);
        await MergeAsync(earlier);
        await MergeAsync(later);

        (await StoredAsync(Key()))!.EarliestAttribute("first").ShouldBe("earlier");
    }

    [Fact]
    public async Task MergeAsync_UnionsSets_KeepingTheSmallestValues()
    {
        var many = Enumerable.Range(0, Sighting.MaxSetSize + 10).Select(i => $"v{i:D3}").ToArray();
        foreach (var chunk in many.Reverse().Chunk(7))
        {
            await MergeAsync(Seen(Key(), T0) with { Sets = new Dictionary<string, IReadOnlyList<string>> { ["ids"] = [.. chunk.Order(StringComparer.Ordinal)] } });
        }

        (await StoredAsync(Key()))!.Set("ids").ShouldBe(many.Take(Sighting.MaxSetSize));
    }
}
