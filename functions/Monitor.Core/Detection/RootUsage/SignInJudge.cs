using System.Globalization;
using System.Text.Json.Nodes;
using Monitor.State;

namespace Monitor.Detection.RootUsage;

/// <summary>Root console sign-ins: successes, failures folded per IP and day, and a success that follows failures.</summary>
internal static class SignInJudge
{
    public static void Judge(RootEvent root, Snapshot snapshot, Judgment judgment, RootUsageOptions options)
    {
        var known = root.Ip is { } ip && RootState.IsKnownAt(snapshot[RootState.KnownIp(root.Account, ip)], root.Time, options.KnownIpWindow);
        string[] signals = [.. RootFindings.CommonSignals(root), RootFindings.IpSignal(root, known)];
        if (root.Succeeded)
        {
            var rule = root.MfaUsed == false ? RootRules.ConsoleLogin.At(Severity.Critical) : RootRules.ConsoleLogin;
            judgment.Report(RootFindings.Create(rule, [rule.Name, root.EventKey], root, signals, new JsonObject { ["ipKnown"] = known }));
            if (AfterFailures(root, snapshot, options) is { } afterFailures)
            {
                judgment.Report(afterFailures);
            }
        }
        else
        {
            var rule = root.Ip is not null && !known ? RootRules.LoginFailure.At(Severity.High) : RootRules.LoginFailure;
            var evidence = new JsonObject { ["ipKnown"] = known, ["day"] = root.Day, ["errorMessage"] = root.ErrorMessage };
            judgment.Report(RootFindings.Create(rule, ["login-failure", root.Account, root.SourceKey, root.Day], root, signals, evidence, root.SourceKey));
        }
    }

    /// <summary>
    /// The success reported as following failed sign-ins from its IP in the failure window, provided the IP was not a
    /// known root IP before the first of them. No count threshold: three failures over fifteen hours (slow guessing)
    /// count as much as a burst.
    /// </summary>
    private static Finding? AfterFailures(RootEvent root, Snapshot snapshot, RootUsageOptions options)
    {
        if (root.Ip is not { } ip || snapshot[RootState.LoginFailure(root.Account, ip)] is not { } failures)
        {
            return null;
        }

        var from = root.Time - options.FailureWindow;
        if (!failures.SeenBetween(from, root.Time))
        {
            return null;
        }

        var first = EarliestWithin(failures, from, root.Time);
        if (RootState.IsKnownAt(snapshot[RootState.KnownIp(root.Account, ip)], first, options.KnownIpWindow))
        {
            return null;
        }

        int fromDay = Sighting.DayNumber(from), toDay = Sighting.DayNumber(root.Time);
        var days = failures.Days.Where(d => d >= fromDay && d <= toDay).Select(d => JsonValue.Create(RootEvent.DayOf(Sighting.DayStart(d))));
        var rule = RootRules.LoginAfterFailures;
        var evidence = new JsonObject
        {
            ["eventNames"] = new JsonArray("ConsoleLogin"),
            ["sourceIp"] = ip,
            ["mfaUsed"] = root.MfaUsed,
            ["firstFailure"] = first.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["failureDays"] = new JsonArray([.. days]),
            ["ipKnownBeforeFailures"] = false,
        };
        return rule.Build(
            [rule.Name, root.EventKey],
            new FindingAbout(root.Account, root.Principal, root.Time, root.EventId),
            [rule.Name, "after-failed-sign-ins", "new-source-ip", RootFindings.MfaSignal(root.MfaUsed)],
            evidence,
            $"{rule.Title}: {ip} ({root.Account})");
    }

    /// <summary>
    /// The earliest failure in [from, to) the sighting can vouch for: its first sighting when that is inside, else the
    /// start of the first stored day after <paramref name="from"/>'s day, else its last sighting.
    /// </summary>
    private static DateTimeOffset EarliestWithin(Sighting failures, DateTimeOffset from, DateTimeOffset to)
    {
        if (failures.FirstSeen >= from)
        {
            return failures.FirstSeen;
        }

        int fromDay = Sighting.DayNumber(from), toDay = Sighting.DayNumber(to);
        var day = failures.Days.Where(d => d > fromDay && d < toDay).DefaultIfEmpty(int.MaxValue).Min();
        var start = day == int.MaxValue ? DateTimeOffset.MaxValue : Sighting.DayStart(day);
        return failures.LastSeen >= from && failures.LastSeen < start ? failures.LastSeen : start;
    }
}
