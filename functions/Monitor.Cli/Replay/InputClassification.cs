namespace Monitor.Cli.Replay;

/// <summary>
/// What an input file is, why it is unusable (when it is), and the earliest time it names up front, by which
/// replay orders its inputs (older history first, so each event is judged against what came before it).
/// </summary>
internal sealed record InputClassification(InputKind Kind, string? Reason = null, DateTimeOffset? FirstTime = null);
