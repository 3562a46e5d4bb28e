using Monitor.Detection;
using Monitor.State;
using Monitor.Testing.Fakes;

namespace Monitor.Core.Tests.Pipeline.Delivery;

/// <summary>Everything a store holds, as comparable text: every fact, every finding (whole, as JSON), every verdict.</summary>
internal sealed record StoreDump(IReadOnlyList<string> Facts, IReadOnlyList<string> Findings, IReadOnlyList<string> Verdicts)
{
    public static async Task<StoreDump> OfAsync(InMemoryStateStore store) => new(
        [.. store.Sightings.Values
            .Select(s => $"{s.Key} {FindingJson.FormatTime(s.FirstSeen)} {FindingJson.FormatTime(s.LastSeen)} {SightingJson.ToBody(s)}")
            .Order(StringComparer.Ordinal)],
        [.. (await store.ListFindingsAsync(CancellationToken.None)).Select(FindingJson.ToJsonLine)],
        [.. store.Verdicts.Select(v => $"{v.Key} -> {string.Join(' ', v.Value)}").Order(StringComparer.Ordinal)]);

    /// <summary>Fails naming the first differences of each part, so a failing delivery says what it changed.</summary>
    public void ShouldMatch(StoreDump expected, string delivery)
    {
        var problems = Diff("finding", expected.Findings, Findings)
            .Concat(Diff("verdict", expected.Verdicts, Verdicts))
            .Concat(Diff("fact", expected.Facts, Facts))
            .Take(12)
            .ToList();
        problems.ShouldBeEmpty($"delivery {delivery} changed the outcome");
    }

    private static IEnumerable<string> Diff(string what, IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var missing = expected.Except(actual, StringComparer.Ordinal).Select(e => $"{what} missing: {e}");
        var extra = actual.Except(expected, StringComparer.Ordinal).Select(e => $"{what} extra:   {e}");
        return missing.Concat(extra);
    }
}
