using Monitor.Detection;
using Monitor.Records;
using Monitor.State;

namespace Monitor.Pipeline;

/// <summary>
/// Runs the observers and detectors over one chunk of activities, as docs/architecture.md describes:
/// <list type="number">
/// <item>observe each activity in event-time order, keeping its facts only if every observer succeeded;</item>
/// <item>merge the facts, and find the subjects whose reads they changed (a displaced earliest subject, and what
/// the detectors name in <see cref="IDetector.OnChanged"/>);</item>
/// <item>judge every subject observed or triggered against its declared snapshot, in rounds, with the subjects
/// judgments ask for; a round is judged in slices of at most <see cref="JudgeSlice"/> subjects, and the stored reads of
/// one slice are released before the next is planned, so what a chunk holds at once is bounded by the slice and each
/// plan's list limits, not by how much history its subjects have accumulated;</item>
/// <item>commit the facts, then the verdicts.</item>
/// </list>
/// Facts are joins and judgments read state only through their plans, so the findings after any set of chunks are
/// the same in whatever order, grouping or repetition the activities came.
/// </summary>
internal sealed class DetectionEngine
{
    private const int MaxRounds = 8;
    private const int MaxJudgmentsPerSubject = 3;
    private const int IndexListLimit = 10_000;

    /// <summary>
    /// Subjects planned and judged together. Each plan's reads are bounded (its list limits), so this bounds the stored
    /// state a chunk holds at once; judgments in a round read only the store and the chunk's facts, never each other,
    /// so slicing a round changes no finding.
    /// </summary>
    internal const int JudgeSlice = 256;

    private readonly IReadOnlyList<IObserver> _observers;
    private readonly IReadOnlyList<IDetector> _detectors;
    private readonly Dictionary<string, IDetector> _byId;
    private readonly IStateStore _store;
    private readonly int _judgeSlice;

