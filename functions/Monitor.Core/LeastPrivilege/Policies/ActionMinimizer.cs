using Monitor.LeastPrivilege.Catalog;

namespace Monitor.LeastPrivilege.Policies;

/// <summary>
/// Replaces action lists by the shortest <c>svc:Prefix*</c> patterns that match, in today's catalog, only
/// actions of the list (policy_sentry's "minimize"). Safe now; it can widen when AWS later adds an action
/// under the same prefix, which is why it is a late step of the size ladder and the report names it.
/// </summary>
internal sealed class ActionMinimizer(IamCatalog catalog)
{
    public IReadOnlyList<string> Minimize(IReadOnlyList<string> actions)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var service in actions.GroupBy(a => a[..a.IndexOf(':', StringComparison.Ordinal)], StringComparer.Ordinal))
        {
            if (!catalog.Services.TryGetValue(service.Key, out var entry))
            {
                result.UnionWith(service);
                continue;
            }

            var wanted = service.Select(a => a[(a.IndexOf(':', StringComparison.Ordinal) + 1)..]).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var name in wanted.Order(StringComparer.Ordinal))
            {
                result.Add(ShortestSafe(service.Key, name, wanted, entry));
            }
        }

        return [.. result];
    }

    private static string ShortestSafe(string service, string name, HashSet<string> wanted, CatalogService entry)
    {
        for (var length = 1; length < name.Length; length++)
        {
            var prefix = name[..length];
            var matched = entry.Actions.Keys.Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
            if (matched.All(wanted.Contains))
            {
                return $"{service}:{prefix}*";
            }
        }

        return $"{service}:{name}";
    }
}
