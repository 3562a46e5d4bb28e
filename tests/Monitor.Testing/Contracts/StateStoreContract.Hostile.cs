using System.Text.Json.Nodes;
using Monitor.State;

namespace Monitor.Testing.Contracts;

/// <summary>Attacker-controlled text (user agents, role session names, error messages) reaches keys and values.</summary>
public abstract partial class StateStoreContract
{
    public static TheoryData<string> HostileText() => new()
    {
        "'; DROP TABLE sightings; --",
        "\" OR \"1\"=\"1",
        "%",
        "_",
        "a%b_c\\",
        "#pk:1",
        ":v0",
        "${jndi:ldap://x/a}",
        "<script>alert(1)</script>",
        "line\nbreak\r\ttab",
        "nul\u0000inside",
        "日本語 é 🙂 \u202Eevil",
        "{\"d\":[1],\"a\":{}}",
        "  leading and trailing  ",
        new string('x', 2048),
        string.Concat(Enumerable.Repeat("日", 700)),
    };

    [Theory]
    [MemberData(nameof(HostileText))]
    public async Task MergeAsync_StoresHostileMembersAsData(string text)
    {
        var sighting = Seen(Key(text), T0, ("ua", text), (text, "v"));

        await MergeAsync(sighting, Seen(Key("bystander"), T0));

        (await StoredAsync(Key(text))).ShouldMatch(sighting);
        (await MembersAsync(Key().Scope)).Order(StringComparer.Ordinal).ShouldBe(new[] { text, "bystander" }.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(HostileText))]
    public async Task ListAsync_KeepsHostileScopesApart(string text)
    {
        var sighting = Seen(Key("m", scope: text), T0);

        await MergeAsync(sighting, Seen(Key("other", scope: text + "x"), T0), Seen(Key("another", scope: "root-ip:1"), T0));

        var listed = await Store.ListAsync(text, 10, CancellationToken.None);
        listed.Count.ShouldBe(1);
        listed[0].ShouldMatch(sighting);
    }

    [Fact]
    public async Task GetAsync_TellsApartKeysWhoseJoinedTextIsEqual()
    {
        // A store that joins scope and member into one string must not confuse ("a/b","c") with ("a","b/c").
        var left = Seen(new StateKey("a/b", "c"), T0);
        var right = Seen(new StateKey("a", "b/c"), T0.AddDays(1));
        var tab = Seen(new StateKey("a\u001fb", "c"), T0.AddDays(2));

        await MergeAsync(left, right, tab);

        (await StoredAsync(left.Key)).ShouldMatch(left);
        (await StoredAsync(right.Key)).ShouldMatch(right);
        (await StoredAsync(tab.Key)).ShouldMatch(tab);
    }

    [Fact]
    public async Task MergeAsync_TellsApartMembersDifferingOnlyInCase()
    {
        await MergeAsync(Seen(Key("Admin"), T0), Seen(Key("admin"), T0.AddDays(1)));

        (await StoredAsync(Key("Admin")))!.LastSeen.ShouldBe(T0);
        (await StoredAsync(Key("admin")))!.LastSeen.ShouldBe(T0.AddDays(1));
    }

    [Theory]
    [MemberData(nameof(HostileText))]
    public async Task PutVerdictsAsync_StoresHostileTextAsData(string text)
    {
        var finding = Some.Finding(title: text, eventIds: [text], signals: [text], evidence: new JsonObject { [text] = text });

        (await PutAsync(Verdict(text, finding))).ToAnnounce.Single().ShouldMatch(finding);

        (await Store.ListFindingsAsync(CancellationToken.None)).Single().ShouldMatch(finding);
    }
}
