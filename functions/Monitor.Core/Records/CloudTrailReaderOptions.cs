namespace Monitor.Records;

/// <summary>Limits for <see cref="CloudTrailReader"/>.</summary>
public sealed record CloudTrailReaderOptions
{
    /// <summary>Largest single record accepted, in bytes. Default 8 MiB (CloudTrail's own records are far smaller).</summary>
    public int MaxRecordBytes { get; init; } = 8 * 1024 * 1024;
}
