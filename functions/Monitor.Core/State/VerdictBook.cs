using Monitor.Detection;

namespace Monitor.State;

/// <summary>
/// The rules of <see cref="IStateStore.PutVerdictsAsync"/>, written once for every store that can run them inside one
/// transaction (SQLite, the in-memory store): replace each subject's contributions, recompute the findings whose
/// contributions changed, withdraw those left with none, and pick the ones to announce. The DynamoDB store follows
/// the same rules with its own concurrency control.
/// </summary>
public static class VerdictBook
{
    public static VerdictChanges Apply(IVerdictStorage storage, IReadOnlyCollection<SubjectVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(verdicts);
        var touched = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var verdict in verdicts)
        {
            var now = verdict.ById();
            var before = storage.ReadSubject(verdict.Subject);
            foreach (var gone in before.Where(id => !now.ContainsKey(id)))
            {
                storage.WritePart(gone, verdict.Subject, null);
                touched.Add(gone);
            }

            foreach (var (id, contribution) in now)
            {
                var stored = storage.ReadPart(id, verdict.Subject);
                if (stored is null || FindingJson.ToJsonLine(stored) != FindingJson.ToJsonLine(contribution))
                {
                    storage.WritePart(id, verdict.Subject, contribution);
                    touched.Add(id);
                }
                else if (storage.IsReturned(id))
                {
                    touched.Add(id);
                }
            }

            if (!before.Order(StringComparer.Ordinal).SequenceEqual(now.Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                storage.WriteSubject(verdict.Subject, [.. now.Keys.Order(StringComparer.Ordinal)]);
            }
        }

        return Recompute(storage, touched);
    }

    private static VerdictChanges Recompute(IVerdictStorage storage, IEnumerable<string> ids)
    {
        List<Finding> announce = [], changed = [], withdrawn = [];
        foreach (var id in ids)
        {
            var parts = storage.ReadParts(id);
            var stored = storage.ReadView(id);
            if (parts.Count == 0)
            {
                if (stored is { Withdrawn: false })
                {
                    storage.WriteView(stored.Finding, withdrawn: true);
                    withdrawn.Add(stored.Finding);
                }

                continue;
            }

            var view = Finding.MergeAll(parts);
            var returned = storage.TakeReturned(id);
            if (stored is { Withdrawn: false } && !returned && FindingJson.ToJsonLine(stored.Finding) == FindingJson.ToJsonLine(view))
            {
                continue;
            }

            storage.WriteView(view, withdrawn: false);
            changed.Add(view);
            if (stored is null || returned)
            {
                announce.Add(view);
            }
        }

        return new VerdictChanges(announce, changed, withdrawn);
    }
}

/// <summary>A stored finding: its merged view, and whether it was withdrawn (no contribution left).</summary>
public sealed record StoredFinding(Finding Finding, bool Withdrawn);

/// <summary>What <see cref="VerdictBook"/> needs of a store, within one transaction.</summary>
public interface IVerdictStorage
{
    /// <summary>The finding ids the subject contributes to now (empty when none).</summary>
    IReadOnlyList<string> ReadSubject(string subject);

    /// <summary>Records the finding ids the subject contributes to (empty: forget the subject).</summary>
    void WriteSubject(string subject, IReadOnlyList<string> findingIds);

    Finding? ReadPart(string findingId, string subject);

    /// <summary>Stores the subject's contribution to the finding; null deletes it.</summary>
    void WritePart(string findingId, string subject, Finding? contribution);

    IReadOnlyList<Finding> ReadParts(string findingId);

    StoredFinding? ReadView(string findingId);

    void WriteView(Finding finding, bool withdrawn);

    /// <summary>Whether the finding's announcement was handed back (without taking it).</summary>
    bool IsReturned(string findingId);

    /// <summary>Whether the finding's announcement was handed back, taking it.</summary>
    bool TakeReturned(string findingId);
}
