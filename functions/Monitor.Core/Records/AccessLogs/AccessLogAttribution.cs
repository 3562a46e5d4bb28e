using System.Text;

namespace Monitor.Records.AccessLogs;

/// <summary>
/// Turns one access-log line into an <see cref="Activity"/> shaped like a CloudTrail S3 data event: event source
/// <c>s3.amazonaws.com</c>, event name = the IAM action without its prefix, resources = bucket or object ARNs, event
/// id = the request id. One instance per object read (its caches are not thread-safe).
/// </summary>
internal sealed class AccessLogAttribution(AccessLogOrigin origin)
{
    private const string S3Source = "s3.amazonaws.com";

    private readonly FieldCache<string> _strings = new(Encoding.UTF8.GetString);
    private readonly FieldCache<Principal> _requesters = new(bytes => AccessLogRequester.ToPrincipal(Encoding.UTF8.GetString(bytes)));
    private readonly FieldCache<SourceAddress> _addresses = new(bytes => SourceAddress.Parse(Encoding.UTF8.GetString(bytes)));
    private readonly FieldCache<string> _userAgents = new(bytes => Unescape(Encoding.UTF8.GetString(bytes)));
    private readonly FieldCache<string?> _hostRegions = new(RegionOfHost);
    private readonly Dictionary<(string, bool, bool), S3Operation> _operations = [];
    private readonly Dictionary<string, (string Arn, string ObjectPrefix)> _bucketArns = new(StringComparer.Ordinal);
    private DateTimeOffset _lastTime;
    private byte[] _lastTimeText = [];

    /// <summary>The activity for <paramref name="line"/>; null with a null rejection when the line is S3's own work.</summary>
    public Activity? Attribute(in AccessLogLine line, out string? rejection)
    {
        rejection = Missing(line);
        if (rejection is not null)
        {
            return null;
        }

        if (!TryTime(line[AccessLogField.Time], out var time))
        {
            rejection = $"unreadable time (expected [dd/Mon/yyyy:HH:mm:ss +0000] within {EventTimeRange.Description})";
            return null;
        }

        // S3 writes "-" where a request had no HTTP answer of its own (entries of a batch, lifecycle actions).
        var status = line.Status;
        if (status == 0 && !line.IsAbsent(AccessLogField.HttpStatus))
        {
            rejection = "unreadable HTTP status";
            return null;
        }

        var operationText = _strings.Get(line[AccessLogField.Operation]);
        var hasKey = !line.IsAbsent(AccessLogField.Key);
        var versioned = line[AccessLogField.RequestUri].IndexOf("versionId="u8) >= 0;
        var operation = OperationOf(operationText, hasKey, versioned);
        if (operation.IsServiceInternal)
        {
            return null;
        }

        var principal = _requesters.Get(line.IsAbsent(AccessLogField.Requester) ? "-"u8 : line[AccessLogField.Requester]);
        var region = Region(line);
        var bucket = _strings.Get(line[AccessLogField.Bucket]);
        var errorCode = line.IsAbsent(AccessLogField.ErrorCode) ? null : _strings.Get(line[AccessLogField.ErrorCode]);
        return new Activity
        {
            Time = time,
            EventId = Encoding.UTF8.GetString(line[AccessLogField.RequestId]),
            EventSource = S3Source,
            EventName = operation.Action ?? operationText,
            EventType = "AwsApiCall",
            Principal = principal,
            Account = origin.OwnerAccount ?? principal.AccountId,
            Region = region,
            Source = line.IsAbsent(AccessLogField.RemoteIp) ? SourceAddress.Missing : _addresses.Get(line[AccessLogField.RemoteIp]),
            UserAgent = line.IsAbsent(AccessLogField.UserAgent) ? null : _userAgents.Get(line[AccessLogField.UserAgent]),
            Outcome = OutcomeOf(status, errorCode),
            ErrorCode = errorCode,
            ReadOnly = IsRead(operationText),
            Origin = ActivityOrigin.S3AccessLog,
            Resources = Resources(operation.Scope, bucket, hasKey ? line[AccessLogField.Key] : default, region),
        };
    }

    /// <summary>
    /// Denied is only S3's AccessDenied: other 403s (bad signatures, expired tokens) fail before any policy is read. No
    /// status (0, written "-") proves nothing was granted, so it counts as a failure.
    /// </summary>
    internal static Outcome OutcomeOf(int status, string? errorCode) => status switch
    {
        0 => errorCode?.Contains("AccessDenied", StringComparison.Ordinal) == true ? Outcome.Denied : Outcome.Failure,
        < 400 => Outcome.Success,
        403 when errorCode is null || errorCode.Contains("AccessDenied", StringComparison.Ordinal) => Outcome.Denied,
        _ => Outcome.Failure,
    };

