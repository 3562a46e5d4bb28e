using System.Text;

namespace Monitor.Testing.Fakes;

/// <summary>Orders strings by Unicode code point, which is how UTF-8 bytes sort in SQLite and DynamoDB.</summary>
public sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        // UTF-16 order is code point order up to the first differing char unless a surrogate is involved there,
        // so only those strings need walking rune by rune (listings sort hundreds of thousands of members).
        var common = x.AsSpan().CommonPrefixLength(y);
        if (common == x.Length || common == y.Length)
        {
            return x.Length.CompareTo(y.Length);
        }

        return char.IsSurrogate(x[common]) || char.IsSurrogate(y[common]) ? ByRunes(x, y) : x[common].CompareTo(y[common]);
    }

    private static int ByRunes(string x, string y)
    {
        var left = x.EnumerateRunes();
        var right = y.EnumerateRunes();
        while (true)
        {
            bool hasLeft = left.MoveNext(), hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft.CompareTo(hasRight);
            }

            var order = left.Current.Value.CompareTo(right.Current.Value);
            if (order != 0)
            {
                return order;
            }
        }
    }
}
