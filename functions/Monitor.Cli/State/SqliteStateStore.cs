using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitor.Detection;
using Monitor.State;

namespace Monitor.Cli.State;

/// <summary>
/// The default local <see cref="IStateStore"/>: one SQLite connection kept open for the store's lifetime (so
/// <c>:memory:</c> lives as long as the store), every call one transaction with reused prepared statements.
/// Merge semantics are <see cref="Sighting.Merge"/> and <see cref="Finding.Merge"/>, never re-stated in SQL.
/// </summary>
public sealed partial class SqliteStateStore : IStateStore, IAsyncDisposable
{
    public const string InMemory = ":memory:";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    // One connection serves every caller; the gate keeps their transactions from interleaving on it.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteConnection _connection;
    private readonly Statements _statements;

    private SqliteStateStore(SqliteConnection connection)
    {
        _connection = connection;
        _statements = new Statements(connection);
    }

    /// <summary>Opens (creating it and its folders if needed) the state file at <paramref name="location"/>, or <see cref="InMemory"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a state database, or was written by a newer monitor.</exception>
    public static SqliteStateStore Open(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        var inMemory = location == InMemory;
        if (!inMemory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(location));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        // No pooling: disposing the store really closes the file (checkpointing the WAL) and frees the memory.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = location,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            if (!inMemory)
            {
                Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
            }

            SqliteSchema.Apply(connection, location);
            return new SqliteStateStore(connection);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 /* SQLITE_NOTADB */ or 11 /* SQLITE_CORRUPT */)
        {
            connection.Dispose();
            throw new InvalidDataException($"'{location}' is not a monitor state file: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyDictionary<StateKey, Sighting>> GetAsync(IReadOnlyCollection<StateKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: true);
            var found = new Dictionary<StateKey, Sighting>();
            foreach (var key in keys)
            {
                if (!found.ContainsKey(key) && _statements.ReadSighting(transaction, key) is { } sighting)
                {
                    found[key] = sighting;
                }
            }

            return found;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<Sighting>> ListAsync(string scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _statements.ListSightings(scope, limit);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<Sighting>> ListRangeAsync(string scope, string from, string to, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _statements.ListSightings(scope, limit, from, to);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task MergeAsync(IReadOnlyCollection<Sighting> sightings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sightings);
        if (sightings.Count == 0)
        {
            return;
        }

        var merged = MergeByKey(sightings);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // IMMEDIATE takes the write lock before reading, so another process cannot slip a write in between
            // our read and our write of a key (no lost updates).
            using var transaction = _connection.BeginTransaction(deferred: false);
            foreach (var sighting in merged)
            {
                var stored = _statements.ReadSighting(transaction, sighting.Key);
                _statements.WriteSighting(transaction, stored is null ? sighting : stored.Merge(sighting));
            }

            transaction.Commit();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<VerdictChanges> PutVerdictsAsync(IReadOnlyCollection<SubjectVerdict> verdicts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        if (verdicts.Count == 0)
        {
            return VerdictChanges.None;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var changes = VerdictBook.Apply(new VerdictStorage(_statements, transaction), verdicts);
            transaction.Commit();
            return changes;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task ReturnAnnouncementsAsync(IReadOnlyCollection<string> findingIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findingIds);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            foreach (var id in findingIds)
            {
                _statements.ReturnAnnouncement(transaction, id);
            }

            transaction.Commit();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<Finding>> GetFindingsAsync(IReadOnlyCollection<string> findingIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findingIds);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: true);
            return [.. findingIds.Distinct(StringComparer.Ordinal)
                .Select(id => _statements.ReadFinding(transaction, id))
                .Where(f => f is { Withdrawn: false })
                .Select(f => f!.Finding)
                .OrderBy(f => f.Time).ThenBy(f => f.Id, StringComparer.Ordinal)];
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<Finding>> ListFindingsAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _statements.ListFindings();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<Finding>> ListFindingsAboutAsync(string account, string principal, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _statements.ListFindingsAbout(account, principal, limit);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _statements.Dispose();
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
    }

    private static Sighting[] MergeByKey(IReadOnlyCollection<Sighting> sightings) =>
        [.. sightings.GroupBy(s => s.Key).Select(g => g.Aggregate((a, b) => a.Merge(b)))];

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
