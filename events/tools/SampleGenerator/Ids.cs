using System.Text;

/// <summary>Every id, suffix and token, from one seeded Random drawn in a fixed order.</summary>
internal sealed class Ids(int seed)
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string KeyChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private readonly Random _rng = new(seed);

    public int Next(int min, int max) => _rng.Next(min, max);

    public bool Chance(int percent) => _rng.Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    public string Uuid()
    {
        var b = new byte[16];
        _rng.NextBytes(b);
        b[6] = (byte)((b[6] & 0x0F) | 0x40);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        var h = Convert.ToHexString(b).ToLowerInvariant();
        return $"{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..]}";
    }

    public string From(string alphabet, int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(alphabet[_rng.Next(alphabet.Length)]);
        }

        return sb.ToString();
    }

    public string Key(string prefix) => prefix + From(KeyChars, 16);

    public string Principal(string prefix) => prefix + From(KeyChars, 17);

    public string S3RequestId() => From(Upper, 16);

    public string AmzId2() => From(B64, 76);

    public string FileSuffix() => From(Alnum, 16);

    public string Hex(int length) => From("0123456789abcdef", length);

    public string FakeToken() => "EXAMPLE-FAKE-SESSION-TOKEN-NOT-A-CREDENTIAL-" + From(Alnum, 24);

    public string EncodedFailure() => From(Alnum + "-_", 180);
}
