namespace Monitor.Records;

/// <summary>
/// Streams CloudTrail records out of a log object (gzip or plain): the S3 delivery shape
/// <c>{"Records":[...]}</c>, a bare array of records, one record, or an EventBridge event whose
/// <c>detail</c> is the record. Memory stays bounded by the largest single record, whatever the file size.
/// </summary>
public sealed class CloudTrailReader(CloudTrailReaderOptions? options = null)
{
    private readonly CloudTrailReaderOptions _options = options ?? new CloudTrailReaderOptions();

    /// <summary>
    /// Yields one <see cref="Activity"/> per usable record. Unusable records are reported to
    /// <paramref name="report"/> and skipped; an unusable object as a whole throws <see cref="InvalidLogException"/>.
    /// </summary>
    public IAsyncEnumerable<Activity> ReadAsync(Stream stream, ReadReport report, CancellationToken cancellationToken) =>
        throw new NotImplementedException(_options.ToString());
}
