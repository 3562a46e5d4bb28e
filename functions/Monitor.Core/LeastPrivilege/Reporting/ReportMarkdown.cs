using System.Globalization;
using System.Text;
using Monitor.LeastPrivilege.Catalog;
using Monitor.LeastPrivilege.Policies;

namespace Monitor.LeastPrivilege.Reporting;

/// <summary>The report as Markdown, for a pull request or a wiki page. Every name is escaped.</summary>
internal static class ReportMarkdown
{
    public static string Render(LeastPrivilegeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.AppendLine("# Least-privilege report").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"As of {report.AsOf?.ToString("u", CultureInfo.InvariantCulture) ?? "(no events)"}. Records read: {string.Join(", ", report.Records.Select(r => $"{r.Key} {r.Value}"))}.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Data events seen for: {(report.DataEventServices.Count == 0 ? "none (data-plane actions are usage unknown)" : string.Join(", ", report.DataEventServices))}.").AppendLine();
        md.AppendLine("| Principal | Granted | Used | Unused | Usage unknown | Denied |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var p in report.Principals)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {MarkdownText.Escape(p.Principal)} | {(p.GrantsKnown ? p.Granted.ToString(CultureInfo.InvariantCulture) : "?")} | {p.Used.Count} | {p.UnusedCount} | {p.UsageUnknown.Count} | {p.Denied.Values.Sum()} |");
        }

        foreach (var p in report.Principals)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {MarkdownText.Escape(p.Principal)}").AppendLine();
            if (!p.GrantsKnown)
            {
                md.AppendLine("Grants unknown (not in the authorization details given).").AppendLine();
            }

            Line(md, "Granted by", p.GrantedBy);
            Line(md, "Credentials", p.Credentials);
            foreach (var level in p.Unused)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- Unused {MarkdownText.Escape(level.Level.Name())} ({level.Actions.Count}): {List(level.Actions, 40)}");
            }

            Line(md, "Unused services", p.UnusedServices);
            Line(md, "Usage unknown (no input could show it)", p.UsageUnknown);
            Line(md, "Used but not granted here", p.UsedNotGranted);
            Line(md, "Denied", [.. p.Denied.Select(d => $"{d.Key} x{d.Value}")]);
            Line(md, "Unmapped", [.. p.Unmapped.Select(u => $"{u.EventSource} {u.EventName} x{u.Count}")]);
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Suggested policy ({p.Suggestion.Size}/{p.Suggestion.Budget} characters{(p.Suggestion.Reductions.Count > 0 ? "; reduced: " + string.Join(", ", p.Suggestion.Reductions) : string.Empty)}):").AppendLine();
            foreach (var document in p.Suggestion.Documents)
            {
                // Policy JSON holds ARNs from the logs: a fence longer than any backtick run inside keeps it a code block.
                var json = PolicyJson.ToJson(document, indented: true);
                var fence = new string('`', Math.Max(3, LongestBacktickRun(json) + 1));
                md.AppendLine(fence + "json").AppendLine(json).AppendLine(fence);
            }
        }

        return md.ToString();
    }

    private static void Line(StringBuilder md, string title, IReadOnlyList<string> items)
    {
        if (items.Count > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {title} ({items.Count}): {List(items, 40)}");
        }
    }

    private static string List(IReadOnlyList<string> items, int max) =>
        string.Join(", ", items.Take(max).Select(MarkdownText.Escape)) + (items.Count > max ? $", … {items.Count - max} more" : string.Empty);

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
