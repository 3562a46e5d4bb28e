using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;

namespace Monitor.Records;

/// <summary>
/// Streams CloudTrail records out of a log object (gzip or plain): the S3 delivery shape
/// <c>{"Records":[...]}</c>, a bare array of records, one record, or an EventBridge event whose
/// <c>detail</c> is the record. Memory stays bounded by the largest single record, whatever the file size.
/// </summary>
public sealed class CloudTrailReader(CloudTrailReaderOptions? options = null)
{
    private readonly CloudTrailReaderOptions _options = options ?? new CloudTrailReaderOptions();
    private int _peakBufferBytes;

    /// <summary>High-water mark of the record buffer over every read by this instance, in bytes (for memory tests).</summary>
    internal int PeakBufferBytes => Volatile.Read(ref _peakBufferBytes);

    /// <summary>
    /// Yields one <see cref="Activity"/> per usable record. Unusable records are reported to
    /// <paramref name="report"/> and skipped; an unusable object as a whole throws <see cref="InvalidLogException"/>.
    /// Records before the point where an object turns out to be broken have already been yielded by then:
    /// that is the price of streaming, and harmless because every consumer is idempotent.
    /// The caller keeps ownership of <paramref name="stream"/>.
    /// </summary>
    public async IAsyncEnumerable<Activity> ReadAsync(Stream stream, ReadReport report, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        var source = await LogStreams.OpenAsync(stream, report.Input, leaveOpen: true, cancellationToken).ConfigureAwait(false);
        await using var sourceScope = source.ConfigureAwait(false);
        using var scanner = new RecordScanner(report.Input, _options.MaxRecordBytes);
        var found = new List<ScannedRecord>();
        var endOfStream = false;
        try
        {
            while (true)
            {
                found.Clear();
                Scan(scanner, endOfStream, found, report.Input);
                foreach (var record in found)
                {
                    report.CountRecord();
                    if (Materialize(scanner, record, report) is { } activity)
                    {
                        yield return activity;
                    }
                }

                if (endOfStream)
                {
                    break;
                }

                var space = scanner.FreeSpace();

                // When the last scan stopped inside one large token, fill the whole buffer before rescanning it,
                // so a big record costs a few rescans (one per doubling), not one per network read.
                var read = scanner.MadeProgress
                    ? await source.ReadAsync(space, cancellationToken).ConfigureAwait(false)
                    : await source.ReadAtLeastAsync(space, space.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                scanner.Commit(read);
                endOfStream = read == 0;
            }
        }
        finally
        {
            RecordPeak(scanner.PeakBufferBytes);
        }
    }

    private static void Scan(RecordScanner scanner, bool isFinalBlock, List<ScannedRecord> found, string input)
    {
        try
        {
            scanner.Scan(isFinalBlock, found);
        }
        catch (JsonException e)
        {
            var reason = isFinalBlock ? "truncated or invalid JSON" : "invalid JSON";
            throw new InvalidLogException($"{input}: {reason} ({e.Message})", e);
        }
    }

    private static Activity? Materialize(RecordScanner scanner, ScannedRecord scanned, ReadReport report)
    {
        var position = $"record {scanned.Number}";
        if (scanned.Rejection is not null)
        {
            report.Reject(position, scanned.Rejection);
            return null;
        }

        // Strings that cannot be decoded are refused here, once, so that no later GetString (on requestParameters,
        // say, read long after) can throw.
        var json = scanner.Slice(scanned);
        if (!Utf8.IsValid(json))
        {
            report.Reject(position, "not valid UTF-8");
            return null;
        }

        if (scanned.HasLoneSurrogate)
        {
            report.Reject(position, LoneSurrogate.Describe(json));
            return null;
        }

        CloudTrailRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(json, CloudTrailJsonContext.Default.CloudTrailRecord);
        }
        catch (JsonException e)
        {
            report.Reject(position, $"unreadable record ({e.Message})");
            return null;
        }

        switch (ActivityNormalizer.Normalize(record!, json))
        {
            case RecordNormalization.Accepted accepted:
                return accepted.Activity with { Position = position };
            case RecordNormalization.Rejected rejected:
                report.Reject(position, rejected.Reason);
                return null;
            default:
                throw new InvalidOperationException("Unexpected normalization result.");
        }
    }

    private void RecordPeak(int bytes)
    {
        var current = Volatile.Read(ref _peakBufferBytes);
        while (bytes > current)
        {
            var seen = Interlocked.CompareExchange(ref _peakBufferBytes, bytes, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
