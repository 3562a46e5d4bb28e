using System.Globalization;
using Monitor.Records;
using Monitor.State;

namespace Monitor.Detection.Roles;

/// <summary>
/// Judges one credential-issuing event against the target's baseline as of the event: a baseline signal fires when the
/// assumption is the earliest the target has seen of that caller, network, client, hour or account; intrinsic signals
/// fire from the first day. The signals add up to a score, and a finding is reported at <see cref="RoleScore.ReportAt"/>.
/// </summary>
internal sealed class AssumptionJudge(RoleOptions options)
{
    /// <summary>How many hops of role chaining are followed (depth 3 already scores the most).</summary>
    private const int MaxChainHops = 4;

    /// <summary>AWS services assuming their roles, service-linked roles, and the allow-listed are never judged.</summary>
    public bool Suppressed(Assumption assumption) =>
        assumption.CallerType == PrincipalType.AwsService
        || Arn.Parse(assumption.Target)?.IsServiceLinkedRole == true
        || assumption.InvokedBy is not null
        || options.AllowList.AllowsCaller(assumption.CallerKey)
        || options.AllowList.AllowsRole(assumption.Target);

    public void Plan(Assumption assumption, ReadPlan plan)
    {
        var target = assumption.Target;
        if (assumption.Account is { } account)
        {
            plan.Read(RoleState.AccountFirst(account));
        }

        plan.Read(RoleState.Target(assumption.TargetAccount, target))
            .Read(RoleState.Caller(target, assumption.CallerKey))
            .Read(RoleState.Agent(target, assumption.Family))
            .Read(RoleState.Hour(target, assumption.Hour))
            .Read(RoleState.Mfa(target, true))
            .Read(RoleState.Mfa(target, false));
        if (assumption.Network is { } network)
        {
            plan.Read(RoleState.Network(target, network));
        }

        if (assumption.CrossAccount)
        {
            plan.Read(RoleState.FromAccount(target, assumption.CallerAccount!));
        }

        if (assumption.Provider is { } provider)
        {
            plan.Read(RoleState.Provider(target, provider));
        }

        if (assumption.IssuedKey is { } issued)
        {
            plan.Read(RoleState.Session(issued));
        }

        if (assumption.Chained && assumption.CallerAccessKey is { } parent)
        {
            PlanChain(parent, plan, 1);
        }

        plan.Then((snapshot, more) =>
        {
            if (IsNewCaller(assumption, snapshot))
            {
                more.Read(ChangeKeys(assumption, options.DeploymentWindow)).List(RoleState.CallerScope(target));
            }

            if (assumption.IssuedKey is { } key && snapshot[RoleState.Session(key)].Get(RoleState.Children).Count > 0)
            {
                more.List(RoleState.ChainScope(key));
            }
        });
    }

    public void Judge(Assumption assumption, Snapshot snapshot, Judgment judgment)
    {
        var (signals, depth) = Signals(assumption, snapshot);
        var score = RoleScore.Of(signals);
        if (assumption.IssuedKey is { } issued)
        {
            // A session's findings weigh how it was obtained: judge it again with this assumption.
            judgment.JudgeAlso(new SessionUse { Subject = issued, PrincipalKey = assumption.Target, Account = assumption.TargetAccount, Time = assumption.Time });
            if (snapshot[RoleState.Session(issued)].Get(RoleState.Children).Count > 0)
            {
                foreach (var child in snapshot.List(RoleState.ChainScope(issued)).Select(RoleDigest.Remembered).OfType<Assumption>())
                {
                    judgment.JudgeAlso(child);
                }
            }
        }

        if (score < RoleScore.ReportAt)
        {
            return;
        }

        // Only the target's or a caller's first assumption carries the baseline: the ones a late fact has judged again.
        var first = snapshot.IsEarliest(RoleState.Target(assumption.TargetAccount, assumption.Target), assumption);
        var baseline = first || IsNewCaller(assumption, snapshot) ? BaselineFact(assumption, snapshot) : null;
        judgment.Report(RoleFindings.Assumption(assumption, signals, depth, baseline));
    }

    /// <summary>The signals and chain depth of an assumption: also how a session weighs the assumption that issued it.</summary>
    public (List<RoleSignal> Signals, int Depth) Signals(Assumption assumption, Snapshot snapshot)
    {
        var signals = new List<RoleSignal>();
        var depth = ChainDepth(assumption, snapshot);
        if (Suppressed(assumption))
        {
            return (signals, depth);
        }

        if (!InLearning(assumption, snapshot))
        {
            AddBaselineSignals(signals, assumption, snapshot);
        }

        AddIntrinsicSignals(signals, assumption, depth);
        return (signals, depth);
    }

