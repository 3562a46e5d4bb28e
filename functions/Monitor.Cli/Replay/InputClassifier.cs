using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Monitor.Envelopes;
using Monitor.Records.AccessLogs;

namespace Monitor.Cli.Replay;

/// <summary>
/// Gives an input file its <see cref="InputShape"/> from the first bytes of its content, never its name: gzip is looked
/// through, and the outline of a prefix goes to <see cref="InputShapes.Recognise"/>, the rules the envelope decoder
/// claims message bodies by. Only a prefix is read, so a large log is classified without loading it.
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
            return new(null, $"unreadable gzip: {e.Message}");
        }

        var outline = InputOutline.Read(prefix);
        if (outline.Head.IsEmpty)
        {
            return new(null, gzip ? "gzip holds no data (empty or truncated)" : "empty file");
        }

        return InputShapes.Recognise(outline) is { } shape
            ? new(shape, null, shape == InputShapes.AccessLog ? AccessLogStart(outline.Head.Span) : outline.FirstTime)
            : new(null, WhyUnrecognised(outline), outline.FirstTime);
    }

    // A root array is always recognised (a bare array of records), so only an object or no JSON at all is left.
    private static string WhyUnrecognised(InputOutline outline) => outline.Root switch
    {
        JsonValueKind.Object when outline.Properties.Count == 0 => "not valid JSON",
        JsonValueKind.Object => "unrecognised JSON shape (no Records, detail, eventName, s3Bucket or SNS Message)",
        _ when IsJsonScalar(outline.Head.Span) => "not a JSON object or array (expected a CloudTrail log, an SQS, SNS, S3 or EventBridge event)",
        _ => "not JSON, a credential report CSV or an S3 access log (expected a CloudTrail log, an SQS, SNS, S3 or EventBridge event, an S3 server access log, or an IAM credential report)",
    };

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
}