    private static string? Missing(in AccessLogLine line) =>
        line.IsAbsent(AccessLogField.Bucket) ? "no bucket"
        : line.IsAbsent(AccessLogField.RequestId) ? "no request id"
        : line.IsAbsent(AccessLogField.Operation) ? "no operation"
        : null;

    private static bool IsRead(string operation) =>
        operation.StartsWith("REST.GET.", StringComparison.Ordinal)
        || operation.StartsWith("REST.HEAD.", StringComparison.Ordinal)
        || operation.StartsWith("REST.OPTIONS.", StringComparison.Ordinal)
        || operation.StartsWith("WEBSITE.", StringComparison.Ordinal)
        || operation.EndsWith("_GET", StringComparison.Ordinal);

    private bool TryTime(ReadOnlySpan<byte> text, out DateTimeOffset time)
    {
        // The cache starts empty: an empty time field must not match it and read as 0001-01-01.
        if (_lastTimeText.Length > 0 && text.SequenceEqual(_lastTimeText))
        {
            time = _lastTime;
            return true;
        }

        if (!AccessLogTime.TryParse(text, out time))
        {
            return false;
        }

        _lastTime = time;
        _lastTimeText = text.ToArray();
        return true;
    }

    private S3Operation OperationOf(string operation, bool hasKey, bool versioned)
    {
        if (!_operations.TryGetValue((operation, hasKey, versioned), out var known))
        {
            known = S3OperationActions.For(operation, hasKey, versioned);
            _operations[(operation, hasKey, versioned)] = known;
        }

        return known;
    }

    private string? Region(in AccessLogLine line)
    {
        if (!line.IsAbsent(AccessLogField.Region))
        {
            return _strings.Get(line[AccessLogField.Region]);
        }

        return (line.IsAbsent(AccessLogField.HostHeader) ? null : _hostRegions.Get(line[AccessLogField.HostHeader])) ?? origin.Region;
    }

    private IReadOnlyList<string> Resources(S3ResourceScope scope, string bucket, ReadOnlySpan<byte> key, string? region)
    {
        if (scope is S3ResourceScope.None or S3ResourceScope.Account)
        {
            return scope == S3ResourceScope.Account ? ["*"] : [];
        }

        if (!_bucketArns.TryGetValue(bucket, out var arns))
        {
            var arn = $"arn:{PartitionOf(region)}:s3:::{bucket}";
            arns = (arn, arn + "/");
            _bucketArns[bucket] = arns;
        }

        // Object first, then its bucket: the order and pair CloudTrail data events list in resources[].
        return scope == S3ResourceScope.Object && !key.IsEmpty ? [AccessLogKey.Decode(arns.ObjectPrefix, key), arns.Arn] : [arns.Arn];
    }

    private static string PartitionOf(string? region) => region switch
    {
        not null when region.StartsWith("cn-", StringComparison.Ordinal) => "aws-cn",
        not null when region.StartsWith("us-gov-", StringComparison.Ordinal) => "aws-us-gov",
        _ => "aws",
    };

    // Virtual-hosted and path-style hosts: bucket.s3.us-west-1.amazonaws.com, s3.us-west-1.amazonaws.com,
    // bucket.s3-us-west-1.amazonaws.com (legacy dash form), bucket.s3.dualstack.us-west-1.amazonaws.com.
    private static string? RegionOfHost(ReadOnlySpan<byte> hostBytes)
    {
        var host = Encoding.UTF8.GetString(hostBytes);
        var labels = host.Split('.');
        for (var i = 0; i < labels.Length - 1; i++)
        {
            var label = labels[i];
            if (label.StartsWith("s3-", StringComparison.Ordinal) && label.Length > 3 && label != "s3-accesspoint")
            {
                return label[3..];
            }

            if (label == "s3" || label == "dualstack" || label == "s3-accesspoint")
            {
                var next = labels[i + 1];
                if (next != "amazonaws" && next != "dualstack" && next.Contains('-', StringComparison.Ordinal))
                {
                    return next;
                }
            }
        }

        return null;
    }

    private static string Unescape(string text) =>
        text.Contains("\\\"", StringComparison.Ordinal) ? text.Replace("\\\"", "\"", StringComparison.Ordinal) : text;
}
