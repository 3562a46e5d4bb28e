using Monitor.LeastPrivilege.Catalog;

namespace Monitor.LeastPrivilege.Granted;

/// <summary>
/// The catalog actions a principal's policies allow: every Allow's <c>Action</c> patterns (or, for
/// <c>NotAction</c>, every other action) expanded against the catalog, minus what an unconditional Deny on
/// <c>"*"</c> removes. A Deny scoped to resources or conditions leaves the action granted elsewhere, so it
/// is not subtracted. Resources are not compared: the comparison is per action.
/// </summary>
internal sealed class GrantExpander(IamCatalog catalog)
{
    private readonly Dictionary<string, IReadOnlyList<CatalogAction>> _expanded = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, CatalogAction> Granted(GrantedPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var allowed = new Dictionary<string, CatalogAction>(StringComparer.Ordinal);
        var statements = principal.Policies.SelectMany(p => p.Statements).ToList();
        foreach (var statement in statements.Where(s => s.Allow))
        {
            foreach (var action in Matching(statement))
            {
                allowed[action.Action.ToString()] = action;
            }
        }

        foreach (var statement in statements.Where(s => !s.Allow && !s.HasCondition && s.Resources.Contains("*")))
        {
            foreach (var action in Matching(statement))
            {
                allowed.Remove(action.Action.ToString());
            }
        }

        return allowed;
    }

    private IEnumerable<CatalogAction> Matching(GrantStatement statement)
    {
        if (statement.NotActions.Count > 0)
        {
            var excluded = statement.NotActions.SelectMany(Expand).Select(a => a.Action).ToHashSet();
            return Expand("*").Where(a => !excluded.Contains(a.Action));
        }

        return statement.Actions.SelectMany(Expand);
    }

    private IReadOnlyList<CatalogAction> Expand(string pattern)
    {
        if (!_expanded.TryGetValue(pattern, out var actions))
        {
            actions = [.. catalog.Expand(pattern)];
            _expanded[pattern] = actions;
        }

        return actions;
    }
}
