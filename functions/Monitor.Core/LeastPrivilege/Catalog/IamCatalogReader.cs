using System.Text.Json;

namespace Monitor.LeastPrivilege.Catalog;

/// <summary>
/// Reads the catalog shape: <c>{"services":{"s3":{"actions":{"GetObject":{"accessLevel":"Read","resourceTypes":["object","bucket*"]}},
/// "resourceTypes":{"object":"arn:${Partition}:s3:::${BucketName}/${ObjectName}"}}}}</c>. Fields it does not use
/// (condition keys, dependent actions, names) are skipped without being materialized.
/// </summary>
public static class IamCatalogReader
{
    public static IamCatalog Read(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var services = new Dictionary<string, CatalogService>(StringComparer.OrdinalIgnoreCase);
        if (!document.RootElement.TryGetProperty("services", out var list) || list.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("IAM catalog: no \"services\" object");
        }

        foreach (var service in list.EnumerateObject())
        {
            services[service.Name] = ReadService(service.Name, service.Value);
        }

        return new IamCatalog(services);
    }

    private static CatalogService ReadService(string prefix, JsonElement service)
    {
        var actions = new Dictionary<string, CatalogAction>(StringComparer.OrdinalIgnoreCase);
        if (service.TryGetProperty("actions", out var actionList) && actionList.ValueKind == JsonValueKind.Object)
        {
            foreach (var action in actionList.EnumerateObject())
            {
                var level = action.Value.TryGetProperty("accessLevel", out var l) ? l.GetString() : null;
                var types = new List<ResourceTypeRef>();
                if (action.Value.TryGetProperty("resourceTypes", out var t) && t.ValueKind == JsonValueKind.Array)
                {
                    foreach (var type in t.EnumerateArray())
                    {
                        var name = type.GetString() ?? string.Empty;
                        var required = name.EndsWith('*');
                        types.Add(new ResourceTypeRef(required ? name[..^1] : name, required));
                    }
                }

                actions[action.Name] = new CatalogAction(new IamAction(prefix, action.Name), AccessLevels.Parse(level), types);
            }
        }

        var resourceTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (service.TryGetProperty("resourceTypes", out var typeList) && typeList.ValueKind == JsonValueKind.Object)
        {
            foreach (var type in typeList.EnumerateObject())
            {
                resourceTypes[type.Name] = type.Value.GetString() ?? string.Empty;
            }
        }

        return new CatalogService(prefix, actions, resourceTypes);
    }
}
