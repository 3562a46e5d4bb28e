using Monitor.Detection;

namespace Monitor.Core.Tests.Detection;

/// <summary>
/// The exact set of findings a detector test expects, written as "first-signal severity" lines: asserting the whole set
/// (not "contains") is what notices a finding that should not be there.
/// </summary>
internal static class FindingSets
{
    /// <summary>Each finding as "first-signal severity" (<c>root-console-login critical</c>), sorted.</summary>
    public static string[] Rules(this IEnumerable<Finding> findings) =>
        [.. findings.Select(f => $"{f.Signals[0]} {FindingJson.SeverityName(f.Severity)}").Order(StringComparer.Ordinal)];
}
