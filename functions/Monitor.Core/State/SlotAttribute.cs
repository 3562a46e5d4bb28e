namespace Monitor.State;

/// <summary>How an attribute merges when two observations of one key meet.</summary>
public enum AttributeMerge
{
    /// <summary>The value of the latest event wins (a status, the last place something was used).</summary>
    Latest,

    /// <summary>The value of the earliest event wins (how a session was obtained, who created something).</summary>
    Earliest,
}

/// <summary>
/// A typed attribute of a detector's state: its stored name, its codec and how it merges. Detectors declare their
/// attributes next to their keys, and read and write them only through these declarations, never by name.
/// </summary>
public sealed class SlotAttribute<T>(string name, Codec<T> codec, AttributeMerge merge = AttributeMerge.Latest)
{
    public string Name { get; } = name;

    public AttributeMerge Merge { get; } = merge;

    public string Encode(T value) => codec.Encode(value);

    public T? Decode(string text) => codec.Decode(text);
}

/// <summary>A named set of values in a detector's state (see <see cref="Sighting.Sets"/>).</summary>
public sealed class SlotSet(string name)
{
    public string Name { get; } = name;
}

/// <summary>Typed reads of declared attributes and sets.</summary>
internal static class SightingReads
{
    /// <summary>The attribute's value, or default when the sighting is null or has none.</summary>
    public static T? Get<T>(this Sighting? sighting, SlotAttribute<T> attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        var stored = sighting is null ? null
            : attribute.Merge == AttributeMerge.Latest ? sighting.Attribute(attribute.Name) : sighting.EarliestAttribute(attribute.Name);
        return stored is null ? default : attribute.Decode(stored);
    }

    /// <summary>Whether the sighting has a value for the attribute.</summary>
    public static bool Has<T>(this Sighting? sighting, SlotAttribute<T> attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        return sighting is not null
            && (attribute.Merge == AttributeMerge.Latest ? sighting.Attributes : sighting.Earliest).ContainsKey(attribute.Name);
    }

    /// <summary>The event time that set the attribute's current value.</summary>
    public static DateTimeOffset? StampOf<T>(this Sighting? sighting, SlotAttribute<T> attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        return sighting is not null && (attribute.Merge == AttributeMerge.Latest ? sighting.Attributes : sighting.Earliest).TryGetValue(attribute.Name, out var stamped)
            ? stamped.At
            : null;
    }

    public static IReadOnlyList<string> Get(this Sighting? sighting, SlotSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return sighting is null ? [] : sighting.Set(set.Name);
    }
}
