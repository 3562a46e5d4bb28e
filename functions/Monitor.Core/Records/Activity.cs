namespace Monitor.Records;

/// <summary>
/// One observed request, normalized from a CloudTrail record or an S3 access-log line: the unit every
/// detector and the least-privilege engine consume. <see cref="Record"/> keeps the typed CloudTrail record
/// for the few consumers that need request parameters; it is null for access-log lines.
/// </summary>
public sealed record Activity
{
    /// <summary>Event time (UTC). Every baseline and window is computed from it, never from the wall clock.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>CloudTrail <c>eventID</c>, or the S3 request id for access-log lines.</summary>
    public required string EventId { get; init; }

    /// <summary>Service endpoint, e.g. <c>iam.amazonaws.com</c>.</summary>
    public required string EventSource { get; init; }

    /// <summary>API name as logged, e.g. <c>CreateAccessKey</c>, or the access-log operation.</summary>
    public required string EventName { get; init; }

    public required Principal Principal { get; init; }

    /// <summary>The account whose log holds the record (<c>recipientAccountId</c>), else the caller's account.</summary>
    public string? Account { get; init; }

    public string? Region { get; init; }

    /// <summary>The access key that signed the request (AKIA long-term, ASIA session), if any.</summary>
    public AccessKeyId? AccessKeyId { get; init; }

    public SourceAddress Source { get; init; } = SourceAddress.Missing;

    public string? UserAgent { get; init; }

    public Outcome Outcome { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public bool? ReadOnly { get; init; }

    /// <summary><c>eventType</c>: AwsApiCall, AwsServiceEvent, AwsConsoleSignIn, ... (casing varies in real logs).</summary>
    public string? EventType { get; init; }

    /// <summary><c>userIdentity.invokedBy</c>: the AWS service that made the call on the principal's behalf.</summary>
    public string? InvokedBy { get; init; }

    /// <summary>Whether MFA was used: <c>MFAUsed</c> for sign-ins, <c>mfaAuthenticated</c> for sessions; null if not stated.</summary>
    public bool? MfaUsed { get; init; }

    public ActivityOrigin Origin { get; init; } = ActivityOrigin.CloudTrail;

    /// <summary>Where in its input the activity was read (<c>record 17</c>, <c>line 9</c>), for error messages.</summary>
    public string? Position { get; init; }

    /// <summary>The typed record this activity came from, for reading parameters on demand.</summary>
    public CloudTrailRecord? Record { get; init; }

    /// <summary>Resources named by the record or the access-log line (ARNs).</summary>
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>Service part of <see cref="EventSource"/>: <c>iam</c> for <c>iam.amazonaws.com</c>.</summary>
    public string Service => EventSource.EndsWith(".amazonaws.com", StringComparison.Ordinal) ? EventSource[..^".amazonaws.com".Length] : EventSource;

    /// <summary>
    /// Identity of the event for deduplication. eventIDs are reused in test data and replays
    /// (Panther scenarios use "1" everywhere), so the id alone is never the key.
    /// </summary>
    public string DedupKey => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{EventId}|{Account}|{Time:O}");
}
