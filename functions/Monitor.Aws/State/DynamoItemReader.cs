using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Monitor.Aws.State;

/// <summary>Strongly consistent reads of the state table, with the paging and unprocessed-key retries DynamoDB requires.</summary>
internal sealed class DynamoItemReader(IAmazonDynamoDB dynamo, string tableName)
{
    private const int BatchGetLimit = 100;

    public async Task<Dictionary<string, AttributeValue>?> GetAsync(Dictionary<string, AttributeValue> key, CancellationToken cancellationToken)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = tableName, Key = key, ConsistentRead = true }, cancellationToken).ConfigureAwait(false);
        return response.IsItemSet && response.Item is { Count: > 0 } item ? item : null;
    }

    public async Task<List<Dictionary<string, AttributeValue>>> BatchGetAsync(IEnumerable<Dictionary<string, AttributeValue>> keys, CancellationToken cancellationToken)
    {
        var results = new List<Dictionary<string, AttributeValue>>();
        foreach (var chunk in keys.Chunk(BatchGetLimit))
        {
            var pending = new Dictionary<string, KeysAndAttributes> { [tableName] = new KeysAndAttributes { Keys = [.. chunk], ConsistentRead = true } };
            for (var attempt = 0; pending.Count > 0; attempt++)
            {
                if (attempt > 0)
                {
                    // Unprocessed keys mean throttling: back off before asking again.
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(50 * (1 << Math.Min(attempt, 6)), 2000)), cancellationToken).ConfigureAwait(false);
                }

                var response = await dynamo.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = pending }, cancellationToken).ConfigureAwait(false);
                if (response.Responses?.TryGetValue(tableName, out var items) == true)
                {
                    results.AddRange(items);
                }

                pending = response.UnprocessedKeys is { Count: > 0 } unprocessed ? unprocessed : [];
            }
        }

        return results;
    }

    /// <summary>Items of <paramref name="partition"/> in sort-key order, optionally only those with <paramref name="from"/> ≤ sk ≤ <paramref name="to"/>.</summary>
    public async Task<List<Dictionary<string, AttributeValue>>> QueryAsync(string partition, int limit, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        var results = new List<Dictionary<string, AttributeValue>>();
        if (limit <= 0)
        {
            return results;
        }

        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var response = await dynamo.QueryAsync(
                new QueryRequest
                {
                    TableName = tableName,
                    KeyConditionExpression = from is null || to is null ? "#pk = :pk" : "#pk = :pk AND #sk BETWEEN :from AND :to",
                    ExpressionAttributeNames = from is null || to is null
                        ? new() { ["#pk"] = StateTableLayout.PartitionKey }
                        : new() { ["#pk"] = StateTableLayout.PartitionKey, ["#sk"] = StateTableLayout.SortKey },
                    ExpressionAttributeValues = from is null || to is null
                        ? new() { [":pk"] = new AttributeValue { S = partition } }
                        : new() { [":pk"] = new AttributeValue { S = partition }, [":from"] = new AttributeValue { S = from }, [":to"] = new AttributeValue { S = to } },
                    ConsistentRead = true,
                    Limit = Math.Min(limit - results.Count, 1000),
                    ExclusiveStartKey = start,
                },
                cancellationToken).ConfigureAwait(false);
            results.AddRange(response.Items ?? []);
            start = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null && results.Count < limit);

        return results;
    }
}
