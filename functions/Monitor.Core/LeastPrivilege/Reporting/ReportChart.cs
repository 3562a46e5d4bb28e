using System.Globalization;
using System.Text;
using Monitor.Records;

namespace Monitor.LeastPrivilege.Reporting;

/// <summary>
/// Inline SVG: one stacked bar per principal — used, unused, usage unknown — scaled to the largest grant,
/// so over-granted principals stand out as long red bars. Labels are encoded like all other text.
/// </summary>
internal static class ReportChart
{
    private const int Label = 300;
    private const int Margin = 200;
    private const int Bar = 520;
    private const int Row = 26;

    public static string Svg(IReadOnlyList<PrincipalReport> principals)
    {
        ArgumentNullException.ThrowIfNull(principals);
        var max = Math.Max(1, principals.Select(p => p.Used.Count + p.UnusedCount + p.UsageUnknown.Count).DefaultIfEmpty(0).Max());
        var height = (principals.Count * Row) + 50;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Granted versus used actions per principal\" width=\"{Label + Bar + Margin}\" height=\"{height}\" viewBox=\"0 0 {Label + Bar + Margin} {height}\" font-family=\"system-ui,sans-serif\" font-size=\"12\">");
        svg.Append("<title>Granted versus used actions per principal</title>");
        var y = 10;
        foreach (var p in principals)
        {
            // The account is in the table below; the bar keeps the readable part (role/service/report-writer).
            var label = Arn.Parse(p.Principal)?.Resource ?? p.Principal;
            var name = label.Length > 44 ? "…" + label[^43..] : label;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Label - 8}\" y=\"{y + 14}\" text-anchor=\"end\">{ReportHtml.E(name)}</text>");
            var x = (double)Label;
            foreach (var (count, color, what) in new[] { (p.Used.Count, "#2da44e", "used"), (p.UnusedCount, "#cf222e", "unused"), (p.UsageUnknown.Count, "#bf8700", "usage unknown") })
            {
                var width = Bar * (double)count / max;
                if (count > 0)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:F1}\" y=\"{y}\" width=\"{Math.Max(width, 1.5):F1}\" height=\"18\" fill=\"{color}\"><title>{count} {what}</title></rect>");
                }

                x += width;
            }

            var total = p.GrantsKnown ? $"{p.Used.Count} used / {p.Granted} granted" : $"{p.Used.Count} used / grants unknown";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 6:F1}\" y=\"{y + 14}\" fill=\"#57606a\">{ReportHtml.E(total)}</text>");
            y += Row;
        }

        var legendY = y + 14;
        var legendX = Label;
        foreach (var (color, what) in new[] { ("#2da44e", "used"), ("#cf222e", "unused"), ("#bf8700", "usage unknown") })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{legendX}\" y=\"{legendY - 10}\" width=\"12\" height=\"12\" fill=\"{color}\"/><text x=\"{legendX + 16}\" y=\"{legendY}\">{what}</text>");
            legendX += 120;
        }

        return svg.Append("</svg>").ToString();
    }
}
