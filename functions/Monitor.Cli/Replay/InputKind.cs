namespace Monitor.Cli.Replay;

/// <summary>What a local input file was recognised as, by its content (never by its name).</summary>
internal enum InputKind
{
    Unknown,

    /// <summary>A Lambda SQS event: each message goes through the envelope decoder.</summary>
    SqsEvent,

    /// <summary>A bare message body: an S3 notification, SNS envelope, CloudTrail SNS notice or S3 test event.</summary>
    MessageBody,

    /// <summary>CloudTrail records: a delivered log file, a bare array, one record, or an EventBridge event.</summary>
    CloudTrail,

    /// <summary>An S3 server access log: its first line parses as an access-log line.</summary>
    AccessLog,

    /// <summary>An IAM credential report CSV: its rows go into the credential ledger.</summary>
    CredentialReport,

    /// <summary>
    /// <c>aws iam get-account-authorization-details</c> output: what is granted, read by <c>report --granted</c>.
    /// Replay passes over it (it holds no activity).
    /// </summary>
    AuthorizationDetails,

    /// <summary>A CloudTrail digest file (log file validation): no activity, passed over with a note.</summary>
    Digest,
}
