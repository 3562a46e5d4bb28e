using Monitor.Detection;
using Monitor.State;

namespace Monitor.Testing.Fakes;

/// <summary>A dictionary-backed <see cref="IStateStore"/> with the same merge semantics as the real stores.</summary>
public sealed class InMemoryStateStore : IStateStore
{
    private readonly Dictionary<StateKey, Sighting> _sightings = [];
    private readonly Dictionary<string, Finding> _findings = new(StringComparer.Ordinal);

    /// <summary>How many times <see cref="GetAsync"/> was called: lets tests check that prefetching covered every read.</summary>
    public int GetCalls { get; private set; }

    public IReadOnlyDictionary<StateKey, Sighting> Sightings => _sightings;

    public Task<IReadOnlyDictionary<StateKey, Sighting>> GetAsync(IReadOnlyCollection<StateKey> keys, CancellationToken cancellationToken)
    {
        GetCalls++;
        IReadOnlyDictionary<StateKey, Sighting> found = keys.Where(_sightings.ContainsKey).Distinct().ToDictionary(k => k, k => _sightings[k]);
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<Sighting>> ListAsync(string scope, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<Sighting> list = _sightings.Values.Where(s => s.Key.Scope == scope).OrderBy(s => s.Key.Member, StringComparer.Ordinal).Take(limit).ToArray();
        return Task.FromResult(list);
    }

    public Task MergeAsync(IReadOnlyCollection<Sighting> sightings, CancellationToken cancellationToken)
    {
        foreach (var sighting in sightings)
        {
            _sightings[sighting.Key] = _sightings.TryGetValue(sighting.Key, out var stored) ? stored.Merge(sighting) : sighting;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Finding>> PutFindingsAsync(IReadOnlyCollection<Finding> findings, CancellationToken cancellationToken)
    {
        var fresh = new List<Finding>();
        foreach (var finding in findings)
        {
            if (_findings.TryGetValue(finding.Id, out var stored))
            {
                _findings[finding.Id] = stored.Merge(finding);
            }
            else
            {
                _findings[finding.Id] = finding;
                fresh.Add(finding);
            }
        }

        return Task.FromResult<IReadOnlyList<Finding>>(fresh);
    }

    public Task<IReadOnlyList<Finding>> ListFindingsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Finding> list = _findings.Values.OrderBy(f => f.Time).ThenBy(f => f.Id, StringComparer.Ordinal).ToArray();
        return Task.FromResult(list);
    }
}
