using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Monitor.Detection;
using Monitor.State;

namespace Monitor.Aws.State;

/// <summary>
/// The state port on one DynamoDB table (<see cref="StateTableLayout"/>). Writes are read-merge-write with a
/// version condition: the merge is Core's (<see cref="Sighting.Merge"/>, <see cref="Finding.Merge"/>), so the
/// result is idempotent, and a lost race is re-read and retried. A batch costs one BatchGetItem per 100 keys and
/// at most one PutItem per distinct key (none when the merge changes nothing). No transactions: each key stands alone.
/// </summary>
public sealed class DynamoStateStore(IAmazonDynamoDB dynamo, string tableName, TimeSpan retention) : IStateStore
{
    private const int MaxAttempts = 25;
    private const int Parallelism = 8;
    private readonly DynamoItemReader _reader = new(dynamo, tableName);

    public async Task<IReadOnlyDictionary<StateKey, Sighting>> GetAsync(IReadOnlyCollection<StateKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = await _reader.BatchGetAsync(keys.Distinct().Select(SightingItem.Key), cancellationToken).ConfigureAwait(false);
        return items.Select(SightingItem.FromItem).ToDictionary(s => s.Sighting.Key, s => s.Sighting);
    }

    public async Task<IReadOnlyList<Sighting>> ListAsync(string scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var items = await _reader.QueryAsync(StateTableLayout.SightingPartition(scope), limit, cancellationToken).ConfigureAwait(false);
        return items.Select(i => SightingItem.FromItem(i).Sighting).ToList();
    }

    public async Task MergeAsync(IReadOnlyCollection<Sighting> sightings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sightings);
        var merged = sightings.GroupBy(s => s.Key).Select(g => g.Aggregate((a, b) => a.Merge(b))).ToList();
        if (merged.Count == 0)
        {
            return;
        }

        var stored = await GetWithVersionsAsync(merged.Select(s => s.Key), cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(merged, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (sighting, ct) =>
        {
            var current = stored.TryGetValue(sighting.Key, out var found) ? found : ((Sighting Sighting, long Version)?)null;
            for (var attempt = 1; ; attempt++)
            {
                var next = current is { } c ? c.Sighting.Merge(sighting) : sighting;
                if (current is { } unchanged && SightingItem.SameState(unchanged.Sighting, next))
                {
                    return;
                }

                if (await TryPutAsync(SightingItem.ToItem(next, (current?.Version ?? 0) + 1, retention), current?.Version, ct).ConfigureAwait(false))
                {
                    return;
                }

                await BackOffAsync(attempt, sighting.Key.ToString(), ct).ConfigureAwait(false);
                var item = await _reader.GetAsync(SightingItem.Key(sighting.Key), ct).ConfigureAwait(false);
                current = item is null ? null : SightingItem.FromItem(item);
            }
        }).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Finding>> PutFindingsAsync(IReadOnlyCollection<Finding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var merged = findings.GroupBy(f => f.Id, StringComparer.Ordinal).Select(g => g.Aggregate((a, b) => a.Merge(b))).ToList();
        var toAnnounce = new Finding?[merged.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, merged.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (index, ct) =>
        {
            var finding = merged[index];

            // The conditional create is what makes a finding announce once: whoever creates the item alerts.
            if (await TryPutAsync(FindingItem.ToItem(finding, 1), null, ct).ConfigureAwait(false))
            {
                toAnnounce[index] = finding;
                return;
            }

            for (var attempt = 1; ; attempt++)
            {
                var item = await _reader.GetAsync(FindingItem.Key(finding.Id), ct).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Finding {finding.Id} vanished while being merged.");
                var (stored, version) = FindingItem.FromItem(item);
                var returned = FindingItem.IsReturned(item);
                var next = stored.Merge(finding);
                if (!returned && FindingDocument.Serialize(next) == FindingDocument.Serialize(stored))
                {
                    return;
                }

                // A handed-back announcement is taken by whoever's versioned write clears the mark: one caller.
                if (await TryPutAsync(FindingItem.ToItem(next, version + 1), version, ct).ConfigureAwait(false))
                {
                    toAnnounce[index] = returned ? next : null;
                    return;
                }

                await BackOffAsync(attempt, finding.Id, ct).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        return toAnnounce.OfType<Finding>().ToList();
    }

    public async Task ReturnAnnouncementsAsync(IReadOnlyCollection<string> findingIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findingIds);
        await Parallel.ForEachAsync(findingIds.Distinct(StringComparer.Ordinal), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                if (await _reader.GetAsync(FindingItem.Key(id), ct).ConfigureAwait(false) is not { } item || FindingItem.IsReturned(item))
                {
                    return;
                }

                var (stored, version) = FindingItem.FromItem(item);
                if (await TryPutAsync(FindingItem.ToItem(stored, version + 1, returned: true), version, ct).ConfigureAwait(false))
                {
                    return;
                }

                await BackOffAsync(attempt, id, ct).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Finding>> ListFindingsAsync(CancellationToken cancellationToken)
    {
        var items = await _reader.QueryAsync(StateTableLayout.FindingPartition, int.MaxValue, cancellationToken).ConfigureAwait(false);
        return items.Select(i => FindingItem.FromItem(i).Finding)
            .OrderBy(f => f.Time)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<Dictionary<StateKey, (Sighting Sighting, long Version)>> GetWithVersionsAsync(IEnumerable<StateKey> keys, CancellationToken cancellationToken)
    {
        var items = await _reader.BatchGetAsync(keys.Select(SightingItem.Key), cancellationToken).ConfigureAwait(false);
        return items.Select(SightingItem.FromItem).ToDictionary(s => s.Sighting.Key);
    }

    /// <summary>Puts the item if the stored version is still <paramref name="expectedVersion"/> (null: if absent).</summary>
    private async Task<bool> TryPutAsync(Dictionary<string, AttributeValue> item, long? expectedVersion, CancellationToken cancellationToken)
    {
        var request = new PutItemRequest { TableName = tableName, Item = item };
        if (expectedVersion is { } version)
        {
            request.ConditionExpression = "#ver = :ver";
            request.ExpressionAttributeNames = new() { ["#ver"] = StateTableLayout.Version };
            request.ExpressionAttributeValues = new() { [":ver"] = SightingItem.Number(version) };
        }
        else
        {
            request.ConditionExpression = "attribute_not_exists(#pk)";
            request.ExpressionAttributeNames = new() { ["#pk"] = StateTableLayout.PartitionKey };
        }

        try
        {
            await dynamo.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    // Lost races back off with jitter, so concurrent writers of one hot key spread out instead of colliding again.
    private static Task BackOffAsync(int attempt, string what, CancellationToken cancellationToken)
    {
        if (attempt >= MaxAttempts)
        {
            throw new InvalidOperationException($"State item {what} kept changing under {MaxAttempts} merge attempts.");
        }

#pragma warning disable CA5394 // jitter, not security
        var delay = Random.Shared.Next(1, 10 * Math.Min(attempt, 10));
#pragma warning restore CA5394
        return Task.Delay(delay, cancellationToken);
    }
}
