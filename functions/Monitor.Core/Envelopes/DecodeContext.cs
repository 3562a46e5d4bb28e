namespace Monitor.Envelopes;

/// <summary>The message being decoded and whether an SNS envelope was already unwrapped; every rejection names the message.</summary>
internal readonly record struct DecodeContext(string MessageId, bool ViaSns)
{
    public Envelope Reject(string what) =>
        Envelope.Rejected($"message {MessageId}: {(ViaSns ? "in the SNS Message, " : "")}{what}");

    public Envelope Accept(
        EnvelopeKind kind,
        IReadOnlyList<ObjectRef> objects,
        IReadOnlyList<string> inlineRecords,
        IReadOnlyList<string> skipped) =>
        new(kind, ViaSns, objects, inlineRecords, skipped);
}
