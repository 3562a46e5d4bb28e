using System.Text.Json.Nodes;
using Monitor.Records;
using Monitor.State;

namespace Monitor.Detection.RootUsage;

/// <summary>
/// Root activity other than console sign-in: API calls folded per session, hour and category, plus the
/// per-event rules for root keys and for credential, MFA and logging changes.
/// </summary>
internal static class RootApiRules
{
    public static IEnumerable<StateKey> KeysFor(RootActivity root)
    {
        if (root.Ip is { } ip)
        {
            yield return RootStateKeys.RootIp(root.Account, ip);
        }

        if (root.UsesSessionKey)
        {
            yield return RootStateKeys.AssumeRootSession(root.AccessKeyId!);
        }
    }

    public static async ValueTask InspectAsync(RootActivity root, DetectionContext context, CancellationToken cancellationToken)
    {
        var state = context.State;
        var known = root.Ip is { } ip && RootStateKeys.IsKnownAt(await state.GetAsync(RootStateKeys.RootIp(root.Account, ip), cancellationToken).ConfigureAwait(false), root.Time);
        var session = root.UsesSessionKey ? await state.GetAsync(RootStateKeys.AssumeRootSession(root.AccessKeyId!), cancellationToken).ConfigureAwait(false) : null;
        var assumed = root.UsesSessionKey && (session is not null || root.MarkedAssumedRoot);

        // A fold gathers many calls, so only the positive signal is given: "new-source-ip" when any of its calls
        // came from an address never seen for root ("known" for one call and "new" for another would read as a
        // contradiction). evidence.ipKnown keeps the first call's answer.
        List<string> signals = [.. RootFindings.CommonSignals(root)];
        if (root.Ip is null || !known)
        {
            signals.Add(root.Ip is null ? "no-source-ip" : "new-source-ip");
        }

        var evidence = new JsonObject { ["ipKnown"] = known };
        if (root.UsesLongTermKey)
        {
            signals.Add("long-term-key");
        }

        if (assumed)
        {
            signals.Add("assumed-root-session");
            evidence["issuedTo"] = session?.Attribute("caller");
            evidence["taskPolicyArn"] = session?.Attribute("taskPolicy");
        }

        // Sign-in events (password updates, recovery) are not API calls: only their specific rules apply.
        if (!root.IsSignIn)
        {
            ReportApiCall(root, assumed, signals, evidence, context);
        }

        if (root.Succeeded)
        {
            foreach (var finding in RootChangeRules.Findings(root, signals, evidence))
            {
                context.Report(finding);
            }
        }

        if (root.ProvesCredentials)
        {
            state.Observe(RootStateKeys.RootIp(root.Account, root.Ip!), root.Time);
        }
    }

    private static void ReportApiCall(RootActivity root, bool assumed, IReadOnlyList<string> signals, JsonObject evidence, DetectionContext context)
    {
        var (category, rule) = root.Activity switch
        {
            { Outcome: Outcome.Denied or Outcome.Failure } => ("failed", RootRules.ApiFailed),
            { ReadOnly: true } => ("read", RootRules.ApiRead),
            _ => ("write", RootRules.ApiWrite),
        };
        if (assumed)
        {
            rule = rule.At(RootRules.OneLevelLower(rule.Severity));
        }

        var session = root.AccessKeyId ?? root.SourceKey;
        var id = FindingId.For(RootUsageDetector.DetectorId, "api-" + category, root.Account, session, root.Hour);
        var extra = (JsonObject)evidence.DeepClone();
        extra["category"] = category;
        extra["hour"] = root.Hour;
        context.Report(RootFindings.Create(rule, id, root, signals, extra));
    }
}
