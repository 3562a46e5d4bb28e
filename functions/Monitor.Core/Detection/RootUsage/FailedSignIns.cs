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

    /// <summary>
    /// The earliest failure in [from, to) the sighting can vouch for: its first sighting when that is inside,
    /// else the start of the first stored day after <paramref name="from"/>'s day, else its last sighting.
    /// </summary>
    private static DateTimeOffset EarliestWithin(Sighting failures, DateTimeOffset from, DateTimeOffset to)
    {
        if (failures.FirstSeen >= from)
        {
            return failures.FirstSeen;
        }

        int fromDay = Sighting.DayNumber(from), toDay = Sighting.DayNumber(to);
        var day = failures.Days.Where(d => d > fromDay && d < toDay).DefaultIfEmpty(int.MaxValue).Min();
        var start = day == int.MaxValue ? DateTimeOffset.MaxValue : DateTimeOffset.UnixEpoch.AddDays(day);
        return failures.LastSeen >= from && failures.LastSeen < start ? failures.LastSeen : start;
    }
}
