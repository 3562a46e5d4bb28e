using Monitor.Records;
using Monitor.State;

namespace Monitor.Detection.Roles;

/// <summary>
/// <c>anomalous-role-assumption</c>: every way into a role (AssumeRole, SAML, web identity, chaining, console
/// switch-role, GetFederationToken, GetSessionToken, AssumeRoot) judged against per-role baselines learned by
/// event time, and every later use of the issued session tied back to how it was obtained. Signals are scored
/// together into one finding per suspicious assumption or session.
/// </summary>
public sealed class RoleAssumptionDetector(DetectionOptions options) : IDetector
{
    private readonly AssumptionJudge _assumptions = new(options);
    private readonly SessionJudge _sessions = new(options);

    public string Id => RoleFindings.Detector;

    public IEnumerable<StateKey> KeysFor(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Account is { } account)
        {
            yield return RoleKeys.AccountFirst(account);
        }

        if (activity.AccessKeyId is { } key)
        {
            yield return RoleKeys.Session(key);
        }

        if (CredentialIssueReader.Read(activity) is not { } issue)
        {
            yield break;
        }

        var target = issue.Target;
        yield return RoleKeys.Target(target);
        yield return RoleKeys.Caller(target, issue.CallerKey);
        yield return RoleKeys.Agent(target, UserAgentFamily.Of(activity.UserAgent));
        yield return RoleKeys.Hour(target, activity.Time.UtcDateTime.Hour);
        yield return RoleKeys.Mfa(target, true);
        yield return RoleKeys.Mfa(target, false);
        if (activity.Source.Network is { } network)
        {
            yield return RoleKeys.Network(target, "api:" + network);
            yield return RoleKeys.Network(target, "console:" + network);
        }

        if (issue.CrossAccount)
        {
            yield return RoleKeys.FromAccount(target, issue.CallerAccount!);
        }

        if (issue.Provider is not null)
        {
            yield return RoleKeys.Provider(target, issue.Provider);
        }
    }

    public async ValueTask InspectAsync(Activity activity, DetectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(context);
        var learning = await LearningAsync(activity, context).ConfigureAwait(false);
        RoleChanges.Record(activity, context);
        if (CredentialIssueReader.Read(activity) is { } issue)
        {
            await _assumptions.InspectAsync(issue, activity, learning, context, cancellationToken).ConfigureAwait(false);
        }

        await _sessions.InspectAsync(activity, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether the event falls in its account's learning period, counted from the first activity seen for the
    /// account (any activity, not only assumptions: a quiet role in a busy account is not new to the account).
    /// </summary>
    private static async ValueTask<bool> LearningAsync(Activity activity, DetectionContext context)
    {
        if (activity.Account is not { } account)
        {
            return true;
        }

        var key = RoleKeys.AccountFirst(account);
        var first = await context.State.GetAsync(key, CancellationToken.None).ConfigureAwait(false);
        context.State.Observe(key, activity.Time);
        var start = first is null || first.FirstSeen > activity.Time ? activity.Time : first.FirstSeen;
        return activity.Time < start + context.Options.LearningPeriod;
    }
}
