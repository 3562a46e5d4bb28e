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
        private readonly SqliteCommand _listRange;
        private readonly SqliteCommand _readFinding;
        private readonly SqliteCommand _writeFinding;
        private readonly SqliteCommand _listFindings;
        private readonly SqliteCommand _listFindingsAbout;
        private readonly SqliteCommand _returnAnnouncement;
        private readonly SqliteCommand _takeReturned;
        private readonly SqliteCommand _isReturned;
        private readonly SqliteCommand _readSubject;
        private readonly SqliteCommand _writeSubject;
        private readonly SqliteCommand _deleteSubject;
        private readonly SqliteCommand _readPart;
        private readonly SqliteCommand _writePart;
        private readonly SqliteCommand _deletePart;
        private readonly SqliteCommand _readParts;

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
            _listRange = Command(
                connection,
                "SELECT member, first_seen, last_seen, body FROM sightings WHERE scope = $scope AND member >= $from AND member < $to ORDER BY member LIMIT $limit;",
                "$scope",
                "$from",
                "$to",
                "$limit");
            _readFinding = Command(connection, "SELECT body, withdrawn FROM findings WHERE id = $id;", "$id");
            _writeFinding = Command(
                connection,
                """
                INSERT INTO findings (id, time, body, withdrawn, account, principal) VALUES ($id, $time, $body, $withdrawn, $account, $principal)
                ON CONFLICT (id) DO UPDATE SET time = excluded.time, body = excluded.body, withdrawn = excluded.withdrawn;
                """,
                "$id",
                "$time",
                "$body",
                "$withdrawn",
                "$account",
                "$principal");
            _listFindings = Command(connection, "SELECT body FROM findings WHERE withdrawn = 0 ORDER BY time, id;");
            _listFindingsAbout = Command(
                connection,
                """
                SELECT body FROM (
                    SELECT body, time, id FROM findings WHERE account = $account AND principal = $principal AND withdrawn = 0
                    ORDER BY time DESC, id DESC LIMIT $limit)
                ORDER BY time, id;
                """,
                "$account",
                "$principal",
                "$limit");
            _returnAnnouncement = Command(connection, "INSERT OR IGNORE INTO returned_announcements (id) SELECT id FROM findings WHERE id = $id;", "$id");
            _takeReturned = Command(connection, "DELETE FROM returned_announcements WHERE id = $id;", "$id");
            _isReturned = Command(connection, "SELECT 1 FROM returned_announcements WHERE id = $id;", "$id");
            _readSubject = Command(connection, "SELECT finding_ids FROM verdicts WHERE subject = $subject;", "$subject");
            _writeSubject = Command(
                connection,
                "INSERT INTO verdicts (subject, finding_ids) VALUES ($subject, $ids) ON CONFLICT (subject) DO UPDATE SET finding_ids = excluded.finding_ids;",
                "$subject",
                "$ids");
            _deleteSubject = Command(connection, "DELETE FROM verdicts WHERE subject = $subject;", "$subject");
            _readPart = Command(connection, "SELECT body FROM contributions WHERE finding_id = $id AND subject = $subject;", "$id", "$subject");
            _writePart = Command(
                connection,
                "INSERT INTO contributions (finding_id, subject, body) VALUES ($id, $subject, $body) ON CONFLICT (finding_id, subject) DO UPDATE SET body = excluded.body;",
                "$id",
                "$subject",
                "$body");
            _deletePart = Command(connection, "DELETE FROM contributions WHERE finding_id = $id AND subject = $subject;", "$id", "$subject");
            _readParts = Command(connection, "SELECT body FROM contributions WHERE finding_id = $id;", "$id");
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

        public List<Sighting> ListSightings(string scope, int limit, string? from = null, string? to = null)
        {
            var command = from is null || to is null ? _listSightings : _listRange;
            command.Transaction = null;
            command.Parameters["$scope"].Value = scope;
            command.Parameters["$limit"].Value = limit;
            if (command == _listRange)
            {
                command.Parameters["$from"].Value = from;
                command.Parameters["$to"].Value = to;
            }

            using var reader = command.ExecuteReader();
            var sightings = new List<Sighting>();
            while (reader.Read())
            {
                sightings.Add(SightingAt(reader, new StateKey(scope, reader.GetString(0)), 1));
            }

            return sightings;
        }

        public StoredFinding? ReadFinding(SqliteTransaction transaction, string id)
        {
            _readFinding.Transaction = transaction;
            _readFinding.Parameters["$id"].Value = id;
            using var reader = _readFinding.ExecuteReader();
            return reader.Read() ? new StoredFinding(FindingJson.Parse(reader.GetString(0)), reader.GetInt64(1) != 0) : null;
        }

        public void WriteFinding(SqliteTransaction transaction, Finding finding, bool withdrawn)
        {
            _writeFinding.Transaction = transaction;
            _writeFinding.Parameters["$id"].Value = finding.Id;
            _writeFinding.Parameters["$time"].Value = FormatTime(finding.Time);
            _writeFinding.Parameters["$body"].Value = FindingJson.ToJsonLine(finding);
            _writeFinding.Parameters["$withdrawn"].Value = withdrawn ? 1 : 0;
            _writeFinding.Parameters["$account"].Value = finding.Account;
            _writeFinding.Parameters["$principal"].Value = finding.Principal;
            _writeFinding.ExecuteNonQuery();
        }

        public bool IsReturned(SqliteTransaction transaction, string id)
        {
            _isReturned.Transaction = transaction;
            _isReturned.Parameters["$id"].Value = id;
            return _isReturned.ExecuteScalar() is not null;
        }

        public string? ReadSubject(SqliteTransaction transaction, string subject)
        {
            _readSubject.Transaction = transaction;
            _readSubject.Parameters["$subject"].Value = subject;
            return _readSubject.ExecuteScalar() as string;
        }

        public void WriteSubject(SqliteTransaction transaction, string subject, string? findingIds)
        {
            var command = findingIds is null ? _deleteSubject : _writeSubject;
            command.Transaction = transaction;
            command.Parameters["$subject"].Value = subject;
            if (findingIds is not null)
            {
                command.Parameters["$ids"].Value = findingIds;
            }

            command.ExecuteNonQuery();
        }

        public string? ReadPart(SqliteTransaction transaction, string findingId, string subject)
        {
            _readPart.Transaction = transaction;
            _readPart.Parameters["$id"].Value = findingId;
            _readPart.Parameters["$subject"].Value = subject;
            return _readPart.ExecuteScalar() as string;
        }

        public void WritePart(SqliteTransaction transaction, string findingId, string subject, string? body)
        {
            var command = body is null ? _deletePart : _writePart;
            command.Transaction = transaction;
            command.Parameters["$id"].Value = findingId;
            command.Parameters["$subject"].Value = subject;
            if (body is not null)
            {
                command.Parameters["$body"].Value = body;
            }

            command.ExecuteNonQuery();
        }

        public List<Finding> ReadParts(SqliteTransaction transaction, string findingId)
        {
            _readParts.Transaction = transaction;
            _readParts.Parameters["$id"].Value = findingId;
            using var reader = _readParts.ExecuteReader();
            var parts = new List<Finding>();
            while (reader.Read())
            {
                parts.Add(FindingJson.Parse(reader.GetString(0)));
            }

            return parts;
        }

        public List<Finding> ListFindings() => Findings(_listFindings);

        public List<Finding> ListFindingsAbout(string account, string principal, int limit)
        {
            _listFindingsAbout.Parameters["$account"].Value = account;
            _listFindingsAbout.Parameters["$principal"].Value = principal;
            _listFindingsAbout.Parameters["$limit"].Value = limit;
            return Findings(_listFindingsAbout);
        }

        private static List<Finding> Findings(SqliteCommand command)
        {
            using var reader = command.ExecuteReader();
            var findings = new List<Finding>();
            while (reader.Read())
            {
                findings.Add(FindingJson.Parse(reader.GetString(0)));
            }

            return findings;
        }

        public void Dispose()
        {
            foreach (var command in (SqliteCommand[])[_readSighting, _writeSighting, _listSightings, _listRange, _readFinding, _writeFinding, _listFindings, _listFindingsAbout, _returnAnnouncement, _takeReturned,
                _isReturned, _readSubject, _writeSubject, _deleteSubject, _readPart, _writePart, _deletePart, _readParts])
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
                command.Parameters.Add(new SqliteParameter { ParameterName = name, SqliteType = name is "$limit" or "$withdrawn" ? SqliteType.Integer : SqliteType.Text });
            }

            return command;
        }
    }
}
