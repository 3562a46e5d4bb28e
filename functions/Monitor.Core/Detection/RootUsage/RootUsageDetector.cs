using Monitor.Records;
using Monitor.State;

namespace Monitor.Detection.RootUsage;

/// <summary>
/// Reports use of the root user: console sign-ins, failed sign-ins (and a success that follows them), API calls
/// folded per session and hour, root access keys, credential, MFA and logging changes, and centralized-root
/// (AssumeRoot) sessions tied back to their caller. Severities: <see cref="RootRules"/>. Each root event is a subject,
/// judged as of its time against the IPs known for root; a late fact about an IP or an AssumeRoot session has the
/// account's root events after it judged again, so any delivery order gives the same findings.
/// </summary>
internal sealed class RootUsageDetector(RootUsageOptions options) : Detector<RootEvent>(RootJsonContext.Default.RootEvent)
{
    public const string DetectorId = "root-usage";

    public RootUsageDetector()
        : this(new RootUsageOptions())
    {
    }

    public override string Id => DetectorId;

    public override void Observe(Activity activity, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (RootEvents.From(activity) is not { } root)
        {
            return;
        }

        if (root.Kind == RootEventKind.AssumeRoot)
        {
            if (root is { Succeeded: true, IssuedKey: { } issued })
            {
                observation.Saw(RootState.AssumeRootSession(issued), root.Time)
                    .With(RootState.Caller, root.Principal)
                    .With(RootState.Target, root.TargetPrincipal)
                    .With(RootState.TaskPolicy, root.TaskPolicyArn);
            }
        }
        else if (root.Ip is { } ip)
        {
            if (root.ProvesCredentials)
            {
                observation.Saw(RootState.KnownIp(root.Account, ip), root.Time);
            }

            if (root.IsConsoleLogin && !root.Succeeded)
            {
                observation.Saw(RootState.LoginFailure(root.Account, ip), root.Time);
            }
        }

        observation.Saw(RootState.Indexed(root), root.Time).Remember(root);
        observation.Judge(root);
    }

    public override bool Watches(StateKey key) => RootState.IsRootState(key);

    public override void OnChanged(SlotChange change, Triggers triggers)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(triggers);
        var from = change.Incoming.FirstSeen;
        if (change.Key.Scope == "assume-root-session")
        {
            if (change.After.Get(RootState.Target) is { } member)
            {
                triggers.JudgeIndexed(RootState.Index(member), from, change.Incoming.LastSeen + options.AssumeRootSession);
            }

            return;
        }

        // An IP that proved root, or failed to, from `from` on changes how root events after it read for 90 days.
        triggers.JudgeIndexed(RootState.Index(RootState.AccountOf(change.Key)), from, change.Incoming.LastSeen + options.KnownIpWindow + TimeSpan.FromTicks(1));
    }

    protected override void Plan(RootEvent root, ReadPlan plan)
    {
        if (root.Kind == RootEventKind.AssumeRoot)
        {
            return;
        }

        if (root.Ip is { } ip)
        {
            plan.Read(RootState.KnownIp(root.Account, ip));
            if (root.IsConsoleLogin && root.Succeeded)
            {
                plan.Read(RootState.LoginFailure(root.Account, ip));
            }
        }

        if (root.UsesSessionKey)
        {
            plan.Read(RootState.AssumeRootSession(root.AccessKeyId!));
        }
    }

    protected override void Judge(RootEvent root, Snapshot snapshot, Judgment judgment)
    {
        if (root.Kind == RootEventKind.AssumeRoot)
        {
            AssumeRootJudge.Judge(root, judgment);
        }
        else if (root.IsConsoleLogin)
        {
            SignInJudge.Judge(root, snapshot, judgment, options);
        }
        else
        {
            ApiJudge.Judge(root, snapshot, judgment, options);
        }
    }
}
