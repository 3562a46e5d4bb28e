using Monitor.State;

namespace Monitor.Detection.RootUsage;

/// <summary>Failed root sign-ins from one IP that precede a success, as the state shows them.</summary>
internal sealed record FailedSignIns(DateTimeOffset FirstFailure, IReadOnlyList<string> Days)
{
    /// <summary>
    /// The failures from <paramref name="ip"/> in the <see cref="RootStateKeys.FailureWindow"/> before
    /// <paramref name="at"/>, provided the IP was not a known root IP before the first of them; else null.
    /// No count threshold: three failures over fifteen hours (slow guessing) count as much as a burst.
    /// </summary>
    public static async ValueTask<FailedSignIns?> BeforeAsync(StateView state, string account, string ip, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var failures = await state.GetAsync(RootStateKeys.LoginFailure(account, ip), cancellationToken).ConfigureAwait(false);
        var from = at - RootStateKeys.FailureWindow;
        if (failures is null || !failures.SeenBetween(from, at))
        {
            return null;
        }

        var first = EarliestWithin(failures, from, at);
        var known = await state.GetAsync(RootStateKeys.RootIp(account, ip), cancellationToken).ConfigureAwait(false);
        if (RootStateKeys.IsKnownAt(known, first))
        {
            return null;
        }

        int fromDay = Sighting.DayNumber(from), toDay = Sighting.DayNumber(at);
        var days = failures.Days.Where(d => d >= fromDay && d <= toDay).Select(d => RootActivity.DayOf(DateTimeOffset.UnixEpoch.AddDays(d))).ToArray();
        return new FailedSignIns(first, days);
    }

    /// <summary>The earliest failure time in [from, to) the sighting can vouch for (first/last exactly, other days by their start).</summary>
    private static DateTimeOffset EarliestWithin(Sighting failures, DateTimeOffset from, DateTimeOffset to)
    {
        var earliest = DateTimeOffset.MaxValue;
        foreach (var time in new[] { failures.FirstSeen, failures.LastSeen })
        {
            if (time >= from && time < to && time < earliest)
            {
                earliest = time;
            }
        }

        int fromDay = Sighting.DayNumber(from), toDay = Sighting.DayNumber(to);
        foreach (var day in failures.Days.Where(d => d > fromDay && d < toDay))
        {
            var start = DateTimeOffset.UnixEpoch.AddDays(day);
            earliest = start < earliest ? start : earliest;
        }

        return earliest;
    }
}
