using System.Text.Json.Nodes;
using Monitor.Detection;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection;

public sealed class FindingMergeTests
{
    private static readonly DateTimeOffset T0 = Some.StateEpoch;

    [Fact]
    public void Merge_GivesTheSameFinding_InEitherOrder()
    {
        var a = Some.Finding(time: T0.AddMinutes(5), eventIds: ["e2", "e3"], signals: ["no-mfa"], severity: Severity.Medium,
            evidence: new JsonObject { ["from"] = "a" }, title: "later");
        var b = Some.Finding(time: T0, eventIds: ["e1"], signals: ["console-login"], severity: Severity.Critical,
            evidence: new JsonObject { ["from"] = "b" }, title: "earlier");

        a.Merge(b).ShouldMatch(b.Merge(a));
    }

    [Fact]
    public void Merge_GivesTheSameFinding_InEitherOrder_WhenTimesTie()
    {
        var a = Some.Finding(eventIds: ["e2"], title: "second", evidence: new JsonObject { ["from"] = "a" });
        var b = Some.Finding(eventIds: ["e1"], title: "first", evidence: new JsonObject { ["from"] = "b" });

        a.Merge(b).ShouldMatch(b.Merge(a));
        a.Merge(b).Title.ShouldBe("first");
    }

    [Fact]
    public void Merge_KeepsEarliestReport_WithUnionOfIdsAndSignals_AndHighestSeverity()
    {
        var later = Some.Finding(time: T0.AddHours(1), eventIds: ["e9", "e1"], signals: ["b"], severity: Severity.Critical, title: "later");
        var earlier = Some.Finding(time: T0, eventIds: ["e5"], signals: ["a"], severity: Severity.Low, title: "earlier");

        var merged = later.Merge(earlier);

        merged.Time.ShouldBe(T0);
        merged.Title.ShouldBe("earlier");
        merged.Severity.ShouldBe(Severity.Critical);
        merged.EventIds.ShouldBe(["e1", "e5", "e9"]);
        merged.Signals.Order(StringComparer.Ordinal).ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Merge_IsIdempotent()
    {
        var a = Some.Finding(eventIds: ["e1"]);
        var b = Some.Finding(time: T0.AddDays(1), eventIds: ["e2"], signals: ["other"]);

        var once = a.Merge(b);

        once.Merge(b).Merge(a).ShouldMatch(once);
    }

    [Fact]
    public void Merge_CapsEventIds_KeepingTheLowest()
    {
        var a = Some.Finding(eventIds: [.. Enumerable.Range(0, 40).Select(i => $"a{i:D2}")]);
        var b = Some.Finding(eventIds: [.. Enumerable.Range(0, 40).Select(i => $"b{i:D2}")]);

        var merged = a.Merge(b);

        merged.EventIds.Count.ShouldBe(Finding.MaxEventIds);
        merged.EventIds[^1].ShouldBe("b09");
        b.Merge(a).ShouldMatch(merged);
    }

    [Fact]
    public void Merge_Throws_WhenIdsDiffer() =>
        Should.Throw<ArgumentException>(() => Some.Finding(id: "a").Merge(Some.Finding(id: "b"))).Message.ShouldStartWith("Cannot merge finding b into a.");

    [Fact]
    public void Merge_OfFindingsWithoutEvents_KeepsTheEarlier()
    {
        var later = Some.Finding(time: T0.AddDays(1), eventIds: [], title: "later");
        var earlier = Some.Finding(time: T0, eventIds: [], title: "earlier");

        later.Merge(earlier).Title.ShouldBe("earlier");
        earlier.Merge(later).Title.ShouldBe("earlier");
    }

    [Fact]
    public void MergeAll_BreaksAFullTie_ByTheContributionsJson_InAnyOrder()
    {
        // Same time, same first event: only the wording differs. The one whose JSON sorts first leads.
        var a = Some.Finding(eventIds: ["e1"], title: "a-title");
        var b = Some.Finding(eventIds: ["e1"], title: "b-title");

        Finding.MergeAll([a, b]).Title.ShouldBe("a-title");
        Finding.MergeAll([b, a]).Title.ShouldBe("a-title");
    }

    [Fact]
    public void MergeAll_Throws_WithoutContributions_AndGivesASingleOneBack()
    {
        var only = Some.Finding();

        Should.Throw<ArgumentException>(() => Finding.MergeAll([])).Message.ShouldStartWith("A finding needs at least one contribution.");
        Finding.MergeAll([only]).ShouldBeSameAs(only);
    }
}
