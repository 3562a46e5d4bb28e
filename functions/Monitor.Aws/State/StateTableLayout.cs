using System.Security.Cryptography;
using System.Text;

namespace Monitor.Aws.State;

/// <summary>
/// The single-table layout. Sightings: <c>pk = "s|" + scope</c>, <c>sk = "m|" + member</c>, so a scope lists in
/// member order (UTF-8 byte order, i.e. code point order) with one Query, and the sort key is never empty.
/// Findings: <c>pk = "finding"</c>, <c>sk = id</c> (findings are rare; one partition is fine), and an index item per
/// finding under what it is about: <c>pk = "a|" + account + "|" + principal</c>, <c>sk = id</c>. The full scope and
/// member are stored as attributes too, because keys are bounded (partition 2048 bytes, sort 1024 bytes): longer
/// text is cut at a character boundary and suffixed with a hash, which keeps keys unique and nearly in order.
/// Every item carries a version <c>ver</c> for optimistic concurrency; sightings carry <c>ttl</c> (epoch seconds).
/// </summary>
internal static class StateTableLayout
{
    public const string PartitionKey = "pk";
    public const string SortKey = "sk";
    public const string Version = "ver";
    public const string TimeToLive = "ttl";
    public const string FindingPartition = "finding";
    private const int MaxKeyTextBytes = 900;

    public static string SightingPartition(string scope) => Bounded("s|", scope);

    public static string SightingSort(string member) => Bounded("m|", member);

    /// <summary>The partition indexing the findings about <paramref name="principal"/> in <paramref name="account"/>.</summary>
    public static string AboutPartition(string account, string principal) => Bounded("a|", $"{account}|{principal}");

    /// <summary><paramref name="prefix"/> + <paramref name="text"/>, cut to fit a key (see the class remarks).</summary>
    public static string Bounded(string prefix, string text)
    {
        if (Encoding.UTF8.GetByteCount(text) <= MaxKeyTextBytes)
        {
            return prefix + text;
        }

        var cut = 0;
        var bytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > MaxKeyTextBytes)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            cut += rune.Utf16SequenceLength;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return $"{prefix}{text[..cut]}\u0000{hash}";
    }
}
