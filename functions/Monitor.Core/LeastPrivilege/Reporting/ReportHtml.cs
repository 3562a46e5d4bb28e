using System.Globalization;
using System.Net;
using System.Text;
using Monitor.LeastPrivilege.Catalog;
using Monitor.LeastPrivilege.Policies;

namespace Monitor.LeastPrivilege.Reporting;

/// <summary>
/// The report as one self-contained HTML page: inline CSS, an inline SVG chart of granted versus used per
/// principal, no script at all, and a Content-Security-Policy that forbids loading anything. Every piece of
/// text comes from logs or policies an attacker may have named, so every piece is HTML-encoded.
/// </summary>
internal static class ReportHtml
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1b1f24;max-width:72rem}
        h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem;word-break:break-all}
        table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;font-size:.9rem}
        td.n{text-align:right}pre{background:#f6f8fa;padding:.8rem;overflow:auto;font-size:.8rem}
        .lvl{font-weight:600}.pm{color:#a40e26}.w{color:#9a6700}.muted{color:#57606a}
        code{font-size:.85rem;word-break:break-all}ul{padding-left:1.2rem}
        """;

    public static string Render(LeastPrivilegeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Least-privilege report</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>Least-privilege report</h1><p class=\"muted\">As of ").Append(E(report.AsOf?.ToString("u", CultureInfo.InvariantCulture) ?? "(no events)"))
            .Append(". Records: ").Append(E(string.Join(", ", report.Records.Select(r => $"{r.Key} {r.Value}"))))
            .Append(". Data events seen for: ").Append(E(report.DataEventServices.Count == 0 ? "none" : string.Join(", ", report.DataEventServices))).Append(".</p>");
        html.Append(ReportChart.Svg(report.Principals));
        Summary(html, report);
        foreach (var principal in report.Principals)
        {
            Principal(html, principal);
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static void Summary(StringBuilder html, LeastPrivilegeReport report)
    {
        html.Append("<table><thead><tr><th>Principal</th><th>Granted</th><th>Used</th><th>Unused</th><th>Usage unknown</th><th>Denied</th></tr></thead><tbody>");
        foreach (var p in report.Principals)
        {
            html.Append("<tr><td><code>").Append(E(p.Principal)).Append("</code></td><td class=\"n\">").Append(p.GrantsKnown ? p.Granted.ToString(CultureInfo.InvariantCulture) : "?")
                .Append("</td><td class=\"n\">").Append(p.Used.Count).Append("</td><td class=\"n\">").Append(p.UnusedCount)
                .Append("</td><td class=\"n\">").Append(p.UsageUnknown.Count).Append("</td><td class=\"n\">").Append(p.Denied.Values.Sum()).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void Principal(StringBuilder html, PrincipalReport p)
    {
        html.Append("<h2>").Append(E(p.Principal)).Append("</h2>");
        if (!p.GrantsKnown)
        {
            html.Append("<p class=\"muted\">Grants unknown: this principal is not in the authorization details given.</p>");
        }

        html.Append("<ul>");
        Item(html, "Granted by", p.GrantedBy);
        Item(html, "Credentials", p.Credentials);
        foreach (var level in p.Unused)
        {
            var css = level.Level switch { AccessLevel.PermissionsManagement => "lvl pm", AccessLevel.Write => "lvl w", _ => "lvl" };
            html.Append("<li><span class=\"").Append(css).Append("\">Unused ").Append(E(level.Level.Name())).Append(" (").Append(level.Actions.Count).Append(")</span>: ")
                .Append(Codes(level.Actions)).Append("</li>");
        }

        Item(html, "Unused services", p.UnusedServices);
        Item(html, "Usage unknown (no input could show it)", p.UsageUnknown);
        Item(html, "Used but not granted here", p.UsedNotGranted);
        Item(html, "Denied", [.. p.Denied.Select(d => $"{d.Key} x{d.Value}")]);
        Item(html, "Unmapped", [.. p.Unmapped.Select(u => $"{u.EventSource} {u.EventName} x{u.Count}")]);
        html.Append("</ul><p>Suggested policy (").Append(p.Suggestion.Size).Append('/').Append(p.Suggestion.Budget).Append(" characters")
            .Append(p.Suggestion.Reductions.Count > 0 ? "; reduced: " + E(string.Join(", ", p.Suggestion.Reductions)) : string.Empty).Append("):</p>");
        foreach (var document in p.Suggestion.Documents)
        {
            html.Append("<pre>").Append(E(PolicyJson.ToJson(document, indented: true))).Append("</pre>");
        }
    }

    private static void Item(StringBuilder html, string title, IReadOnlyList<string> items)
    {
        if (items.Count > 0)
        {
            html.Append("<li>").Append(E(title)).Append(" (").Append(items.Count).Append("): ").Append(Codes(items)).Append("</li>");
        }
    }

    private static string Codes(IReadOnlyList<string> items, int max = 60) =>
        string.Join(", ", items.Take(max).Select(i => "<code>" + E(i) + "</code>")) + (items.Count > max ? E($", … {items.Count - max} more") : string.Empty);

    internal static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
