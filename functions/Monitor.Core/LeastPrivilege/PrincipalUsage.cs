using Monitor.LeastPrivilege.Catalog;
using Monitor.Records;

namespace Monitor.LeastPrivilege;

/// <summary>What one action was seen used on, by one principal.</summary>
public sealed class ActionEvidence
{
    public SortedSet<string> Resources { get; } = new(StringComparer.Ordinal);

    /// <summary>Services a role was passed to (<c>iam:PassedToService</c>), for <c>iam:PassRole</c>.</summary>
    public SortedSet<string> PassedTo { get; } = new(StringComparer.Ordinal);

    public int Count { get; set; }

    public DateTimeOffset LastUsed { get; set; }
}

/// <summary>Everything observed for one principal: the actions it used, the calls it was denied, the calls no action fits.</summary>
public sealed class PrincipalUsage(string key, PrincipalType type)
{
    public string Key { get; } = key;

    public PrincipalType Type { get; } = type;

    public SortedDictionary<string, (IamAction Action, ActionEvidence Evidence)> Used { get; } = new(StringComparer.Ordinal);

    /// <summary>Denied calls by action (<c>svc:Action</c>), or by <c>eventSource eventName</c> when no action fits.</summary>
    public SortedDictionary<string, int> Denied { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<(string EventSource, string EventName), int> Unmapped { get; } = new();

    public int Calls { get; set; }
}
