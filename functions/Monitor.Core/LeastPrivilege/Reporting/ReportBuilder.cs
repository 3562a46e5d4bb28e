using Monitor.LeastPrivilege.Catalog;
using Monitor.LeastPrivilege.Granted;
using Monitor.LeastPrivilege.Mapping;
using Monitor.LeastPrivilege.Policies;
using Monitor.Records.CredentialReports;

namespace Monitor.LeastPrivilege.Reporting;

/// <summary>Joins observed usage with what is granted (when known) into the <see cref="LeastPrivilegeReport"/>.</summary>
internal sealed class ReportBuilder(IamCatalog catalog, int budget = PolicyBudgets.Managed)
{
    public LeastPrivilegeReport Build(UsageAggregator usage, IReadOnlyList<GrantedPrincipal> granted, DateTimeOffset? asOf, CredentialReport? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(granted);
        var observability = new Observability(usage.DataEventServices);
        var expander = new GrantExpander(catalog);
        var policies = new PolicyBuilder(catalog);
        var grantedByArn = granted.ToDictionary(g => g.Arn, StringComparer.Ordinal);
        var keys = usage.Principals.Keys.Concat(grantedByArn.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var principals = new List<PrincipalReport>();
        var rowsByArn = (credentials?.Rows ?? []).Where(r => !r.IsRoot).GroupBy(r => r.Arn, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var observed = usage.Principals.GetValueOrDefault(key) ?? new PrincipalUsage(key, Records.PrincipalType.Unknown);
            var grant = grantedByArn.GetValueOrDefault(key);
            var principal = Principal(observed, grant, grant is null ? null : expander.Granted(grant), observability, policies);
            principals.Add(rowsByArn.TryGetValue(key, out var row) ? principal with { Credentials = CredentialLines.Describe(row) } : principal);
        }

        return new LeastPrivilegeReport
        {
            AsOf = asOf,
            Records = usage.Totals,
            DataEventServices = [.. usage.DataEventServices],
            Principals = principals,
        };
    }

    private PrincipalReport Principal(PrincipalUsage observed, GrantedPrincipal? grant, IReadOnlyDictionary<string, CatalogAction>? grantedActions, Observability observability, PolicyBuilder policies)
    {
        var used = observed.Used.Keys.ToList();
        var usedSet = used.ToHashSet(StringComparer.Ordinal);
        var granted = grantedActions ?? new Dictionary<string, CatalogAction>();
        var notUsed = granted.Values.Where(a => !usedSet.Contains(a.Action.ToString()) && !PermissionlessCalls.Contains(a.Action.Service, a.Action.Name)).ToList();
        var unknown = notUsed.Where(a => !observability.CanObserve(a)).ToList();
        var unused = notUsed.Except(unknown).ToList();
        var usedServices = used.Select(a => a[..a.IndexOf(':', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        var unknownServices = unknown.Select(a => a.Action.Service).ToHashSet(StringComparer.Ordinal);
        return new PrincipalReport
        {
            Principal = observed.Key,
            Kind = grant?.Kind ?? observed.Type.ToString(),
            GrantsKnown = grant is not null,
            Granted = granted.Count,
            GrantedBy = grant is null ? [] : [.. grant.Policies.Select(p => $"{p.Source}: {p.Name}")],
            Used = used,
            Unused = [.. Enum.GetValues<AccessLevel>()
                .Select(level => new UnusedAtLevel(level, [.. unused.Where(a => a.Level == level).Select(a => a.Action.ToString()).Order(StringComparer.Ordinal)]))
                .Where(u => u.Actions.Count > 0)],
            UnusedServices = [.. unused.Select(a => a.Action.Service).Distinct(StringComparer.Ordinal)
                .Where(s => !usedServices.Contains(s) && !unknownServices.Contains(s)).Order(StringComparer.Ordinal)],
            UsageUnknown = [.. unknown.Select(a => a.Action.ToString()).Order(StringComparer.Ordinal)],
            UsedNotGranted = grant is null ? [] : [.. used.Where(a => !granted.ContainsKey(a)).Order(StringComparer.Ordinal)],
            Denied = observed.Denied,
            Unmapped = [.. observed.Unmapped.Select(u => (u.Key.EventSource, u.Key.EventName, u.Value))],
            Suggestion = policies.Build(observed, budget),
            Calls = observed.Calls,
        };
    }
}
