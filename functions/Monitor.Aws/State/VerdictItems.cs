using Amazon.DynamoDBv2.Model;
using Monitor.Detection;

namespace Monitor.Aws.State;

/// <summary>
/// The items behind verdicts. A subject's record: <c>pk = "v|" + subject</c>, <c>sk = "v"</c>, holding the finding ids
/// it contributes to (<c>ids</c>). A contribution: <c>pk = "p|" + finding id</c>, <c>sk = "s|" + subject</c>, holding
/// the contribution's JSON, so one Query reads every contribution to a finding. The finding's merged view stays in
/// <see cref="FindingItem"/>, which also counts contribution changes (<c>parts</c>) for optimistic recomputes.
/// </summary>
internal static class VerdictItems
{
    public const string Ids = "ids";
    public const string Json = "json";

    public static Dictionary<string, AttributeValue> SubjectKey(string subject) => new()
    {
        [StateTableLayout.PartitionKey] = new AttributeValue { S = StateTableLayout.Bounded("v|", subject) },
        [StateTableLayout.SortKey] = new AttributeValue { S = "v" },
    };

    public static string PartPartition(string findingId) => StateTableLayout.Bounded("p|", findingId);

    public static Dictionary<string, AttributeValue> PartKey(string findingId, string subject) => new()
    {
        [StateTableLayout.PartitionKey] = new AttributeValue { S = PartPartition(findingId) },
        [StateTableLayout.SortKey] = new AttributeValue { S = StateTableLayout.Bounded("s|", subject) },
    };

    public static Dictionary<string, AttributeValue> SubjectItem(string subject, IReadOnlyList<string> findingIds)
    {
        var item = SubjectKey(subject);
        item["subject"] = new AttributeValue { S = subject };
        item[Ids] = new AttributeValue { L = findingIds.Select(id => new AttributeValue { S = id }).ToList() };
        return item;
    }

    public static IReadOnlyList<string> IdsOf(Dictionary<string, AttributeValue>? item) =>
        item is not null && item.TryGetValue(Ids, out var ids) && ids.L is { } list ? [.. list.Select(v => v.S)] : [];

    public static Dictionary<string, AttributeValue> PartItem(string subject, Finding contribution)
    {
        var item = PartKey(contribution.Id, subject);
        item["subject"] = new AttributeValue { S = subject };
        item["finding"] = new AttributeValue { S = contribution.Id };
        item[Json] = new AttributeValue { S = FindingDocument.Serialize(contribution) };
        return item;
    }
}
