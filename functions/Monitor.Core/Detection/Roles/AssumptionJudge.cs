using System.Globalization;
using Monitor.Records;
using Monitor.State;

namespace Monitor.Detection.Roles;

/// <summary>
/// Judges one credential-issuing event against the target's baseline as it stood before the event, records the
/// event into that baseline and the issued session's provenance, and reports one finding when the signals add up.
/// </summary>
internal sealed class AssumptionJudge(DetectionOptions options)
{
    public async ValueTask InspectAsync(CredentialIssue issue, Activity activity, bool learning, DetectionContext context, CancellationToken cancellationToken)
    {
        var state = context.State;
        var at = activity.Time;
        var target = issue.Target;
        var family = UserAgentFamily.Of(activity.UserAgent);
        var console = issue.Kind == IssueKind.SwitchRole || activity.Record?.SessionCredentialFromConsole == true || UserAgentFamily.IsConsole(family);
        var network = activity.Source.IsNetworkAddress ? $"{(console ? "console" : "api")}:{activity.Source.Network}" : null;

        var targetSeen = await state.GetAsync(RoleKeys.Target(target), cancellationToken).ConfigureAwait(false);
        var callerSeen = await state.GetAsync(RoleKeys.Caller(target, issue.CallerKey), cancellationToken).ConfigureAwait(false);
        var networkSeen = network is null ? null : await state.GetAsync(RoleKeys.Network(target, network), cancellationToken).ConfigureAwait(false);
        var agentSeen = await state.GetAsync(RoleKeys.Agent(target, family), cancellationToken).ConfigureAwait(false);
        var hourSeen = await state.GetAsync(RoleKeys.Hour(target, at.UtcDateTime.Hour), cancellationToken).ConfigureAwait(false);
        var accountSeen = issue.CrossAccount ? await state.GetAsync(RoleKeys.FromAccount(target, issue.CallerAccount!), cancellationToken).ConfigureAwait(false) : null;
        var providerSeen = issue.Provider is null ? null : await state.GetAsync(RoleKeys.Provider(target, issue.Provider), cancellationToken).ConfigureAwait(false);
        var withMfaSeen = await state.GetAsync(RoleKeys.Mfa(target, true), cancellationToken).ConfigureAwait(false);
        var withoutMfaSeen = await state.GetAsync(RoleKeys.Mfa(target, false), cancellationToken).ConfigureAwait(false);
        var depth = await ChainDepthAsync(issue, activity, state, cancellationToken).ConfigureAwait(false);

        var signals = new List<RoleSignal>();
        var suppressed = issue.IsServiceCaller || issue.IsServiceLinkedTarget || activity.InvokedBy is not null
            || options.RoleAllowList.AllowsCaller(issue.CallerKey) || options.RoleAllowList.AllowsRole(target);
        if (!suppressed)
        {
            if (!learning)
            {
                var seen = new Seen(callerSeen, networkSeen, agentSeen, hourSeen, accountSeen, providerSeen, targetSeen);
                await AddBaselineSignalsAsync(signals, issue, activity, context, seen, family, network, cancellationToken).ConfigureAwait(false);
                if (activity.MfaUsed == false && Novel(withoutMfaSeen, at) && withMfaSeen?.SeenBefore(at) == true)
                {
                    signals.Add(new("mfa-not-used", RoleWeights.MfaNotUsed, "assumed without MFA; every earlier assumption used MFA"));
                }
            }

            AddIntrinsicSignals(signals, issue, activity, depth);
        }

        var score = RoleScore.Of(signals);
        Learn(issue, activity, family, network, depth, score, state);
        if (score < RoleScore.ReportAt)
        {
            return;
        }

        var baseline = await BaselineFactAsync(issue, targetSeen, context, at, cancellationToken).ConfigureAwait(false);
        context.Report(RoleFindings.Assumption(issue, activity, signals, depth, baseline));
    }

    private static bool Novel(Sighting? seen, DateTimeOffset at) => seen is null || !seen.SeenBefore(at);

