using System.Runtime.CompilerServices;

namespace Monitor.Records.AccessLogs;

/// <summary>
/// Streams activities out of an S3 server access log object, line by line. Memory stays bounded by the longest
/// line (at most <see cref="MaxLineBytes"/>); a line that cannot be used is reported with its number and skipped.
/// </summary>
internal sealed class AccessLogReader(int maxLineBytes = AccessLogReader.DefaultMaxLineBytes)
{
    /// <summary>Longest line accepted by default. Real lines are well under 4 KiB; a longer run is not an access log.</summary>
    public const int DefaultMaxLineBytes = 256 * 1024;

    private const int InitialBuffer = 64 * 1024;

    /// <summary>Longest line accepted; the buffer grows to it from 64 KiB (or starts there when smaller).</summary>
    public int MaxLineBytes { get; } = maxLineBytes > 0 ? maxLineBytes : throw new ArgumentOutOfRangeException(nameof(maxLineBytes));

    /// <summary>
    /// Yields one activity per usable line of <paramref name="stream"/> (gzip or plain). S3's own lifecycle and
    /// delivery lines are counted as skipped. The caller keeps ownership of the stream.
    /// </summary>
    public async IAsyncEnumerable<Activity> ReadAsync(Stream stream, ReadReport report, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        var source = await LogStreams.OpenAsync(stream, report.Input, leaveOpen: true, cancellationToken).ConfigureAwait(false);
        await using var sourceScope = source.ConfigureAwait(false);
        var attribution = new AccessLogAttribution(AccessLogOrigin.FromInput(report.Input));
        var fields = new Range[AccessLogField.Documented];
        var found = new List<Activity>(256);
        var buffer = new byte[Math.Min(InitialBuffer, MaxLineBytes)];
        var filled = 0;
        var lineNumber = 0;
        var discarding = false;
        while (true)
        {
            var read = await source.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            var end = read == 0;
            filled += read;
            found.Clear();
            var consumed = ReadLines(buffer.AsSpan(0, filled), end, ref lineNumber, ref discarding, attribution, fields, report, found);
            foreach (var activity in found)
            {
                yield return activity;
            }

            if (end)
            {
                yield break;
            }

            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
            if (filled == buffer.Length)
            {
                if (buffer.Length >= MaxLineBytes)
                {
                    // Drop the start of an overlong line and skip to its end; the rejection names it once.
                    if (!discarding)
                    {
                        report.CountRecord();
                        report.Reject($"line {lineNumber + 1}", $"longer than {MaxLineBytes} bytes");
                    }

                    filled = 0;
                    discarding = true;
                }
                else
                {
                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxLineBytes));
                }
            }
        }
    }

    private static int ReadLines(ReadOnlySpan<byte> data, bool isFinal, ref int lineNumber, ref bool discarding, AccessLogAttribution attribution, Range[] fields, ReadReport report, List<Activity> found)
    {
        var consumed = 0;
        while (consumed < data.Length)
        {
            var rest = data[consumed..];
            var newline = rest.IndexOf((byte)'\n');
            if (newline < 0 && !isFinal)
            {
                break;
            }

            var line = newline < 0 ? rest : rest[..newline];
            consumed += newline < 0 ? rest.Length : newline + 1;
            if (discarding)
            {
                discarding = false;
                lineNumber++;
                continue;
            }

            lineNumber++;
            ReadLine(line, lineNumber, attribution, fields, report, found);
        }

        return consumed;
    }

    private static void ReadLine(ReadOnlySpan<byte> text, int lineNumber, AccessLogAttribution attribution, Range[] fields, ReadReport report, List<Activity> found)
    {
        if (!text.IsEmpty && text[^1] == (byte)'\r')
        {
            text = text[..^1];
        }

        if (text.Trim(" \t"u8).IsEmpty)
        {
            return;
        }

        report.CountRecord();
        var error = AccessLogParser.TryParse(text, fields, out var line);
        var activity = error is null ? attribution.Attribute(line, out error) : null;
        if (error is not null)
        {
            report.Reject($"line {lineNumber}", error);
        }
        else if (activity is null)
        {
            report.Skip();
        }
        else
        {
            found.Add(activity with { Position = $"line {lineNumber}" });
        }
    }
}
