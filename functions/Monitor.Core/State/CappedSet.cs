namespace Monitor.State;

/// <summary>
/// The set join of <see cref="Sighting.Sets"/>: union, sorted ordinally, cut to the <see cref="Sighting.MaxSetSize"/>
/// smallest. Keeping the smallest (not the first seen) is what makes the cut the same whatever the merge order.
/// </summary>
internal static class CappedSet
{
    /// <summary>The union of two sorted sets, or <paramref name="known"/> itself when <paramref name="added"/> changes nothing.</summary>
    public static IReadOnlyList<string> Union(IReadOnlyList<string> known, IReadOnlyList<string> added)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(added);
        if (added.Count == 0)
        {
            return known;
        }

        var all = new SortedSet<string>(known, StringComparer.Ordinal);
        all.UnionWith(added);
        if (all.Count == known.Count)
        {
            return known;
        }

        string[] union = [.. all.Take(Sighting.MaxSetSize)];
        return union.AsSpan().SequenceEqual(known is string[] array ? array : [.. known]) ? known : union;
    }

    /// <summary>A one-element set.</summary>
    public static IReadOnlyList<string> Of(string value) => new[] { value };
}
