using System.Text.Json;

namespace Monitor.LeastPrivilege.Catalog;

/// <summary>
/// CloudTrail <c>eventSource</c> → IAM service prefix. Most prefixes are the first DNS label
/// (<c>ec2.amazonaws.com</c> → <c>ec2</c>); the exceptions (<c>monitoring</c> → <c>cloudwatch</c>,
/// <c>pricelist</c> → <c>pricing</c>, ...) come from iam-dataset's <c>cloudtrail_service_mappings</c>
/// (MIT, notice in <c>cloudtrail-service-mappings.LICENSE.txt</c>), embedded in this assembly.
/// </summary>
public sealed class EventSourcePrefixes(IReadOnlyDictionary<string, string> map)
{
    private const string ResourceName = "Monitor.LeastPrivilege.cloudtrail-service-mappings.json";

    // Event sources seen in real logs that the iam-dataset table lacks.
    private static readonly Dictionary<string, string> Extra = new(StringComparer.OrdinalIgnoreCase)
    {
        ["appstream2.amazonaws.com"] = "appstream",
        ["es.amazonaws.com"] = "es",
    };

    private static readonly Lazy<EventSourcePrefixes> EmbeddedMap = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    public static EventSourcePrefixes Embedded => EmbeddedMap.Value;

    public int Count => map.Count;

    public string PrefixFor(string eventSource)
    {
        if (map.TryGetValue(eventSource, out var prefix) || Extra.TryGetValue(eventSource, out prefix))
        {
            return prefix;
        }

        var dot = eventSource.IndexOf('.', StringComparison.Ordinal);
        return (dot > 0 ? eventSource[..dot] : eventSource).ToLowerInvariant();
    }

    private static EventSourcePrefixes LoadEmbedded()
    {
        using var resource = typeof(EventSourcePrefixes).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var document = JsonDocument.Parse(resource);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in document.RootElement.GetProperty("cloudtrail_service_mappings").EnumerateObject())
        {
            map[entry.Name] = entry.Value.GetString() ?? string.Empty;
        }

        return new EventSourcePrefixes(map);
    }
}
