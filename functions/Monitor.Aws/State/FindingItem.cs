using Amazon.DynamoDBv2.Model;
using Monitor.Detection;

namespace Monitor.Aws.State;

/// <summary>Maps a <see cref="Finding"/> to and from its item: the contract JSON plus its sort fields.</summary>
internal static class FindingItem
{
    public static Dictionary<string, AttributeValue> Key(string id) => new()
    {
        [StateTableLayout.PartitionKey] = new AttributeValue { S = StateTableLayout.FindingPartition },
        [StateTableLayout.SortKey] = new AttributeValue { S = id },
    };

    /// <summary>The item that lists <paramref name="finding"/> under what it is about.</summary>
    public static Dictionary<string, AttributeValue> AboutItem(Finding finding) => new()
    {
        [StateTableLayout.PartitionKey] = new AttributeValue { S = StateTableLayout.AboutPartition(finding.Account, finding.Principal) },
        [StateTableLayout.SortKey] = new AttributeValue { S = finding.Id },
    };

    /// <summary>Set while a finding's announcement is handed back (its send failed): the next put announces it.</summary>
    public const string Returned = "returned";

    /// <summary>Set by the one writer that claimed the finding's first announcement.</summary>
    public const string Announced = "announced";

    /// <summary>Set while the finding has no contribution left.</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>Counts changes to the finding's contributions; a recompute writes only if no change came in meanwhile.</summary>
    public const string Parts = "parts";

    public const string Json = "json";

    public static Dictionary<string, AttributeValue> ToItem(Finding finding, long version, bool returned = false)
    {
        var item = Key(finding.Id);
        item["time"] = new AttributeValue { S = SightingItem.Time(finding.Time) };
        item["json"] = new AttributeValue { S = FindingDocument.Serialize(finding) };
        item[StateTableLayout.Version] = SightingItem.Number(version);
        if (returned)
        {
            item[Returned] = new AttributeValue { BOOL = true };
        }

        return item;
    }

    public static (Finding Finding, long Version) FromItem(Dictionary<string, AttributeValue> item) =>
        (FindingDocument.Deserialize(item["json"].S), SightingItem.VersionOf(item));

    /// <summary>Whether the item holds a view (an item may only count contribution changes so far).</summary>
    public static bool HasView(Dictionary<string, AttributeValue> item) => item.ContainsKey(Json);

    public static bool IsActive(Dictionary<string, AttributeValue> item) => HasView(item) && !Flag(item, Withdrawn);

    public static bool Flag(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.BOOL == true;

    public static bool IsReturned(Dictionary<string, AttributeValue> item) => Flag(item, Returned);
}
