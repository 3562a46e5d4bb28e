namespace Monitor.Lambda.Runtime;

/// <summary>One invocation handed out by <c>/runtime/invocation/next</c>: its headers and the raw event body.</summary>
public sealed record Invocation(
    string RequestId,
    DateTimeOffset Deadline,
    string? FunctionArn,
    string? TraceId,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>Time left before Lambda stops the function, as seen by <paramref name="time"/>.</summary>
    public TimeSpan RemainingTime(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Deadline - time.GetUtcNow();
    }
}
