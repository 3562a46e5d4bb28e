using Monitor.Records;
using Monitor.State;
using static Monitor.Detection.Credentials.CredentialAttributes;

namespace Monitor.Detection.Credentials;

/// <summary>
/// Keeps the credential ledger from the activity stream (creation, status, deletion, MFA, and every use of a
/// long-term key or console password, by event time) and reports a dormant credential at the moment it is used
/// again. Temporary ASIA keys are sessions, not credentials, except that a session minted by GetSessionToken is
/// use of the AKIA key that minted it.
/// </summary>
public sealed class CredentialLedgerDetector(DormancyJudge dormancy) : IDetector
{
    public const string DetectorId = "unused-credential";

    public CredentialLedgerDetector(DetectionOptions options)
        : this(new DormancyJudge(options))
    {
    }

    public string Id => DetectorId;

    public IEnumerable<StateKey> KeysFor(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Account is not { } account)
        {
            yield break;
        }

        if (IsLongTermKey(activity.AccessKeyId))
        {
            foreach (var key in WithDays(CredentialKeys.Key(account, activity.AccessKeyId!), activity))
            {
                yield return key;
            }
        }
        else if (IsMintedSession(activity))
        {
            yield return CredentialKeys.Session(account, activity.AccessKeyId!);
        }

        if (IsConsoleLogin(activity) && IamEventFields.CallerUser(activity.Principal) is { } user)
        {
            foreach (var key in WithDays(CredentialKeys.Password(account, user), activity))
            {
                yield return key;
            }
        }
    }

    public async ValueTask InspectAsync(Activity activity, DetectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(context);
        if (activity.Account is not { } account)
        {
            return;
        }

        var state = context.State;
        var user = IamEventFields.CallerUser(activity.Principal);
        var signedBy = IsLongTermKey(activity.AccessKeyId) ? activity.AccessKeyId
            : IsMintedSession(activity) ? (await state.GetAsync(CredentialKeys.Session(account, activity.AccessKeyId!), cancellationToken).ConfigureAwait(false))?.Attribute(ParentKey)
            : null;
        if (signedBy is not null && user is not null)
        {
            await RecordUseAsync(activity, context, CredentialKeys.Key(account, signedBy), $"access key {signedBy}", user, cancellationToken).ConfigureAwait(false);
        }

        if (IsConsoleLogin(activity) && user is not null)
        {
            await RecordUseAsync(activity, context, CredentialKeys.Password(account, user), "console password", user, cancellationToken).ConfigureAwait(false);
        }

        if (activity.Outcome == Outcome.Success && activity.Service is "iam" or "sts")
        {
            CredentialLifecycle.Observe(activity, account, state);
        }
    }

    private async Task RecordUseAsync(Activity activity, DetectionContext context, StateKey key, string credential, string user, CancellationToken cancellationToken)
    {
        var before = await context.State.GetAsync(key, cancellationToken).ConfigureAwait(false);
        var today = await context.State.GetAsync(CredentialKeys.UseDay(key, activity.Time), cancellationToken).ConfigureAwait(false);
        var boundary = await context.State.GetAsync(CredentialKeys.UseDay(key, activity.Time - context.Options.UnusedAfter), cancellationToken).ConfigureAwait(false);
        var networkKey = NetworkOf(activity) is { } network ? CredentialKeys.UseNetwork(key, network) : (StateKey?)null;
        var networkSeen = networkKey is { } nk ? await context.State.GetAsync(nk, cancellationToken).ConfigureAwait(false) : null;
        var evidence = new DormancyEvidence(before, today, boundary) { NetworkSeenBefore = networkSeen?.SeenBefore(activity.Time) ?? false };
        if (dormancy.Judge(activity, evidence, key, credential, user) is { } finding)
        {
            context.Report(finding);
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [User] = user,
            [Used] = FindingJson.FormatTime(activity.Time),
            [UsedService] = activity.Service,
        };
        Put(attributes, UsedRegion, activity.Region);
        Put(attributes, UsedIp, activity.Source.Raw);
        Put(attributes, UsedNetwork, activity.Source.Network ?? activity.Source.Raw);
        context.State.Observe(key, activity.Time, attributes);
        context.State.Observe(CredentialKeys.UseDay(key, activity.Time), activity.Time);
        if (networkKey is { } seen)
        {
            context.State.Observe(seen, activity.Time);
        }

        context.State.Observe(CredentialKeys.Account(activity.Account!), activity.Time);
    }

    private IEnumerable<StateKey> WithDays(StateKey credential, Activity activity)
    {
        yield return credential;
        yield return CredentialKeys.UseDay(credential, activity.Time);
        yield return CredentialKeys.UseDay(credential, activity.Time - dormancy.Threshold);
        if (NetworkOf(activity) is { } network)
        {
            yield return CredentialKeys.UseNetwork(credential, network);
        }
    }

    private static string? NetworkOf(Activity activity) => activity.Source.Network ?? activity.Source.Raw;

    private static void Put(Dictionary<string, string> attributes, string name, string? value)
    {
        if (value is not null)
        {
            attributes[name] = value;
        }
    }

    internal static bool IsLongTermKey(string? keyId) => keyId is not null && keyId.StartsWith("AKIA", StringComparison.Ordinal);

    // Sessions of IAM users come from GetSessionToken (role and federated sessions are not a user's credential).
    private static bool IsMintedSession(Activity activity) =>
        activity.AccessKeyId is { } id && id.StartsWith("ASIA", StringComparison.Ordinal) && activity.Principal.Type is PrincipalType.IamUser or PrincipalType.Root;

    private static bool IsConsoleLogin(Activity activity) =>
        activity.EventName == "ConsoleLogin" && activity.Outcome == Outcome.Success && activity.Principal.Type is PrincipalType.IamUser or PrincipalType.Root;
}
