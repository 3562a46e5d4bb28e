namespace Monitor.Detection;

/// <summary>
/// What a detector judges and a finding is about: one event (a sign-in, an assumption), or a fold of events (a
/// session, a bucket's day). A subject is a digest, built once from the activity, holding every fact its judgment
/// needs; it is stored where a later, earlier-dated fact can find it and have it judged again.
/// </summary>
public interface ISubject
{
    /// <summary>Unique among all subjects of all detectors: the key its contributions are stored under.</summary>
    string Id { get; }

    /// <summary>The event time it is about (the earliest, for a fold); subjects are judged in this order.</summary>
    DateTimeOffset Time { get; }
}
