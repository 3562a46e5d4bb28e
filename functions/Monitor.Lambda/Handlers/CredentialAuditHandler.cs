using System.Buffers;
using System.Text.Json;
using Monitor.Detection;
using Monitor.Lambda.Runtime;
using Monitor.Pipeline;
using Monitor.Records.CredentialReports;

namespace Monitor.Lambda.Handlers;

/// <summary>
/// The scheduled credential audit: fetch a fresh credential report from IAM, store its rows in the ledger, judge
/// every user's credentials as of the schedule's time, and alert on the findings not stored before. A failure to
/// get the report throws (the invocation fails and the schedule's retry and alarm apply); the audit then still
/// runs on the next schedule with whatever the ledger holds.
/// </summary>
public sealed class CredentialAuditHandler(
    ICredentialReportSource reports,
    CredentialAuditor auditor,
    TimeProvider time) : IInvocationHandler
{
    public async Task<ReadOnlyMemory<byte>> HandleAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var report = await reports.FetchAsync(cancellationToken).ConfigureAwait(false);
        if (report.IsRejected)
        {
            throw new InvalidDataException(report.Error);
        }

        var recorded = await auditor.RecordAsync(report, cancellationToken).ConfigureAwait(false);
        var asOf = ScheduleEvent.Time(invocation.Body.Span) ?? time.GetUtcNow();
        var outcome = await auditor.AuditAsync(asOf, cancellationToken).ConfigureAwait(false);
        return Summary(asOf, recorded, outcome.Findings.Count, outcome.NewFindings.Count, report.Errors);
    }

    private static ReadOnlyMemory<byte> Summary(DateTimeOffset asOf, int rows, int findings, int fresh, IReadOnlyList<string> errors)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, FindingJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("asOf", FindingJson.FormatTime(asOf));
            writer.WriteNumber("reportRows", rows);
            writer.WriteNumber("findings", findings);
            writer.WriteNumber("newFindings", fresh);
            writer.WriteStartArray("errors");
            foreach (var error in errors)
            {
                writer.WriteStringValue(error);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}
