namespace Monitor.Detection;

/// <summary>Finding severity, lowest first so that comparisons read naturally.</summary>
public enum Severity
{
    Info,
    Low,
    Medium,
    High,
    Critical,
}
