using System.Buffers;
using System.Text;

namespace Monitor.Records.AccessLogs;

/// <summary>
/// Decodes the key field. S3 percent-encodes it (a space is <c>%20</c>, a quote <c>%22</c>); a <c>+</c> is left as
/// it stands because this is not form encoding (unlike the keys in S3 event notifications).
/// </summary>
internal static class AccessLogKey
{
    public static string Decode(ReadOnlySpan<byte> encoded) => Decode("", encoded);

    /// <summary><paramref name="prefix"/> followed by the decoded key, built as one string (an object ARN per line).</summary>
    public static string Decode(string prefix, ReadOnlySpan<byte> encoded)
    {
        var percent = encoded.IndexOf((byte)'%');
        if (percent < 0)
        {
            return Concat(prefix, encoded);
        }

        var rented = ArrayPool<byte>.Shared.Rent(encoded.Length);
        try
        {
            var length = 0;
            for (var i = 0; i < encoded.Length; i++)
            {
                var b = encoded[i];
                if (b == (byte)'%' && i + 2 < encoded.Length && HexValue(encoded[i + 1]) is var high and >= 0 && HexValue(encoded[i + 2]) is var low and >= 0)
                {
                    rented[length++] = (byte)((high << 4) | low);
                    i += 2;
                }
                else
                {
                    rented[length++] = b;
                }
            }

            return Concat(prefix, rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static string Concat(string prefix, ReadOnlySpan<byte> utf8)
    {
        if (prefix.Length == 0)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var chars = ArrayPool<char>.Shared.Rent(prefix.Length + Encoding.UTF8.GetMaxCharCount(utf8.Length));
        try
        {
            prefix.CopyTo(chars);
            var written = Encoding.UTF8.GetChars(utf8, chars.AsSpan(prefix.Length));
            return new string(chars, 0, prefix.Length + written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
