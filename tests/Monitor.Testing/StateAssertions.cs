using Monitor.Detection;
using Monitor.State;

namespace Monitor.Testing;

/// <summary>Field-by-field equality for the state model (records holding lists compare lists by reference).</summary>
public static class StateAssertions
{
    public static void ShouldMatch(this Sighting? actual, Sighting expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        actual.ShouldNotBeNull($"expected a sighting for {expected.Key}");
        actual.Key.ShouldBe(expected.Key);
        actual.FirstSeen.ShouldBe(expected.FirstSeen, $"first seen of {expected.Key}");
        actual.LastSeen.ShouldBe(expected.LastSeen, $"last seen of {expected.Key}");
        actual.Days.ShouldBe(expected.Days, $"days of {expected.Key}");
        Ordered(actual.Attributes).ShouldBe(Ordered(expected.Attributes), $"attributes of {expected.Key}");
    }

    public static void ShouldMatch(this Finding? actual, Finding expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        actual.ShouldNotBeNull($"expected finding {expected.Id}");

        // The contract JSON covers every field, evidence included, in a fixed order.
        FindingJson.ToJsonLine(actual).ShouldBe(FindingJson.ToJsonLine(expected));
    }

    private static KeyValuePair<string, Stamped>[] Ordered(IReadOnlyDictionary<string, Stamped> attributes) =>
        [.. attributes.OrderBy(a => a.Key, StringComparer.Ordinal)];
}
