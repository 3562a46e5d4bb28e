using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Monitor.Lambda.Tests.Template;

/// <summary>
/// Reads a CloudFormation YAML template into JSON nodes, turning the short-form tags into their long form
/// (<c>!Ref X</c> → <c>{"Ref":"X"}</c>, <c>!GetAtt A.B</c> → <c>{"Fn::GetAtt":["A","B"]}</c>, <c>!Sub</c> → <c>{"Fn::Sub":...}</c>),
/// which is what the SAM schema and CloudFormation itself see.
/// </summary>
public static partial class CloudFormationYaml
{
    public static JsonObject Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode)?.AsObject() ?? throw new InvalidDataException("Empty template.");
    }

    private static JsonNode? Convert(YamlNode node)
    {
        var value = node switch
        {
            YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
            YamlSequenceNode list => new JsonArray(list.Children.Select(Convert).ToArray()),
            YamlScalarNode scalar => Scalar(scalar),
            _ => throw new InvalidDataException($"Unsupported YAML node at {node.Start}."),
        };

        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        return tag switch
        {
            null or "tag:yaml.org,2002:str" => value,
            "!Ref" => new JsonObject { ["Ref"] = value },
            "!Condition" => new JsonObject { ["Condition"] = value },
            "!GetAtt" when value is JsonValue v => new JsonObject { ["Fn::GetAtt"] = SplitGetAtt(v.GetValue<string>()) },
            _ when tag.StartsWith('!') => new JsonObject { ["Fn::" + tag[1..]] = value },
            _ => throw new InvalidDataException($"Unsupported tag {tag} at {node.Start}."),
        };
    }

    private static JsonArray SplitGetAtt(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? throw new InvalidDataException($"!GetAtt {text} has no attribute.") : new JsonArray(text[..dot], text[(dot + 1)..]);
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty)
        {
            return JsonValue.Create(text);
        }

        if (text is "true" or "false")
        {
            return JsonValue.Create(text == "true");
        }

        if (IntegerPattern().IsMatch(text))
        {
            return JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture));
        }

        return text is "" or "~" or "null" ? null : JsonValue.Create(text);
    }

    [GeneratedRegex("^-?[0-9]+$")]
    private static partial Regex IntegerPattern();
}
