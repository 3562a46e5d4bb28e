namespace Monitor.LeastPrivilege.Catalog;

/// <summary>
/// The access levels of the service authorization reference, in the order the report lists unused grants:
/// the riskiest first.
/// </summary>
public enum AccessLevel
{
    PermissionsManagement,
    Write,
    Tagging,
    Read,
    List,
}

/// <summary>Display names as AWS writes them.</summary>
internal static class AccessLevels
{
    public static string Name(this AccessLevel level) => level switch
    {
        AccessLevel.PermissionsManagement => "Permissions management",
        AccessLevel.Write => "Write",
        AccessLevel.Tagging => "Tagging",
        AccessLevel.Read => "Read",
        _ => "List",
    };

    /// <summary>
    /// Parses the catalog's level. The catalog writes combined levels ("Permissions management, Write",
    /// "Tagging, Write"); the first, more specific one is the level that matters for review.
    /// </summary>
    public static AccessLevel Parse(string? text)
    {
        var first = (text ?? string.Empty).Split(',')[0].Trim();
        return first switch
        {
            "Permissions management" => AccessLevel.PermissionsManagement,
            "Tagging" => AccessLevel.Tagging,
            "Read" => AccessLevel.Read,
            "List" => AccessLevel.List,
            _ => AccessLevel.Write,
        };
    }
}
