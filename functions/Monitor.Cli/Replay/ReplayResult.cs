using Monitor.Detection;
using Monitor.Pipeline;

namespace Monitor.Cli.Replay;

/// <summary>Everything one replay run produced: per-input outcomes, the findings (merged by id), and the errors.</summary>
internal sealed class ReplayResult
{
    private readonly Dictionary<string, Finding> _findings = new(StringComparer.Ordinal);

    public List<MessageOutcome> Outcomes { get; } = [];

    public List<string> Errors { get; } = [];

    public int Records => Outcomes.Sum(o => o.Records);

    public DateTimeOffset? LatestEventTime => Outcomes.Max(o => o.LatestEventTime);

    public IReadOnlyList<Finding> Findings =>
        [.. _findings.Values.OrderBy(f => f.Time).ThenBy(f => f.Id, StringComparer.Ordinal)];

    /// <summary>Findings that come from no single input (the credential audit run after all of them).</summary>
    public void AddFindings(IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            _findings[finding.Id] = _findings.TryGetValue(finding.Id, out var earlier) ? earlier.Merge(finding) : finding;
        }
    }

    public void Add(MessageOutcome outcome)
    {
        Outcomes.Add(outcome);
        Errors.AddRange(outcome.Errors);
        foreach (var finding in outcome.Findings)
        {
            _findings[finding.Id] = _findings.TryGetValue(finding.Id, out var earlier) ? earlier.Merge(finding) : finding;
        }
    }
}
