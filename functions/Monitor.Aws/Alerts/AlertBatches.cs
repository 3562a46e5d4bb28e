using System.Text;

namespace Monitor.Aws.Alerts;

/// <summary>
/// Packs message bodies into SendMessageBatch requests within the SQS limits: at most 10 entries, and the
/// bodies of one request together within <see cref="MaxBatchBytes"/>.
/// </summary>
public static class AlertBatches
{
    /// <summary>SendMessageBatch accepts at most 10 entries.</summary>
    public const int MaxEntries = 10;

    /// <summary>SQS caps the sum of a batch's message sizes at 1 MiB (it was 256 KiB before August 2025).</summary>
    public const int MaxBatchBytes = 1_048_576;

    /// <summary>
    /// One alert's cap: the EventBridge Pipe forwards each message to SNS, whose publish limit is 256 KiB
    /// (and template.yaml sets the queue's MaximumMessageSize to match), so a bigger alert would die in the pipe.
    /// </summary>
    public const int MaxMessageBytes = 262_144;

    public static IEnumerable<IReadOnlyList<T>> Pack<T>(IEnumerable<T> items, Func<T, string> body)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(body);
        var batch = new List<T>();
        var bytes = 0;
        foreach (var item in items)
        {
            var size = Encoding.UTF8.GetByteCount(body(item));
            if (batch.Count == MaxEntries || (batch.Count > 0 && bytes + size > MaxBatchBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }

            batch.Add(item);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
