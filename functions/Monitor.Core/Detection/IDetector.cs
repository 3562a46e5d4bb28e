using Monitor.State;

namespace Monitor.Detection;

/// <summary>
/// A detection rule set, in three pure parts the engine runs for it (see docs/architecture.md):
/// <list type="bullet">
/// <item><see cref="IObserver.Observe"/>: facts and subjects from one activity, no state read;</item>
/// <item><see cref="Plan"/> and <see cref="Judge"/>: which state a subject's judgment reads (the engine loads exactly
/// that, and any other read fails), and the judgment itself, from the subject and that snapshot to findings;</item>
/// <item><see cref="OnChanged"/>: which subjects must be judged again when a fact changes state they read.</item>
/// </list>
/// Because facts are joins and judgments are functions of state, the findings are the same whatever order the
/// activities arrive in, as long as every subject whose reads changed is judged again.
/// </summary>
internal interface IDetector : IObserver
{
    /// <summary>Declares what judging <paramref name="subject"/> reads.</summary>
    void Plan(ISubject subject, ReadPlan plan);

    /// <summary>Judges <paramref name="subject"/> against <paramref name="snapshot"/>: the findings it contributes to now.</summary>
    void Judge(ISubject subject, Snapshot snapshot, Judgment judgment);

    /// <summary>Whether changes to <paramref name="key"/> are offered to <see cref="OnChanged"/> (the engine loads such keys before merging).</summary>
    bool Watches(StateKey key);

    /// <summary>Names the subjects to judge again because <paramref name="change"/> altered state they read.</summary>
    void OnChanged(SlotChange change, Triggers triggers);

    /// <summary>The subject as text, for storing in state; <see cref="Decode"/> reads it back.</summary>
    string Encode(ISubject subject);

    /// <summary>A subject from <see cref="Encode"/>'s text, or null when it is not one of this detector's.</summary>
    ISubject? Decode(string text);
}
