using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Monitor.Detection;
using Monitor.State;

namespace Monitor.Aws.State;

/// <summary>
/// <see cref="IStateStore.PutVerdictsAsync"/> on DynamoDB, following <see cref="VerdictBook"/>'s rules without
/// transactions. Contributions are items of their own, so writers never overwrite each other's. A finding's view is
/// recomputed optimistically: the writer bumps the finding's change counter, reads every contribution, and writes
/// the view only if the counter has not moved since (otherwise a later writer, who saw more, recomputes it). The
/// first announcement is claimed with a conditional write, so exactly one writer announces a finding.
/// </summary>
internal sealed class DynamoVerdicts(IAmazonDynamoDB dynamo, string tableName, DynamoItemReader reader)
{
    private const int Parallelism = 8;

    public async Task<VerdictChanges> PutAsync(IReadOnlyCollection<SubjectVerdict> verdicts, CancellationToken cancellationToken)
    {
        var latest = verdicts.GroupBy(v => v.Subject, StringComparer.Ordinal).Select(g => (g.Key, Parts: g.Last().ById())).ToList();
        if (latest.Count == 0)
        {
            return VerdictChanges.None;
        }

        var subjects = (await reader.BatchGetAsync(latest.Select(v => VerdictItems.SubjectKey(v.Key)), cancellationToken).ConfigureAwait(false))
            .ToDictionary(i => i["subject"].S, VerdictItems.IdsOf, StringComparer.Ordinal);
        var wanted = latest.SelectMany(v => v.Parts.Select(p => (Subject: v.Key, Part: p.Value))).ToList();
        var storedParts = (await reader.BatchGetAsync(wanted.Select(w => VerdictItems.PartKey(w.Part.Id, w.Subject)), cancellationToken).ConfigureAwait(false))
            .ToDictionary(i => (i["subject"].S, i["finding"].S), i => i[VerdictItems.Json].S);
        var returned = (await reader.BatchGetAsync(wanted.Select(w => w.Part.Id).Distinct(StringComparer.Ordinal).Select(FindingItem.Key), cancellationToken).ConfigureAwait(false))
            .Where(FindingItem.IsReturned).Select(i => i[StateTableLayout.SortKey].S).ToHashSet(StringComparer.Ordinal);

        var touched = new SortedSet<string>(StringComparer.Ordinal);
        var writes = new List<Func<CancellationToken, Task>>();
        foreach (var (subject, parts) in latest)
        {
            var before = subjects.TryGetValue(subject, out var ids) ? ids : [];
            foreach (var gone in before.Where(id => !parts.ContainsKey(id)))
            {
                touched.Add(gone);
                writes.Add(ct => dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = tableName, Key = VerdictItems.PartKey(gone, subject) }, ct));
            }

            foreach (var (id, part) in parts)
            {
                var json = FindingDocument.Serialize(part);
                if (!storedParts.TryGetValue((subject, id), out var stored) || stored != json)
                {
                    touched.Add(id);
                    writes.Add(ct => dynamo.PutItemAsync(new PutItemRequest { TableName = tableName, Item = VerdictItems.PartItem(subject, part) }, ct));
                }
                else if (returned.Contains(id))
                {
                    touched.Add(id);
                }
            }

