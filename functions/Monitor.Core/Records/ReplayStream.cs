namespace Monitor.Records;

/// <summary>
/// Gives back the bytes already peeked from a stream, then the rest of it: lets a reader look at the
/// first bytes of a non-seekable S3 body without losing them.
/// </summary>
internal sealed class ReplayStream(ReadOnlyMemory<byte> peeked, Stream inner, bool leaveOpen) : ForwardOnlyStream
{
    private ReadOnlyMemory<byte> _peeked = peeked;

    public override int Read(Span<byte> buffer)
    {
        if (_peeked.IsEmpty)
        {
            return inner.Read(buffer);
        }

        return TakePeeked(buffer);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _peeked.IsEmpty ? inner.ReadAsync(buffer, cancellationToken) : ValueTask.FromResult(TakePeeked(buffer.Span));

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!leaveOpen)
        {
            await inner.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int TakePeeked(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _peeked.Length);
        _peeked.Span[..count].CopyTo(buffer);
        _peeked = _peeked[count..];
        return count;
    }
}
