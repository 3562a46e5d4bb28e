namespace Monitor.Detection;

/// <summary>What judging one subject concluded: the findings it contributes to, and subjects to judge with it.</summary>
internal sealed class Judgment
{
    private readonly List<Finding> _findings = [];
    private readonly List<ISubject> _also = [];

    internal IReadOnlyList<Finding> Findings => _findings;

    internal IReadOnlyList<ISubject> Also => _also;

    /// <summary>This subject's contribution to the finding with <paramref name="finding"/>'s id.</summary>
    public void Report(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        _findings.Add(finding);
    }

    /// <summary>
    /// Another subject whose judgment depends on this one's (a session on how it was obtained): it is judged again
    /// whenever this one is.
    /// </summary>
    public void JudgeAlso(ISubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        _also.Add(subject);
    }
}