    private async ValueTask AddBaselineSignalsAsync(
        List<RoleSignal> signals, CredentialIssue issue, Activity activity, DetectionContext context, Seen seen, string family, string? network, CancellationToken cancellationToken)
    {
        var at = activity.Time;
        var selfIssued = issue.Target == issue.CallerKey;
        if (!selfIssued && Novel(seen.Caller, at))
        {
            var deployed = await RoleChanges.ChangedWithinAsync(context, issue.TargetAccount, issue.Target, issue.CallerKey, at, TimeSpan.FromMinutes(10), cancellationToken).ConfigureAwait(false);
            var name = issue.Kind switch
            {
                IssueKind.AssumeRoleWithWebIdentity => "new-web-identity-subject",
                IssueKind.AssumeRoleWithSaml => "new-saml-subject",
                _ => "new-principal-for-role",
            };
            signals.Add(new(name, deployed ? RoleWeights.NewCallerAfterOwnChange : RoleWeights.NewCaller,
                deployed ? "first assumption by this caller, minutes after it changed the role (deployment)" : "first assumption of this role by this caller"));
        }

        // A role never assumed before has no baseline: only the caller's novelty means anything for it.
        var known = seen.Target?.SeenBefore(at) == true;
        if (issue.Provider is not null && known && Novel(seen.Provider, at))
        {
            signals.Add(new("unknown-identity-provider", RoleWeights.UnknownProvider, $"identity provider {issue.Provider} never used for this role before"));
        }

        if (issue.CrossAccount && !options.TrustedAccounts.Contains(issue.CallerAccount!) && Novel(seen.Account, at))
        {
            signals.Add(new("new-external-account", RoleWeights.NewExternalAccount, $"account {issue.CallerAccount} never assumed this role before"));
        }

        // CI runners (web identity) come from ever-changing cloud addresses: their identity is the token's subject, not the network.
        var allowedAddress = options.RoleAllowList.AllowsAddress(activity.Source.Address);
        if (known && network is not null && issue.Kind != IssueKind.AssumeRoleWithWebIdentity && !allowedAddress && Novel(seen.Network, at))
        {
            signals.Add(new("new-network-for-role", RoleWeights.NewNetwork, $"network {network} never used to assume this role"));
        }

        if (known && !UserAgentFamily.IsConsole(family) && !family.StartsWith("service:", StringComparison.Ordinal) && Novel(seen.Agent, at))
        {
            signals.Add(new("new-user-agent-for-role", RoleWeights.NewAgent, $"user-agent family {family} never used to assume this role"));
        }

        if (Novel(seen.Hour, at) && seen.Target is { } target && target.Days.Count(d => d < Sighting.DayNumber(at)) >= 7)
        {
            signals.Add(new("unusual-hour", RoleWeights.UnusualHour, $"never assumed at {at.UtcDateTime.Hour:00}:00 UTC before"));
        }
    }

    private void AddIntrinsicSignals(List<RoleSignal> signals, CredentialIssue issue, Activity activity, int depth)
    {
        if (issue.CrossAccount && !options.TrustedAccounts.Contains(issue.CallerAccount!))
        {
            signals.Add(new("external-account-not-trusted", RoleWeights.UntrustedAccount, $"caller account {issue.CallerAccount} is not in the trusted accounts"));
        }

        if (depth >= 2)
        {
            signals.Add(new("role-chaining", depth >= 3 ? RoleWeights.ChainDepthThree : RoleWeights.ChainDepthTwo, $"role chain depth {depth}: a role session assumed by a role session"));
        }

        if (UserAgentFamily.Offensive(activity.UserAgent, onStsOrSignIn: true) is { } tool)
        {
            signals.Add(new("offensive-user-agent", RoleWeights.OffensiveAgent, $"user agent of an offensive or scanning tool ({tool})"));
        }

        if (issue.CallerType == PrincipalType.Root)
        {
            signals.Add(new("assumed-by-root", RoleWeights.ByRoot, "credentials issued to the root user"));
        }

        if (issue.Kind == IssueKind.AssumeRoot)
        {
            signals.Add(new("assume-root", RoleWeights.AssumeRoot, $"privileged root session issued for member account {issue.TargetAccount}"));
        }
    }

