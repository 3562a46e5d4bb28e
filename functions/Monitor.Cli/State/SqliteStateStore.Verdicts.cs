using Microsoft.Data.Sqlite;
using Monitor.Detection;
using Monitor.State;

namespace Monitor.Cli.State;

public sealed partial class SqliteStateStore
{
    /// <summary>
    /// The verdict tables, as <see cref="VerdictBook"/> sees them inside one transaction. A subject's finding ids are
    /// stored one per line: ids are a detector name and a hex hash, never a line break.
    /// </summary>
    private sealed class VerdictStorage(Statements statements, SqliteTransaction transaction) : IVerdictStorage
    {
        public IReadOnlyList<string> ReadSubject(string subject) =>
            statements.ReadSubject(transaction, subject) is { } ids ? ids.Split('\n') : [];

        public void WriteSubject(string subject, IReadOnlyList<string> findingIds) =>
            statements.WriteSubject(transaction, subject, findingIds.Count == 0 ? null : string.Join('\n', findingIds));

        public Finding? ReadPart(string findingId, string subject) =>
            statements.ReadPart(transaction, findingId, subject) is { } body ? FindingJson.Parse(body) : null;

        public void WritePart(string findingId, string subject, Finding? contribution) =>
            statements.WritePart(transaction, findingId, subject, contribution is null ? null : FindingJson.ToJsonLine(contribution));

        public IReadOnlyList<Finding> ReadParts(string findingId) => statements.ReadParts(transaction, findingId);

        public StoredFinding? ReadView(string findingId) => statements.ReadFinding(transaction, findingId);

        public void WriteView(Finding finding, bool withdrawn) => statements.WriteFinding(transaction, finding, withdrawn);

        public bool IsReturned(string findingId) => statements.IsReturned(transaction, findingId);

        public bool TakeReturned(string findingId) => statements.TakeReturned(transaction, findingId);
    }
}
