using Monitor.Records;
using Monitor.State;

namespace Monitor.Detection;

/// <summary>One detection rule set. Detectors read and update state only through the <see cref="DetectionContext"/>.</summary>
public interface IDetector
{
    /// <summary>Kebab-case id, used as the findings' <c>detector</c>.</summary>
    string Id { get; }

    /// <summary>The state keys <see cref="InspectAsync"/> will read for this activity, so a batch loads in one round trip.</summary>
    IEnumerable<StateKey> KeysFor(Activity activity);

    /// <summary>Judges one activity against the state as it stood before it, records what it learned, and reports findings.</summary>
    ValueTask InspectAsync(Activity activity, DetectionContext context, CancellationToken cancellationToken);
}
