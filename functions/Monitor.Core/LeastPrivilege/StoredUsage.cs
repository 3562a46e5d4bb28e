using Monitor.LeastPrivilege.Mapping;
using Monitor.Records;
using Monitor.State;

namespace Monitor.LeastPrivilege;

/// <summary>Rebuilds a <see cref="UsageAggregator"/> from what <see cref="UsageRecorder"/> stored, for the report writers.</summary>
public static class StoredUsage
{
    /// <summary>Upper bound of principals, and of (action, resource) pairs per principal, read per report.</summary>
    public const int Limit = 100_000;

    public static async Task<UsageAggregator> LoadAsync(IStateStore store, ActionMapper mapper, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(mapper);
        var usage = new UsageAggregator(mapper);
        foreach (var service in await store.ListAsync(UsageRecorder.DataServicesScope, Limit, cancellationToken).ConfigureAwait(false))
        {
            usage.DataEventServices.Add(service.Key.Member);
        }

        foreach (var principal in await store.ListAsync(UsageRecorder.PrincipalsScope, Limit, cancellationToken).ConfigureAwait(false))
        {
            var type = Enum.TryParse<PrincipalType>(principal.Attribute(UsageRecorder.TypeAttribute), out var parsed) ? parsed : PrincipalType.Unknown;
            var uses = await store.ListAsync(UsageRecorder.UsageScope(principal.Key.Member), Limit, cancellationToken).ConfigureAwait(false);
            foreach (var use in uses)
            {
                var parts = use.Key.Member.Split(' ');
                if (parts.Length >= 2 && mapper.Catalog.Find(parts[0]) is { } action)
                {
                    usage.Restore(principal.Key.Member, type, action.Action, parts[1], parts.Length > 2 ? parts[2] : null, use.LastSeen, use.Days.Count);
                }
            }
        }

        return usage;
    }
}
