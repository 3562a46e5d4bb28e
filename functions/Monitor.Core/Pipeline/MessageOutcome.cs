using Monitor.Detection;

namespace Monitor.Pipeline;

/// <summary>How processing one SQS message (or one local input) ended.</summary>
public enum MessageStatus
{
    /// <summary>Everything it named was read and its state committed.</summary>
    Processed,

    /// <summary>Nothing to do (an S3 test event, a digest key); acknowledged, not retried.</summary>
    Skipped,

    /// <summary>It must be retried or looked at: reported in <c>batchItemFailures</c>.</summary>
    Failed,
}

/// <summary>
/// The result of one message or input: status, counts, the findings its records contributed to or changed, as they
/// stood when it ended (whether new or already known: replay shows them all), the findings that were new (announced),
/// and what went wrong, naming the item.
/// </summary>
public sealed record MessageOutcome(
    string Input,
    MessageStatus Status,
    int Records,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Finding> NewFindings,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Notes,
    DateTimeOffset? LatestEventTime,
    TimeSpan Duration)
{
    public bool Failed => Status == MessageStatus.Failed;
}
