using Monitor.LeastPrivilege.Mapping;
using Monitor.Records;

namespace Monitor.LeastPrivilege;

/// <summary>
/// Folds activities into per-principal usage through the <see cref="ActionMapper"/>. Not a detector: it judges
/// nothing and raises no finding; the policy and the report are computed from what it holds. Order-independent:
/// every merge is a set union, a count or a max.
/// </summary>
public sealed class UsageAggregator(ActionMapper mapper)
{
    private readonly SortedDictionary<string, PrincipalUsage> _principals = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, PrincipalUsage> Principals => _principals;

    /// <summary>Records read, by where they went.</summary>
    public SortedDictionary<MappingKind, int> Totals { get; } = [];

    /// <summary>Services whose data-plane requests the inputs carry (CloudTrail data events or S3 access logs).</summary>
    public SortedSet<string> DataEventServices { get; } = new(StringComparer.Ordinal);

    public ActionMapper Mapper => mapper;

    public void Observe(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var mapping = mapper.Map(activity);
        Totals[mapping.Kind] = Totals.GetValueOrDefault(mapping.Kind) + 1;
        if (activity.Origin == ActivityOrigin.S3AccessLog || activity.Record?.ManagementEvent == false || string.Equals(activity.Record?.EventCategory, "Data", StringComparison.OrdinalIgnoreCase))
        {
            DataEventServices.Add(activity.Origin == ActivityOrigin.S3AccessLog ? "s3" : activity.Service);
        }

        if (mapping.Kind is not (MappingKind.Used or MappingKind.Denied or MappingKind.Unmapped))
        {
            return;
        }

        var usage = For(activity.Principal);
        usage.Calls++;
        switch (mapping.Kind)
        {
            case MappingKind.Used:
                foreach (var use in mapping.Uses)
                {
                    var name = use.Action.ToString();
                    if (!usage.Used.TryGetValue(name, out var entry))
                    {
                        entry = (use.Action, new ActionEvidence());
                        usage.Used[name] = entry;
                    }

                    entry.Evidence.Count++;
                    entry.Evidence.Resources.UnionWith(use.Resources);
                    if (use.PassedToService is { } service)
                    {
                        entry.Evidence.PassedTo.Add(service);
                    }

                    entry.Evidence.LastUsed = entry.Evidence.LastUsed > activity.Time ? entry.Evidence.LastUsed : activity.Time;
                }

                break;
            case MappingKind.Denied:
                foreach (var key in mapping.Uses.Select(u => u.Action.ToString()).Distinct(StringComparer.Ordinal))
                {
                    usage.Denied[key] = usage.Denied.GetValueOrDefault(key) + 1;
                }

                break;
            default:
                var call = (activity.EventSource, activity.EventName);
                usage.Unmapped[call] = usage.Unmapped.GetValueOrDefault(call) + 1;
                break;
        }
    }

    /// <summary>
    /// Adds one stored use (see <see cref="StoredUsage"/>). The store keeps distinct days, not calls, so
    /// <paramref name="count"/> is what it has: a lower bound of the calls.
    /// </summary>
    public void Restore(string principalKey, PrincipalType type, Catalog.IamAction action, string resource, string? passedTo, DateTimeOffset lastUsed, int count)
    {
        var usage = For(new Principal(type, principalKey));
        var name = action.ToString();
        if (!usage.Used.TryGetValue(name, out var entry))
        {
            entry = (action, new ActionEvidence());
            usage.Used[name] = entry;
        }

        usage.Calls += count;
        entry.Evidence.Count += count;
        entry.Evidence.Resources.Add(resource);
        if (passedTo is not null)
        {
            entry.Evidence.PassedTo.Add(passedTo);
        }

        entry.Evidence.LastUsed = entry.Evidence.LastUsed > lastUsed ? entry.Evidence.LastUsed : lastUsed;
    }

    private PrincipalUsage For(Principal principal)
    {
        if (!_principals.TryGetValue(principal.Key, out var usage))
        {
            usage = new PrincipalUsage(principal.Key, principal.Type);
            _principals[principal.Key] = usage;
        }

        return usage;
    }
}
