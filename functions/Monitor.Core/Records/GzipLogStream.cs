using System.IO.Compression;

namespace Monitor.Records;

/// <summary>
/// Gunzips a log object and turns every way it can be broken into an <see cref="InvalidLogException"/>
/// naming the input. .NET's GZipStream reports a truncated file as a clean end of stream, so the end is
/// checked against the gzip trailer's ISIZE (uncompressed length mod 2^32): a cut-off file ends in deflate
/// data, whose last four bytes match the length read only by chance (2^-32). CloudTrail writes one gzip
/// member per file; a multi-member file is still read, and checked against its last member only.
/// </summary>
internal sealed class GzipLogStream : ForwardOnlyStream
{
    // Header (10) + trailer (8): anything shorter cannot be a complete gzip file.
    private const int MinimumGzipBytes = 18;

    private readonly TailRecordingStream _compressed;
    private readonly GZipStream _gzip;
    private readonly string _input;
    private long _decompressed;
    private bool _verified;

    public GzipLogStream(Stream compressed, string input)
    {
        _compressed = new TailRecordingStream(compressed);
        _gzip = new GZipStream(_compressed, CompressionMode.Decompress);
        _input = input;
    }

    public override int Read(Span<byte> buffer)
    {
        int count;
        try
        {
            count = _gzip.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(e.Message, e);
        }

        return Account(count, buffer.IsEmpty);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int count;
        try
        {
            count = await _gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(e.Message, e);
        }

        return Account(count, buffer.IsEmpty);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(int count, bool askedForNothing)
    {
        _decompressed += count;
        if (count == 0 && !askedForNothing && !_verified)
        {
            if (_compressed.Total < MinimumGzipBytes || _compressed.TrailerSize != unchecked((uint)_decompressed))
            {
                throw Corrupt("the data ends before the gzip trailer", null);
            }

            _verified = true;
        }

        return count;
    }

    private InvalidLogException Corrupt(string reason, Exception? inner) =>
        new($"{_input}: truncated or corrupt gzip ({reason})", inner);
}
