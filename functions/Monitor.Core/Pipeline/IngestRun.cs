using Monitor.Detection;
using Monitor.Records;

namespace Monitor.Pipeline;

/// <summary>The working state of one message or input while it is processed: counts, errors, and what it touched.</summary>
internal sealed class IngestRun(string input, TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private readonly List<string> _errors = [];
    private readonly HashSet<string> _findingIds = new(StringComparer.Ordinal);
    private readonly List<Finding> _announced = [];
    private int _records;
    private DateTimeOffset? _latest;

    public List<string> Notes { get; } = [];

    public bool HasFailed { get; private set; }

    public static MessageOutcome Rejected(string input, string error) =>
        new(input, MessageStatus.Failed, 0, [], [], [error], [], null, TimeSpan.Zero);

    /// <summary>A failure that makes the whole message worth retrying (missing object, unreadable log).</summary>
    public void Fail(string error)
    {
        HasFailed = true;
        _errors.Add(error);
    }

    public void Observe(Activity activity)
    {
        if (_latest is null || activity.Time > _latest)
        {
            _latest = activity.Time;
        }
    }

    /// <summary>Takes in a reader's counts and its per-record errors (which a retry would not fix, so they do not fail the message).</summary>
    public void Absorb(ReadReport report)
    {
        _records += report.Records;
        _errors.AddRange(report.Errors);
    }

    /// <summary>Takes in what a chunk judged and which of its findings were announced.</summary>
    public void Absorb(ChunkOutcome chunk, IReadOnlyList<Finding> announced)
    {
        _findingIds.UnionWith(chunk.FindingIds);
        _errors.AddRange(chunk.Errors);
        _announced.AddRange(announced);
    }

    /// <summary>The ids of every finding this message's records contributed to, changed or withdrew.</summary>
    public IReadOnlyCollection<string> FindingIds => _findingIds;

    public MessageOutcome Finish(MessageStatus status, IReadOnlyList<Finding>? findings = null) =>
        new(input, status, _records, findings ?? [], [.. _announced], [.. _errors], [.. Notes], _latest, time.GetElapsedTime(_started));
}
