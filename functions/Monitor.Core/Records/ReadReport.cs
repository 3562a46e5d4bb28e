namespace Monitor.Records;

/// <summary>
/// What a reader saw in one input besides the activities it yielded: how many records it read, and the
/// records it could not use, each with its position and the reason. A bad record fails alone.
/// </summary>
public sealed class ReadReport(string input)
{
    private readonly List<string> _errors = [];

    /// <summary>The input being read (file path or <c>s3://bucket/key</c>).</summary>
    public string Input { get; } = input;

    public int Records { get; private set; }

    public int Skipped { get; private set; }

    public IReadOnlyList<string> Errors => _errors;

    public void CountRecord() => Records++;

    /// <summary>A record that was read but deliberately not turned into an activity (e.g. a digest entry).</summary>
    public void Skip() => Skipped++;

    /// <summary>A record that could not be used; <paramref name="position"/> is e.g. "record 17" or "line 9".</summary>
    public void Reject(string position, string reason) => _errors.Add($"{Input}: {position}: {reason}");
}
