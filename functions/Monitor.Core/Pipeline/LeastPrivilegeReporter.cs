using Monitor.LeastPrivilege;
using Monitor.LeastPrivilege.Catalog;
using Monitor.LeastPrivilege.Granted;
using Monitor.LeastPrivilege.Policies;
using Monitor.LeastPrivilege.Reporting;
using Monitor.Records.CredentialReports;

namespace Monitor.Pipeline;

/// <summary>
/// The least-privilege report use case, the same for <c>monitor report</c> and the scheduled function: what is granted
/// against what was used, with suggested policies, written as report.json, report.md and report.html.
/// </summary>
public sealed class LeastPrivilegeReporter(IamCatalog catalog, IReportOutput output, int budget = PolicyBudgets.Managed)
{
    public async Task<LeastPrivilegeReport> WriteAsync(
        UsageAggregator usage, IReadOnlyList<GrantedPrincipal> granted, DateTimeOffset? asOf, CredentialReport? credentials, CancellationToken cancellationToken)
    {
        var report = new ReportBuilder(catalog, budget).Build(usage, granted, asOf, credentials);
        await output.WriteAsync("report.json", ReportJson.Render(report), "application/json", cancellationToken).ConfigureAwait(false);
        await output.WriteAsync("report.md", ReportMarkdown.Render(report), "text/markdown; charset=utf-8", cancellationToken).ConfigureAwait(false);
        await output.WriteAsync("report.html", ReportHtml.Render(report), "text/html; charset=utf-8", cancellationToken).ConfigureAwait(false);
        return report;
    }
}
