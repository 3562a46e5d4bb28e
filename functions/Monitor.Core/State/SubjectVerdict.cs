using Monitor.Detection;

namespace Monitor.State;

/// <summary>
/// What one subject's latest judgment contributes to findings (possibly nothing). <see cref="Subject"/> is the
/// subject's id; each finding in <see cref="Findings"/> is this subject's contribution to the finding with that id.
/// </summary>
public sealed record SubjectVerdict(string Subject, IReadOnlyList<Finding> Findings)
{
    /// <summary>The contributions merged per finding id (a subject may report to one id more than once).</summary>
    public IReadOnlyDictionary<string, Finding> ById() =>
        Findings.GroupBy(f => f.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Finding.MergeAll([.. g]), StringComparer.Ordinal);
}

/// <summary>
/// How a <see cref="IStateStore.PutVerdictsAsync"/> changed the findings. <see cref="Withdrawn"/> holds each withdrawn
/// finding as it stood before (so a caller knows what it was about).
/// </summary>
public sealed record VerdictChanges(IReadOnlyList<Finding> ToAnnounce, IReadOnlyList<Finding> Changed, IReadOnlyList<Finding> Withdrawn)
{
    public static readonly VerdictChanges None = new([], [], []);

    /// <summary>These changes followed by <paramref name="later"/> (a later put in the same commit).</summary>
    public VerdictChanges Then(VerdictChanges later)
    {
        ArgumentNullException.ThrowIfNull(later);
        return later == None ? this : this == None ? later : new([.. ToAnnounce, .. later.ToAnnounce], [.. Changed, .. later.Changed], [.. Withdrawn, .. later.Withdrawn]);
    }
}
