namespace Monitor.Records;

/// <summary>Passes a stream through while remembering how many bytes went by and the last eight of them (a gzip trailer).</summary>
internal sealed class TailRecordingStream(Stream inner) : ForwardOnlyStream
{
    private readonly byte[] _tail = new byte[8];

    public long Total { get; private set; }

    /// <summary>The gzip trailer's ISIZE: the uncompressed length modulo 2^32, little-endian in the last four bytes.</summary>
    public uint TrailerSize => System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(_tail.AsSpan(4));

    public override int Read(Span<byte> buffer)
    {
        var count = inner.Read(buffer);
        Record(buffer[..count]);
        return count;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Record(buffer.Span[..count]);
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Record(ReadOnlySpan<byte> read)
    {
        Total += read.Length;
        if (read.Length >= _tail.Length)
        {
            read[^_tail.Length..].CopyTo(_tail);
            return;
        }

        _tail.AsSpan(read.Length).CopyTo(_tail);
        read.CopyTo(_tail.AsSpan(_tail.Length - read.Length));
    }
}
