using Monitor.Cli.Output;
using Monitor.Detection;

namespace Monitor.Cli.Replay;

/// <summary>The options of one <c>replay</c> run, as parsed from the command line.</summary>
internal sealed record ReplaySettings(
    IReadOnlyList<string> Paths,
    string ObjectsRoot,
    string StatePath,
    OutputFormat Format,
    DateTimeOffset? AsOf,
    DetectionOptions Detection);
