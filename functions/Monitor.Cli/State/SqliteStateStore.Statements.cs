using Microsoft.Data.Sqlite;
using Monitor.Detection;
using Monitor.State;

namespace Monitor.Cli.State;

public sealed partial class SqliteStateStore
{
    /// <summary>
    /// The store's SQL, each statement prepared once and reused with new parameter values. Every value is a
    /// parameter: keys and bodies carry attacker-controlled text, and nothing here is ever built from it.
    /// </summary>
    private sealed class Statements : IDisposable
    {
        private readonly SqliteCommand _readSighting;
        private readonly SqliteCommand _writeSighting;
        private readonly SqliteCommand _listSightings;
        private readonly SqliteCommand _readFinding;
        private readonly SqliteCommand _writeFinding;
        private readonly SqliteCommand _listFindings;
        private readonly SqliteCommand _returnAnnouncement;
        private readonly SqliteCommand _takeReturned;

        public Statements(SqliteConnection connection)
        {
            _readSighting = Command(connection, "SELECT first_seen, last_seen, body FROM sightings WHERE scope = $scope AND member = $member;", "$scope", "$member");
            _writeSighting = Command(
                connection,
                """
                INSERT INTO sightings (scope, member, first_seen, last_seen, body) VALUES ($scope, $member, $first, $last, $body)
                ON CONFLICT (scope, member) DO UPDATE SET first_seen = excluded.first_seen, last_seen = excluded.last_seen, body = excluded.body;
                """,
                "$scope",
                "$member",
                "$first",
                "$last",
                "$body");
            _listSightings = Command(connection, "SELECT member, first_seen, last_seen, body FROM sightings WHERE scope = $scope ORDER BY member LIMIT $limit;", "$scope", "$limit");
            _readFinding = Command(connection, "SELECT body FROM findings WHERE id = $id;", "$id");
            _writeFinding = Command(
                connection,
                "INSERT INTO findings (id, time, body) VALUES ($id, $time, $body) ON CONFLICT (id) DO UPDATE SET time = excluded.time, body = excluded.body;",
                "$id",
                "$time",
                "$body");
            _listFindings = Command(connection, "SELECT body FROM findings ORDER BY time, id;");
            _returnAnnouncement = Command(connection, "INSERT OR IGNORE INTO returned_announcements (id) SELECT id FROM findings WHERE id = $id;", "$id");
            _takeReturned = Command(connection, "DELETE FROM returned_announcements WHERE id = $id;", "$id");
        }

        public void ReturnAnnouncement(SqliteTransaction transaction, string id)
        {
            _returnAnnouncement.Transaction = transaction;
            _returnAnnouncement.Parameters["$id"].Value = id;
            _returnAnnouncement.ExecuteNonQuery();
        }

        /// <summary>Whether the finding's announcement had been handed back (and takes it).</summary>
        public bool TakeReturned(SqliteTransaction transaction, string id)
        {
            _takeReturned.Transaction = transaction;
            _takeReturned.Parameters["$id"].Value = id;
            return _takeReturned.ExecuteNonQuery() > 0;
        }

        public Sighting? ReadSighting(SqliteTransaction transaction, StateKey key)
        {
            _readSighting.Transaction = transaction;
            _readSighting.Parameters["$scope"].Value = key.Scope;
            _readSighting.Parameters["$member"].Value = key.Member;
            using var reader = _readSighting.ExecuteReader();
            return reader.Read() ? SightingAt(reader, key, 0) : null;
        }

        public void WriteSighting(SqliteTransaction transaction, Sighting sighting)
        {
            _writeSighting.Transaction = transaction;
            _writeSighting.Parameters["$scope"].Value = sighting.Key.Scope;
            _writeSighting.Parameters["$member"].Value = sighting.Key.Member;
            _writeSighting.Parameters["$first"].Value = FormatTime(sighting.FirstSeen);
            _writeSighting.Parameters["$last"].Value = FormatTime(sighting.LastSeen);
            _writeSighting.Parameters["$body"].Value = SightingJson.ToBody(sighting);
            _writeSighting.ExecuteNonQuery();
        }

        public List<Sighting> ListSightings(string scope, int limit)
        {
            _listSightings.Transaction = null;
            _listSightings.Parameters["$scope"].Value = scope;
            _listSightings.Parameters["$limit"].Value = limit;
            using var reader = _listSightings.ExecuteReader();
            var sightings = new List<Sighting>();
            while (reader.Read())
            {
                sightings.Add(SightingAt(reader, new StateKey(scope, reader.GetString(0)), 1));
            }

            return sightings;
        }

        public Finding? ReadFinding(SqliteTransaction transaction, string id)
        {
            _readFinding.Transaction = transaction;
            _readFinding.Parameters["$id"].Value = id;
            using var reader = _readFinding.ExecuteReader();
            return reader.Read() ? FindingJson.Parse(reader.GetString(0)) : null;
        }

        public void WriteFinding(SqliteTransaction transaction, Finding finding)
        {
            _writeFinding.Transaction = transaction;
            _writeFinding.Parameters["$id"].Value = finding.Id;
            _writeFinding.Parameters["$time"].Value = FormatTime(finding.Time);
            _writeFinding.Parameters["$body"].Value = FindingJson.ToJsonLine(finding);
            _writeFinding.ExecuteNonQuery();
        }

        public List<Finding> ListFindings()
        {
            using var reader = _listFindings.ExecuteReader();
            var findings = new List<Finding>();
            while (reader.Read())
            {
                findings.Add(FindingJson.Parse(reader.GetString(0)));
            }

            return findings;
        }

        public void Dispose()
        {
            foreach (var command in (SqliteCommand[])[_readSighting, _writeSighting, _listSightings, _readFinding, _writeFinding, _listFindings, _returnAnnouncement, _takeReturned])
            {
                command.Dispose();
            }
        }

        private static Sighting SightingAt(SqliteDataReader reader, StateKey key, int first) =>
            SightingJson.FromBody(key, ParseTime(reader.GetString(first)), ParseTime(reader.GetString(first + 1)), reader.GetString(first + 2));

        private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name, SqliteType = name == "$limit" ? SqliteType.Integer : SqliteType.Text });
            }

            return command;
        }
    }
}
