using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Monitor.Detection;
using Monitor.State;

namespace Monitor.Aws.State;

/// <summary>
/// The state port on one DynamoDB table (<see cref="StateTableLayout"/>). Sighting writes are read-merge-write with a
/// version condition: the merge is Core's (<see cref="Sighting.Merge"/>), so the result is idempotent, and a lost race
/// is re-read and retried. Verdicts follow <see cref="DynamoVerdicts"/>. A batch costs one BatchGetItem per 100 keys and
/// at most one PutItem per distinct key (none when the merge changes nothing). No transactions: each key stands alone.
/// </summary>
public sealed class DynamoStateStore(IAmazonDynamoDB dynamo, string tableName, TimeSpan retention) : IStateStore
{
    private const int MaxAttempts = 25;
    private const int Parallelism = 8;

    // The index lists a principal's findings by id, not time: it is read whole (up to this many) and cut after sorting.
    private const int MaxIndexed = 10_000;
    private readonly DynamoItemReader _reader = new(dynamo, tableName);
    private readonly DynamoVerdicts _verdicts = new(dynamo, tableName, new DynamoItemReader(dynamo, tableName));

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

    public async Task<IReadOnlyList<Sighting>> ListRangeAsync(string scope, string from, string to, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (string.CompareOrdinal(from, to) >= 0)
        {
            return [];
        }

        // BETWEEN is inclusive: the upper bound itself is dropped here, as the port's range excludes it.
        var items = await _reader.QueryAsync(StateTableLayout.SightingPartition(scope), limit + 1, cancellationToken, StateTableLayout.SightingSort(from), StateTableLayout.SightingSort(to)).ConfigureAwait(false);
        return items.Select(i => SightingItem.FromItem(i).Sighting).Where(s => s.Key.Member != to).Take(limit).ToList();
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

    public Task<VerdictChanges> PutVerdictsAsync(IReadOnlyCollection<SubjectVerdict> verdicts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        return _verdicts.PutAsync(verdicts, cancellationToken);
    }

    public Task ReturnAnnouncementsAsync(IReadOnlyCollection<string> findingIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findingIds);
        return _verdicts.ReturnAsync(findingIds, cancellationToken);
    }

    public async Task<IReadOnlyList<Finding>> GetFindingsAsync(IReadOnlyCollection<string> findingIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findingIds);
        var items = await _reader.BatchGetAsync(findingIds.Distinct(StringComparer.Ordinal).Select(FindingItem.Key), cancellationToken).ConfigureAwait(false);
        return items.Where(FindingItem.IsActive).Select(i => FindingItem.FromItem(i).Finding)
            .OrderBy(f => f.Time)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<Finding>> ListFindingsAsync(CancellationToken cancellationToken)
    {
        var items = await _reader.QueryAsync(StateTableLayout.FindingPartition, int.MaxValue, cancellationToken).ConfigureAwait(false);
        return items.Where(FindingItem.IsActive).Select(i => FindingItem.FromItem(i).Finding)
            .OrderBy(f => f.Time)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<Finding>> ListFindingsAboutAsync(string account, string principal, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var index = await _reader.QueryAsync(StateTableLayout.AboutPartition(account, principal), MaxIndexed, cancellationToken).ConfigureAwait(false);
        var items = await _reader.BatchGetAsync(index.Select(i => FindingItem.Key(i[StateTableLayout.SortKey].S)), cancellationToken).ConfigureAwait(false);
        return items.Where(FindingItem.IsActive).Select(i => FindingItem.FromItem(i).Finding)
            .Where(f => f.Account == account && f.Principal == principal)
            .OrderByDescending(f => f.Time).ThenByDescending(f => f.Id, StringComparer.Ordinal)
            .Take(limit)
            .OrderBy(f => f.Time).ThenBy(f => f.Id, StringComparer.Ordinal)
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
