namespace Monitor.Lambda.Telemetry;

/// <summary>
/// Where the handler's structured log lines and EMF metric documents go: stdout when deployed, which Lambda
/// ships to CloudWatch Logs (and CloudWatch turns the EMF documents into metrics without any API call).
/// </summary>
public sealed class InvocationTelemetry(TextWriter output, TimeProvider time, string metricsNamespace, string functionName)
{
    public BatchTelemetry StartBatch(string requestId) => new(this, requestId);

    internal TimeProvider Time { get; } = time;

    internal string MetricsNamespace { get; } = metricsNamespace;

    internal string FunctionName { get; } = functionName;

    internal void WriteLine(ReadOnlySpan<byte> utf8Json)
    {
        // One write per line: Lambda splits log events on newlines, so a line must never be interleaved.
        output.WriteLine(System.Text.Encoding.UTF8.GetString(utf8Json));
        output.Flush();
    }
}
