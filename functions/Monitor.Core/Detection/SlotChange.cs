using Monitor.State;

namespace Monitor.Detection;

/// <summary>How one watched key changed when a chunk's facts merged into it.</summary>
internal sealed record SlotChange(StateKey Key, Sighting? Before, Sighting After, Sighting Incoming)
{
    /// <summary>Whether the incoming facts include an event earlier than the latest the key had seen: a late arrival.</summary>
    public bool Late => Before is not null && Incoming.FirstSeen < Before.LastSeen;

    /// <summary>Whether the key's first sighting moved earlier (or the key is new).</summary>
    public bool FirstMovedEarlier => Before is null || After.FirstSeen < Before.FirstSeen;

    /// <summary>Days the key was seen on that it had not been before.</summary>
    public IEnumerable<int> NewDays => Before is null ? After.Days : After.Days.Except(Before.Days);
}

/// <summary>Where <see cref="IDetector.OnChanged"/> names the subjects to judge again.</summary>
internal sealed class Triggers
{
    private readonly List<ISubject> _subjects = [];
    private readonly List<(string Scope, DateTimeOffset From, DateTimeOffset To)> _indexed = [];
    private readonly List<StateKey> _remembered = [];
    private readonly List<(string Scope, Func<Sighting, IEnumerable<string>>? Children, Func<Sighting, bool> Select)> _listed = [];

    internal IReadOnlyList<ISubject> Subjects => _subjects;

    internal IReadOnlyList<(string Scope, DateTimeOffset From, DateTimeOffset To)> Indexed => _indexed;

    internal IReadOnlyList<StateKey> Remembered => _remembered;

    internal IReadOnlyList<(string Scope, Func<Sighting, IEnumerable<string>>? Children, Func<Sighting, bool> Select)> Listed => _listed;

    public void Judge(ISubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        _subjects.Add(subject);
    }

    /// <summary>
    /// Judges again the subjects remembered (<see cref="FactDraft.Remember"/>) by the members of <paramref name="scope"/>
    /// dated in [<paramref name="from"/>, <paramref name="to"/>): an index a detector keeps of its subjects by time,
    /// with <see cref="TimeOrdered"/> members.
    /// </summary>
    public void JudgeIndexed(string scope, DateTimeOffset from, DateTimeOffset to) => _indexed.Add((scope, from, to));

    /// <summary>Judges again the subject <paramref name="key"/> remembers, if any.</summary>
    public void JudgeRemembered(StateKey key) => _remembered.Add(key);

    /// <summary>Judges again the subjects remembered by the members of <paramref name="scope"/> that <paramref name="select"/> picks.</summary>
    public void JudgeListed(string scope, Func<Sighting, bool> select) => _listed.Add((scope, null, select));

    /// <summary>
    /// Judges again the subjects remembered by the members that <paramref name="select"/> picks in the scopes
    /// <paramref name="children"/> names for each member of <paramref name="scope"/> (every target of an account, then
    /// each target's baselines, say).
    /// </summary>
    public void JudgeListedUnder(string scope, Func<Sighting, IEnumerable<string>> children, Func<Sighting, bool> select) =>
        _listed.Add((scope, children, select));

    internal void Clear()
    {
        _subjects.Clear();
        _indexed.Clear();
        _remembered.Clear();
        _listed.Clear();
    }
}
