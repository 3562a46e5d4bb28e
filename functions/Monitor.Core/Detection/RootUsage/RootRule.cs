namespace Monitor.Detection.RootUsage;

/// <summary>One kind of root-usage finding: its name (the finding's first signal), title and advice.</summary>
public sealed record RootRule(string Name, Severity Severity, string Title, string Recommendation)
{
    /// <summary>This rule at another severity (the table's modifiers).</summary>
    public RootRule At(Severity severity) => this with { Severity = severity };
}
