using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Monitor.Testing;

/// <summary>
/// A generated CloudTrail log file (<c>{"Records":[...]}</c>) of any size, produced on the fly as a
/// non-seekable stream so that a test or benchmark can read hundreds of megabytes without holding them.
/// Records rotate through realistic shapes: IAM user reads, role sessions writing, AWS service AssumeRole,
/// root console sign-in, AccessDenied, and cross-account calls.
/// </summary>
public sealed class SyntheticCloudTrailStream(int records, int paddingBytes = 0) : Stream
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _padding = new('x', paddingBytes);
    private byte[] _pending = "{\"Records\":["u8.ToArray();
    private int _offset;
    private int _next;
    private bool _closed;

    /// <summary>Total records the stream will produce.</summary>
    public int Records => records;

    /// <summary>The whole log, gzip-compressed in memory (as delivered to S3).</summary>
    public static byte[] Gzipped(int records, int paddingBytes = 0)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        using (var log = new SyntheticCloudTrailStream(records, paddingBytes))
        {
            log.CopyTo(gzip, 1 << 20);
        }

        return compressed.ToArray();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_offset == _pending.Length && !NextChunk())
            {
                break;
            }

            var count = Math.Min(buffer.Length - written, _pending.Length - _offset);
            _pending.AsSpan(_offset, count).CopyTo(buffer[written..]);
            _offset += count;
            written += count;
        }

        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    /// <summary>The JSON of record <paramref name="index"/> (0-based).</summary>
    public string RecordJson(int index)
    {
        var time = Start.AddSeconds(index).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var ip = $"203.0.{index / 250 % 250}.{index % 250}";
        var id = $"{index:x8}-0000-4000-8000-{index:x12}";
        var (identity, source, name, extra) = (index % 6) switch
        {
            0 => (User("alice"), "s3.amazonaws.com", "ListBuckets", "\"readOnly\":true"),
            1 => (Role("Deploy", $"build-{index % 97}"), "iam.amazonaws.com", "CreateAccessKey", "\"readOnly\":false,\"requestParameters\":{\"userName\":\"svc\"},\"responseElements\":{\"accessKey\":{\"accessKeyId\":\"AKIAEXAMPLENEWKEY\",\"status\":\"Active\",\"userName\":\"svc\"}}"),
            2 => ("{\"type\":\"AWSService\",\"invokedBy\":\"ec2.amazonaws.com\"}", "sts.amazonaws.com", "AssumeRole", "\"readOnly\":true,\"requestParameters\":{\"roleArn\":\"arn:aws:iam::123456789012:role/web\",\"roleSessionName\":\"i-0abc\"},\"resources\":[{\"accountId\":\"123456789012\",\"type\":\"AWS::IAM::Role\",\"ARN\":\"arn:aws:iam::123456789012:role/web\"}],\"sharedEventID\":\"" + id + "\""),
            3 => ("{\"type\":\"Root\",\"principalId\":\"123456789012\",\"arn\":\"arn:aws:iam::123456789012:root\",\"accountId\":\"123456789012\",\"accessKeyId\":\"\"}", "signin.amazonaws.com", "ConsoleLogin", "\"readOnly\":false,\"responseElements\":{\"ConsoleLogin\":\"Success\"},\"additionalEventData\":{\"LoginTo\":\"https://console.aws.amazon.com/\",\"MobileVersion\":\"No\",\"MFAUsed\":\"Yes\"}"),
            4 => (User("mallory"), "ec2.amazonaws.com", "RunInstances", "\"readOnly\":false,\"errorCode\":\"Client.UnauthorizedOperation\",\"errorMessage\":\"You are not authorized to perform this operation.\""),
            _ => ("{\"type\":\"AWSAccount\",\"principalId\":\"AROAOTHERROLE:x\",\"accountId\":\"210987654321\"}", "sts.amazonaws.com", "AssumeRole", "\"readOnly\":false,\"requestParameters\":{\"roleArn\":\"arn:aws:iam::123456789012:role/audit\",\"roleSessionName\":\"x\"}"),
        };
        var eventType = index % 6 == 3 ? "AwsConsoleSignIn" : "AwsApiCall";
        var padding = _padding.Length == 0 ? "" : $",\"padding\":\"{_padding}\"";
        return $"{{\"eventVersion\":\"1.09\",\"userIdentity\":{identity},\"eventTime\":\"{time}\",\"eventSource\":\"{source}\",\"eventName\":\"{name}\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"{ip}\",\"userAgent\":\"aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64\",{extra},\"requestID\":\"{id}\",\"eventID\":\"{id}\",\"eventType\":\"{eventType}\",\"managementEvent\":true,\"recipientAccountId\":\"123456789012\",\"eventCategory\":\"Management\",\"tlsDetails\":{{\"tlsVersion\":\"TLSv1.3\",\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\",\"clientProvidedHostHeader\":\"{source}\"}}{padding}}}";
    }

    public override void Flush()
    {
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static string User(string name) =>
        $"{{\"type\":\"IAMUser\",\"principalId\":\"AIDA{name.ToUpperInvariant()}\",\"arn\":\"arn:aws:iam::123456789012:user/{name}\",\"accountId\":\"123456789012\",\"accessKeyId\":\"AKIA{name.ToUpperInvariant()}KEY\",\"userName\":\"{name}\"}}";

    private static string Role(string role, string session) =>
        $"{{\"type\":\"AssumedRole\",\"principalId\":\"AROADEPLOY:{session}\",\"arn\":\"arn:aws:sts::123456789012:assumed-role/{role}/{session}\",\"accountId\":\"123456789012\",\"accessKeyId\":\"ASIADEPLOYKEY\",\"sessionContext\":{{\"sessionIssuer\":{{\"type\":\"Role\",\"principalId\":\"AROADEPLOY\",\"arn\":\"arn:aws:iam::123456789012:role/{role}\",\"accountId\":\"123456789012\",\"userName\":\"{role}\"}},\"attributes\":{{\"creationDate\":\"2025-01-01T00:00:00Z\",\"mfaAuthenticated\":\"false\"}}}}}}";

    private bool NextChunk()
    {
        if (_closed)
        {
            return false;
        }

        _offset = 0;
        if (_next < records)
        {
            var separator = _next == 0 ? "" : ",";
            _pending = Encoding.UTF8.GetBytes(separator + RecordJson(_next++));
        }
        else
        {
            _pending = "]}\n"u8.ToArray();
            _closed = true;
        }

        return true;
    }
}
