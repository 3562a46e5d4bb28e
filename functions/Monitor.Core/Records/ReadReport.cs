using System.Globalization;

namespace Monitor.Records;

/// <summary>
/// What a reader saw in one input besides the activities it yielded: how many records it read, and the
/// records it could not use, each with its position and the reason. A bad record fails alone.
/// </summary>
public sealed class ReadReport(string input)
{
    /// <summary>
    /// Rejections kept word for word per input; past this they are only counted, so a log of ten million bad
    /// records costs a counter, not ten million strings. The first hundred show what is wrong well enough.
    /// </summary>
    public const int MaxErrors = 100;

    private readonly List<string> _errors = [];

    /// <summary>The input being read (file path or <c>s3://bucket/key</c>).</summary>
    public string Input { get; } = input;

    public int Records { get; private set; }

    public int Skipped { get; private set; }

    /// <summary>Rejections past the first <see cref="MaxErrors"/>, counted but not kept.</summary>
    public int DroppedErrors { get; private set; }

    /// <summary>
    /// The kept rejections; when some were dropped, a last line says how many ("... and 9,999,900 more errors"),
    /// so whoever prints the errors prints the count too.
    /// </summary>
    public IReadOnlyList<string> Errors => DroppedErrors == 0
        ? _errors
        : [.. _errors, string.Create(CultureInfo.InvariantCulture, $"{Input}: ... and {DroppedErrors:N0} more {(DroppedErrors == 1 ? "error" : "errors")}")];

    public void CountRecord() => Records++;

    /// <summary>A record that was read but deliberately not turned into an activity (e.g. a digest entry).</summary>
    public void Skip() => Skipped++;

    /// <summary>A record that could not be used; <paramref name="position"/> is e.g. "record 17" or "line 9".</summary>
    public void Reject(string position, string reason)
    {
        if (_errors.Count < MaxErrors)
        {
            _errors.Add($"{Input}: {position}: {reason}");
        }
        else
        {
            DroppedErrors++;
        }
    }
}
