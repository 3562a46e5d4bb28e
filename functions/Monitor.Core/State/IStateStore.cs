using Monitor.Detection;

namespace Monitor.State;

/// <summary>
/// The port every state backend implements (embedded SQLite locally, DynamoDB deployed). All writes are
/// idempotent merges (<see cref="Sighting.Merge"/>, <see cref="Finding.Merge"/>), so at-least-once delivery,
/// replays and backfills never double-count. One contract test suite runs against every implementation.
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

    /// <summary>Merges each sighting into what is stored under its key, with at most one write per distinct key.</summary>
    Task MergeAsync(IReadOnlyCollection<Sighting> sightings, CancellationToken cancellationToken);

    /// <summary>
    /// Stores findings by id, merging into any already stored. Returns the findings to announce: those not
    /// stored before, and those whose announcement was handed back with <see cref="ReturnAnnouncementsAsync"/>.
    /// Exactly one caller gets each, even when several put the same finding at once, so each finding is
    /// announced once however often it is reported.
    /// </summary>
    Task<IReadOnlyList<Finding>> PutFindingsAsync(IReadOnlyCollection<Finding> findings, CancellationToken cancellationToken);

    /// <summary>
    /// Hands back the announcement of findings a put returned but whose send failed, so the next put of each
    /// returns it again (the retry announces it instead of losing it). Unknown ids are ignored.
    /// </summary>
    Task ReturnAnnouncementsAsync(IReadOnlyCollection<string> findingIds, CancellationToken cancellationToken);

    /// <summary>Every stored finding, ordered by time then id.</summary>
    Task<IReadOnlyList<Finding>> ListFindingsAsync(CancellationToken cancellationToken);
}
