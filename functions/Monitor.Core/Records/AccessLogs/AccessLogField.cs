namespace Monitor.Records.AccessLogs;

/// <summary>
/// Positions (0-based) of the S3 server access log fields, in the documented order. AWS appends new fields at
/// the end, so older logs stop early and newer ones run on: a reader must accept both.
/// </summary>
internal static class AccessLogField
{
    public const int BucketOwner = 0;
    public const int Bucket = 1;
    public const int Time = 2;
    public const int RemoteIp = 3;
    public const int Requester = 4;
    public const int RequestId = 5;
    public const int Operation = 6;
    public const int Key = 7;
    public const int RequestUri = 8;
    public const int HttpStatus = 9;
    public const int ErrorCode = 10;
    public const int BytesSent = 11;
    public const int ObjectSize = 12;
    public const int TotalTime = 13;
    public const int TurnAroundTime = 14;
    public const int Referer = 15;
    public const int UserAgent = 16;
    public const int VersionId = 17;
    public const int HostId = 18;
    public const int SignatureVersion = 19;
    public const int CipherSuite = 20;
    public const int AuthenticationType = 21;
    public const int HostHeader = 22;
    public const int TlsVersion = 23;
    public const int AccessPointArn = 24;
    public const int AclRequired = 25;
    public const int Region = 26;

    /// <summary>The fields documented today.</summary>
    public const int Documented = 27;

    /// <summary>
    /// A line must reach the user agent to be a line at all: every format generation AWS has shipped has at least
    /// that much, and fewer fields means a cut line, not an old one.
    /// </summary>
    public const int Minimum = UserAgent + 1;
}
