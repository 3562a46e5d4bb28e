using System.Buffers;
using System.Text.Json;

namespace Monitor.Records;

/// <summary>
/// Finds complete CloudTrail records in a growing window of UTF-8 JSON, without materializing anything.
/// The caller refills the window from the stream (<see cref="FreeSpace"/>, <see cref="Commit"/>) and calls
/// <see cref="Scan"/>; the tokenizer state survives between calls, so no byte is tokenized twice except the
/// one incomplete token at the end of the window. Only the record being collected is kept, so the buffer is
/// bounded by the largest record, never by the size of the input.
/// </summary>
internal sealed partial class RecordScanner(string input, int maxRecordBytes) : IDisposable
{
    internal const int InitialBufferBytes = 64 * 1024;

    /// <summary>Deeper than the serializer's 64 so that a deeply nested record is rejected alone, not the whole object.</summary>
    internal const int MaxDepth = 1024;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
    private JsonReaderState _state = new(ReaderOptions);
    private int _dataEnd;
    private int _scanPosition;
    private long _discarded;
    private bool _bomChecked;

    // Start of the bytes that must be kept: the record being collected, or the root object while its shape is unknown.
    private int _keepFrom = -1;

    /// <summary>Largest buffer this scanner has held, in bytes.</summary>
    public int PeakBufferBytes { get; private set; } = InitialBufferBytes;

    /// <summary>Whether the last <see cref="Scan"/> consumed any input; if not, the caller should fill the buffer before scanning again.</summary>
    public bool MadeProgress { get; private set; }

    public ReadOnlySpan<byte> Slice(ScannedRecord record) => _buffer.AsSpan(record.Start, record.Length);

    /// <summary>Makes room after the data for the next read: drops what was consumed, grows only when a record needs it.</summary>
    public Memory<byte> FreeSpace()
    {
        var keep = _keepFrom >= 0 ? _keepFrom : _scanPosition;
        if (keep > 0)
        {
            Buffer.BlockCopy(_buffer, keep, _buffer, 0, _dataEnd - keep);
            Shift(keep);
        }

        if (_dataEnd == _buffer.Length)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, maxRecordBytes + InitialBufferBytes));
            Buffer.BlockCopy(_buffer, 0, grown, 0, _dataEnd);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = grown;
            PeakBufferBytes = Math.Max(PeakBufferBytes, grown.Length);
        }

        return _buffer.AsMemory(_dataEnd);
    }

    public void Commit(int count) => _dataEnd += count;

    /// <summary>
    /// Tokenizes what the window holds and appends every element completed in it to <paramref name="found"/>.
    /// Throws <see cref="JsonException"/> for malformed JSON and <see cref="InvalidLogException"/> for a wrong shape
    /// or an oversized record.
    /// </summary>
    public void Scan(bool isFinalBlock, List<ScannedRecord> found)
    {
        var before = _scanPosition;
        if (!SkipByteOrderMark(isFinalBlock))
        {
            MadeProgress = false;
            return;
        }

        var origin = _scanPosition;
        var reader = new Utf8JsonReader(_buffer.AsSpan(origin, _dataEnd - origin), isFinalBlock, _state);
        while (reader.Read())
        {
            OnToken(ref reader, origin, found);
        }

        _scanPosition = origin + (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        MadeProgress = _scanPosition != before;
        EnforceLimit();
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private bool SkipByteOrderMark(bool isFinalBlock)
    {
        if (_bomChecked)
        {
            return true;
        }

        if (_dataEnd < 3 && !isFinalBlock)
        {
            return false;
        }

        if (_buffer.AsSpan(0, _dataEnd).StartsWith("\uFEFF"u8))
        {
            _scanPosition = 3;
        }

        _bomChecked = true;
        return true;
    }

    private void EnforceLimit()
    {
        var keep = _keepFrom >= 0 ? _keepFrom : _scanPosition;
        if (_dataEnd - keep > maxRecordBytes)
        {
            throw TooLarge();
        }
    }

    private InvalidLogException TooLarge() => _keepFrom >= 0
        ? Invalid($"record {Math.Max(_recordNumber, 1)} is larger than the {maxRecordBytes:N0}-byte record limit")
        : Invalid($"a JSON value near byte {_discarded + _scanPosition:N0} is larger than the {maxRecordBytes:N0}-byte record limit");

    private InvalidLogException Invalid(string reason) => new($"{input}: {reason}");

    private void Shift(int count)
    {
        _discarded += count;
        _dataEnd -= count;
        _scanPosition -= count;
        if (_keepFrom >= 0)
        {
            _keepFrom -= count;
        }

        if (_detailStart >= 0)
        {
            _detailStart -= count;
        }
    }
}
