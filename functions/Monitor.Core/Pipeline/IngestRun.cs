using Monitor.Detection;
using Monitor.Records;
using Monitor.State;

namespace Monitor.Pipeline;

/// <summary>The working state of one message or input while it is processed.</summary>
internal sealed class IngestRun(string input, StateView state, DetectionOptions options, TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private readonly List<string> _errors = [];
    private int _records;
    private DateTimeOffset? _latest;

    public StateView State { get; } = state;

    public DetectionContext Detection { get; } = new(state, options);

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

    public MessageOutcome Finish(MessageStatus status, IReadOnlyList<Finding>? fresh = null)
    {
        var findings = Detection.Findings.OrderBy(f => f.Time).ThenBy(f => f.Id, StringComparer.Ordinal).ToArray();
        return new MessageOutcome(input, status, _records, findings, fresh ?? [], [.. _errors], [.. Notes], _latest, time.GetElapsedTime(_started));
    }
}