            string[] now = [.. parts.Keys.Order(StringComparer.Ordinal)];
            if (!before.Order(StringComparer.Ordinal).SequenceEqual(now, StringComparer.Ordinal))
            {
                writes.Add(ct => now.Length == 0
                    ? dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = tableName, Key = VerdictItems.SubjectKey(subject) }, ct)
                    : dynamo.PutItemAsync(new PutItemRequest { TableName = tableName, Item = VerdictItems.SubjectItem(subject, now) }, ct));
            }
        }

        await Parallel.ForEachAsync(writes, Options(cancellationToken), async (write, ct) => await write(ct).ConfigureAwait(false)).ConfigureAwait(false);

        var results = new (Finding? Announce, Finding? Changed, Finding? Withdrawn)[touched.Count];
        var ordered = touched.ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(0, ordered.Length), Options(cancellationToken), async (i, ct) =>
            results[i] = await RecomputeAsync(ordered[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return new VerdictChanges(
            [.. results.Select(r => r.Announce).OfType<Finding>()],
            [.. results.Select(r => r.Changed).OfType<Finding>()],
            [.. results.Select(r => r.Withdrawn).OfType<Finding>()]);
    }

    public async Task ReturnAsync(IReadOnlyCollection<string> findingIds, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(findingIds.Distinct(StringComparer.Ordinal), Options(cancellationToken), async (id, ct) =>
            await TryUpdateAsync(id, "SET #f = :true", "attribute_exists(#json)", FindingItem.Returned, null, ct).ConfigureAwait(false)).ConfigureAwait(false);

    private async Task<(Finding? Announce, Finding? Changed, Finding? Withdrawn)> RecomputeAsync(string id, CancellationToken cancellationToken)
    {
        var bumped = await dynamo.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tableName,
                Key = FindingItem.Key(id),
                UpdateExpression = "ADD #parts :one",
                ExpressionAttributeNames = new() { ["#parts"] = FindingItem.Parts },
                ExpressionAttributeValues = new() { [":one"] = SightingItem.Number(1) },
                ReturnValues = ReturnValue.ALL_NEW,
            },
            cancellationToken).ConfigureAwait(false);
        var item = bumped.Attributes;
        var counter = item[FindingItem.Parts];
        var parts = (await reader.QueryAsync(VerdictItems.PartPartition(id), int.MaxValue, cancellationToken).ConfigureAwait(false))
            .Select(p => FindingDocument.Deserialize(p[VerdictItems.Json].S)).ToList();
        if (parts.Count == 0)
        {
            var withdraw = FindingItem.IsActive(item)
                && await TryUpdateAsync(id, "SET #f = :true", "#parts = :counter", FindingItem.Withdrawn, counter, cancellationToken).ConfigureAwait(false);
            return (null, null, withdraw ? FindingItem.FromItem(item).Finding : null);
        }

        var view = Finding.MergeAll(parts);
        var json = FindingDocument.Serialize(view);
        var current = FindingItem.IsActive(item) && item[FindingItem.Json].S == json;
        if (!current)
        {
            if (!await WriteViewAsync(view, json, counter, cancellationToken).ConfigureAwait(false))
            {
                return (null, null, null);
            }

            // Indexed before it is announced, so a story told from the index never misses an announced finding.
            await dynamo.PutItemAsync(new PutItemRequest { TableName = tableName, Item = FindingItem.AboutItem(view) }, cancellationToken).ConfigureAwait(false);
        }

        var announce = !FindingItem.Flag(item, FindingItem.Announced)
            ? await TryUpdateAsync(id, "SET #f = :true", "attribute_not_exists(#f)", FindingItem.Announced, null, cancellationToken).ConfigureAwait(false)
            : FindingItem.IsReturned(item) && await TryUpdateAsync(id, "REMOVE #f", "#f = :true", FindingItem.Returned, null, cancellationToken).ConfigureAwait(false);
        return (announce ? view : null, current && !announce ? null : view, null);
    }

    private async Task<bool> WriteViewAsync(Finding view, string json, AttributeValue counter, CancellationToken cancellationToken)
    {
        try
        {
            await dynamo.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = FindingItem.Key(view.Id),
                    UpdateExpression = "SET #json = :json, #time = :time, #withdrawn = :false ADD #ver :one",
                    ConditionExpression = "#parts = :counter",
                    ExpressionAttributeNames = new()
                    {
                        ["#json"] = FindingItem.Json,
                        ["#time"] = "time",
                        ["#withdrawn"] = FindingItem.Withdrawn,
                        ["#ver"] = StateTableLayout.Version,
                        ["#parts"] = FindingItem.Parts,
                    },
                    ExpressionAttributeValues = new()
                    {
                        [":json"] = new AttributeValue { S = json },
                        [":time"] = new AttributeValue { S = SightingItem.Time(view.Time) },
                        [":false"] = new AttributeValue { BOOL = false },
                        [":one"] = SightingItem.Number(1),
                        [":counter"] = counter,
                    },
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private async Task<bool> TryUpdateAsync(string id, string update, string condition, string flag, AttributeValue? counter, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, AttributeValue>();
        if (update.Contains(":true", StringComparison.Ordinal) || condition.Contains(":true", StringComparison.Ordinal))
        {
            values[":true"] = new AttributeValue { BOOL = true };
        }

        if (counter is not null)
        {
            values[":counter"] = counter;
        }

        var names = new Dictionary<string, string> { ["#f"] = flag };
        if (condition.Contains("#parts", StringComparison.Ordinal))
        {
            names["#parts"] = FindingItem.Parts;
        }

        if (condition.Contains("#json", StringComparison.Ordinal))
        {
            names["#json"] = FindingItem.Json;
        }

        try
        {
            await dynamo.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = FindingItem.Key(id),
                    UpdateExpression = update,
                    ConditionExpression = condition,
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values.Count == 0 ? null : values,
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
}
