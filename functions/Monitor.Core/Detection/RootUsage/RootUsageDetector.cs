using Monitor.Records;
using Monitor.State;

namespace Monitor.Detection.RootUsage;

/// <summary>
/// Reports use of the root user: console sign-ins, failed sign-ins (and a success that follows them), API
/// calls folded per session and hour, root access keys, credential, MFA and logging changes, and
/// centralized-root (AssumeRoot) sessions tied back to their caller. Severities: <see cref="RootRules"/>.
/// Every decision reads the state as it stood strictly before the event, so replays and reordered
/// delivery give the same finding ids.
/// </summary>
public sealed class RootUsageDetector : IDetector
{
    public const string DetectorId = "root-usage";

    public string Id => DetectorId;

    public IEnumerable<StateKey> KeysFor(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (AssumeRootRules.IsCallerEvent(activity))
        {
            return [];
        }

        return RootActivity.From(activity) switch
        {
            null => [],
            { IsConsoleLogin: true } root => RootSignInRules.KeysFor(root),
            var root => RootApiRules.KeysFor(root),
        };
    }

    public async ValueTask InspectAsync(Activity activity, DetectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(context);
        if (AssumeRootRules.IsCallerEvent(activity))
        {
            AssumeRootRules.Inspect(activity, context);
            return;
        }

        var root = RootActivity.From(activity);
        if (root is null)
        {
            return;
        }

        if (root.IsConsoleLogin)
        {
            await RootSignInRules.InspectAsync(root, context, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await RootApiRules.InspectAsync(root, context, cancellationToken).ConfigureAwait(false);
        }
    }
}
