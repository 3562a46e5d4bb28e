namespace Monitor.Detection.Roles;

/// <summary>
/// Signals add up to a score; a finding is reported at <see cref="ReportAt"/> or above, and its severity follows the
/// score. One novelty alone (a new caller, network or user agent) stays below the bar: it takes two independent
/// oddities, or one intrinsically bad one (offensive tool, stolen instance credential, denial burst), to alert.
/// </summary>
internal static class RoleScore
{
    public const int ReportAt = 40;

    /// <summary>The score of <paramref name="signals"/>: each signal counts once, however many facts show it.</summary>
    public static int Of(IEnumerable<RoleSignal> signals) => signals.DistinctBy(s => s.Name).Sum(s => s.Weight);

    public static Severity SeverityOf(int score) => score switch
    {
        >= 100 => Severity.Critical,
        >= 75 => Severity.High,
        >= 55 => Severity.Medium,
        _ => Severity.Low,
    };
}
