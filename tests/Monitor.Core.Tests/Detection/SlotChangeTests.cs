using Monitor.Detection;
using Monitor.State;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection;

public sealed class SlotChangeTests
{
    private static readonly StateKey Key = new("scope", "member");

    private static Sighting Seen(DateTimeOffset first, DateTimeOffset last, params int[] days) =>
        Sighting.Observed(Key, first) with { LastSeen = last, Days = days };

    private static int Day(int offset) => Sighting.DayNumber(Some.Time) + offset;

    [Fact]
    public void NewKey_IsNotLate_MovedEarlier_AndEveryDayIsNew()
    {
        var after = Seen(Some.Time, Some.Time.AddDays(1), Day(0), Day(1));

        var change = new SlotChange(Key, null, after, after);

        change.Late.ShouldBeFalse();
        change.FirstMovedEarlier.ShouldBeTrue();
        change.NewDays.ShouldBe([Day(0), Day(1)]);
    }

    [Fact]
    public void Late_WhenTheIncomingFactsStartBeforeTheLatestSeen()
    {
        var before = Seen(Some.Time, Some.Time.AddHours(5), Day(0));
        var incoming = Seen(Some.Time.AddHours(4), Some.Time.AddHours(4), Day(0));

        new SlotChange(Key, before, before, incoming).Late.ShouldBeTrue();
    }

    [Fact]
    public void NotLate_WhenTheIncomingFactsStartAtTheLatestSeen()
    {
        var before = Seen(Some.Time, Some.Time.AddHours(5), Day(0));
        var incoming = Seen(Some.Time.AddHours(5), Some.Time.AddHours(6), Day(0));

        new SlotChange(Key, before, before with { LastSeen = incoming.LastSeen }, incoming).Late.ShouldBeFalse();
    }

    [Fact]
    public void FirstMovedEarlier_OnlyWhenTheFirstSightingMoved()
    {
        var before = Seen(Some.Time, Some.Time, Day(0));

        new SlotChange(Key, before, before with { FirstSeen = Some.Time.AddTicks(-1) }, before).FirstMovedEarlier.ShouldBeTrue();
        new SlotChange(Key, before, before with { LastSeen = Some.Time.AddDays(1) }, before).FirstMovedEarlier.ShouldBeFalse();
    }

    [Fact]
    public void NewDays_AreTheDaysNotSeenBefore()
    {
        var before = Seen(Some.Time, Some.Time.AddDays(2), Day(0), Day(2));
        var after = Seen(Some.Time.AddDays(-1), Some.Time.AddDays(3), Day(-1), Day(0), Day(2), Day(3));

        new SlotChange(Key, before, after, after).NewDays.ShouldBe([Day(-1), Day(3)]);
    }
}
