using System.Buffers;
using System.Text.Json;
using Monitor.Pipeline;

namespace Monitor.Lambda.Telemetry;

/// <summary>
/// Telemetry of one SQS batch: a JSON log line per message as it finishes, then the batch's EMF metrics.
/// Log lines carry counts, ids and error reasons only, never message bodies or record contents.
/// </summary>
public sealed class BatchTelemetry
{
    private readonly InvocationTelemetry _sink;
    private readonly string _requestId;
    private readonly Dictionary<(string Detector, string Severity), int> _findings = [];
    private readonly List<double> _lagSeconds = [];
    private int _messages;
    private int _failed;
    private int _records;

    internal BatchTelemetry(InvocationTelemetry sink, string requestId)
    {
        _sink = sink;
        _requestId = requestId;
    }

    public void Processed(string? messageId, MessageOutcome outcome, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _messages++;
        _records += outcome.Records;
        _failed += outcome.Failed ? 1 : 0;
        foreach (var finding in outcome.NewFindings)
        {
            var key = (finding.Detector, finding.Severity.ToString().ToLowerInvariant());
            _findings[key] = _findings.GetValueOrDefault(key) + 1;
        }

        double? lag = outcome.LatestEventTime is { } latest ? Math.Max(0, (_sink.Time.GetUtcNow() - latest).TotalSeconds) : null;
        if (lag is { } seconds)
        {
            _lagSeconds.Add(Math.Round(seconds, 3));
        }

        WriteLog(outcome.Failed ? "WARN" : "INFO", messageId, outcome.Status.ToString().ToLowerInvariant(), w =>
        {
            w.WriteString("input", outcome.Input);
            w.WriteNumber("records", outcome.Records);
            w.WriteNumber("findings", outcome.Findings.Count);
            w.WriteNumber("newFindings", outcome.NewFindings.Count);
            w.WriteNumber("durationMs", Math.Round(duration.TotalMilliseconds, 1));
            if (lag is { } value)
            {
                w.WriteNumber("lagSeconds", Math.Round(value, 3));
            }

            WriteStrings(w, "errors", outcome.Errors);
            WriteStrings(w, "notes", outcome.Notes);
        });
    }

    /// <summary>A message left unprocessed because the deadline was near; it is returned as a failure.</summary>
    public void Deferred(string? messageId)
    {
        _messages++;
        _failed++;
        WriteLog("WARN", messageId, "deferred", w => w.WriteString("reason", "not started: too close to the deadline"));
    }

    /// <summary>Writes the batch's metrics.</summary>
    public void Complete()
    {
        _sink.WriteLine(MetricDocument.Batch(_sink, _messages, _failed, _records, _lagSeconds));
        foreach (var ((detector, severity), count) in _findings.OrderBy(f => f.Key.Detector, StringComparer.Ordinal).ThenBy(f => f.Key.Severity, StringComparer.Ordinal))
        {
            _sink.WriteLine(MetricDocument.Findings(_sink, detector, severity, count));
        }
    }

    private void WriteLog(string level, string? messageId, string outcome, Action<Utf8JsonWriter> details)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("level", level);
            w.WriteString("message", "sqs message");
            w.WriteString("requestId", _requestId);
            w.WriteString("messageId", messageId);
            w.WriteString("outcome", outcome);
            details(w);
            w.WriteEndObject();
        }

        _sink.WriteLine(buffer.WrittenSpan);
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var value in values.Take(20))
        {
            w.WriteStringValue(value.Length > 500 ? value[..500] + "…" : value);
        }

        w.WriteEndArray();
    }
}
