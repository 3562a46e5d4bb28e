using Monitor.Detection;
using Monitor.Detection.RootUsage;

namespace Monitor.Core.Tests.Detection.RootUsage;

/// <summary>Picks root-usage findings by rule (the first signal).</summary>
internal static class FindingQueries
{
    public static Finding Single(this IEnumerable<Finding> findings, FindingRule rule) =>
        findings.Where(f => f.Signals[0] == rule.Name).ShouldHaveSingleItem();

    public static IReadOnlyList<Finding> Of(this IEnumerable<Finding> findings, FindingRule rule) =>
        [.. findings.Where(f => f.Signals[0] == rule.Name)];

    public static string? Text(this Finding finding, string evidence) => finding.Evidence[evidence]?.ToString();
}
