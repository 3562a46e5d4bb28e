using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitor.Records;

/// <summary>
/// Reads an array of objects such as <c>resources</c>: entries that are not objects (strings, numbers, arrays,
/// null) are dropped, and a value that is not an array at all reads as absent. The record is kept either way.
/// </summary>
internal sealed class LenientObjectListConverter<T> : JsonConverter<List<T?>?>
    where T : class
{
    public override List<T?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var items = new List<T?>();
        var item = LenientObjectConverter<T>.TypeInfo(options);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                items.Add(JsonSerializer.Deserialize(ref reader, item));
            }
            else
            {
                reader.Skip();
            }
        }

        return items;
    }

    public override void Write(Utf8JsonWriter writer, List<T?>? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        var item = LenientObjectConverter<T>.TypeInfo(options);
        writer.WriteStartArray();
        foreach (var entry in value)
        {
            if (entry is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                JsonSerializer.Serialize(writer, entry, item);
            }
        }

        writer.WriteEndArray();
    }
}
