using System.Text.Json.Nodes;

namespace Monitor.Detection;

/// <summary>
/// One reported problem, in the findings contract (README.md, Findings). <see cref="Id"/> is deterministic
/// (see <see cref="FindingId"/>), so replays and redeliveries produce the same finding, which is emitted once.
/// </summary>
public sealed record Finding
{
    public required string Id { get; init; }

    /// <summary>Kebab-case detector id: <c>root-usage</c>, <c>unused-credential</c>, <c>anomalous-role-assumption</c>, ...</summary>
    public required string Detector { get; init; }

    public required Severity Severity { get; init; }

    public required string Title { get; init; }

    public required string Account { get; init; }

    /// <summary>ARN of the principal the finding is about.</summary>
    public required string Principal { get; init; }

    /// <summary>Time of the (earliest) triggering event.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>CloudTrail eventIDs or access-log request ids that triggered it, sorted, at most <see cref="MaxEventIds"/>.</summary>
    public required IReadOnlyList<string> EventIds { get; init; }

    /// <summary>Short kebab-case reasons.</summary>
    public required IReadOnlyList<string> Signals { get; init; }

    public required JsonObject Evidence { get; init; }

    public required string Recommendation { get; init; }

    public const int MaxEventIds = 50;

    /// <summary>
    /// Folds another report of the same finding into this one, independent of arrival order: earliest time,
    /// union of event ids and signals, highest severity. Evidence and wording come from the earlier report,
    /// except evidence arrays present in both (e.g. the event names of a folded session), which are unioned,
    /// sorted and capped, so a folded finding lists everything it covers whatever the arrival order.
    /// </summary>
    public Finding Merge(Finding other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Id != Id)
        {
            throw new ArgumentException($"Cannot merge finding {other.Id} into {Id}.", nameof(other));
        }

        var otherIsFirst = other.Time < Time || (other.Time == Time && string.CompareOrdinal(FirstOf(other.EventIds), FirstOf(EventIds)) < 0);
        var (first, second) = otherIsFirst ? (other, this) : (this, other);
        return first with
        {
            Severity = (Severity)Math.Max((int)Severity, (int)other.Severity),
            EventIds = EventIds.Union(other.EventIds, StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxEventIds).ToArray(),

            // The earlier report's signals lead (its first is the main reason), so the result is the same in either order.
            Signals = first.Signals.Union(second.Signals, StringComparer.Ordinal).ToArray(),
            Evidence = MergeEvidence(first.Evidence, second.Evidence),
        };
    }

    /// <summary>
    /// The merge of every contribution to one finding, the same whatever order they come in: contributions are folded
    /// earliest first (by time, then first event id, then their JSON), so the earliest leads the wording and the signals.
    /// </summary>
    public static Finding MergeAll(IReadOnlyCollection<Finding> contributions)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        if (contributions.Count == 0)
        {
            throw new ArgumentException("A finding needs at least one contribution.", nameof(contributions));
        }

        if (contributions.Count == 1)
        {
            return contributions.First();
        }

        var ordered = contributions
            .Select(c => (Finding: c, Json: FindingJson.ToJsonLine(c)))
            .OrderBy(c => c.Finding.Time)
            .ThenBy(c => FirstOf(c.Finding.EventIds), StringComparer.Ordinal)
            .ThenBy(c => c.Json, StringComparer.Ordinal)
            .Select(c => c.Finding);
        return ordered.Aggregate((merged, next) => merged.Merge(next));
    }

    private static JsonObject MergeEvidence(JsonObject first, JsonObject second)
    {
        var merged = (JsonObject)first.DeepClone();
        foreach (var (name, value) in second)
        {
            if (merged[name] is JsonArray mine && value is JsonArray theirs)
            {
                var union = mine.Concat(theirs)
                    .Select(n => n?.DeepClone())
                    .DistinctBy(n => n?.ToJsonString(), StringComparer.Ordinal)
                    .OrderBy(n => n is JsonValue v && v.TryGetValue<string>(out var text) ? text : n?.ToJsonString(), StringComparer.Ordinal)
                    .Take(MaxEventIds);
                merged[name] = new JsonArray([.. union]);
            }
        }

        return merged;
    }

    private static string? FirstOf(IReadOnlyList<string> ids) => ids.Count > 0 ? ids[0] : null;
}
