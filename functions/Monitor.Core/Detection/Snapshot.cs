using Monitor.State;

namespace Monitor.Detection;

/// <summary>
/// The state one judgment may read: what its <see cref="ReadPlan"/> declared, merged with the facts of the chunk
/// being judged. Reading anything else throws <see cref="UndeclaredReadException"/>: a read the engine did not know
/// of could neither be loaded in the batch nor be trusted to be complete.
/// </summary>
internal sealed class Snapshot
{
    private readonly StateView _view;
    private readonly IReadOnlySet<StateKey> _keys;
    private readonly IReadOnlyDictionary<string, int> _lists;
    private readonly IDetector _detector;

    internal Snapshot(StateView view, IReadOnlySet<StateKey> keys, IReadOnlyDictionary<string, int> lists, IDetector detector)
    {
        _view = view;
        _keys = keys;
        _lists = lists;
        _detector = detector;
    }

    /// <summary>The sighting of <paramref name="key"/>, or null if it was never seen.</summary>
    public Sighting? this[StateKey key] => _keys.Contains(key) ? _view.Current(key) : throw new UndeclaredReadException(_detector.Id, key.ToString());

    /// <summary>The members of a scope declared with <see cref="ReadPlan.List"/>, in member order.</summary>
    public IReadOnlyList<Sighting> List(string scope) =>
        _lists.TryGetValue(scope, out var limit) ? _view.Listed(scope, limit) : throw new UndeclaredReadException(_detector.Id, $"list {scope}");

    /// <summary>
    /// Whether <paramref name="subject"/> is the one <paramref name="key"/> remembers (<see cref="FactDraft.Remember"/>):
    /// that is, its event is the earliest that key has seen.
    /// </summary>
    public bool IsEarliest(StateKey key, ISubject subject) =>
        this[key].Get(SubjectDigest.Attribute) is { } digest && digest == SubjectDigest.Of(_detector, subject);
}

/// <summary>A judgment read state its plan did not declare: a bug in the detector, never in the data.</summary>
internal sealed class UndeclaredReadException(string detector, string what)
    : InvalidOperationException($"Detector {detector} read {what}, which its plan did not declare.");
