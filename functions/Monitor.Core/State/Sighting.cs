namespace Monitor.State;

/// <summary>
/// What the store remembers about one <see cref="StateKey"/>: when it was first and last seen, on which days
/// (the most recent <see cref="MaxDays"/>), named attributes (latest-wins or earliest-wins, each stamped with the
/// event time that set it) and small sets of values (the <see cref="MaxSetSize"/> smallest kept).
/// Every field is a join: min, max, union, latest-wins, earliest-wins, so merging the same observation twice, or
/// observations in any order or grouping, gives the same state. That is what makes replays, redeliveries and
/// reordered deliveries safe, and why nothing a judgment concludes is ever stored here.
/// </summary>
public sealed record Sighting
{
    public const int MaxDays = 120;

    public const int MaxSetSize = 64;

    public required StateKey Key { get; init; }

    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset LastSeen { get; init; }

    /// <summary>Distinct UTC days seen, as day numbers since 1970-01-01, ascending; the latest <see cref="MaxDays"/> kept.</summary>
    public IReadOnlyList<int> Days { get; init; } = [];

    /// <summary>Latest-wins attributes: the value stamped with the latest event time (ties: the ordinally larger).</summary>
    public IReadOnlyDictionary<string, Stamped> Attributes { get; init; } = Empty;

    /// <summary>Earliest-wins attributes: the value stamped with the earliest event time (ties: the ordinally smaller).</summary>
    public IReadOnlyDictionary<string, Stamped> Earliest { get; init; } = Empty;

    /// <summary>Sets of values, each sorted ordinally and cut to its <see cref="MaxSetSize"/> smallest.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Sets { get; init; } = NoSets;

    private static readonly IReadOnlyDictionary<string, Stamped> Empty = new Dictionary<string, Stamped>();

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoSets = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>One observation of <paramref name="key"/> at event time <paramref name="at"/>.</summary>
    public static Sighting Observed(StateKey key, DateTimeOffset at, IReadOnlyDictionary<string, string>? attributes = null) => new()
    {
        Key = key,
        FirstSeen = at,
        LastSeen = at,
        Days = new[] { DayNumber(at) },
        Attributes = attributes is null ? Empty : attributes.ToDictionary(a => a.Key, a => new Stamped(a.Value, at), StringComparer.Ordinal),
    };

    public static int DayNumber(DateTimeOffset at) => (int)(at.UtcTicks / TimeSpan.TicksPerDay - DateTimeOffset.UnixEpoch.UtcTicks / TimeSpan.TicksPerDay);

    /// <summary>The start (00:00 UTC) of day number <paramref name="day"/>.</summary>
    public static DateTimeOffset DayStart(int day) => DateTimeOffset.UnixEpoch.AddDays(day);

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

    public string? EarliestAttribute(string name) => Earliest.TryGetValue(name, out var value) ? value.Value : null;

    public IReadOnlyList<string> Set(string name) => Sets.TryGetValue(name, out var values) ? values : [];

    public Sighting Merge(Sighting other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Key != Key)
        {
            throw new ArgumentException($"Cannot merge {other.Key} into {Key}.", nameof(other));
        }

        // Most observations repeat what is known (the same key seen again the same day), and merging runs once per
        // event per key, so each part returns the instance it already has when nothing changes.
        var days = MergeDays(Days, other.Days);
        var attributes = MergeStamped(Attributes, other.Attributes, Stamped.Latest);
        var earliest = MergeStamped(Earliest, other.Earliest, Stamped.EarliestOf);
        var sets = MergeSets(Sets, other.Sets);
        var first = FirstSeen <= other.FirstSeen ? FirstSeen : other.FirstSeen;
        var last = LastSeen >= other.LastSeen ? LastSeen : other.LastSeen;
        return first == FirstSeen && last == LastSeen && ReferenceEquals(days, Days) && ReferenceEquals(attributes, Attributes)
            && ReferenceEquals(earliest, Earliest) && ReferenceEquals(sets, Sets)
            ? this
            : this with { FirstSeen = first, LastSeen = last, Days = days, Attributes = attributes, Earliest = earliest, Sets = sets };
    }

    /// <summary>Whether two sightings hold the same state (what a store compares before writing).</summary>
    public bool SameState(Sighting other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Key == other.Key && FirstSeen == other.FirstSeen && LastSeen == other.LastSeen
            && Days.SequenceEqual(other.Days)
            && SameStamped(Attributes, other.Attributes) && SameStamped(Earliest, other.Earliest)
            && Sets.Count == other.Sets.Count && Sets.All(s => other.Sets.TryGetValue(s.Key, out var values) && s.Value.SequenceEqual(values, StringComparer.Ordinal));
    }

    private static bool SameStamped(IReadOnlyDictionary<string, Stamped> a, IReadOnlyDictionary<string, Stamped> b) =>
        a.Count == b.Count && a.All(x => b.TryGetValue(x.Key, out var y) && x.Value == y);

    private static IReadOnlyDictionary<string, Stamped> MergeStamped(
        IReadOnlyDictionary<string, Stamped> mine, IReadOnlyDictionary<string, Stamped> theirs, Func<Stamped, Stamped, Stamped> pick)
    {
        if (theirs.Count == 0)
        {
            return mine;
        }

        if (mine.Count == 0)
        {
            return theirs;
        }

        Dictionary<string, Stamped>? merged = null;
        foreach (var (name, value) in theirs)
        {
            var known = merged ?? mine;
            if (known.TryGetValue(name, out var current) && pick(current, value) == current)
            {
                continue;
            }

            merged ??= new Dictionary<string, Stamped>(mine, StringComparer.Ordinal);
            merged[name] = value;
        }

        return merged ?? mine;
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> MergeSets(
        IReadOnlyDictionary<string, IReadOnlyList<string>> mine, IReadOnlyDictionary<string, IReadOnlyList<string>> theirs)
    {
        if (theirs.Count == 0)
        {
            return mine;
        }

        if (mine.Count == 0)
        {
            return theirs;
        }

        Dictionary<string, IReadOnlyList<string>>? merged = null;
        foreach (var (name, values) in theirs)
        {
            var known = mine.TryGetValue(name, out var current) ? current : [];
            var union = CappedSet.Union(known, values);
            if (ReferenceEquals(union, known))
            {
                continue;
            }

            merged ??= new Dictionary<string, IReadOnlyList<string>>(mine, StringComparer.Ordinal);
            merged[name] = union;
        }

        return merged ?? mine;
    }

    private static IReadOnlyList<int> MergeDays(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        if (b.Count == 0 || ReferenceEquals(a, b))
        {
            return a;
        }

        if (a.Count == 0)
        {
            return b;
        }

        if (b.Count == 1 && Contains(a, b[0]))
        {
            return a;
        }

        var all = new SortedSet<int>(a);
        all.UnionWith(b);
        int[] merged = all.Count <= MaxDays ? [.. all] : [.. all.Skip(all.Count - MaxDays)];
        return merged.AsSpan().SequenceEqual(a is int[] known ? known : [.. a]) ? a : merged;
    }

    private static bool Contains(IReadOnlyList<int> sorted, int day) =>
        sorted is int[] array ? Array.BinarySearch(array, day) >= 0 : sorted.Contains(day);
}
