namespace Monitor.Envelopes;

/// <summary>What an input of a given <see cref="InputShape"/> is, and so what is done with it.</summary>
public enum InputRole
{
    /// <summary>A message body that names log objects to read, or nothing to read: decoded by <see cref="EnvelopeDecoder"/>.</summary>
    Envelope,

    /// <summary>A Lambda SQS event: a batch of messages, each body an envelope.</summary>
    MessageBatch,

    /// <summary>A log to read, as <see cref="Records.LogObjectReader"/> does: CloudTrail records in any of their shapes, or an S3 server access log.</summary>
    Log,

    /// <summary>An IAM credential report: its rows go into the credential ledger.</summary>
    CredentialReport,

    /// <summary>Holds no activity: passed over with <see cref="InputShape.PassOverReason"/>.</summary>
    NoActivity,
}
