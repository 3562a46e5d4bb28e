using Monitor.LeastPrivilege.Catalog;
using Monitor.LeastPrivilege.Resources;
using Monitor.Records;

namespace Monitor.LeastPrivilege.Mapping;

/// <summary>
/// Turns one activity into the IAM actions (and resources) it needed, in this order: route root,
/// service and non-API events away; normalize the event source and name; drop permissionless calls;
/// validate against the catalog; add the secondary actions the record proves; resolve resources. Denied
/// calls are mapped the same way but kept apart. No action outside the catalog is ever emitted.
/// </summary>
public sealed class ActionMapper(IamCatalog catalog, EventSourcePrefixes prefixes)
{
    private readonly ResourceResolver _resources = new(catalog);

    public static ActionMapper Embedded { get; } = new(IamCatalog.Embedded, EventSourcePrefixes.Embedded);

    public IamCatalog Catalog => catalog;

    public ActivityMapping Map(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (Route(activity) is { } routed)
        {
            return routed;
        }

        var prefix = activity.Origin == ActivityOrigin.S3AccessLog ? "s3" : prefixes.PrefixFor(activity.EventSource);
        if (PermissionlessCalls.Contains(prefix, activity.EventName))
        {
            return ActivityMapping.Skipped(MappingKind.NoPermissionNeeded, $"{prefix}:{activity.EventName} needs no permission");
        }

        var primary = Primary(prefix, activity);
        if (primary.Count == 0)
        {
            return ActivityMapping.Skipped(MappingKind.Unmapped, $"no IAM action named {prefix}:{activity.EventName}");
        }

        var uses = primary.Select(p => new ActionUse(p.Action.Action, p.Resources ?? _resources.Resolve(p.Action, activity, []))).ToList();
        foreach (var need in SecondaryActions.For(catalog, prefix, activity.EventName, activity))
        {
            if (catalog.Find(need.Action) is { } action && uses.All(u => u.Action != action.Action || need.Resources.Count > 0))
            {
                uses.Add(new ActionUse(action.Action, _resources.Resolve(action, activity, need.Resources), need.PassedToService));
            }
        }

        return new ActivityMapping(activity.Outcome == Outcome.Denied ? MappingKind.Denied : MappingKind.Used, uses);
    }

    private static ActivityMapping? Route(Activity activity)
    {
        if (activity.Principal.IsRoot)
        {
            return ActivityMapping.Skipped(MappingKind.Root, "root is not governed by identity policies");
        }

        if (activity.Principal.Type is PrincipalType.AwsService or PrincipalType.Anonymous or PrincipalType.WebIdentityUser or PrincipalType.SamlUser or PrincipalType.Unknown)
        {
            return ActivityMapping.Skipped(MappingKind.NotIamPrincipal, $"caller is {activity.Principal.Type}, not an IAM user or role");
        }

        if (activity.Origin == ActivityOrigin.CloudTrail && activity.EventType is { } type && !string.Equals(type, "AwsApiCall", StringComparison.OrdinalIgnoreCase))
        {
            return ActivityMapping.Skipped(MappingKind.NotApiCall, $"{type} is not an authorized API call");
        }

        return null;
    }

    /// <summary>The validated primary action(s), with resources where the call shape fixes them per action.</summary>
    private List<(CatalogAction Action, IReadOnlyList<string>? Resources)> Primary(string prefix, Activity activity)
    {
        if (ItemActions.For(prefix, activity.EventName, activity) is { } perItem)
        {
            return [.. perItem.Select(i => (catalog.Find(i.Action), (IReadOnlyList<string>?)i.Resources)).Where(i => i.Item1 is not null).Select(i => (i.Item1!, i.Item2))];
        }

        foreach (var candidate in EventNames.Candidates(prefix, activity.EventName))
        {
            var qualified = candidate.Contains(':', StringComparison.Ordinal) ? candidate : $"{prefix}:{candidate}";
            if (catalog.Find(qualified) is { } found)
            {
                // A rename may authorize several actions (kafka topics: Connect + the topic action); take them all.
                var siblings = EventNames.Candidates(prefix, activity.EventName)
                    .Where(c => c.Contains(':', StringComparison.Ordinal) && c != candidate)
                    .Select(c => catalog.Find(c))
                    .Where(c => c is not null)
                    .Select(c => (c!, (IReadOnlyList<string>?)null));
                return [(found, null), .. siblings];
            }
        }

        return [];
    }
}
