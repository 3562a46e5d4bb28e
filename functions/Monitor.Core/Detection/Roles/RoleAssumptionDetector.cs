using Monitor.Records;
using Monitor.State;

namespace Monitor.Detection.Roles;

/// <summary>
/// <c>anomalous-role-assumption</c>: every way into a role (AssumeRole, SAML, web identity, chaining, console
/// switch-role, GetFederationToken, GetSessionToken, AssumeRoot) judged against per-role baselines learned by event
/// time, and every session judged on everything it did, tied back to how it was obtained. Signals are scored together
/// into one finding per suspicious assumption or session.
/// </summary>
internal sealed class RoleAssumptionDetector(RoleOptions options) : Detector<RoleSubject>(RoleJsonContext.Default.RoleSubject)
{
    private static readonly HashSet<string> ChangeEvents = new(StringComparer.Ordinal)
    {
        "CreateRole", "UpdateAssumeRolePolicy", "AttachRolePolicy", "PutRolePolicy", "UpdateRole",
    };

    private static readonly string[] WatchedScopes =
        ["role-account:", "role-target:", "role-caller:", "role-mfa:", "role-change:", "role-session:", "role-session-sum:"];

    private readonly AssumptionJudge _assumptions = new(options);
    private readonly SessionJudge _sessions = new(options, new AssumptionJudge(options));

    public RoleAssumptionDetector()
        : this(new RoleOptions())
    {
    }

    public override string Id => RoleFindings.Detector;

    public override void Observe(Activity activity, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(observation);
        if (activity.Account is { } account)
        {
            observation.Saw(RoleState.AccountFirst(account), activity.Time);
        }

        ObserveChange(activity, observation);
        if (CredentialIssueReader.Read(activity) is { } issue)
        {
            ObserveIssue(AssumptionOf(issue, activity), observation);
        }

        SessionFacts.Observe(activity, options, observation);
    }

    public override bool Watches(StateKey key) => WatchedScopes.Any(prefix => key.Scope.StartsWith(prefix, StringComparison.Ordinal));

    public override void OnChanged(SlotChange change, Triggers triggers) => RoleTriggers.OnChanged(change, triggers, options, this);

    protected override void Plan(RoleSubject subject, ReadPlan plan)
    {
        switch (subject)
        {
            case Assumption assumption:
                _assumptions.Plan(assumption, plan);
                break;
            case SessionUse session:
                _sessions.Plan(session, plan);
                break;
        }
    }

    protected override void Judge(RoleSubject subject, Snapshot snapshot, Judgment judgment)
    {
        switch (subject)
        {
            case Assumption assumption:
                _assumptions.Judge(assumption, snapshot, judgment);
                break;
            case SessionUse session:
                _sessions.Judge(session, snapshot, judgment);
                break;
        }
    }

    internal RoleSubject? DecodeRemembered(Sighting? sighting) =>
        sighting.Get(SubjectDigest.Attribute) is { } digest && SubjectDigest.Split(digest) is { } parts && parts.Detector == Id ? Decode(parts.Text) as RoleSubject : null;

    private static Assumption AssumptionOf(CredentialIssue issue, Activity activity)
    {
        var family = UserAgentFamily.Of(activity.UserAgent);
        var console = issue.Kind == IssueKind.SwitchRole || activity.Record?.SessionCredentialFromConsole == true || UserAgentFamily.IsConsole(family);
        return new Assumption
        {
            EventKey = activity.DedupKey,
            EventId = activity.EventId,
            Time = activity.Time,
            EventName = activity.EventName,
            Kind = issue.Kind,
            CallerKey = issue.CallerKey,
            CallerType = issue.CallerType,
            CallerAccount = issue.CallerAccount,
            CallerAccessKey = activity.AccessKeyId?.Value,
            Principal = activity.Principal.Arn ?? issue.CallerKey,
            Target = issue.Target,
            TargetAccount = issue.TargetAccount,
            Account = activity.Account,
            SessionName = issue.SessionName,
            IssuedKey = issue.IssuedKey,
            Provider = issue.Provider,
            Subject = issue.Subject,
            Network = activity.Source.IsNetworkAddress ? $"{(console ? "console" : "api")}:{activity.Source.Network}" : null,
            SourceIp = activity.Source.Raw,
            Family = family,
            UserAgent = activity.UserAgent,
            MfaUsed = activity.MfaUsed,
            InvokedBy = activity.InvokedBy,
            Tool = ToolUserAgents.Offensive(activity.UserAgent, onStsOrSignIn: true),
        };
    }

    /// <summary>Who created or changed which role, and when: deployments and IAM's propagation delay explain what follows.</summary>
    private static void ObserveChange(Activity activity, Observation observation)
    {
        if (activity.EventSource != "iam.amazonaws.com" || activity.Outcome != Outcome.Success || !ChangeEvents.Contains(activity.EventName)
            || activity.Account is not { } account || activity.Request("roleName") is not { } roleName)
        {
            return;
        }

        var role = activity.Response("role", "arn") ?? $"arn:{Arn.PartitionOfRegion(activity.Region)}:iam::{account}:role/{roleName}";
        observation.Saw(RoleState.Change(account, roleName, CredentialIssueReader.CallerKey(activity.Principal), RoleState.Minute(activity.Time)), activity.Time)
            .With(RoleState.IssuedTo, role);
    }

    private void ObserveIssue(Assumption assumption, Observation observation)
    {
        var at = assumption.Time;
        var target = assumption.Target;
        observation.Saw(RoleState.Target(assumption.TargetAccount, target), at).Remember(assumption);
        observation.Saw(RoleState.Caller(target, assumption.CallerKey), at).Remember(assumption);
        observation.Saw(RoleState.Agent(target, assumption.Family), at).Remember(assumption);
        observation.Saw(RoleState.Hour(target, assumption.Hour), at).Remember(assumption);
        if (assumption.Network is { } network)
        {
            observation.Saw(RoleState.Network(target, network), at).Remember(assumption);
        }

        if (assumption.CrossAccount)
        {
            observation.Saw(RoleState.FromAccount(target, assumption.CallerAccount!), at).Remember(assumption);
        }

        if (assumption.Provider is { } provider)
        {
            observation.Saw(RoleState.Provider(target, provider), at).Remember(assumption);
        }

        if (assumption.MfaUsed is { } mfa)
        {
            observation.Saw(RoleState.Mfa(target, mfa), at).Remember(assumption);
        }

        if (assumption.IssuedKey is { } issued)
        {
            observation.Saw(RoleState.Session(issued), at)
                .With(RoleState.Via, assumption.EventName)
                .With(RoleState.IssuedTo, target)
                .With(RoleState.IssuedBy, assumption.CallerKey)
                .With(RoleState.IssuedFrom, assumption.SourceIp)
                .With(RoleState.IssuedAt, at)
                .Remember(assumption);
        }

        if (assumption.Chained && assumption.CallerAccessKey is { } parent)
        {
            // The parent may be delivered later: this marks it, so its arrival has the chain judged again.
            observation.Saw(RoleState.Session(parent), at).Add(RoleState.Children, assumption.EventKey);
            observation.Saw(new StateKey(RoleState.ChainScope(parent), TimeOrdered.Member(at, assumption.EventKey)), at).Remember(assumption);
        }

        if (!_assumptions.Suppressed(assumption))
        {
            observation.Judge(assumption);
        }
    }
}
