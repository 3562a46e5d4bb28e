using Monitor.Records;
using Monitor.State;

namespace Monitor.Detection.Credentials;

/// <summary>
/// Keeps the credential ledger from the activity stream (creation, status, deletion, MFA, and every use of a long-term
/// key or console password, by event time) and reports a dormant credential at the moment it is used again. Temporary
/// ASIA keys are sessions, not credentials; the uses of one a user minted with GetSessionToken are kept apart and joined
/// to the minting key by the audit, whatever order the two arrive in.
/// </summary>
internal sealed class CredentialLedgerDetector(CredentialOptions options) : Detector<CredentialDay>(CredentialJsonContext.Default.CredentialDay)
{
    public const string DetectorId = "unused-credential";

    private readonly DormancyJudge _dormancy = new(options);

    public CredentialLedgerDetector()
        : this(new CredentialOptions())
    {
    }

    public override string Id => DetectorId;

    public override void Observe(Activity activity, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(observation);
        if (activity.Account is not { } account)
        {
            return;
        }

        // Every record dates the account's latest evidence: a replay of old logs audits each account as of its own.
        observation.Saw(CredentialKeys.Account(account), activity.Time);

        var user = CallerUser(activity.Principal);
        if (user is not null && activity.AccessKeyId is { IsLongTerm: true } key)
        {
            RecordUse(activity, observation, CredentialKeys.Key(account, key.Value), user);
        }

        // Only the id of the minted session is kept, never its secret or token: the audit joins its uses to the key.
        if (user is not null && activity.AccessKeyId is { IsTemporary: true } session)
        {
            LastUse(observation.Saw(CredentialKeys.Session(account, session.Value), activity.Time), activity);
        }

        if (activity.AccessKeyId is { IsLongTerm: true } minter && activity.EventName == "GetSessionToken" && activity.Outcome == Outcome.Success
            && activity.Response("credentials", "accessKeyId") is { } minted)
        {
            observation.Saw(CredentialKeys.Session(account, minted), activity.Time).With(CredentialSlots.MintedBy, minter.Value);
        }

        if (user is not null && activity.EventName == "ConsoleLogin" && activity.Outcome == Outcome.Success)
        {
            RecordUse(activity, observation, CredentialKeys.Password(account, user), user);
        }

        if (activity.Outcome == Outcome.Success && activity.Service is "iam" or "sts")
        {
            CredentialLifecycle.Observe(activity, account, observation);
        }
    }

    public override bool Watches(StateKey key) =>
        key.Scope.StartsWith("credential:", StringComparison.Ordinal)
        && (key.Member.StartsWith(CredentialKeys.KeyPrefix, StringComparison.Ordinal) || key.Member.StartsWith(CredentialKeys.PasswordPrefix, StringComparison.Ordinal))
        || key.Scope.StartsWith("credential-network:", StringComparison.Ordinal);

    /// <summary>
    /// A credential seen on a day it was not seen before changes how idle it was before its next day of use: that day's
    /// first use is judged again (a late-delivered use can show a "dormant" wake-up was not one, or the reverse).
    /// </summary>
    public override void OnChanged(SlotChange change, Triggers triggers)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(triggers);
        if (!change.Key.Scope.StartsWith("credential:", StringComparison.Ordinal))
        {
            return;
        }

        var account = change.Key.Scope["credential:".Length..];
        foreach (var day in change.NewDays)
        {
            if (change.After.Days.Where(d => d > day).DefaultIfEmpty(int.MinValue).Min() is var next and > int.MinValue)
            {
                triggers.Judge(new CredentialDay(account, change.Key.Member, next, Sighting.DayStart(next)));
            }
        }
    }

    protected override void Plan(CredentialDay day, ReadPlan plan) => DormancyJudge.Plan(day, plan);

    protected override void Judge(CredentialDay day, Snapshot snapshot, Judgment judgment) => _dormancy.Judge(day, snapshot, judgment);

    /// <summary>The report's user name for a caller: the IAM user's name, or <c>&lt;root_account&gt;</c>.</summary>
    internal static string? CallerUser(Principal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Type switch
        {
            PrincipalType.Root => Records.CredentialReports.CredentialReportRow.RootUser,
            PrincipalType.IamUser => principal.Name,
            _ => null,
        };
    }

    private static FactDraft LastUse(FactDraft fact, Activity activity) => fact
        .With(CredentialSlots.LastUsed, activity.Time)
        .With(CredentialSlots.LastService, activity.Service)
        .With(CredentialSlots.LastRegion, activity.Region);

    private static void RecordUse(Activity activity, Observation observation, StateKey credential, string user)
    {
        var at = activity.Time;
        var network = activity.Source.Network ?? activity.Source.Raw;
        var day = new CredentialDay(activity.Account!, credential.Member, Sighting.DayNumber(at), at);
        LastUse(observation.Saw(credential, at), activity)
            .With(CredentialSlots.Owner, user)
            .With(CredentialSlots.FirstNetwork, network);
        observation.Saw(CredentialKeys.UseDay(credential, at), at)
            .With(CredentialSlots.FirstUse, new CredentialUse
            {
                EventKey = activity.DedupKey,
                EventId = activity.EventId,
                EventName = activity.EventName,
                EventSource = activity.EventSource,
                Principal = activity.Principal.Arn ?? activity.Principal.Key,
                IsRoot = activity.Principal.IsRoot,
                SourceIp = activity.Source.Raw,
                Network = network,
                UserAgent = activity.UserAgent,
                Region = activity.Region,
            })
            .Remember(day);
        if (network is not null)
        {
            observation.Saw(CredentialKeys.UseNetwork(credential, network), at).Remember(day);
        }

        observation.Saw(CredentialKeys.Account(activity.Account!), at);
        observation.Judge(day);
    }
}
