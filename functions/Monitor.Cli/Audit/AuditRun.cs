using Monitor.Cli.Output;
using Monitor.Cli.Replay;
using Monitor.Pipeline;
using Monitor.Sinks;
using Monitor.State;

namespace Monitor.Cli.Audit;

/// <summary>
/// One <c>audit</c> invocation: optionally record a credential report into the ledger, then judge every credential
/// in the store as of <c>--as-of</c> (default: now, from the injected clock) and print the findings.
/// </summary>
internal static class AuditRun
{
    public static async Task<int> ExecuteAsync(AuditSettings settings, IStateStore store, TimeProvider time, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var result = new ReplayResult();
        var auditor = new CredentialAuditor(store, NullFindingSink.Instance, settings.Detection.Credentials);
        if (settings.CredentialReport is { } report)
        {
            if (!File.Exists(report))
            {
                await errors.WriteLineAsync($"error: {TerminalText.Safe(report)}: no such file").ConfigureAwait(false);
                return 2;
            }

            result.Add(await CredentialReportInput.ReplayAsync(report, auditor, cancellationToken).ConfigureAwait(false));
        }

        var asOf = settings.AsOf ?? time.GetUtcNow();
        result.AddFindings((await auditor.AuditAsync(asOf, cancellationToken).ConfigureAwait(false)).Findings);
        await result.LoadFindingsAsync(store, cancellationToken).ConfigureAwait(false);

        ResultPrinter.Print(result, settings.Format, asOf, output, errors);
        return result.Errors.Count == 0 ? 0 : 1;
    }
}
