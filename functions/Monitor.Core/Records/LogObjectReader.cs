using System.Runtime.CompilerServices;
using Monitor.Records.AccessLogs;

namespace Monitor.Records;

/// <summary>
/// Reads any log object by its content, never its name: an object whose first line is an S3 server access log
/// line goes to the <see cref="AccessLogReader"/>, everything else (CloudTrail JSON starts with <c>{</c> or
/// <c>[</c>) to the <see cref="CloudTrailReader"/>, which also reports what is neither.
/// </summary>
internal sealed class LogObjectReader(CloudTrailReader? cloudTrail = null, AccessLogReader? accessLogs = null)
{
    private const int SniffBytes = 16 * 1024;

    private readonly CloudTrailReader _cloudTrail = cloudTrail ?? new CloudTrailReader();
    private readonly AccessLogReader _accessLogs = accessLogs ?? new AccessLogReader();

    /// <summary>Yields the object's activities; see the two readers for what is reported and what throws.</summary>
    public async IAsyncEnumerable<Activity> ReadAsync(Stream stream, ReadReport report, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        var source = await LogStreams.OpenAsync(stream, report.Input, leaveOpen: true, cancellationToken).ConfigureAwait(false);
        await using var sourceScope = source.ConfigureAwait(false);
        var head = new byte[SniffBytes];
        var count = await source.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var replay = new ReplayStream(head.AsMemory(0, count), source, leaveOpen: true);
        await using var replayScope = replay.ConfigureAwait(false);
        var activities = IsAccessLog(head.AsSpan(0, count))
            ? _accessLogs.ReadAsync(replay, report, cancellationToken)
            : _cloudTrail.ReadAsync(replay, report, cancellationToken);
        await foreach (var activity in activities.ConfigureAwait(false))
        {
            yield return activity;
        }
    }

    /// <summary>Whether the first non-blank line of <paramref name="head"/> parses as an access-log line.</summary>
    public static bool IsAccessLog(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        head = head.TrimStart(" \t\r\n"u8);
        var newline = head.IndexOf((byte)'\n');
        var line = newline < 0 ? head : head[..newline];
        return AccessLogParser.IsAccessLogLine(line.TrimEnd((byte)'\r'));
    }
}
