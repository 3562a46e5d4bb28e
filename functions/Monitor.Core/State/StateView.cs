namespace Monitor.State;

/// <summary>
/// One chunk's view of the store: keys are loaded once (in as few round trips as the engine can batch), facts merge
/// into pending changes that later reads see, and <see cref="CommitAsync"/> writes each changed key once. A view lives
/// for one chunk only, so its memory is bounded by the chunk, whatever the size of the object being read.
/// </summary>
internal sealed class StateView(IStateStore store)
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

    /// <summary>Loads the scopes not yet listed, up to <paramref name="limit"/> members each.</summary>
    public async Task PrefetchListsAsync(IEnumerable<string> scopes, int limit, CancellationToken cancellationToken)
    {
        foreach (var scope in scopes.Distinct(StringComparer.Ordinal).Where(s => !_lists.ContainsKey(s)).ToArray())
        {
            var stored = await store.ListAsync(scope, limit, cancellationToken).ConfigureAwait(false);
            _lists[scope] = stored.ToDictionary(s => s.Key.Member, StringComparer.Ordinal);
        }
    }

    public bool IsLoaded(StateKey key) => _loaded.ContainsKey(key);

    /// <summary>
    /// Forgets what was read from the store, keeping this chunk's pending facts: a later read loads it again, and sees
    /// the same, since the store changes only on <see cref="CommitAsync"/>. The engine calls this between the slices
    /// of subjects it judges, so a chunk never holds every subject's history at once.
    /// </summary>
    public void ReleaseReads()
    {
        _loaded.Clear();
        _lists.Clear();
    }

    /// <summary>The keys this chunk has facts for.</summary>
    public IReadOnlyCollection<StateKey> PendingKeys => _pending.Keys;

    /// <summary>This chunk's facts for <paramref name="key"/>, merged, or null when it has none.</summary>
    public Sighting? Pending(StateKey key) => _pending.TryGetValue(key, out var pending) ? pending : null;

    public bool IsListed(string scope) => _lists.ContainsKey(scope);

    /// <summary>What the store held for <paramref name="key"/> when it was loaded, before this chunk's facts.</summary>
    public Sighting? Stored(StateKey key) =>
        _loaded.TryGetValue(key, out var stored) ? stored : throw new InvalidOperationException($"State key {key} was read before it was loaded.");

    /// <summary>The stored sighting merged with this chunk's pending facts, or null if never seen. The key must be loaded.</summary>
    public Sighting? Current(StateKey key)
    {
        var stored = Stored(key);
        return _pending.TryGetValue(key, out var pending) ? stored?.Merge(pending) ?? pending : stored;
    }

    /// <summary>The stored sighting merged with this chunk's pending facts, loading the key if needed.</summary>
    public async ValueTask<Sighting?> GetAsync(StateKey key, CancellationToken cancellationToken)
    {
        if (!_loaded.ContainsKey(key))
        {
            await PrefetchAsync([key], cancellationToken).ConfigureAwait(false);
        }

        return Current(key);
    }

    /// <summary>Records a fact, to be written on commit.</summary>
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
    /// The members of a listed scope: what the store held merged with this chunk's pending facts, in member order,
    /// so a scope reads the same before and after commit. The scope must be listed.
    /// </summary>
    public IReadOnlyList<Sighting> Listed(string scope, int limit)
    {
        if (!_lists.TryGetValue(scope, out var members))
        {
            throw new InvalidOperationException($"State scope {scope} was read before it was listed.");
        }

        var merged = new Dictionary<string, Sighting>(members, StringComparer.Ordinal);
        foreach (var key in _pendingByScope.TryGetValue(scope, out var keys) ? keys : [])
        {
            var pending = _pending[key];
            merged[key.Member] = merged.TryGetValue(key.Member, out var known) ? known.Merge(pending) : pending;
        }

        return [.. merged.Values.OrderBy(s => s.Key.Member, StringComparer.Ordinal).Take(limit)];
    }

    /// <summary>Like <see cref="Listed"/>, listing the scope first if needed.</summary>
    public async Task<IReadOnlyList<Sighting>> ListAsync(string scope, int limit, CancellationToken cancellationToken)
    {
        await PrefetchListsAsync([scope], limit, cancellationToken).ConfigureAwait(false);
        return Listed(scope, limit);
    }

    /// <summary>
    /// The members of <paramref name="scope"/> in [<paramref name="from"/>, <paramref name="to"/>): what the store holds
    /// merged with this chunk's pending facts, in member order.
    /// </summary>
    public async Task<IReadOnlyList<Sighting>> ListRangeAsync(string scope, string from, string to, int limit, CancellationToken cancellationToken)
    {
        var stored = await store.ListRangeAsync(scope, from, to, limit, cancellationToken).ConfigureAwait(false);
        var merged = stored.ToDictionary(s => s.Key.Member, StringComparer.Ordinal);
        foreach (var key in _pendingByScope.TryGetValue(scope, out var keys) ? keys : [])
        {
            if (string.CompareOrdinal(key.Member, from) >= 0 && string.CompareOrdinal(key.Member, to) < 0)
            {
                var pending = _pending[key];
                merged[key.Member] = merged.TryGetValue(key.Member, out var known) ? known.Merge(pending) : pending;
            }
        }

        return [.. merged.Values.OrderBy(s => s.Key.Member, StringComparer.Ordinal).Take(limit)];
    }

    /// <summary>Writes the pending facts (one merge per key) and keeps them visible as loaded state.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        await store.MergeAsync(_pending.Values.ToArray(), cancellationToken).ConfigureAwait(false);
        foreach (var (key, pending) in _pending)
        {
            if (_loaded.TryGetValue(key, out var stored))
            {
                _loaded[key] = stored is null ? pending : stored.Merge(pending);
            }

            if (_lists.TryGetValue(key.Scope, out var members))
            {
                members[key.Member] = members.TryGetValue(key.Member, out var listed) ? listed.Merge(pending) : pending;
            }
        }

        _pending.Clear();
        _pendingByScope.Clear();
    }
}
