using System.Text.Json;

namespace Monitor.LeastPrivilege.Catalog;

/// <summary>
/// Rebuilds the catalog shape <see cref="IamCatalogReader"/> reads from AWS's official service reference
/// (<c>https://servicereference.us-east-1.amazonaws.com/</c>: an index <c>[{"service","url"}]</c>, then one file per
/// service with <c>Actions[].Annotations.Properties</c> (IsList / IsWrite / IsPermissionManagement /
/// IsTaggingOnly), <c>Actions[].Resources[].Name</c> and <c>Resources[].ARNFormats</c>). The reference does not mark
/// required resource types, so a refreshed catalog has none marked.
/// </summary>
public static class ServiceReferenceConverter
{
    /// <summary>Writes the catalog JSON for the given service files (prefix and its JSON).</summary>
    public static void Write(Utf8JsonWriter writer, IEnumerable<(string Prefix, JsonElement Service)> services, string source)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(services);
        writer.WriteStartObject();
        writer.WriteString("source", source);
        writer.WriteStartObject("services");
        foreach (var (prefix, service) in services.OrderBy(s => s.Prefix, StringComparer.Ordinal))
        {
            writer.WriteStartObject(prefix);
            writer.WriteStartObject("actions");
            foreach (var action in Array(service, "Actions").OrderBy(a => Text(a, "Name"), StringComparer.Ordinal))
            {
                writer.WriteStartObject(Text(action, "Name"));
                writer.WriteString("accessLevel", Level(action));
                var resources = Array(action, "Resources").Select(r => Text(r, "Name")).Where(n => n.Length > 0).ToList();
                if (resources.Count > 0)
                {
                    writer.WriteStartArray("resourceTypes");
                    resources.ForEach(writer.WriteStringValue);
                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("resourceTypes");
            foreach (var resource in Array(service, "Resources"))
            {
                var format = Array(resource, "ARNFormats").Select(f => f.GetString()).FirstOrDefault(f => f is not null);
                if (format is not null)
                {
                    writer.WriteString(Text(resource, "Name"), format);
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static string Level(JsonElement action)
    {
        var properties = action.TryGetProperty("Annotations", out var a) && a.ValueKind == JsonValueKind.Object && a.TryGetProperty("Properties", out var p) ? p : default;
        bool Is(string name) => properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
        return Is("IsPermissionManagement") ? "Permissions management"
            : Is("IsTaggingOnly") ? "Tagging"
            : Is("IsWrite") ? "Write"
            : Is("IsList") ? "List"
            : "Read";
    }

    private static List<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : [];

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
