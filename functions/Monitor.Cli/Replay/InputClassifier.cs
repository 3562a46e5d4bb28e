using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Monitor.Records;
using Monitor.Records.AccessLogs;

namespace Monitor.Cli.Replay;

/// <summary>
/// Recognises an input file from the first bytes of its content: gzip is looked through; a first line that parses
/// as an S3 access-log line makes an access log; otherwise the JSON root and (for <c>{"Records":[...]}</c>) the
/// first record's property names decide. Only a prefix is read, so a
/// large log is classified without loading it.
/// </summary>
internal static class InputClassifier
{
    private const int PrefixBytes = 64 * 1024;

    public static async Task<InputClassification> ClassifyAsync(string path, CancellationToken cancellationToken)
    {
        byte[] prefix;
        bool gzip;
        try
        {
            (prefix, gzip) = await ReadPrefixAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            return new(InputKind.Unknown, $"unreadable gzip: {e.Message}");
        }

        var text = SkipWhitespace(prefix);
        if (text.IsEmpty)
        {
            return new(InputKind.Unknown, gzip ? "gzip holds no data (empty or truncated)" : "empty file");
        }

        // The credential report is the one CSV input: its header starts "user,arn,". A file that starts like it but
        // differs is still handed to the report reader, whose rejection names the exact header expected.
        if (text.StartsWith("user,"u8) || text.StartsWith("\"user\","u8))
        {
            return new(InputKind.CredentialReport);
        }

        if (LogObjectReader.IsAccessLog(text))
        {
            return new(InputKind.AccessLog, null, AccessLogStart(text));
        }

        if (text[0] is not ((byte)'{' or (byte)'['))
        {
            return new(InputKind.Unknown, IsJsonScalar(text)
                ? "not a JSON object or array (expected a CloudTrail log, an SQS, SNS, S3 or EventBridge event)"
                : "not JSON, a credential report CSV or an S3 access log (expected a CloudTrail log, an SQS, SNS, S3 or EventBridge event, an S3 server access log, or an IAM credential report)");
        }

        // The JSON reader is given the text after the byte order mark: unlike JsonDocument, it does not skip one.
        var shape = JsonShape.Read(text);
        return text[0] == (byte)'['
            ? new(InputKind.CloudTrail, null, shape.FirstTime)
            : ClassifyObject(shape) with { FirstTime = shape.FirstTime };
    }

    private static InputClassification ClassifyObject(JsonShape shape)
    {
        if (shape.FirstRecordKeys is { } record)
        {
            if (record.Contains("messageId") || record.Contains("receiptHandle"))
            {
                return new(InputKind.SqsEvent);
            }

            if (record.Contains("s3") || shape.FirstRecordEventSource == "aws:s3")
            {
                return new(InputKind.MessageBody);
            }

            return new(InputKind.CloudTrail);
        }

        if (shape.RecordsIsEmptyArray)
        {
            return new(InputKind.CloudTrail);
        }

        var root = shape.RootKeys;
        if (root.Contains("Type") && root.Contains("Message"))
        {
            return new(InputKind.MessageBody);
        }

        if (root.Contains("s3Bucket") || root.Contains("Event"))
        {
            return new(InputKind.MessageBody);
        }

        if (root.Contains("digestS3Object") || (root.Contains("digestStartTime") && root.Contains("logFiles")))
        {
            return new(InputKind.Digest);
        }

        if (root.Contains("UserDetailList") || root.Contains("RoleDetailList") || root.Contains("GroupDetailList"))
        {
            return new(InputKind.AuthorizationDetails);
        }

        if (root.Contains("Records") || root.Contains("detail-type") || root.Contains("eventVersion") || root.Contains("eventName") || root.Contains("userIdentity"))
        {
            return new(InputKind.CloudTrail);
        }

        return new(InputKind.Unknown, root.Count == 0
            ? "not valid JSON"
            : "unrecognised JSON shape (no Records, detail, eventName, s3Bucket or SNS Message)");
    }

    // The first line's time orders an access log among the other inputs; lines are close to time order.
    private static DateTimeOffset? AccessLogStart(ReadOnlySpan<byte> text)
    {
        var newline = text.IndexOf((byte)'\n');
        var record = AccessLogParser.ParseRecord(Encoding.UTF8.GetString(newline < 0 ? text : text[..newline]), out _);
        return record?.Time;
    }

    private static bool IsJsonScalar(ReadOnlySpan<byte> text)
    {
        var reader = new Utf8JsonReader(text);
        try
        {
            return reader.Read() && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<(byte[] Prefix, bool Gzip)> ReadPrefixAsync(string path, CancellationToken cancellationToken)
    {
        var file = File.OpenRead(path);
        await using (file.ConfigureAwait(false))
        {
            var magic = new byte[2];
            var read = await file.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            file.Position = 0;
            var gzip = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
            Stream source = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
            await using (source.ConfigureAwait(false))
            {
                var buffer = new byte[PrefixBytes];
                var length = await source.ReadAtLeastAsync(buffer, PrefixBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                return (buffer[..length], gzip);
            }
        }
    }

    private static ReadOnlySpan<byte> SkipWhitespace(ReadOnlySpan<byte> bytes)
    {
        // A UTF-8 byte order mark is tolerated, as JSON readers do. "\uFEFF"u8 is its three bytes; "\xEF\xBB\xBF"u8
        // would be six (three chars U+00EF, U+00BB, U+00BF, each two bytes in UTF-8), and never match.
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var start = 0;
        while (start < bytes.Length && bytes[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        return bytes[start..];
    }
}
