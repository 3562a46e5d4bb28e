namespace Monitor.Envelopes;

/// <summary>The shape an SQS message body was recognised as.</summary>
internal enum EnvelopeKind
{
    Unknown,
    S3Notification,
    S3TestEvent,
    CloudTrailNotice,
    EventBridgeEvent,
}
