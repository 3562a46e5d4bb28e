using Monitor.Detection;
using Monitor.State;

namespace Monitor.Testing.Fakes;

/// <summary>
/// A hand-written <see cref="IStateStore"/> kept in dictionaries, counting its calls so tests can assert
/// round trips and writes. It passes the same contract suite as the real stores.
/// </summary>
public sealed class InMemoryStateStore : IStateStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<StateKey, Sighting> _sightings = [];
    private readonly Dictionary<string, Finding> _findings = new(StringComparer.Ordinal);
    private readonly HashSet<string> _returned = new(StringComparer.Ordinal);

    /// <summary>A snapshot of every stored sighting, for assertions.</summary>
    public IReadOnlyDictionary<StateKey, Sighting> Sightings
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<StateKey, Sighting>(_sightings);
            }
        }
    }

    public int GetCalls { get; private set; }

    public int MergeCalls { get; private set; }

    /// <summary>Every key written by <see cref="MergeAsync"/>, once per write, in call order.</summary>
    public List<StateKey> MergedKeys { get; } = [];

    public Task<IReadOnlyDictionary<StateKey, Sighting>> GetAsync(IReadOnlyCollection<StateKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            GetCalls++;
            IReadOnlyDictionary<StateKey, Sighting> found = keys.Distinct()
                .Where(_sightings.ContainsKey)
                .ToDictionary(k => k, k => _sightings[k]);
            return Task.FromResult(found);
        }
    }

    public Task<IReadOnlyList<Sighting>> ListAsync(string scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_gate)
        {
            IReadOnlyList<Sighting> list = [.. _sightings.Values
                .Where(s => s.Key.Scope == scope)
                .OrderBy(s => s.Key.Member, CodePointComparer.Instance)
                .Take(limit)];
            return Task.FromResult(list);
        }
    }

    public Task MergeAsync(IReadOnlyCollection<Sighting> sightings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sightings);
        lock (_gate)
        {
            MergeCalls++;
            foreach (var group in sightings.GroupBy(s => s.Key))
            {
                var merged = group.Aggregate((a, b) => a.Merge(b));
                _sightings[group.Key] = _sightings.TryGetValue(group.Key, out var stored) ? stored.Merge(merged) : merged;
                MergedKeys.Add(group.Key);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Finding>> PutFindingsAsync(IReadOnlyCollection<Finding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var fresh = new List<Finding>();
        lock (_gate)
        {
            foreach (var group in findings.GroupBy(f => f.Id, StringComparer.Ordinal))
            {
                var merged = group.Aggregate((a, b) => a.Merge(b));
                if (_findings.TryGetValue(group.Key, out var stored))
                {
                    _findings[group.Key] = stored.Merge(merged);
                    if (_returned.Remove(group.Key))
                    {
                        fresh.Add(_findings[group.Key]);
                    }
                }
                else
                {
                    _findings[group.Key] = merged;
                    fresh.Add(merged);
                }
            }
        }

        return Task.FromResult<IReadOnlyList<Finding>>(fresh);
    }

    public Task ReturnAnnouncementsAsync(IReadOnlyCollection<string> findingIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findingIds);
        lock (_gate)
        {
            _returned.UnionWith(findingIds.Where(_findings.ContainsKey));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Finding>> ListFindingsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<Finding> list = [.. _findings.Values.OrderBy(f => f.Time).ThenBy(f => f.Id, StringComparer.Ordinal)];
            return Task.FromResult(list);
        }
    }
}