    public DetectionEngine(IReadOnlyList<IObserver> observers, IStateStore store, int judgeSlice = JudgeSlice)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(judgeSlice);
        _judgeSlice = judgeSlice;
        _observers = observers;
        _detectors = [.. observers.OfType<IDetector>()];
        _byId = _detectors.ToDictionary(d => d.Id, StringComparer.Ordinal);
        _store = store;
    }

    /// <summary>
    /// Observes, judges and commits <paramref name="activities"/>. An activity that an observer cannot handle is
    /// handed to <paramref name="reject"/> with the reason and leaves no fact; a subject whose judgment fails is
    /// reported in the outcome's errors and keeps its previous verdict.
    /// </summary>
    public async Task<ChunkOutcome> RunAsync(IReadOnlyList<Activity> activities, Action<Activity, string> reject, CancellationToken cancellationToken)
    {
        var view = new StateView(_store);
        var work = new SubjectQueue();
        Observe(activities, view, work, reject);

        var watched = view.PendingKeys.Where(k => IsWatched(k, view)).ToArray();
        await view.PrefetchAsync(watched, cancellationToken).ConfigureAwait(false);
        await TriggerAsync(watched, view, work, cancellationToken).ConfigureAwait(false);

        var errors = new List<string>();
        var verdicts = await JudgeAsync(view, work, errors, _judgeSlice, cancellationToken).ConfigureAwait(false);

        await view.CommitAsync(cancellationToken).ConfigureAwait(false);
        var changes = verdicts.Count == 0 ? VerdictChanges.None : await _store.PutVerdictsAsync([.. verdicts.Values], cancellationToken).ConfigureAwait(false);
        var touched = verdicts.Values.SelectMany(v => v.Findings.Select(f => f.Id)).Concat(changes.Changed.Select(f => f.Id)).Concat(changes.Withdrawn.Select(f => f.Id));
        return new ChunkOutcome(changes, [.. touched.Distinct(StringComparer.Ordinal)], errors);
    }

    private void Observe(IReadOnlyList<Activity> activities, StateView view, SubjectQueue work, Action<Activity, string> reject)
    {
        var observation = new Observation();
        foreach (var activity in activities.OrderBy(a => a.Time).ThenBy(a => a.DedupKey, StringComparer.Ordinal))
        {
            observation.Clear();
            try
            {
                foreach (var observer in _observers)
                {
                    observation.Begin(observer);
                    observer.Observe(activity, observation);
                }
            }
            catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
            {
                reject(activity, $"could not be judged ({e.GetType().Name}: {e.Message})");
                continue;
            }

            foreach (var fact in observation.Facts)
            {
                view.Observe(fact.ToSighting());
            }

            foreach (var (detector, subject) in observation.Subjects)
            {
                work.Add(detector, subject);
            }
        }
    }

    // A key that remembers a subject is always watched: the engine itself judges again a subject it displaces.
    private bool IsWatched(StateKey key, StateView view) =>
        view.Pending(key).Has(SubjectDigest.Attribute) || _detectors.Any(d => d.Watches(key));

    /// <summary>Queues the subjects whose reads the chunk's facts changed.</summary>
    private async Task TriggerAsync(IReadOnlyList<StateKey> watched, StateView view, SubjectQueue work, CancellationToken cancellationToken)
    {
        var triggers = new Triggers();
        foreach (var key in watched)
        {
            var before = view.Stored(key);
            var after = view.Current(key)!;
            if (before is not null && before.SameState(after))
            {
                continue;
            }

            // The generic trigger: a key that remembers its earliest subject was shown an earlier one.
            if (before.Get(SubjectDigest.Attribute) is { } displaced && displaced != after.Get(SubjectDigest.Attribute))
            {
                Enqueue(work, displaced);
            }

            var change = new SlotChange(key, before, after, view.Pending(key)!);
            foreach (var detector in _detectors.Where(d => d.Watches(key)))
            {
                triggers.Clear();
                detector.OnChanged(change, triggers);
                foreach (var subject in triggers.Subjects)
                {
                    work.Add(detector, subject);
                }

                foreach (var remembered in triggers.Remembered)
                {
                    if ((await view.GetAsync(remembered, cancellationToken).ConfigureAwait(false)).Get(SubjectDigest.Attribute) is { } digest)
                    {
                        Enqueue(work, digest);
                    }
                }

                foreach (var (scope, children, select) in triggers.Listed)
                {
                    foreach (var member in await view.ListAsync(scope, IndexListLimit, cancellationToken).ConfigureAwait(false))
                    {
                        var selected = children is null ? [member] : await ListAllAsync(view, children(member), cancellationToken).ConfigureAwait(false);
                        foreach (var chosen in selected.Where(select))
                        {
                            if (chosen.Get(SubjectDigest.Attribute) is { } digest)
                            {
                                Enqueue(work, digest);
                            }
                        }
                    }
                }

                foreach (var (scope, from, to) in triggers.Indexed)
                {
                    var members = await view.ListRangeAsync(scope, TimeOrdered.From(from), TimeOrdered.From(to), IndexListLimit, cancellationToken).ConfigureAwait(false);
                    foreach (var member in members)
                    {
                        if (member.Get(SubjectDigest.Attribute) is { } digest)
                        {
                            Enqueue(work, digest);
                        }
                    }
                }
            }
        }
    }

    private static async Task<List<Sighting>> ListAllAsync(StateView view, IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        var all = new List<Sighting>();
        foreach (var scope in scopes)
        {
            all.AddRange(await view.ListAsync(scope, IndexListLimit, cancellationToken).ConfigureAwait(false));
        }

        return all;
    }

    private void Enqueue(SubjectQueue work, string digest)
    {
        if (SubjectDigest.Split(digest) is { } parts && _byId.TryGetValue(parts.Detector, out var detector) && detector.Decode(parts.Text) is { } subject)
        {
            work.Add(detector, subject);
        }
    }

    private static async Task<Dictionary<string, SubjectVerdict>> JudgeAsync(StateView view, SubjectQueue work, List<string> errors, int slice, CancellationToken cancellationToken)
    {
        var verdicts = new Dictionary<string, SubjectVerdict>(StringComparer.Ordinal);
        for (var round = 0; round < MaxRounds && work.HasPending; round++)
        {
            foreach (var batch in work.TakePending().Chunk(slice))
            {
                // The previous slice's reads are not needed again: a later plan that wants them loads them anew, and
                // the store holds what it held (the chunk commits only after judging).
                view.ReleaseReads();
                var plans = await PlanAsync(batch, view, cancellationToken).ConfigureAwait(false);
                foreach (var (detector, subject, plan) in plans)
                {
                    var judgment = new Judgment();
                    try
                    {
                        detector.Judge(subject, new Snapshot(view, plan.Keys, plan.Lists, detector), judgment);
                    }
                    catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
                    {
                        errors.Add($"{detector.Id}: judging {subject.Id} failed ({e.GetType().Name}: {e.Message})");
                        continue;
                    }

                    verdicts[subject.Id] = new SubjectVerdict(subject.Id, judgment.Findings);
                    foreach (var also in judgment.Also)
                    {
                        work.Add(detector, also, again: true);
                    }
                }
            }
        }

        view.ReleaseReads();
        return verdicts;
    }

    /// <summary>Each subject's full plan, loaded: first reads in one batch, then each level of follow-up reads in one more.</summary>
    private static async Task<List<(IDetector Detector, ISubject Subject, LoadedPlan Plan)>> PlanAsync(
        (IDetector Detector, ISubject Subject)[] batch, StateView view, CancellationToken cancellationToken)
    {
        var plans = new List<(IDetector Detector, ISubject Subject, LoadedPlan Plan)>(batch.Length);
        var open = new List<(IDetector Detector, LoadedPlan Plan, ReadPlan Next)>();
        foreach (var (detector, subject) in batch)
        {
            var loaded = new LoadedPlan();
            var first = new ReadPlan();
            detector.Plan(subject, first);
            plans.Add((detector, subject, loaded));
            open.Add((detector, loaded, first));
        }

        while (open.Count > 0)
        {
            await view.PrefetchAsync(open.SelectMany(o => o.Next.Keys), cancellationToken).ConfigureAwait(false);
            foreach (var group in open.SelectMany(o => o.Next.Lists).GroupBy(l => l.Value))
            {
                await view.PrefetchListsAsync(group.Select(l => l.Key), group.Key, cancellationToken).ConfigureAwait(false);
            }

            var next = new List<(IDetector Detector, LoadedPlan Plan, ReadPlan Next)>();
            foreach (var (detector, loaded, plan) in open)
            {
                loaded.Add(plan);
                foreach (var more in plan.Continuations)
                {
                    var followUp = new ReadPlan();
                    more(new Snapshot(view, loaded.Keys, loaded.Lists, detector), followUp);
                    next.Add((detector, loaded, followUp));
                }
            }

            open = next;
        }

        return plans;
    }

    /// <summary>Everything one subject's plan declared, over all its levels.</summary>
    private sealed class LoadedPlan
    {
        public HashSet<StateKey> Keys { get; } = [];

        public Dictionary<string, int> Lists { get; } = new(StringComparer.Ordinal);

        public void Add(ReadPlan plan)
        {
            Keys.UnionWith(plan.Keys);
            foreach (var (scope, limit) in plan.Lists)
            {
                Lists[scope] = Math.Max(Lists.GetValueOrDefault(scope), limit);
            }
        }
    }

    /// <summary>Subjects waiting to be judged in this chunk, each at most a few times (a cascade can ask again).</summary>
    private sealed class SubjectQueue
    {
        private readonly Dictionary<string, (IDetector Detector, ISubject Subject)> _pending = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _judged = new(StringComparer.Ordinal);

        public bool HasPending => _pending.Count > 0;

        public void Add(IDetector detector, ISubject subject, bool again = false)
        {
            var times = _judged.GetValueOrDefault(subject.Id);
            if ((times > 0 && !again) || times >= MaxJudgmentsPerSubject)
            {
                return;
            }

            _pending.TryAdd(subject.Id, (detector, subject));
        }

        public List<(IDetector Detector, ISubject Subject)> TakePending()
        {
            var batch = _pending.Values.OrderBy(p => p.Subject.Time).ThenBy(p => p.Subject.Id, StringComparer.Ordinal).ToList();
            _pending.Clear();
            foreach (var (_, subject) in batch)
            {
                _judged[subject.Id] = _judged.GetValueOrDefault(subject.Id) + 1;
            }

            return batch;
        }
    }
}

/// <summary>What one chunk changed: the verdict changes, every finding id it touched, and judgments that failed.</summary>
internal sealed record ChunkOutcome(VerdictChanges Changes, IReadOnlyList<string> FindingIds, IReadOnlyList<string> Errors);
