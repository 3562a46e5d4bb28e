namespace Monitor.Records.AccessLogs;

/// <summary>What an S3 action is granted on: the object, the bucket, or every bucket (<c>"*"</c>).</summary>
public enum S3ResourceScope
{
    Object,
    Bucket,
    Account,

    /// <summary>The line names no single resource the action applies to (a multi-object delete lists its keys on lines of its own).</summary>
    None,
}
