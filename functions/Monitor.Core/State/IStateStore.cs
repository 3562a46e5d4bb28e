using Monitor.Detection;

namespace Monitor.State;

/// <summary>
/// The port every state backend implements (embedded SQLite locally, DynamoDB deployed). It holds two kinds of data.
/// Facts are <see cref="Sighting"/>s, merged idempotently (<see cref="Sighting.Merge"/>), so at-least-once delivery,
/// replays, backfills and any delivery order give the same facts. Verdicts are what each subject's latest judgment
/// contributed to findings: a new verdict replaces the subject's last one, and a finding is the merge of its current
/// contributions (<see cref="Finding.MergeAll"/>), so re-judging a subject after late facts corrects its findings.
/// One contract test suite runs against every implementation.
/// </summary>
public interface IStateStore
{
    /// <summary>Loads the sightings stored for <paramref name="keys"/>; keys never seen are absent from the result.</summary>
    Task<IReadOnlyDictionary<StateKey, Sighting>> GetAsync(IReadOnlyCollection<StateKey> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> (at least 1) sightings of exactly <paramref name="scope"/>, in member order by
    /// Unicode code point (how UTF-8 bytes sort in SQLite and DynamoDB; not .NET's UTF-16 ordinal).
    /// </summary>
    Task<IReadOnlyList<Sighting>> ListAsync(string scope, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> sightings of <paramref name="scope"/> whose member lies in [<paramref name="from"/>,
    /// <paramref name="to"/>), in member order by Unicode code point: a range of an index whose members start with a time.
    /// </summary>
    Task<IReadOnlyList<Sighting>> ListRangeAsync(string scope, string from, string to, int limit, CancellationToken cancellationToken);

    /// <summary>Merges each sighting into what is stored under its key, with at most one write per distinct key.</summary>
    Task MergeAsync(IReadOnlyCollection<Sighting> sightings, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces each subject's contributions with those of its verdict (none withdraws them), recomputes every finding
    /// whose contributions changed, and says how: the findings to announce (never stored before, or handed back with
    /// <see cref="ReturnAnnouncementsAsync"/>; exactly one caller gets each, even when several write the same finding
    /// at once), the current state of every changed finding, and the ids of findings left with no contribution
    /// (withdrawn: listed no more, never announced again). A verdict that changes nothing writes nothing.
    /// </summary>
    Task<VerdictChanges> PutVerdictsAsync(IReadOnlyCollection<SubjectVerdict> verdicts, CancellationToken cancellationToken);

    /// <summary>
    /// Hands back the announcement of findings a put returned but whose send failed, so the next put that touches
    /// each returns it again (the retry announces it instead of losing it). Unknown ids are ignored.
    /// </summary>
    Task ReturnAnnouncementsAsync(IReadOnlyCollection<string> findingIds, CancellationToken cancellationToken);

    /// <summary>The findings with these ids that have at least one contribution, ordered by time then id.</summary>
    Task<IReadOnlyList<Finding>> GetFindingsAsync(IReadOnlyCollection<string> findingIds, CancellationToken cancellationToken);

    /// <summary>Every finding with at least one contribution, ordered by time then id.</summary>
    Task<IReadOnlyList<Finding>> ListFindingsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The latest <paramref name="limit"/> (at least 1) findings about <paramref name="principal"/> in
    /// <paramref name="account"/> that have at least one contribution, ordered by time then id: what a story of that
    /// principal is told from.
    /// </summary>
    Task<IReadOnlyList<Finding>> ListFindingsAboutAsync(string account, string principal, int limit, CancellationToken cancellationToken);
}
