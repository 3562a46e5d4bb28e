namespace Monitor.State;

/// <summary>
/// What the store remembers about one <see cref="StateKey"/>: when it was first and last seen, on which days
/// (the most recent <see cref="MaxDays"/>), and named attributes, each stamped with the event time that set it.
/// Every field merges idempotently (min, max, union, latest-wins), so applying the same observation twice,
/// or observations in any order, gives the same state. That is what makes replays and redeliveries safe.
/// </summary>
public sealed record Sighting
{
    public const int MaxDays = 120;

    public required StateKey Key { get; init; }

    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset LastSeen { get; init; }

    /// <summary>Distinct UTC days seen, as day numbers since 1970-01-01, ascending; the latest <see cref="MaxDays"/> kept.</summary>
    public IReadOnlyList<int> Days { get; init; } = [];

    public IReadOnlyDictionary<string, Stamped> Attributes { get; init; } = EmptyAttributes;

    private static readonly IReadOnlyDictionary<string, Stamped> EmptyAttributes = new Dictionary<string, Stamped>();

    /// <summary>One observation of <paramref name="key"/> at event time <paramref name="at"/>.</summary>
    public static Sighting Observed(StateKey key, DateTimeOffset at, IReadOnlyDictionary<string, string>? attributes = null) => new()
    {
        Key = key,
        FirstSeen = at,
        LastSeen = at,
        Days = [DayNumber(at)],
        Attributes = attributes is null ? EmptyAttributes : attributes.ToDictionary(a => a.Key, a => new Stamped(a.Value, at), StringComparer.Ordinal),
    };

    public static int DayNumber(DateTimeOffset at) => (int)(at.UtcTicks / TimeSpan.TicksPerDay - DateTimeOffset.UnixEpoch.UtcTicks / TimeSpan.TicksPerDay);

    /// <summary>Whether this was seen strictly before <paramref name="at"/> (decisions are made as of the event's time).</summary>
    public bool SeenBefore(DateTimeOffset at) => FirstSeen < at;

    /// <summary>Whether this was seen on a day in [from, to) by day granularity, or at its first/last time within it.</summary>
    public bool SeenBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if ((FirstSeen >= from && FirstSeen < to) || (LastSeen >= from && LastSeen < to))
        {
            return true;
        }

        int first = DayNumber(from), last = DayNumber(to);
        return Days.Any(d => d > first && d < last);
    }

    public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value.Value : null;

    public Sighting Merge(Sighting other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Key != Key)
        {
            throw new ArgumentException($"Cannot merge {other.Key} into {Key}.", nameof(other));
        }

        // Fast paths: most observations repeat what is known (the same key seen again the same day, with no
        // attributes), and merging runs once per event per key, so it must not allocate when nothing changes.
        var days = MergeDays(Days, other.Days);
        var attributes = MergeAttributes(Attributes, other.Attributes);
        var first = FirstSeen <= other.FirstSeen ? FirstSeen : other.FirstSeen;
        var last = LastSeen >= other.LastSeen ? LastSeen : other.LastSeen;
        return first == FirstSeen && last == LastSeen && ReferenceEquals(days, Days) && ReferenceEquals(attributes, Attributes)
            ? this
            : this with { FirstSeen = first, LastSeen = last, Days = days, Attributes = attributes };
    }

    private static IReadOnlyDictionary<string, Stamped> MergeAttributes(IReadOnlyDictionary<string, Stamped> mine, IReadOnlyDictionary<string, Stamped> theirs)
    {
        if (theirs.Count == 0)
        {
            return mine;
        }

        Dictionary<string, Stamped>? merged = null;
        foreach (var (name, value) in theirs)
        {
            var known = merged ?? mine;
            var next = known.TryGetValue(name, out var current) ? Stamped.Latest(current, value) : value;
            if (known.ContainsKey(name) && next == current)
            {
                continue;
            }

            merged ??= new Dictionary<string, Stamped>(mine, StringComparer.Ordinal);
            merged[name] = next;
        }

        return merged ?? mine;
    }

    private static IReadOnlyList<int> MergeDays(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        if (b.Count == 0 || (b.Count == 1 && a is int[] sorted && Array.BinarySearch(sorted, b[0]) >= 0))
        {
            return a;
        }

        var all = new SortedSet<int>(a);
        all.UnionWith(b);
        return all.Count <= MaxDays ? [.. all] : [.. all.Skip(all.Count - MaxDays)];
    }
}
