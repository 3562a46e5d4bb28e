using Monitor.Envelopes;

namespace Monitor.Cli.Replay;

/// <summary>
/// The shape an input file has (null when it has none, with <see cref="Reason"/> saying why), and the earliest time it
/// names up front, by which replay orders its inputs (older history first, so each event is judged against what came
/// before it).
/// </summary>
internal sealed record InputClassification(InputShape? Shape, string? Reason = null, DateTimeOffset? FirstTime = null);
