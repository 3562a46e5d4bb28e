using Monitor.State;

namespace Monitor.Detection;

/// <summary>
/// What observing one activity produced: facts for the state and subjects for the detectors to judge. The engine
/// applies it only when every observer finished, so an activity that makes one throw leaves no trace.
/// </summary>
public sealed class Observation
{
    private readonly List<FactDraft> _facts = [];
    private readonly List<(IDetector Detector, ISubject Subject)> _subjects = [];
    private IObserver? _current;

    internal IReadOnlyList<FactDraft> Facts => _facts;

    internal IReadOnlyList<(IDetector Detector, ISubject Subject)> Subjects => _subjects;

    /// <summary>A fact about <paramref name="key"/> seen at <paramref name="at"/>; add attributes, set values or a subject to it.</summary>
    public FactDraft Saw(StateKey key, DateTimeOffset at)
    {
        var draft = new FactDraft(key, at, CurrentDetector);
        _facts.Add(draft);
        return draft;
    }

    /// <summary>Asks the engine to judge <paramref name="subject"/> once this activity's facts are in.</summary>
    public void Judge(ISubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        _subjects.Add((CurrentDetector ?? throw new InvalidOperationException($"Observer {_current?.Id} is not a detector: it cannot ask for judgments."), subject));
    }

    internal void Begin(IObserver observer) => _current = observer;

    internal void Clear()
    {
        _facts.Clear();
        _subjects.Clear();
        _current = null;
    }

    private IDetector? CurrentDetector => _current as IDetector;
}

/// <summary>One fact being written: a sighting of a key at an event time, with typed attributes, set values and subjects.</summary>
public sealed class FactDraft
{
    private readonly IDetector? _detector;
    private Dictionary<string, Stamped>? _latest;
    private Dictionary<string, Stamped>? _earliest;
    private Dictionary<string, SortedSet<string>>? _sets;

    internal FactDraft(StateKey key, DateTimeOffset at, IDetector? detector)
    {
        Key = key;
        At = at;
        _detector = detector;
    }

    public StateKey Key { get; }

    public DateTimeOffset At { get; }

    /// <summary>Sets <paramref name="attribute"/> (merged as the attribute declares); a null value is skipped.</summary>
    public FactDraft With<T>(SlotAttribute<T> attribute, T? value)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        if (value is null)
        {
            return this;
        }

        var target = attribute.Merge == AttributeMerge.Latest ? _latest ??= new(StringComparer.Ordinal) : _earliest ??= new(StringComparer.Ordinal);
        var stamped = new Stamped(attribute.Encode(value), At);
        target[attribute.Name] = target.TryGetValue(attribute.Name, out var known)
            ? attribute.Merge == AttributeMerge.Latest ? Stamped.Latest(known, stamped) : Stamped.EarliestOf(known, stamped)
            : stamped;
        return this;
    }

    /// <summary>Adds <paramref name="value"/> to <paramref name="set"/>; a null value is skipped.</summary>
    public FactDraft Add(SlotSet set, string? value)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (value is not null)
        {
            _sets ??= new(StringComparer.Ordinal);
            if (!_sets.TryGetValue(set.Name, out var values))
            {
                _sets[set.Name] = values = new SortedSet<string>(StringComparer.Ordinal);
            }

            values.Add(value);
        }

        return this;
    }

    /// <summary>
    /// Remembers <paramref name="subject"/> as this key's earliest subject (earliest event wins). When a fact dated
    /// earlier displaces it, the engine judges the displaced subject again: this is how "the first time X was seen"
    /// stays right whatever order the events arrive in.
    /// </summary>
    public FactDraft Remember(ISubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var detector = _detector ?? throw new InvalidOperationException("Only a detector can remember subjects.");
        return With(SubjectDigest.Attribute, SubjectDigest.Of(detector, subject));
    }

    internal Sighting ToSighting() => Sighting.Observed(Key, At) with
    {
        Attributes = (IReadOnlyDictionary<string, Stamped>?)_latest ?? new Dictionary<string, Stamped>(),
        Earliest = (IReadOnlyDictionary<string, Stamped>?)_earliest ?? new Dictionary<string, Stamped>(),
        Sets = _sets is null
            ? new Dictionary<string, IReadOnlyList<string>>()
            : _sets.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)[.. s.Value.Take(Sighting.MaxSetSize)], StringComparer.Ordinal),
    };
}
