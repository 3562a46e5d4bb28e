namespace Monitor.Records.AccessLogs;

/// <summary>
/// Every documented field of one access-log line, typed; null where the line says <c>-</c> or ends before the
/// field. The reader does not build these (it attributes straight from the line's bytes); they serve tools and
/// tests that want the whole line.
/// </summary>
public sealed record AccessLogRecord
{
    public string? BucketOwner { get; init; }

    public string? Bucket { get; init; }

    public DateTimeOffset? Time { get; init; }

    public string? RemoteIp { get; init; }

    public string? Requester { get; init; }

    public string? RequestId { get; init; }

    public string? Operation { get; init; }

    /// <summary>The object key, URL-decoded.</summary>
    public string? Key { get; init; }

    public string? RequestUri { get; init; }

    public int? HttpStatus { get; init; }

    public string? ErrorCode { get; init; }

    public long? BytesSent { get; init; }

    public long? ObjectSize { get; init; }

    public long? TotalTimeMs { get; init; }

    public long? TurnAroundTimeMs { get; init; }

    public string? Referer { get; init; }

    public string? UserAgent { get; init; }

    public string? VersionId { get; init; }

    public string? HostId { get; init; }

    public string? SignatureVersion { get; init; }

    public string? CipherSuite { get; init; }

    public string? AuthenticationType { get; init; }

    public string? HostHeader { get; init; }

    public string? TlsVersion { get; init; }

    public string? AccessPointArn { get; init; }

    /// <summary>True when the line says <c>Yes</c>: an ACL was needed to authorize the request.</summary>
    public bool AclRequired { get; init; }

    public string? Region { get; init; }

    /// <summary>How many fields the line had (fewer than 27 for older logs, more once AWS adds some).</summary>
    public int FieldCount { get; init; }

    public static AccessLogRecord From(in AccessLogLine line) => new()
    {
        BucketOwner = line.Text(AccessLogField.BucketOwner),
        Bucket = line.Text(AccessLogField.Bucket),
        Time = AccessLogTime.TryParse(line[AccessLogField.Time], out var time) ? time : null,
        RemoteIp = line.Text(AccessLogField.RemoteIp),
        Requester = line.Text(AccessLogField.Requester),
        RequestId = line.Text(AccessLogField.RequestId),
        Operation = line.Text(AccessLogField.Operation),
        Key = line.IsAbsent(AccessLogField.Key) ? null : AccessLogKey.Decode(line[AccessLogField.Key]),
        RequestUri = line.Text(AccessLogField.RequestUri),
        HttpStatus = line.Status is > 0 and var status ? status : null,
        ErrorCode = line.Text(AccessLogField.ErrorCode),
        BytesSent = line.Number(AccessLogField.BytesSent),
        ObjectSize = line.Number(AccessLogField.ObjectSize),
        TotalTimeMs = line.Number(AccessLogField.TotalTime),
        TurnAroundTimeMs = line.Number(AccessLogField.TurnAroundTime),
        Referer = line.Text(AccessLogField.Referer),
        UserAgent = line.Text(AccessLogField.UserAgent),
        VersionId = line.Text(AccessLogField.VersionId),
        HostId = line.Text(AccessLogField.HostId),
        SignatureVersion = line.Text(AccessLogField.SignatureVersion),
        CipherSuite = line.Text(AccessLogField.CipherSuite),
        AuthenticationType = line.Text(AccessLogField.AuthenticationType),
        HostHeader = line.Text(AccessLogField.HostHeader),
        TlsVersion = line.Text(AccessLogField.TlsVersion),
        AccessPointArn = line.Text(AccessLogField.AccessPointArn),
        AclRequired = line[AccessLogField.AclRequired].SequenceEqual("Yes"u8),
        Region = line.Text(AccessLogField.Region),
        FieldCount = line.Count,
    };
}
