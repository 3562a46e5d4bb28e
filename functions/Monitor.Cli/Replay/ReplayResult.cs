using Monitor.Detection;
using Monitor.Pipeline;
using Monitor.State;

namespace Monitor.Cli.Replay;

/// <summary>Everything one replay run produced: per-input outcomes, the findings its inputs touched, and the errors.</summary>
internal sealed class ReplayResult
{
    private readonly HashSet<string> _findingIds = new(StringComparer.Ordinal);

    public List<MessageOutcome> Outcomes { get; } = [];

    public List<string> Errors { get; } = [];

    public int Records => Outcomes.Sum(o => o.Records);

    public DateTimeOffset? LatestEventTime => Outcomes.Max(o => o.LatestEventTime);

    /// <summary>The findings the run touched, as the store holds them at its end (<see cref="LoadFindingsAsync"/>).</summary>
    public IReadOnlyList<Finding> Findings { get; private set; } = [];

    /// <summary>Findings that come from no single input (the credential audit run after all of them).</summary>
    public void AddFindings(IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            _findingIds.Add(finding.Id);
        }
    }

    public void Add(MessageOutcome outcome)
    {
        Outcomes.Add(outcome);
        Errors.AddRange(outcome.Errors);
        _findingIds.UnionWith(outcome.Findings.Select(f => f.Id));
    }

    /// <summary>
    /// Reads the touched findings as they stand once every input is in: a finding a later input corrected shows its
    /// final state, and one it withdrew does not show.
    /// </summary>
    public async Task LoadFindingsAsync(IStateStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        Findings = [.. (await store.ListFindingsAsync(cancellationToken).ConfigureAwait(false)).Where(f => _findingIds.Contains(f.Id))];
    }
}
