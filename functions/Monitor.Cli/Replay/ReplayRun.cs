using Monitor.Cli.Objects;
using Monitor.Cli.Output;
using Monitor.Cli.State;
using Monitor.Detection;
using Monitor.Pipeline;
using Monitor.Sinks;
using Monitor.State;

namespace Monitor.Cli.Replay;

/// <summary>
/// One <c>replay</c> invocation: open the store, feed the inputs through the pipeline, print the findings.
/// Exit code 0 when every input was usable (findings or not), 1 when some input failed.
/// </summary>
internal static class ReplayRun
{
    public static async Task<int> ExecuteAsync(ReplaySettings settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var store = StateFile.TryOpen(settings.StatePath, errors);
        if (store is null)
        {
            return 2;
        }

        await using (store.ConfigureAwait(false))
        {
            return await ExecuteAsync(settings, store, output, errors, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The run over an open store (tests pass an in-memory one).</summary>
    public static async Task<int> ExecuteAsync(ReplaySettings settings, IStateStore store, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var ingestor = new Ingestor(new FolderObjectSource(settings.ObjectsRoot), store, DetectorCatalog.All(settings.Detection), NullFindingSink.Instance, TimeProvider.System);
        var auditor = new CredentialAuditor(store, NullFindingSink.Instance, settings.Detection.Credentials);
        var result = await new Replayer(ingestor, auditor).ReplayAsync(settings.Paths, settings.ObjectsRoot, cancellationToken).ConfigureAwait(false);

        // The audit runs once, after every input, as of --as-of; without it, each account as of its own latest evidence
        // (events and report generation alike), so replaying one account's recent logs beside another's old ones does
        // not make the old account's credentials look idle.
        var asOf = settings.AsOf ?? result.LatestEventTime;
        if (asOf is not null)
        {
            result.AddFindings((await auditor.AuditAsync(settings.AsOf, cancellationToken).ConfigureAwait(false)).Findings);
        }

        await result.LoadFindingsAsync(store, cancellationToken).ConfigureAwait(false);

        ResultPrinter.Print(result, settings.Format, asOf, output, errors);
        return result.Errors.Count == 0 ? 0 : 1;
    }
}
