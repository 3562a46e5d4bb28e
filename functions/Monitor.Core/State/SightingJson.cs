using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Monitor.Detection;

namespace Monitor.State;

/// <summary>
/// The stored body of a <see cref="Sighting"/>: the parts a store keeps opaque (days and stamped attributes),
/// while key, first-seen and last-seen live in the store's own columns or attributes.
/// Shape: <c>{"d":[19783,19784],"a":{"name":{"v":"value","t":"2024-03-01T12:00:00Z"}},"e":{...},"s":{"name":["x","y"]}}</c>:
/// days, latest-wins attributes, earliest-wins attributes and sets, each optional.
/// </summary>
public static class SightingJson
{
    // The body is only ever read back by this class, never rendered, so the relaxed encoder is safe here and
    // keeps non-ASCII attacker text (user agents) at its UTF-8 size. Quotes and control characters are still escaped.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The sighting's days and attributes as compact UTF-8 JSON.</summary>
    public static byte[] ToUtf8Body(Sighting sighting)
    {
        ArgumentNullException.ThrowIfNull(sighting);
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            if (sighting.Days.Count > 0)
            {
                writer.WriteStartArray("d");
                foreach (var day in sighting.Days)
                {
                    writer.WriteNumberValue(day);
                }

                writer.WriteEndArray();
            }

            WriteStamped(writer, "a", sighting.Attributes);
            WriteStamped(writer, "e", sighting.Earliest);
            if (sighting.Sets.Count > 0)
            {
                writer.WriteStartObject("s");
                foreach (var (name, values) in sighting.Sets.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    writer.WriteStartArray(name);
                    foreach (var value in values)
                    {
                        writer.WriteStringValue(value);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc cref="ToUtf8Body"/>
    public static string ToBody(Sighting sighting) => Encoding.UTF8.GetString(ToUtf8Body(sighting));

    /// <summary>Rebuilds a sighting from its stored parts; throws <see cref="FormatException"/> on a corrupt body.</summary>
    public static Sighting FromBody(StateKey key, DateTimeOffset firstSeen, DateTimeOffset lastSeen, ReadOnlySpan<byte> utf8Body)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            return new Sighting
            {
                Key = key,
                FirstSeen = firstSeen,
                LastSeen = lastSeen,
                Days = root.TryGetProperty("d", out var days) ? days.EnumerateArray().Select(d => d.GetInt32()).ToArray() : [],
                Attributes = root.TryGetProperty("a", out var attributes) ? ReadAttributes(attributes) : new Dictionary<string, Stamped>(),
                Earliest = root.TryGetProperty("e", out var earliest) ? ReadAttributes(earliest) : new Dictionary<string, Stamped>(),
                Sets = root.TryGetProperty("s", out var sets) ? ReadSets(sets) : new Dictionary<string, IReadOnlyList<string>>(),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new FormatException($"Stored sighting {key} has a corrupt body: {e.Message}", e);
        }
    }

    /// <inheritdoc cref="FromBody(StateKey, DateTimeOffset, DateTimeOffset, ReadOnlySpan{byte})"/>
    public static Sighting FromBody(StateKey key, DateTimeOffset firstSeen, DateTimeOffset lastSeen, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return FromBody(key, firstSeen, lastSeen, Encoding.UTF8.GetBytes(body));
    }

    // Ordinal order, so equal sightings give byte-identical bodies whatever order they merged in.
    private static void WriteStamped(Utf8JsonWriter writer, string property, IReadOnlyDictionary<string, Stamped> attributes)
    {
        if (attributes.Count == 0)
        {
            return;
        }

        writer.WriteStartObject(property);
        foreach (var (name, stamped) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject(name);
            writer.WriteString("v", stamped.Value);
            writer.WriteString("t", FindingJson.FormatTime(stamped.At));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadSets(JsonElement sets)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var set in sets.EnumerateObject())
        {
            result[set.Name] = [.. set.Value.EnumerateArray().Select(v => v.GetString() ?? throw new InvalidOperationException($"Set '{set.Name}' holds a null."))];
        }

        return result;
    }

    private static Dictionary<string, Stamped> ReadAttributes(JsonElement attributes)
    {
        var result = new Dictionary<string, Stamped>(StringComparer.Ordinal);
        foreach (var attribute in attributes.EnumerateObject())
        {
            var value = attribute.Value.GetProperty("v").GetString() ?? throw new InvalidOperationException($"Attribute '{attribute.Name}' has no value.");
            var at = FindingJson.ParseTime(attribute.Value.GetProperty("t").GetString() ?? string.Empty, attribute.Name);
            result[attribute.Name] = new Stamped(value, at);
        }

        return result;
    }
}
