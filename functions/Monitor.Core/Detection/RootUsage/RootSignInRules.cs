using System.Globalization;
using System.Text.Json.Nodes;
using Monitor.State;

namespace Monitor.Detection.RootUsage;

/// <summary>Root console sign-ins: successes, failures folded per IP and day, and a success that follows failures.</summary>
internal static class RootSignInRules
{
    public static IEnumerable<StateKey> KeysFor(RootActivity root)
    {
        if (root.Ip is not { } ip)
        {
            return [];
        }

        StateKey[] own = [RootStateKeys.RootIp(root.Account, ip), RootStateKeys.LoginFailure(root.Account, ip)];
        return root.Succeeded ? own : [.. own, .. RootStateKeys.DaysAfter(root.Time).Select(day => RootStateKeys.LoginSuccess(root.Account, ip, day))];
    }

    public static async ValueTask InspectAsync(RootActivity root, DetectionContext context, CancellationToken cancellationToken)
    {
        var known = root.Ip is { } ip && RootStateKeys.IsKnownAt(await context.State.GetAsync(RootStateKeys.RootIp(root.Account, ip), cancellationToken).ConfigureAwait(false), root.Time);
        if (root.Succeeded)
        {
            await SuccessAsync(root, known, context, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await FailureAsync(root, known, context, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async ValueTask SuccessAsync(RootActivity root, bool known, DetectionContext context, CancellationToken cancellationToken)
    {
        var rule = root.Activity.MfaUsed == false ? RootRules.ConsoleLogin.At(Severity.Critical) : RootRules.ConsoleLogin;
        var id = FindingId.For(RootUsageDetector.DetectorId, rule.Name, root.Activity.DedupKey);
        context.Report(RootFindings.Create(rule, id, root, [.. RootFindings.CommonSignals(root), IpSignal(root, known)], new JsonObject { ["ipKnown"] = known }));
        if (root.Ip is not { } ip)
        {
            return;
        }

        var mfa = root.Activity.MfaUsed switch { true => "yes", false => "no", null => "unknown" };
        await ReportIfAfterFailuresAsync(context, root.Account, root.RootArn, ip, new SignIn(root.Activity.DedupKey, root.Activity.EventId, root.Time, mfa), cancellationToken).ConfigureAwait(false);

        context.State.Observe(RootStateKeys.RootIp(root.Account, ip), root.Time);
        context.State.Observe(RootStateKeys.LoginSuccess(root.Account, ip, root.Day), root.Time, new Dictionary<string, string> { [root.Activity.DedupKey] = $"{mfa};{root.Activity.EventId}" });
    }

    private static async ValueTask FailureAsync(RootActivity root, bool known, DetectionContext context, CancellationToken cancellationToken)
    {
        var rule = root.Ip is not null && !known ? RootRules.LoginFailure.At(Severity.High) : RootRules.LoginFailure;
        var id = FindingId.For(RootUsageDetector.DetectorId, "login-failure", root.Account, root.SourceKey, root.Day);
        var evidence = new JsonObject { ["ipKnown"] = known, ["day"] = root.Day, ["errorMessage"] = root.Activity.ErrorMessage };
        context.Report(RootFindings.Create(rule, id, root, [.. RootFindings.CommonSignals(root), IpSignal(root, known)], evidence, root.SourceKey));
        if (root.Ip is not { } ip)
        {
            return;
        }

        context.State.Observe(RootStateKeys.LoginFailure(root.Account, ip), root.Time);

        // A success delivered before this failure was judged without it: judge those successes again.
        foreach (var day in RootStateKeys.DaysAfter(root.Time))
        {
            var successes = await context.State.GetAsync(RootStateKeys.LoginSuccess(root.Account, ip, day), cancellationToken).ConfigureAwait(false);
            foreach (var (dedupKey, stamped) in successes?.Attributes ?? new Dictionary<string, Stamped>())
            {
                if (stamped.At > root.Time && stamped.At <= root.Time + RootStateKeys.FailureWindow)
                {
                    var parts = stamped.Value.Split(';', 2);
                    var signIn = new SignIn(dedupKey, parts.Length == 2 ? parts[1] : stamped.Value, stamped.At, parts[0]);
                    await ReportIfAfterFailuresAsync(context, root.Account, root.RootArn, ip, signIn, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>The one place the fail-then-success finding is built, whichever event arrives last.</summary>
    private static async ValueTask ReportIfAfterFailuresAsync(DetectionContext context, string account, string rootArn, string ip, SignIn signIn, CancellationToken cancellationToken)
    {
        var failures = await FailedSignIns.BeforeAsync(context.State, account, ip, signIn.Time, cancellationToken).ConfigureAwait(false);
        if (failures is null)
        {
            return;
        }

        var rule = RootRules.LoginAfterFailures;
        var evidence = new JsonObject
        {
            ["eventNames"] = new JsonArray("ConsoleLogin"),
            ["sourceIp"] = ip,
            ["mfaUsed"] = signIn.Mfa switch { "yes" => true, "no" => false, _ => null },
            ["firstFailure"] = failures.FirstFailure.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["failureDays"] = new JsonArray([.. failures.Days.Select(d => JsonValue.Create(d))]),
            ["ipKnownBeforeFailures"] = false,
        };
        string[] signals = ["after-failed-sign-ins", "new-source-ip", signIn.Mfa switch { "yes" => "mfa", "no" => "no-mfa", _ => "mfa-unknown" }];
        var id = FindingId.For(RootUsageDetector.DetectorId, rule.Name, signIn.DedupKey);
        context.Report(RootFindings.Create(rule, id, account, rootArn, signIn.Time, signIn.EventId, signals, evidence, ip));
    }

    private static string IpSignal(RootActivity root, bool known) =>
        root.Ip is null ? "no-source-ip" : known ? "known-source-ip" : "new-source-ip";

    private sealed record SignIn(string DedupKey, string EventId, DateTimeOffset Time, string Mfa);
}
