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
            var type = principal.Has(UsageRecorder.Type) ? principal.Get(UsageRecorder.Type) : PrincipalType.Unknown;
            var uses = await store.ListAsync(UsageRecorder.UsageScope(principal.Key.Member), Limit, cancellationToken).ConfigureAwait(false);
            foreach (var use in uses)
            {
                if (UsageMember.Parse(use.Key.Member) is { } member && mapper.Catalog.Find(member.Action) is { } action)
                {
                    usage.Restore(principal.Key.Member, type, action.Action, member.Resource, member.PassedToService, use.LastSeen, use.Days.Count);
                }
            }
        }

        return usage;
    }
}
