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
using Monitor.Pipeline;
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
        var prefix = Prefix(asOf);
        var report = await new LeastPrivilegeReporter(mapper.Catalog, new BucketOutput(objects, bucket, prefix)).WriteAsync(usage, grants, asOf, null, cancellationToken).ConfigureAwait(false);
        return Summary(asOf, prefix, report.Principals.Count);
    }

    public static string Prefix(DateTimeOffset asOf) =>
        string.Create(CultureInfo.InvariantCulture, $"reports/{asOf.UtcDateTime:yyyy}/{asOf.UtcDateTime:MM}/{asOf.UtcDateTime:dd}/");

    /// <summary>The report's files under one prefix of the report bucket.</summary>
    private sealed class BucketOutput(IObjectWriter objects, string bucket, string prefix) : IReportOutput
    {
        public Task WriteAsync(string name, string content, string contentType, CancellationToken cancellationToken) =>
            objects.PutAsync(bucket, prefix + name, content, contentType, cancellationToken);
    }

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