    /// <summary>
    /// Whether the event falls in its account's learning period, counted from the first activity seen for the account
    /// (any activity, not only assumptions: a quiet role in a busy account is not new to the account).
    /// </summary>
    private bool InLearning(Assumption assumption, Snapshot snapshot) =>
        assumption.Account is not { } account
        || snapshot[RoleState.AccountFirst(account)] is not { } first
        || assumption.Time < first.FirstSeen + options.LearningPeriod;

    private static bool SelfIssued(Assumption assumption) => assumption.Target == assumption.CallerKey;

    private static bool IsNewCaller(Assumption assumption, Snapshot snapshot) =>
        !SelfIssued(assumption) && snapshot.IsEarliest(RoleState.Caller(assumption.Target, assumption.CallerKey), assumption);

    private void AddBaselineSignals(List<RoleSignal> signals, Assumption assumption, Snapshot snapshot)
    {
        var target = assumption.Target;
        var at = assumption.Time;
        if (IsNewCaller(assumption, snapshot))
        {
            var deployed = ChangeKeys(assumption, options.DeploymentWindow).Any(key => snapshot[key] is { } change && change.FirstSeen <= at && change.LastSeen >= at - options.DeploymentWindow);
            var name = assumption.Kind switch
            {
                IssueKind.AssumeRoleWithWebIdentity => "new-web-identity-subject",
                IssueKind.AssumeRoleWithSaml => "new-saml-subject",
                _ => "new-principal-for-role",
            };
            signals.Add(new(name, deployed ? RoleWeights.NewCallerAfterOwnChange : RoleWeights.NewCaller,
                deployed ? "first assumption by this caller, minutes after it changed the role (deployment)" : "first assumption of this role by this caller"));
        }

        // A role never assumed before has no baseline: only the caller's novelty means anything for it.
        var known = snapshot[RoleState.Target(assumption.TargetAccount, target)]?.SeenBefore(at) == true;
        if (assumption.Provider is { } provider && known && snapshot.IsEarliest(RoleState.Provider(target, provider), assumption))
        {
            signals.Add(new("unknown-identity-provider", RoleWeights.UnknownProvider, $"identity provider {provider} never used for this role before"));
        }

        if (assumption.CrossAccount && !options.TrustedAccounts.Contains(assumption.CallerAccount!) && snapshot.IsEarliest(RoleState.FromAccount(target, assumption.CallerAccount!), assumption))
        {
            signals.Add(new("new-external-account", RoleWeights.NewExternalAccount, $"account {assumption.CallerAccount} never assumed this role before"));
        }

        // CI runners (web identity) come from ever-changing cloud addresses: their identity is the token's subject, not the network.
        if (known && assumption.Network is { } network && assumption.Kind != IssueKind.AssumeRoleWithWebIdentity
            && !options.AllowList.AllowsAddress(SourceAddress.Parse(assumption.SourceIp).Address)
            && snapshot.IsEarliest(RoleState.Network(target, network), assumption))
        {
            signals.Add(new("new-network-for-role", RoleWeights.NewNetwork, $"network {network} never used to assume this role"));
        }

        if (known && !UserAgentFamily.IsConsole(assumption.Family) && !assumption.Family.StartsWith("service:", StringComparison.Ordinal)
            && snapshot.IsEarliest(RoleState.Agent(target, assumption.Family), assumption))
        {
            signals.Add(new("new-user-agent-for-role", RoleWeights.NewAgent, $"user-agent family {assumption.Family} never used to assume this role"));
        }

        if (snapshot.IsEarliest(RoleState.Hour(target, assumption.Hour), assumption)
            && snapshot[RoleState.Target(assumption.TargetAccount, target)] is { } seen && seen.Days.Count(d => d < Sighting.DayNumber(at)) >= options.UnusualHourAfterDays)
        {
            signals.Add(new("unusual-hour", RoleWeights.UnusualHour, $"never assumed at {assumption.Hour:00}:00 UTC before"));
        }

        if (assumption.MfaUsed == false && snapshot.IsEarliest(RoleState.Mfa(target, false), assumption) && snapshot[RoleState.Mfa(target, true)]?.SeenBefore(at) == true)
        {
            signals.Add(new("mfa-not-used", RoleWeights.MfaNotUsed, "assumed without MFA; every earlier assumption used MFA"));
        }
    }

