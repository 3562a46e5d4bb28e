namespace Monitor.Envelopes;

/// <summary>
/// What one message body carries, once decoded: log objects to read, inline CloudTrail records
/// (EventBridge <c>detail</c>, as JSON), and notes on what was skipped and why. <see cref="Error"/> is set
/// when the body was not recognised; it names the message and what was wrong.
/// </summary>
internal sealed record Envelope(
    EnvelopeKind Kind,
    bool ViaSns,
    IReadOnlyList<ObjectRef> Objects,
    IReadOnlyList<string> InlineRecords,
    IReadOnlyList<string> Skipped,
    string? Error = null)
{
    public bool IsRejected => Error is not null;

    public static Envelope Rejected(string error) => new(EnvelopeKind.Unknown, false, [], [], [], error);
}
