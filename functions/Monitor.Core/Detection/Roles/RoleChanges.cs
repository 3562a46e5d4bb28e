using Monitor.Records;

namespace Monitor.Detection.Roles;

/// <summary>
/// Remembers who created or changed which role, and when, for two IAM eventual-consistency rules: AccessDenied
/// on AssumeRole within 60 s of the same caller's change is propagation delay, not probing; and a new
/// caller→role pair minutes after that caller created the role is a deployment.
/// </summary>
internal static class RoleChanges
{
    private static readonly HashSet<string> ChangeEvents = new(StringComparer.Ordinal)
    {
        "CreateRole", "UpdateAssumeRolePolicy", "AttachRolePolicy", "PutRolePolicy", "UpdateRole",
    };

    public static void Record(Activity activity, DetectionContext context)
    {
        if (activity.EventSource != "iam.amazonaws.com" || activity.Outcome != Outcome.Success || !ChangeEvents.Contains(activity.EventName)
            || activity.Account is null || JsonPath.String(activity.Record?.RequestParameters, "roleName") is not { } roleName)
        {
            return;
        }

        var caller = CredentialIssueReader.CallerKey(activity.Principal);
        context.State.Observe(RoleKeys.Change(activity.Account, roleName, caller, RoleKeys.Minute(activity.Time)), activity.Time);
    }

    /// <summary>Whether <paramref name="caller"/> changed the role in the <paramref name="window"/> up to <paramref name="at"/>.</summary>
    public static async ValueTask<bool> ChangedWithinAsync(DetectionContext context, string? account, string? roleArn, string caller, DateTimeOffset at, TimeSpan window, CancellationToken cancellationToken)
    {
        if (account is null || RoleArns.Name(roleArn) is not { } roleName)
        {
            return false;
        }

        var from = at - window;
        for (var minute = RoleKeys.Minute(at); minute >= RoleKeys.Minute(from); minute--)
        {
            var change = await context.State.GetAsync(RoleKeys.Change(account, roleName, caller, minute), cancellationToken).ConfigureAwait(false);
            if (change is not null && change.FirstSeen <= at && change.LastSeen >= from)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The role a denied AssumeRole aimed at: CloudTrail drops requestParameters, the error message names it.</summary>
    public static string? DeniedRole(Activity activity)
    {
        if (JsonPath.String(activity.Record?.RequestParameters, "roleArn") is { } requested)
        {
            return requested;
        }

        const string Marker = "on resource: ";
        var message = activity.ErrorMessage;
        var at = message?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }

        var rest = message![(at + Marker.Length)..];
        var end = rest.IndexOfAny([' ', '"', ',']);
        return end > 0 ? rest[..end] : rest;
    }
}
