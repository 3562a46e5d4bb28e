using Monitor.State;
using Monitor.Testing;

namespace Monitor.Core.Tests.State;

public sealed class SightingTests
{
    private static readonly DateTimeOffset T0 = Some.StateEpoch;

    [Fact]
    public void Observed_RecordsOneDayAndStampedAttributes()
    {
        var sighting = Some.Sighting(at: T0, attributes: new Dictionary<string, string> { ["ua"] = "console" });

        sighting.FirstSeen.ShouldBe(T0);
        sighting.LastSeen.ShouldBe(T0);
        sighting.Days.ShouldBe([Sighting.DayNumber(T0)]);
        sighting.Attributes["ua"].ShouldBe(new Stamped("console", T0));
    }

    [Fact]
    public void DayNumber_CountsUtcDaysSinceEpoch_WhateverTheOffset()
    {
        Sighting.DayNumber(DateTimeOffset.UnixEpoch).ShouldBe(0);
        Sighting.DayNumber(new DateTimeOffset(1970, 1, 2, 0, 0, 0, TimeSpan.Zero)).ShouldBe(1);
        Sighting.DayNumber(new DateTimeOffset(1970, 1, 2, 1, 0, 0, TimeSpan.FromHours(2))).ShouldBe(0);
    }

    [Fact]
    public void Merge_TakesMinFirstMaxLastAndUnionOfDays()
    {
        var merged = Some.Sighting(at: T0.AddDays(2)).Merge(Some.Sighting(at: T0)).Merge(Some.Sighting(at: T0.AddDays(5)));

        merged.FirstSeen.ShouldBe(T0);
        merged.LastSeen.ShouldBe(T0.AddDays(5));
        merged.Days.ShouldBe([Sighting.DayNumber(T0), Sighting.DayNumber(T0) + 2, Sighting.DayNumber(T0) + 5]);
    }

    [Fact]
    public void Merge_KeepsLatestAttribute_ByEventTimeNotArrival()
    {
        var later = Some.Sighting(at: T0.AddHours(1), attributes: new Dictionary<string, string> { ["ua"] = "new" });
        var earlier = Some.Sighting(at: T0, attributes: new Dictionary<string, string> { ["ua"] = "old", ["ip"] = "203.0.113.1" });

        var merged = later.Merge(earlier);

        merged.Attribute("ua").ShouldBe("new");
        merged.Attribute("ip").ShouldBe("203.0.113.1");
    }

    [Fact]
    public void Merge_BreaksEqualTimeTiesByValue_SoOrderDoesNotMatter()
    {
        var a = Some.Sighting(attributes: new Dictionary<string, string> { ["ua"] = "a" });
        var b = Some.Sighting(attributes: new Dictionary<string, string> { ["ua"] = "b" });

        a.Merge(b).Attribute("ua").ShouldBe("b");
        b.Merge(a).Attribute("ua").ShouldBe("b");
    }

    [Fact]
    public void Merge_IsIdempotent()
    {
        var a = Some.Sighting(at: T0, attributes: new Dictionary<string, string> { ["ua"] = "x" });
        var b = Some.Sighting(at: T0.AddDays(1), attributes: new Dictionary<string, string> { ["ip"] = "y" });

        var once = a.Merge(b);
        var twice = once.Merge(b).Merge(a);

        twice.ShouldMatch(once);
    }

    [Fact]
    public void Merge_KeepsOnlyTheLatestMaxDays()
    {
        var merged = Enumerable.Range(0, Sighting.MaxDays + 10).Select(d => Some.Sighting(at: T0.AddDays(d))).Aggregate((x, y) => y.Merge(x));

        merged.Days.Count.ShouldBe(Sighting.MaxDays);
        merged.Days[0].ShouldBe(Sighting.DayNumber(T0) + 10);
        merged.Days[^1].ShouldBe(Sighting.DayNumber(T0) + Sighting.MaxDays + 9);
        merged.FirstSeen.ShouldBe(T0);
    }

    [Fact]
    public void Merge_Throws_WhenKeysDiffer() =>
        Should.Throw<ArgumentException>(() => Some.Sighting(member: "a").Merge(Some.Sighting(member: "b")));

    [Fact]
    public void SeenBefore_IsStrict()
    {
        var sighting = Some.Sighting(at: T0);

        sighting.SeenBefore(T0).ShouldBeFalse();
        sighting.SeenBefore(T0.AddTicks(1)).ShouldBeTrue();
    }

    [Fact]
    public void SeenBetween_UsesFirstLastAndDaysInside()
    {
        var sighting = Some.Sighting(at: T0).Merge(Some.Sighting(at: T0.AddDays(10))).Merge(Some.Sighting(at: T0.AddDays(20)));

        sighting.SeenBetween(T0.AddDays(8), T0.AddDays(12)).ShouldBeTrue();
        sighting.SeenBetween(T0.AddDays(2), T0.AddDays(5)).ShouldBeFalse();
        sighting.SeenBetween(T0.AddDays(20), T0.AddDays(21)).ShouldBeTrue();
        sighting.SeenBetween(T0.AddDays(21), T0.AddDays(30)).ShouldBeFalse();
    }
}
