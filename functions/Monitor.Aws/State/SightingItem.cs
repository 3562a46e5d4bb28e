using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Monitor.State;

namespace Monitor.Aws.State;

/// <summary>Maps a <see cref="Sighting"/> to and from its DynamoDB item. Times are ISO 8601 UTC with full precision.</summary>
internal static class SightingItem
{
    public static Dictionary<string, AttributeValue> Key(StateKey key) => new()
    {
        [StateTableLayout.PartitionKey] = new AttributeValue { S = StateTableLayout.SightingPartition(key.Scope) },
        [StateTableLayout.SortKey] = new AttributeValue { S = StateTableLayout.SightingSort(key.Member) },
    };

    public static Dictionary<string, AttributeValue> ToItem(Sighting sighting, long version, TimeSpan retention)
    {
        var item = Key(sighting.Key);
        item["scope"] = new AttributeValue { S = sighting.Key.Scope };
        item["member"] = new AttributeValue { S = sighting.Key.Member };
        item["first"] = new AttributeValue { S = Time(sighting.FirstSeen) };
        item["last"] = new AttributeValue { S = Time(sighting.LastSeen) };
        item["days"] = new AttributeValue { L = sighting.Days.Select(d => new AttributeValue { N = d.ToString(CultureInfo.InvariantCulture) }).ToList() };
        item["attrs"] = StampedList(sighting.Attributes);
        if (sighting.Earliest.Count > 0)
        {
            item["earliest"] = StampedList(sighting.Earliest);
        }

        if (sighting.Sets.Count > 0)
        {
            item["sets"] = new AttributeValue
            {
                L = sighting.Sets.OrderBy(a => a.Key, StringComparer.Ordinal).Select(set => new AttributeValue
                {
                    M = new()
                    {
                        ["n"] = new AttributeValue { S = set.Key },
                        ["v"] = new AttributeValue { L = set.Value.Select(v => new AttributeValue { S = v }).ToList() },
                    },
                }).ToList(),
            };
        }

        item[StateTableLayout.Version] = Number(version);

        // TTL from the event time last seen, so a replay of old logs expires on the same schedule.
        item[StateTableLayout.TimeToLive] = Number((sighting.LastSeen + retention).ToUnixTimeSeconds());
        return item;
    }

    public static (Sighting Sighting, long Version) FromItem(Dictionary<string, AttributeValue> item)
    {
        var sighting = new Sighting
        {
            Key = new StateKey(item["scope"].S, item["member"].S),
            FirstSeen = ParseTime(item["first"].S),
            LastSeen = ParseTime(item["last"].S),
            Days = item.TryGetValue("days", out var days) && days.L is { } dayList ? dayList.Select(d => int.Parse(d.N, CultureInfo.InvariantCulture)).ToArray() : [],
            Attributes = ReadStamped(item, "attrs"),
            Earliest = ReadStamped(item, "earliest"),
            Sets = item.TryGetValue("sets", out var sets) && sets.L is { } setList
                ? setList.ToDictionary(a => a.M["n"].S, a => (IReadOnlyList<string>)a.M["v"].L.Select(v => v.S).ToArray(), StringComparer.Ordinal)
                : new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal),
        };
        return (sighting, VersionOf(item));
    }

    /// <summary>Whether merging changed nothing that is stored (then no write is needed).</summary>
    public static bool SameState(Sighting a, Sighting b) => a.SameState(b);

    // A list, not a map keyed by name: names are attacker-controlled text and map keys have limits of their own.
    private static AttributeValue StampedList(IReadOnlyDictionary<string, Stamped> attributes) => new()
    {
        L = attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new AttributeValue
        {
            M = new()
            {
                ["n"] = new AttributeValue { S = a.Key },
                ["v"] = new AttributeValue { S = a.Value.Value },
                ["at"] = new AttributeValue { S = Time(a.Value.At) },
            },
        }).ToList(),
    };

    private static Dictionary<string, Stamped> ReadStamped(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.L is { } list
            ? list.ToDictionary(a => a.M["n"].S, a => new Stamped(a.M["v"].S, ParseTime(a.M["at"].S)), StringComparer.Ordinal)
            : new Dictionary<string, Stamped>(StringComparer.Ordinal);

    public static long VersionOf(Dictionary<string, AttributeValue> item) =>
        item.TryGetValue(StateTableLayout.Version, out var v) && long.TryParse(v.N, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    public static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
