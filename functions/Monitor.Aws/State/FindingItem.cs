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

    /// <summary>Set while a finding's announcement is handed back (its send failed): the next put announces it.</summary>
    private const string Returned = "returned";

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

    public static bool IsReturned(Dictionary<string, AttributeValue> item) =>
        item.TryGetValue(Returned, out var value) && value.BOOL == true;
}
