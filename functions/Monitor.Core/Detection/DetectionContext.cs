using Monitor.State;

namespace Monitor.Detection;

/// <summary>What a detector may use while inspecting: the state view, the options, and a place to report findings.</summary>
internal sealed class DetectionContext(StateView state, DetectionOptions options)
{
    private readonly Dictionary<string, Finding> _findings = new(StringComparer.Ordinal);

    public StateView State { get; } = state;

    public DetectionOptions Options { get; } = options;

    /// <summary>Findings reported so far, merged by id.</summary>
    public IReadOnlyCollection<Finding> Findings => _findings.Values;

    public void Report(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        _findings[finding.Id] = _findings.TryGetValue(finding.Id, out var earlier) ? earlier.Merge(finding) : finding;
    }

    /// <summary>Drops the findings reported so far (after they have been handed on).</summary>
    public void ClearFindings() => _findings.Clear();
}
