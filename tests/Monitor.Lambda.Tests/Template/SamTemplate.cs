using System.Text.Json.Nodes;

namespace Monitor.Lambda.Tests.Template;

/// <summary>template.yaml as JSON nodes, with the lookups the template tests share.</summary>
public sealed class SamTemplate(JsonObject root)
{
    private static readonly Lazy<SamTemplate> Repository = new(() => Parse(File.ReadAllText(RepositoryFiles.PathOf("template.yaml"))));

    public static SamTemplate Load() => Repository.Value;

    public static SamTemplate Parse(string yaml) => new(CloudFormationYaml.Parse(yaml));

    public JsonObject Root { get; } = root;

    public JsonObject Resources => Root[nameof(Resources)]!.AsObject();

    public JsonObject Section(string name) => Root[name] as JsonObject ?? [];

    public IEnumerable<(string Name, JsonObject Resource)> OfType(string type) =>
        Resources.Where(r => r.Value?["Type"]?.GetValue<string>() == type).Select(r => (r.Key, r.Value!.AsObject()));

    public JsonObject PropertiesOf(string name) => Resources[name]?["Properties"] as JsonObject ?? [];

    /// <summary>A function's effective environment: Globals merged with its own variables.</summary>
    public IReadOnlyDictionary<string, JsonNode?> EnvironmentOf(JsonObject function)
    {
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var source in new[] { Root["Globals"]?["Function"], function["Properties"] })
        {
            foreach (var (name, value) in (source?["Environment"]?["Variables"] as JsonObject) ?? [])
            {
                result[name] = value;
            }
        }

        return result;
    }

    /// <summary>A function property, falling back to Globals.Function.</summary>
    public JsonNode? FunctionProperty(JsonObject function, string name) =>
        function["Properties"]?[name] ?? Root["Globals"]?["Function"]?[name];

    /// <summary>The logical id named by <c>!GetAtt X.Arn</c> or <c>!Ref X</c>.</summary>
    public static string? TargetOf(JsonNode? node) =>
        node?["Fn::GetAtt"]?[0]?.GetValue<string>() ?? (node?["Ref"] as JsonValue)?.GetValue<string>();

    /// <summary>Every JSON object in the template, depth first, with its path.</summary>
    public static IEnumerable<(string Path, JsonObject Node)> Objects(JsonNode? node, string path = "$")
    {
        if (node is JsonObject obj)
        {
            yield return (path, obj);
            foreach (var (name, child) in obj)
            {
                foreach (var inner in Objects(child, $"{path}.{name}"))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                foreach (var inner in Objects(array[i], $"{path}[{i}]"))
                {
                    yield return inner;
                }
            }
        }
    }
}
