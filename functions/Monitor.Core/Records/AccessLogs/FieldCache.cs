namespace Monitor.Records.AccessLogs;

/// <summary>
/// Remembers what a few recent field values were turned into, keyed by their bytes. Access logs repeat the same
/// bucket, requester, operation, address and user agent line after line; caching them keeps the reader from
/// allocating the same strings and principals a million times. A direct-mapped table: a collision just recomputes.
/// </summary>
internal sealed class FieldCache<T>(Func<ReadOnlySpan<byte>, T> create)
{
    private const int Slots = 256;
    private readonly byte[]?[] _keys = new byte[Slots][];
    private readonly T[] _values = new T[Slots];

    public T Get(ReadOnlySpan<byte> key)
    {
        var hash = new HashCode();
        hash.AddBytes(key);
        var slot = hash.ToHashCode() & (Slots - 1);
        if (_keys[slot] is { } known && known.AsSpan().SequenceEqual(key))
        {
            return _values[slot];
        }

        var value = create(key);
        _keys[slot] = key.ToArray();
        _values[slot] = value;
        return value;
    }
}
