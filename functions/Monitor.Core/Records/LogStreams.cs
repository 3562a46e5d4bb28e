namespace Monitor.Records;

/// <summary>Opens a log object's bytes for reading, whatever the object's name says about its encoding.</summary>
public static class LogStreams
{
    private const byte GzipMagic1 = 0x1f;
    private const byte GzipMagic2 = 0x8b;

    /// <summary>
    /// Returns a stream of the object's plain content: gunzipped when its first two bytes are the gzip magic
    /// (1f 8b), else the bytes as they are. Works on non-seekable streams. A truncated or corrupt gzip surfaces
    /// while reading as an <see cref="InvalidLogException"/> naming <paramref name="input"/>.
    /// Disposing the result disposes <paramref name="stream"/> unless <paramref name="leaveOpen"/>.
    /// </summary>
    public static async ValueTask<Stream> OpenAsync(Stream stream, string input, bool leaveOpen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[2];
        var count = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var replay = new ReplayStream(head.AsMemory(0, count), stream, leaveOpen);
        return IsGzip(head.AsSpan(0, count)) ? new GzipLogStream(replay, input) : replay;
    }

    /// <summary>Whether <paramref name="head"/> starts with the gzip magic bytes.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == GzipMagic1 && head[1] == GzipMagic2;
}
