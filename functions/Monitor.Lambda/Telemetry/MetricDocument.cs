using System.Buffers;
using System.Text.Json;

namespace Monitor.Lambda.Telemetry;

/// <summary>
/// CloudWatch Embedded Metric Format documents. One document carries one set of dimension values, so findings
/// by detector and severity are one document per pair.
/// </summary>
internal static class MetricDocument
{
    public static ReadOnlySpan<byte> Batch(InvocationTelemetry sink, int messages, int failed, int records, IReadOnlyList<double> lagSeconds) =>
        Write(sink, [], [("Messages", "Count"), ("FailedMessages", "Count"), ("Records", "Count"), .. lagSeconds.Count > 0 ? [("IngestLag", "Seconds")] : Array.Empty<(string, string)>()], w =>
        {
            w.WriteNumber("Messages", messages);
            w.WriteNumber("FailedMessages", failed);
            w.WriteNumber("Records", records);
            if (lagSeconds.Count > 0)
            {
                // EMF accepts an array of values: one lag sample per message, so percentiles stay meaningful.
                w.WriteStartArray("IngestLag");
                foreach (var value in lagSeconds)
                {
                    w.WriteNumberValue(value);
                }

                w.WriteEndArray();
            }
        });

    public static ReadOnlySpan<byte> Findings(InvocationTelemetry sink, string detector, string severity, int count) =>
        Write(sink, [("Detector", detector), ("Severity", severity)], [("Findings", "Count")], w => w.WriteNumber("Findings", count));

    private static ReadOnlySpan<byte> Write(
        InvocationTelemetry sink,
        (string Name, string Value)[] dimensions,
        (string Name, string Unit)[] metrics,
        Action<Utf8JsonWriter> values)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("_aws");
            w.WriteNumber("Timestamp", sink.Time.GetUtcNow().ToUnixTimeMilliseconds());
            w.WriteStartArray("CloudWatchMetrics");
            w.WriteStartObject();
            w.WriteString("Namespace", sink.MetricsNamespace);
            w.WriteStartArray("Dimensions");
            w.WriteStartArray();
            w.WriteStringValue("Function");
            foreach (var (name, _) in dimensions)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteStartArray("Metrics");
            foreach (var (name, unit) in metrics)
            {
                w.WriteStartObject();
                w.WriteString("Name", name);
                w.WriteString("Unit", unit);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteString("Function", sink.FunctionName);
            foreach (var (name, value) in dimensions)
            {
                w.WriteString(name, value);
            }

            values(w);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan;
    }
}
