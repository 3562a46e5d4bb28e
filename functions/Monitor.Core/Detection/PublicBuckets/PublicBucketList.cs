namespace Monitor.Detection.PublicBuckets;

/// <summary>
/// The buckets meant to be public (static websites, public datasets), so anonymous access to them is expected.
/// Entries are bucket names; an entry ending in <c>*</c> is a name prefix (<c>public-assets-*</c>). Default: none.
/// </summary>
public sealed class PublicBucketList
{
    public static readonly PublicBucketList None = new([]);

    private readonly HashSet<string> _names;
    private readonly string[] _prefixes;

    public PublicBucketList(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var cleaned = entries.Select(e => e.Trim()).Where(e => e.Length > 0).ToArray();
        _names = cleaned.Where(e => !e.EndsWith('*')).ToHashSet(StringComparer.Ordinal);
        _prefixes = [.. cleaned.Where(e => e.EndsWith('*')).Select(e => e[..^1])];
        Entries = cleaned;
    }

    public IReadOnlyList<string> Entries { get; }

    /// <summary>Parses a comma-separated list (the CLI option, environment variable and template parameter share it).</summary>
    public static PublicBucketList Parse(string? commaSeparated) =>
        string.IsNullOrWhiteSpace(commaSeparated) ? None : new PublicBucketList(commaSeparated.Split(','));

    // S3 bucket names are lower-case, so an exact ordinal match is the right comparison.
    public bool Contains(string bucket) =>
        _names.Contains(bucket) || _prefixes.Any(p => bucket.StartsWith(p, StringComparison.Ordinal));
}
