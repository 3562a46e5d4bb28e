using Monitor.Records;

namespace Monitor.Detection;

/// <summary>
/// Turns each activity into facts: idempotent merges into state, computed from the activity alone. Observers that
/// only learn or record (least-privilege usage) are this; detectors (<see cref="IDetector"/>) also judge.
/// </summary>
public interface IObserver
{
    /// <summary>Kebab-case id; for a detector, also its findings' <c>detector</c>.</summary>
    string Id { get; }

    /// <summary>
    /// Records the facts <paramref name="activity"/> shows and, for a detector, the subjects it is evidence for. Pure:
    /// no state is read here, so the stored facts are the same in any order. Throwing rejects this activity alone.
    /// </summary>
    void Observe(Activity activity, Observation observation);
}
