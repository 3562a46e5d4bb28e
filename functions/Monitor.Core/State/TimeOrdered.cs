using System.Globalization;

namespace Monitor.State;

/// <summary>
/// Members that sort by time: the UTC ticks, zero-padded to a fixed width, then the rest. A scope of such members is
/// an index a detector can read a time range of (<see cref="IStateStore.ListRangeAsync"/>).
/// </summary>
internal static class TimeOrdered
{
    public static string Member(DateTimeOffset time, string rest) => From(time) + "|" + rest;

    /// <summary>The lowest member at or after <paramref name="time"/>.</summary>
    public static string From(DateTimeOffset time) => time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
