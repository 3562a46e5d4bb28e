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
    private readonly Storage _verdicts = new();

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

    /// <summary>A snapshot of every subject's contributions (subject → finding ids), for assertions.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Verdicts
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, IReadOnlyList<string>>(_verdicts.Subjects, StringComparer.Ordinal);
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

    public Task<IReadOnlyList<Sighting>> ListRangeAsync(string scope, string from, string to, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_gate)
        {
            IReadOnlyList<Sighting> list = [.. _sightings.Values
                .Where(s => s.Key.Scope == scope && CodePointComparer.Instance.Compare(s.Key.Member, from) >= 0 && CodePointComparer.Instance.Compare(s.Key.Member, to) < 0)
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

    public Task<VerdictChanges> PutVerdictsAsync(IReadOnlyCollection<SubjectVerdict> verdicts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        lock (_gate)
        {
            return Task.FromResult(VerdictBook.Apply(_verdicts, verdicts));
        }
    }

    public Task ReturnAnnouncementsAsync(IReadOnlyCollection<string> findingIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findingIds);
        lock (_gate)
        {
            _verdicts.Returned.UnionWith(findingIds.Where(id => _verdicts.Views.ContainsKey(id)));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Finding>> GetFindingsAsync(IReadOnlyCollection<string> findingIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findingIds);
        lock (_gate)
        {
            IReadOnlyList<Finding> list = [.. findingIds.Distinct(StringComparer.Ordinal)
                .Select(id => _verdicts.Views.TryGetValue(id, out var view) && !view.Withdrawn ? view.Finding : null)
                .OfType<Finding>()
                .OrderBy(f => f.Time).ThenBy(f => f.Id, StringComparer.Ordinal)];
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<Finding>> ListFindingsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<Finding> list = [.. _verdicts.Views.Values.Where(v => !v.Withdrawn).Select(v => v.Finding).OrderBy(f => f.Time).ThenBy(f => f.Id, StringComparer.Ordinal)];
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<Finding>> ListFindingsAboutAsync(string account, string principal, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_gate)
        {
            IReadOnlyList<Finding> list = [.. _verdicts.Views.Values
                .Where(v => !v.Withdrawn && v.Finding.Account == account && v.Finding.Principal == principal)
                .Select(v => v.Finding)
                .OrderByDescending(f => f.Time).ThenByDescending(f => f.Id, StringComparer.Ordinal)
                .Take(limit)
                .OrderBy(f => f.Time).ThenBy(f => f.Id, StringComparer.Ordinal)];
            return Task.FromResult(list);
        }
    }

    private sealed class Storage : IVerdictStorage
    {
        public Dictionary<string, IReadOnlyList<string>> Subjects { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Dictionary<string, Finding>> Parts { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, StoredFinding> Views { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Returned { get; } = new(StringComparer.Ordinal);

        public IReadOnlyList<string> ReadSubject(string subject) => Subjects.TryGetValue(subject, out var ids) ? ids : [];

        public void WriteSubject(string subject, IReadOnlyList<string> findingIds)
        {
            if (findingIds.Count == 0)
            {
                Subjects.Remove(subject);
            }
            else
            {
                Subjects[subject] = findingIds;
            }
        }

        public Finding? ReadPart(string findingId, string subject) =>
            Parts.TryGetValue(findingId, out var parts) && parts.TryGetValue(subject, out var part) ? part : null;

        public void WritePart(string findingId, string subject, Finding? contribution)
        {
            if (!Parts.TryGetValue(findingId, out var parts))
            {
                Parts[findingId] = parts = new(StringComparer.Ordinal);
            }

            if (contribution is null)
            {
                parts.Remove(subject);
            }
            else
            {
                parts[subject] = contribution;
            }
        }

        public IReadOnlyList<Finding> ReadParts(string findingId) => Parts.TryGetValue(findingId, out var parts) ? [.. parts.Values] : [];

        public StoredFinding? ReadView(string findingId) => Views.TryGetValue(findingId, out var view) ? view : null;

        public void WriteView(Finding finding, bool withdrawn) => Views[finding.Id] = new StoredFinding(finding, withdrawn);

        public bool IsReturned(string findingId) => Returned.Contains(findingId);

        public bool TakeReturned(string findingId) => Returned.Remove(findingId);
    }
}