    private void AddIntrinsicSignals(List<RoleSignal> signals, Assumption assumption, int depth)
    {
        if (assumption.CrossAccount && !options.TrustedAccounts.Contains(assumption.CallerAccount!))
        {
            signals.Add(new("external-account-not-trusted", RoleWeights.UntrustedAccount, $"caller account {assumption.CallerAccount} is not in the trusted accounts"));
        }

        if (depth >= 2)
        {
            signals.Add(new("role-chaining", depth >= 3 ? RoleWeights.ChainDepthThree : RoleWeights.ChainDepthTwo, $"role chain depth {depth}: a role session assumed by a role session"));
        }

        if (assumption.Tool is { } tool)
        {
            signals.Add(new("offensive-user-agent", RoleWeights.OffensiveAgent, $"user agent of an offensive or scanning tool ({tool})"));
        }

        if (assumption.CallerType == PrincipalType.Root)
        {
            signals.Add(new("assumed-by-root", RoleWeights.ByRoot, "credentials issued to the root user"));
        }

        if (assumption.Kind == IssueKind.AssumeRoot)
        {
            signals.Add(new("assume-root", RoleWeights.AssumeRoot, $"privileged root session issued for member account {assumption.TargetAccount}"));
        }
    }

    // Depth counts chained hops: a user's, service's or federated assumption is depth 0, a role session assuming another
    // role depth 1 (normal: SSO or an instance role into a workload role), its session assuming again depth 2. A parent
    // not (yet) seen counts as depth 0: when it arrives, it has this assumption judged again.
    private static int ChainDepth(Assumption assumption, Snapshot snapshot)
    {
        var depth = 0;
        for (Assumption? hop = assumption; hop is { Chained: true, CallerAccessKey: { } parent } && depth < MaxChainHops; depth++)
        {
            hop = RoleDigest.Remembered(snapshot[RoleState.Session(parent)]) as Assumption;
        }

        return depth;
    }

    private static void PlanChain(string parent, ReadPlan plan, int hops)
    {
        plan.Read(RoleState.Session(parent));
        if (hops < MaxChainHops)
        {
            plan.Then((snapshot, more) =>
            {
                if (RoleDigest.Remembered(snapshot[RoleState.Session(parent)]) is Assumption { Chained: true, CallerAccessKey: { } grandparent })
                {
                    PlanChain(grandparent, more, hops + 1);
                }
            });
        }
    }

    /// <summary>The minute buckets of changes to the target role by the caller in the window before the event.</summary>
    private static IEnumerable<StateKey> ChangeKeys(Assumption assumption, TimeSpan window)
    {
        if (assumption.TargetAccount is not { } account || Arn.Parse(assumption.Target) is not { IsRole: true, LastSegment: { } roleName })
        {
            yield break;
        }

        for (var minute = RoleState.Minute(assumption.Time); minute >= RoleState.Minute(assumption.Time - window); minute--)
        {
            yield return RoleState.Change(account, roleName, assumption.CallerKey, minute);
        }
    }

    private static string BaselineFact(Assumption assumption, Snapshot snapshot)
    {
        var at = assumption.Time;
        var targetSeen = snapshot[RoleState.Target(assumption.TargetAccount, assumption.Target)];
        if (targetSeen is null || !targetSeen.SeenBefore(at) || snapshot.IsEarliest(RoleState.Target(assumption.TargetAccount, assumption.Target), assumption))
        {
            return "never assumed before";
        }

        var earlier = snapshot.List(RoleState.CallerScope(assumption.Target)).Where(c => c.SeenBefore(at)).ToArray();
        var mine = earlier.FirstOrDefault(c => c.Key.Member == assumption.CallerKey);

        // Days strictly before the event's day: what was known then, whatever later deliveries have added since.
        var days = targetSeen.Days.Count(d => d < Sighting.DayNumber(at));
        var by = mine is null
            ? "never by this one"
            : $"by this one on {mine.Days.Count(d => d < Sighting.DayNumber(at))} days since {mine.FirstSeen.UtcDateTime:yyyy-MM-dd}";
        return string.Create(CultureInfo.InvariantCulture, $"assumed on {days} earlier days since {targetSeen.FirstSeen.UtcDateTime:yyyy-MM-dd} by {earlier.Length} principal{(earlier.Length == 1 ? "" : "s")}; {by}");
    }
}
