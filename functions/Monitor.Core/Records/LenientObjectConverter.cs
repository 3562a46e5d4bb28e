using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Monitor.Records;

/// <summary>
/// Reads a block such as <c>userIdentity</c> or <c>sessionContext</c> only when it is an object: a string, number,
/// boolean or array where the object belongs reads as absent, as if the block were missing, and the record is kept.
/// </summary>
internal sealed class LenientObjectConverter<T> : JsonConverter<T?>
    where T : class
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        return JsonSerializer.Deserialize(ref reader, TypeInfo(options));
    }

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            JsonSerializer.Serialize(writer, value, TypeInfo(options));
        }
    }

    // The source-generated context declares every T this is used with, so the look-up is AOT-safe.
    internal static JsonTypeInfo<T> TypeInfo(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
