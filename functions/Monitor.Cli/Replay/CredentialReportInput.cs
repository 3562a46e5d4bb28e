using System.Diagnostics;
using System.Text;
using Monitor.Pipeline;
using Monitor.Records;
using Monitor.Records.CredentialReports;

namespace Monitor.Cli.Replay;

/// <summary>Reads a credential report CSV (plain or gzip) and stores its rows in the credential ledger.</summary>
internal static class CredentialReportInput
{
    public static async Task<MessageOutcome> ReplayAsync(string file, CredentialAuditor auditor, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        CredentialReport report;
        var raw = File.OpenRead(file);
        await using (raw.ConfigureAwait(false))
        {
            var stream = await LogStreams.OpenAsync(raw, file, leaveOpen: false, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var text = new StreamReader(stream, Encoding.UTF8);
                report = CredentialReportReader.Read(text, file);
            }
        }

        if (report.IsRejected)
        {
            return new MessageOutcome(file, MessageStatus.Failed, 0, [], [], [report.Error!], [], null, Stopwatch.GetElapsedTime(started));
        }

        var recorded = await auditor.RecordAsync(report, cancellationToken).ConfigureAwait(false);
        var notes = recorded == 0 && report.Rows.Count > 0 ? new[] { $"{file}: the report holds no date to stamp its rows with; nothing recorded" } : [];
        return new MessageOutcome(file, MessageStatus.Processed, report.Rows.Count, [], [], report.Errors, notes, report.GeneratedAt, Stopwatch.GetElapsedTime(started));
    }
}
