using System.Text;
using Monitor.Envelopes;
using Monitor.Records;
using Monitor.Records.AccessLogs;

namespace Monitor.Fuzz;

/// <summary>
/// The fuzz targets. Each takes raw bytes and returns normally when the code under test reached an expected outcome:
/// an <see cref="InvalidLogException"/>, rejected records or lines, a rejected envelope. Any other exception is a
/// crash, and so is a broken invariant (<see cref="FuzzInvariantException"/>): what is yielded must be safe for the
/// code downstream to use, and reading the same bytes in smaller pieces must give the same result.
/// </summary>
public static class FuzzTargets
{
    private const string LogInput = "s3://trail/AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/10/fuzz.json.gz";
    private const string AccessLogInput = "s3://logs/access/111122223333/us-east-1/bucket/2026/11/10/fuzz";

    // Small limits reach the over-limit paths with the small inputs a fuzzer writes.
    private const int MaxRecordBytes = 16 * 1024;
    private const int MaxLineBytes = 1024;

    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["cloudtrail"] = CloudTrail,
        ["envelope"] = Envelope,
        ["access-log"] = AccessLog,
    };

    /// <summary>A log object, gzip or plain, through <see cref="LogObjectReader"/>; then through the CloudTrail reader whole and trickled.</summary>
    public static void CloudTrail(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Read(input, LogInput, int.MaxValue, (stream, report) => new LogObjectReader(new CloudTrailReader(ReaderOptions()), new AccessLogReader(MaxLineBytes)).ReadAsync(stream, report, CancellationToken.None));
        var whole = Read(input, LogInput, int.MaxValue, CloudTrailReader);
        var trickled = Read(input, LogInput, TrickleChunk(input), CloudTrailReader);
        ReadOutcome.ShouldAgree(whole, trickled);
    }

    /// <summary>An SQS message body through <see cref="EnvelopeDecoder"/>; inline records then go through the CloudTrail reader, as the ingestor sends them.</summary>
    public static void Envelope(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var envelope = EnvelopeDecoder.Decode("fuzz", Encoding.UTF8.GetString(input));
        if (envelope.IsRejected)
        {
            FuzzInvariantException.ThrowUnless(envelope.Error!.StartsWith("message fuzz: ", StringComparison.Ordinal), $"the rejection does not name the message: {envelope.Error}");
            FuzzInvariantException.ThrowUnless(envelope.Objects.Count == 0 && envelope.InlineRecords.Count == 0, "a rejected envelope carries work");
            return;
        }

        foreach (var reference in envelope.Objects)
        {
            FuzzInvariantException.ThrowUnless(reference.Bucket.Length > 0 && reference.Key.Length > 0, $"an object without bucket or key: {reference}");
            _ = reference.ToString();
        }

        foreach (var record in envelope.InlineRecords)
        {
            Read(Encoding.UTF8.GetBytes(record), "message fuzz record 1", int.MaxValue, CloudTrailReader);
        }
    }

    /// <summary>An access-log object through <see cref="AccessLogReader"/> whole and trickled; each line through the parser's record view.</summary>
    public static void AccessLog(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var whole = Read(input, AccessLogInput, int.MaxValue, AccessLogReader);
        var trickled = Read(input, AccessLogInput, TrickleChunk(input), AccessLogReader);
        ReadOutcome.ShouldAgree(whole, trickled);
        foreach (var line in Encoding.UTF8.GetString(input).Split('\n').Take(64))
        {
            _ = AccessLogParser.IsAccessLogLine(Encoding.UTF8.GetBytes(line));
            var record = AccessLogParser.ParseRecord(line, out var error);
            FuzzInvariantException.ThrowUnless(record is null != error is null, $"ParseRecord gave both or neither a record and an error: {error}");
        }
    }

    // Built per run, never in a static initializer: instrumented code must not run before SharpFuzz maps AFL's memory.
    private static CloudTrailReaderOptions ReaderOptions() => new() { MaxRecordBytes = MaxRecordBytes };

    private static IAsyncEnumerable<Activity> CloudTrailReader(Stream stream, ReadReport report) =>
        new CloudTrailReader(ReaderOptions()).ReadAsync(stream, report, CancellationToken.None);

    private static IAsyncEnumerable<Activity> AccessLogReader(Stream stream, ReadReport report) =>
        new AccessLogReader(MaxLineBytes).ReadAsync(stream, report, CancellationToken.None);

    // Between 16 and 515 bytes a read, fixed for a given input so that a crash reproduces.
    private static int TrickleChunk(byte[] input) => 16 + (int)((uint)(input.Length * 7919) % 500);

    private static ReadOutcome Read(byte[] input, string name, int chunk, Func<Stream, ReadReport, IAsyncEnumerable<Activity>> reader)
    {
        var report = new ReadReport(name);
        var ids = new List<string>();
        string? failure = null;
        using var stream = new TrickleStream(input, chunk);
        try
        {
            var activities = reader(stream, report).GetAsyncEnumerator();
            try
            {
                while (activities.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                {
                    DownstreamUse.Touch(activities.Current);
                    ids.Add(activities.Current.EventId);
                }
            }
            finally
            {
                activities.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch (InvalidLogException e)
        {
            FuzzInvariantException.ThrowUnless(e.Message.StartsWith(name + ": ", StringComparison.Ordinal), $"the failure does not name the input: {e.Message}");
            failure = e.Message;
        }

        DownstreamUse.Touch(report);
        return new ReadOutcome(ids, report.Errors, failure);
    }
}
