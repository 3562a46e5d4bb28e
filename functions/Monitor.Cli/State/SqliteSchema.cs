using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Monitor.Cli.State;

/// <summary>Creates the state schema and refuses files written by a newer monitor.</summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    // WITHOUT ROWID keeps the (scope, member) primary key as the table itself: one B-tree, ordered for ListAsync.
    // Times are fixed-width UTC text, so text order is time order and the file stays readable in sqlite3.
    private const string Create = """
        CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS sightings (
            scope TEXT NOT NULL,
            member TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (scope, member)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS findings (
            id TEXT NOT NULL PRIMARY KEY,
            time TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS findings_by_time ON findings (time, id);
        CREATE TABLE IF NOT EXISTS returned_announcements (id TEXT NOT NULL PRIMARY KEY);
        """;

    /// <summary>Brings an empty database to <see cref="Version"/>; throws <see cref="InvalidDataException"/> for a newer one.</summary>
    public static void Apply(SqliteConnection connection, string location)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Create;
        command.ExecuteNonQuery();

        command.CommandText = "SELECT max(version) FROM schema_version;";
        var stored = command.ExecuteScalar();
        if (stored is null or DBNull)
        {
            command.CommandText = "INSERT INTO schema_version (version) VALUES ($version);";
            command.Parameters.AddWithValue("$version", Version);
            command.ExecuteNonQuery();
        }
        else if (Convert.ToInt64(stored, CultureInfo.InvariantCulture) > Version)
        {
            throw new InvalidDataException(
                $"State file '{location}' has schema version {stored}, newer than this monitor understands ({Version}). " +
                "Upgrade monitor, or pass another --state file.");
        }

        transaction.Commit();
    }
}
