namespace Monitor.LeastPrivilege.Catalog;

/// <summary>One resource type an action can be scoped to; <see cref="Required"/> when the reference marks it with <c>*</c>.</summary>
public sealed record ResourceTypeRef(string Name, bool Required);

/// <summary>What the catalog knows about one action.</summary>
public sealed record CatalogAction(IamAction Action, AccessLevel Level, IReadOnlyList<ResourceTypeRef> ResourceTypes)
{
    /// <summary>Actions with no resource type accept only <c>"Resource": "*"</c>.</summary>
    public bool SupportsResourceScoping => ResourceTypes.Count > 0;
}

/// <summary>One service of the catalog: its actions (keyed case-insensitively) and resource ARN templates.</summary>
public sealed record CatalogService(
    string Prefix,
    IReadOnlyDictionary<string, CatalogAction> Actions,
    IReadOnlyDictionary<string, string> ResourceTypes);
