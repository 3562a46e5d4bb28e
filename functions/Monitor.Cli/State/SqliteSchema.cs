using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Monitor.Cli.State;

/// <summary>Creates the state schema and refuses files written by a newer monitor.</summary>
internal static class SqliteSchema
{
    public const int Version = 3;

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
        CREATE TABLE IF NOT EXISTS verdicts (
            subject TEXT NOT NULL PRIMARY KEY,
            finding_ids TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS contributions (
            finding_id TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (finding_id, subject)
        ) WITHOUT ROWID;
        """;

    // Version 2 adds verdicts: findings are the merge of their contributions, and a finding left with none is kept,
    // marked withdrawn, so it is never announced twice.
    private const string Withdrawn = "ALTER TABLE findings ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0;";

    // Version 3 indexes findings by what they are about (account, principal), from which a principal's story is told;
    // findings stored before are indexed from their own JSON.
    private const string About = """
        ALTER TABLE findings ADD COLUMN account TEXT NOT NULL DEFAULT '';
        ALTER TABLE findings ADD COLUMN principal TEXT NOT NULL DEFAULT '';
        UPDATE findings SET account = json_extract(body, '$.account'), principal = json_extract(body, '$.principal');
        """;

    private const string AboutIndex = "CREATE INDEX IF NOT EXISTS findings_by_about ON findings (account, principal, time, id);";

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
        var version = stored is null or DBNull ? 0 : Convert.ToInt64(stored, CultureInfo.InvariantCulture);
        if (version < Version)
        {
            command.CommandText = "SELECT count(*) FROM pragma_table_info('findings') WHERE name = 'withdrawn';";
            if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                command.CommandText = Withdrawn;
                command.ExecuteNonQuery();
            }

            command.CommandText = "SELECT count(*) FROM pragma_table_info('findings') WHERE name = 'principal';";
            if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                command.CommandText = About;
                command.ExecuteNonQuery();
            }

            command.CommandText = "DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES ($version);";
            command.Parameters.AddWithValue("$version", Version);
            command.ExecuteNonQuery();
        }
        else if (version > Version)
        {
            throw new InvalidDataException(
                $"State file '{location}' has schema version {stored}, newer than this monitor understands ({Version}). " +
                "Upgrade monitor, or pass another --state file.");
        }

        command.CommandText = AboutIndex;
        command.Parameters.Clear();
        command.ExecuteNonQuery();
        transaction.Commit();
    }
}
