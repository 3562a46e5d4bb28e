using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Monitor.Aws.Iam;
using Monitor.Aws.Objects;
using Monitor.Detection;
using Monitor.Lambda.Runtime;
using Monitor.LeastPrivilege;
using Monitor.LeastPrivilege.Mapping;
using Monitor.LeastPrivilege.Reporting;
using Monitor.State;

namespace Monitor.Lambda.Handlers;

/// <summary>
/// The scheduled least-privilege report: what is granted (from IAM) against what was used (the sightings the
/// ingest functions' <see cref="UsageRecorder"/> stored), written as report.json / .md / .html under
/// <c>reports/YYYY/MM/DD/</c> of the schedule's day. A rerun for the same schedule overwrites the same keys.
/// </summary>
public sealed class LeastPrivilegeReportHandler(
    IGrantedSource granted,
    IStateStore store,
    IObjectWriter objects,
    string bucket,
    ActionMapper mapper,
    TimeProvider time) : IInvocationHandler
{
    public async Task<ReadOnlyMemory<byte>> HandleAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var asOf = ScheduleEvent.Time(invocation.Body.Span) ?? time.GetUtcNow();
        var grants = await granted.FetchAsync(cancellationToken).ConfigureAwait(false);
        var usage = await StoredUsage.LoadAsync(store, mapper, cancellationToken).ConfigureAwait(false);
        var report = new ReportBuilder(mapper.Catalog).Build(usage, grants, asOf);

        var prefix = Prefix(asOf);
        await objects.PutAsync(bucket, prefix + "report.json", ReportJson.Render(report), "application/json", cancellationToken).ConfigureAwait(false);
        await objects.PutAsync(bucket, prefix + "report.md", ReportMarkdown.Render(report), "text/markdown; charset=utf-8", cancellationToken).ConfigureAwait(false);
        await objects.PutAsync(bucket, prefix + "report.html", ReportHtml.Render(report), "text/html; charset=utf-8", cancellationToken).ConfigureAwait(false);
        return Summary(asOf, prefix, report.Principals.Count);
    }

    public static string Prefix(DateTimeOffset asOf) =>
        string.Create(CultureInfo.InvariantCulture, $"reports/{asOf.UtcDateTime:yyyy}/{asOf.UtcDateTime:MM}/{asOf.UtcDateTime:dd}/");

    private ReadOnlyMemory<byte> Summary(DateTimeOffset asOf, string prefix, int principals)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, FindingJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("asOf", FindingJson.FormatTime(asOf));
            writer.WriteString("location", $"s3://{bucket}/{prefix}");
            writer.WriteNumber("principals", principals);
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}
