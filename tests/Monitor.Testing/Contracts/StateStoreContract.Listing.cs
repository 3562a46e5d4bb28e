namespace Monitor.Testing.Contracts;

public abstract partial class StateStoreContract
{
    [Fact]
    public async Task ListAsync_ReturnsNothing_WhenScopeIsUnknown() =>
        (await MembersAsync("never-written")).ShouldBeEmpty();

    [Fact]
    public async Task ListAsync_ReturnsMembersInOrder_WhateverTheWriteOrder()
    {
        await MergeAsync(Seen(Key("c"), T0), Seen(Key("a"), T0), Seen(Key("b"), T0));
        await MergeAsync(Seen(Key("aa"), T0), Seen(Key("B"), T0));

        (await MembersAsync(Key().Scope)).ShouldBe(["B", "a", "aa", "b", "c"]);
    }

    [Fact]
    public async Task ListAsync_OrdersByUnicodeCodePoint_AsUtf8BytesSort()
    {
        // UTF-8 byte order (SQLite BINARY, DynamoDB sort keys) is code point order; UTF-16 ordinal is not:
        // it puts U+FF5E after the surrogate pair of U+1F642.
        await MergeAsync(Seen(Key("\U0001F642"), T0), Seen(Key("\uFF5E"), T0), Seen(Key("z"), T0), Seen(Key("é"), T0));

        (await MembersAsync(Key().Scope)).ShouldBe(["z", "é", "\uFF5E", "\U0001F642"]);
    }

    [Fact]
    public async Task ListAsync_ReturnsTheFirstMembers_UpToTheLimit()
    {
        await MergeAsync([.. Enumerable.Range(0, 30).Select(i => Seen(Key($"m{i:D2}"), T0))]);

        (await MembersAsync(Key().Scope, limit: 5)).ShouldBe(["m00", "m01", "m02", "m03", "m04"]);
        (await MembersAsync(Key().Scope, limit: 1000)).Length.ShouldBe(30);
    }

    [Fact]
    public async Task ListAsync_ReturnsWholeSightings()
    {
        var sighting = Seen(Key("m"), T0, ("ua", "x")).Merge(Seen(Key("m"), T0.AddDays(2)));
        await MergeAsync(sighting);

        var listed = await Store.ListAsync(Key().Scope, 10, CancellationToken.None);

        listed.Count.ShouldBe(1);
        listed[0].ShouldMatch(sighting);
    }

    [Theory]
    [InlineData("role:a")]
    [InlineData("role:a:b")]
    [InlineData("role:ab")]
    [InlineData("role:")]
    [InlineData("role:a%")]
    [InlineData("role:_")]
    [InlineData("ROLE:A")]
    public async Task ListAsync_ReturnsOnlyItsOwnScope_WhenScopesShareAPrefix(string scope)
    {
        string[] scopes = ["role:a", "role:a:b", "role:ab", "role:", "role:a%", "role:_", "ROLE:A", "role:a "];
        foreach (var each in scopes)
        {
            await MergeAsync(Seen(Key($"member of {each}", scope: each), T0));
        }

        (await MembersAsync(scope)).ShouldBe([$"member of {scope}"]);
    }

    [Fact]
    public async Task ListAsync_Throws_WhenLimitIsNotPositive() =>
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.ListAsync(Key().Scope, 0, CancellationToken.None));
}
