namespace Monitor.Aws.State;

/// <summary>
/// The single-table layout. Sightings: <c>pk = "s|" + scope</c>, <c>sk = member</c>, so a scope lists in member
/// order with one Query. Findings: <c>pk = "finding"</c>, <c>sk = id</c> (findings are rare; one partition is fine).
/// Every item carries a version <c>ver</c> for optimistic concurrency; sightings carry <c>ttl</c> (epoch seconds).
/// </summary>
internal static class StateTableLayout
{
    public const string PartitionKey = "pk";
    public const string SortKey = "sk";
    public const string Version = "ver";
    public const string TimeToLive = "ttl";
    public const string SightingPrefix = "s|";
    public const string FindingPartition = "finding";

    public static string SightingPartition(string scope) => SightingPrefix + scope;
}
