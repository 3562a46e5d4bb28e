namespace Monitor.State;

/// <summary>
/// A unit of work over the store for one message or input: reads are loaded once and cached, observations
/// merge into pending changes that later reads see (so each event is judged against the state as it stood
/// just before it), and <see cref="CommitAsync"/> writes each changed key once.
/// </summary>
public sealed class StateView(IStateStore store)
{
    private readonly Dictionary<StateKey, Sighting?> _loaded = [];
    private readonly Dictionary<StateKey, Sighting> _pending = [];
    private readonly Dictionary<string, Dictionary<string, Sighting>> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<StateKey>> _pendingByScope = new(StringComparer.Ordinal);

    public int PendingCount => _pending.Count;

    /// <summary>Loads the keys not yet loaded in one round trip.</summary>
    public async Task PrefetchAsync(IEnumerable<StateKey> keys, CancellationToken cancellationToken)
    {
        var missing = keys.Where(k => !_loaded.ContainsKey(k)).ToHashSet();
        if (missing.Count == 0)
        {
            return;
        }

        var found = await store.GetAsync(missing, cancellationToken).ConfigureAwait(false);
        foreach (var key in missing)
        {
            _loaded[key] = found.TryGetValue(key, out var sighting) ? sighting : null;
        }
    }

    /// <summary>The stored sighting merged with this unit's pending observations, or null if never seen.</summary>
    public async ValueTask<Sighting?> GetAsync(StateKey key, CancellationToken cancellationToken)
    {
        if (!_loaded.ContainsKey(key))
        {
            await PrefetchAsync([key], cancellationToken).ConfigureAwait(false);
        }

        var stored = _loaded[key];
        return _pending.TryGetValue(key, out var pending) ? stored?.Merge(pending) ?? pending : stored;
    }

    public ValueTask<Sighting?> GetAsync(string scope, string member, CancellationToken cancellationToken) =>
        GetAsync(new StateKey(scope, member), cancellationToken);

    /// <summary>Records an observation, to be written on commit.</summary>
    public void Observe(Sighting observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        _pending[observation.Key] = _pending.TryGetValue(observation.Key, out var pending) ? pending.Merge(observation) : observation;
        if (!_pendingByScope.TryGetValue(observation.Key.Scope, out var keys))
        {
            _pendingByScope[observation.Key.Scope] = keys = [];
        }

        keys.Add(observation.Key);
    }

    public void Observe(StateKey key, DateTimeOffset at, IReadOnlyDictionary<string, string>? attributes = null) =>
        Observe(Sighting.Observed(key, at, attributes));

    /// <summary>
    /// Up to <paramref name="limit"/> sightings of <paramref name="scope"/>: what the store holds (loaded once per
    /// unit of work) merged with this unit's pending observations, so a scope reads the same before and after commit.
    /// </summary>
    public async Task<IReadOnlyList<Sighting>> ListAsync(string scope, int limit, CancellationToken cancellationToken)
    {
        if (!_lists.TryGetValue(scope, out var members))
        {
            var stored = await store.ListAsync(scope, limit, cancellationToken).ConfigureAwait(false);
            members = stored.ToDictionary(s => s.Key.Member, StringComparer.Ordinal);
            _lists[scope] = members;
        }

        var merged = new Dictionary<string, Sighting>(members, StringComparer.Ordinal);
        foreach (var key in _pendingByScope.TryGetValue(scope, out var keys) ? keys : [])
        {
            var pending = _pending[key];
            merged[key.Member] = merged.TryGetValue(key.Member, out var known) ? known.Merge(pending) : pending;
        }

        return [.. merged.Values.OrderBy(s => s.Key.Member, StringComparer.Ordinal).Take(limit)];
    }

    /// <summary>Writes the pending observations (one merge per key) and keeps them visible as loaded state.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        await store.MergeAsync(_pending.Values.ToArray(), cancellationToken).ConfigureAwait(false);
        foreach (var (key, pending) in _pending)
        {
            _loaded[key] = _loaded.TryGetValue(key, out var stored) && stored is not null ? stored.Merge(pending) : pending;
            if (_lists.TryGetValue(key.Scope, out var members))
            {
                members[key.Member] = members.TryGetValue(key.Member, out var listed) ? listed.Merge(pending) : pending;
            }
        }

        _pending.Clear();
        _pendingByScope.Clear();
    }
}