    // Depth counts chained hops: a user's, service's or federated assumption is depth 0, a role session assuming
    // another role depth 1 (normal: SSO or an instance role into a workload role), its session assuming again depth 2.
    private static async ValueTask<int> ChainDepthAsync(CredentialIssue issue, Activity activity, StateView state, CancellationToken cancellationToken)
    {
        if (issue.CallerType != PrincipalType.AssumedRole || issue.Kind is not (IssueKind.AssumeRole or IssueKind.SwitchRole))
        {
            return 0;
        }

        var parent = activity.AccessKeyId is null ? null : await state.GetAsync(RoleKeys.Session(activity.AccessKeyId), cancellationToken).ConfigureAwait(false);
        return int.TryParse(parent?.Attribute("depth"), NumberStyles.None, CultureInfo.InvariantCulture, out var parentDepth) ? parentDepth + 1 : 1;
    }

    private static void Learn(CredentialIssue issue, Activity activity, string family, string? network, int depth, int score, StateView state)
    {
        var at = activity.Time;
        var target = issue.Target;
        state.Observe(RoleKeys.Target(target), at);
        state.Observe(RoleKeys.Caller(target, issue.CallerKey), at);
        state.Observe(RoleKeys.Agent(target, family), at);
        state.Observe(RoleKeys.Hour(target, at.UtcDateTime.Hour), at);
        if (network is not null)
        {
            state.Observe(RoleKeys.Network(target, network), at);
        }

        if (issue.CrossAccount)
        {
            state.Observe(RoleKeys.FromAccount(target, issue.CallerAccount!), at);
        }

        if (issue.Provider is not null)
        {
            state.Observe(RoleKeys.Provider(target, issue.Provider), at);
        }

        if (activity.MfaUsed is { } mfa)
        {
            state.Observe(RoleKeys.Mfa(target, mfa), at);
        }

        if (issue.IssuedKey is { } key)
        {
            state.Observe(RoleKeys.Session(key), at, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["via"] = activity.EventName,
                ["target"] = target,
                ["caller"] = issue.CallerKey,
                ["depth"] = depth.ToString(CultureInfo.InvariantCulture),
                ["sourceIPAddress"] = activity.Source.Raw ?? "",
                ["userAgent"] = family,
                ["offensive"] = UserAgentFamily.Offensive(activity.UserAgent, onStsOrSignIn: true) is null ? "0" : "1",
                ["eventId"] = activity.EventId,
                ["score"] = score.ToString(CultureInfo.InvariantCulture),
            });
        }
    }

    private static async ValueTask<string> BaselineFactAsync(CredentialIssue issue, Sighting? targetSeen, DetectionContext context, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (targetSeen is null || !targetSeen.SeenBefore(at))
        {
            return "never assumed before";
        }

        var callers = await context.State.ListAsync(RoleKeys.CallerScope(issue.Target), 500, cancellationToken).ConfigureAwait(false);
        var earlier = callers.Where(c => c.SeenBefore(at)).ToArray();
        var mine = earlier.FirstOrDefault(c => c.Key.Member == issue.CallerKey);
        // Days strictly before the event's day: what was known then, whatever a later replay has added since.
        var days = targetSeen.Days.Count(d => d < Sighting.DayNumber(at));
        var by = mine is null
            ? "never by this one"
            : $"by this one on {mine.Days.Count(d => d < Sighting.DayNumber(at))} days since {mine.FirstSeen.UtcDateTime:yyyy-MM-dd}";
        return string.Create(CultureInfo.InvariantCulture, $"assumed on {days} earlier days since {targetSeen.FirstSeen.UtcDateTime:yyyy-MM-dd} by {earlier.Length} principal{(earlier.Length == 1 ? "" : "s")}; {by}");
    }

    /// <summary>The target's baseline entries for this event, as they stood before it.</summary>
    private sealed record Seen(Sighting? Caller, Sighting? Network, Sighting? Agent, Sighting? Hour, Sighting? Account, Sighting? Provider, Sighting? Target);
}
