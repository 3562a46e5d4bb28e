using Monitor.Cli.Replay;
using Monitor.Detection;

namespace Monitor.Cli.Output;

/// <summary>
/// The human view of a replay: what was read, counts by detector and severity, then the findings, most
/// severe first. Every value from the logs goes through <see cref="TerminalText.Safe"/>.
/// </summary>
internal static class TableRenderer
{
    public static void Render(TextWriter output, ReplayResult result, DateTimeOffset? asOf)
    {
        var findings = result.Findings;
        output.WriteLine($"Read {result.Records:N0} records from {result.Outcomes.Count:N0} inputs{(asOf is { } t ? $", as of {t:yyyy-MM-ddTHH:mm:ssZ}" : "")}.");
        output.WriteLine($"{findings.Count} findings{(result.Errors.Count > 0 ? $", {result.Errors.Count} errors" : "")}.");
        if (findings.Count == 0)
        {
            return;
        }

        output.WriteLine();
        RenderCounts(output, findings);
        output.WriteLine();
        foreach (var finding in findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Time).ThenBy(f => f.Id, StringComparer.Ordinal))
        {
            RenderFinding(output, finding);
        }
    }

    private static void RenderCounts(TextWriter output, IReadOnlyList<Finding> findings)
    {
        var severities = Enum.GetValues<Severity>().Reverse().ToArray();
        var detectors = findings.Select(f => f.Detector).Distinct().Order(StringComparer.Ordinal).ToArray();
        var width = Math.Max(8, detectors.Max(d => d.Length));
        output.WriteLine($"{"detector".PadRight(width)}  " + string.Join("  ", severities.Select(s => Label(s).PadLeft(8))) + "     total");
        foreach (var detector in detectors)
        {
            var counts = severities.Select(s => findings.Count(f => f.Detector == detector && f.Severity == s).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(8));
            output.WriteLine($"{detector.PadRight(width)}  {string.Join("  ", counts)}  {findings.Count(f => f.Detector == detector),8}");
        }
    }

    private static void RenderFinding(TextWriter output, Finding finding)
    {
        output.WriteLine($"{Label(finding.Severity).ToUpperInvariant(),-8} {finding.Time:yyyy-MM-ddTHH:mm:ssZ}  {TerminalText.Safe(finding.Title)}");
        output.WriteLine($"         {TerminalText.Safe(finding.Principal)}  ({finding.Detector}, {finding.Id})");
        output.WriteLine($"         signals: {TerminalText.Safe(string.Join(", ", finding.Signals))}");
        output.WriteLine($"         events: {finding.EventIds.Count}  {TerminalText.Safe(string.Join(" ", finding.EventIds.Take(3)))}{(finding.EventIds.Count > 3 ? " …" : "")}");
        output.WriteLine();
    }

    public static string Label(Severity severity) => severity.ToString().ToLowerInvariant();
}
