using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Monitor.Lambda.Tests.Template;

/// <summary>
/// A small JSON Schema draft-04 validator for the keywords the SAM schema uses: $ref (local), type, properties,
/// additionalProperties, required, enum, pattern, items, allOf, anyOf, oneOf, not. (JsonSchema.Net does not
/// restore from the package mirror here.) Annotations such as title and markdownDescription are ignored.
/// </summary>
public sealed class Draft4Validator(JsonObject root)
{
    private readonly Dictionary<string, Regex> _patterns = [];

    public IReadOnlyList<string> Validate(JsonNode? instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonNode? schemaNode, JsonNode? instance, string path, List<string> errors)
    {
        if (schemaNode is not JsonObject schema)
        {
            return;
        }

        if (schema["$ref"] is JsonValue reference)
        {
            Check(Resolve(reference.GetValue<string>()), instance, path, errors);
        }

        if (schema["type"] is { } type && !TypeMatches(type, instance))
        {
            errors.Add($"{path}: expected {type.ToJsonString()}, found {KindOf(instance)}");
            return;
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, instance)))
        {
            errors.Add($"{path}: {instance?.ToJsonString()} is not one of {values.ToJsonString()}");
        }

        if (schema["pattern"] is JsonValue pattern && instance is JsonValue text && text.TryGetValue<string>(out var s) && !PatternOf(pattern.GetValue<string>()).IsMatch(s))
        {
            errors.Add($"{path}: '{s}' does not match {pattern}");
        }

        if (instance is JsonObject obj)
        {
            CheckObject(schema, obj, path, errors);
        }

        if (instance is JsonArray array && schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(items, array[i], $"{path}[{i}]", errors);
            }
        }

        foreach (var sub in (schema["allOf"] as JsonArray) ?? [])
        {
            Check(sub, instance, path, errors);
        }

        CheckAlternatives(schema, instance, path, errors);
    }

    private void CheckObject(JsonObject schema, JsonObject obj, string path, List<string> errors)
    {
        foreach (var name in (schema["required"] as JsonArray)?.Select(r => r!.GetValue<string>()) ?? [])
        {
            if (!obj.ContainsKey(name))
            {
                errors.Add($"{path}: required property '{name}' is missing");
            }
        }

        var properties = schema["properties"] as JsonObject;
        foreach (var (name, value) in obj)
        {
            if (properties?[name] is { } propertySchema)
            {
                Check(propertySchema, value, $"{path}.{name}", errors);
            }
            else if (schema["additionalProperties"] is JsonValue allowed && !allowed.GetValue<bool>())
            {
                errors.Add($"{path}: property '{name}' is not allowed");
            }
            else if (schema["additionalProperties"] is JsonObject additional)
            {
                Check(additional, value, $"{path}.{name}", errors);
            }
        }
    }

    private void CheckAlternatives(JsonObject schema, JsonNode? instance, string path, List<string> errors)
    {
        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            if (schema[keyword] is not JsonArray options)
            {
                continue;
            }

            var results = options.Select(o => { var e = new List<string>(); Check(o, instance, path, e); return e; }).ToList();
            var passed = results.Count(r => r.Count == 0);
            if (passed == 0)
            {
                // Report the closest alternative: usually the resource type the author meant.
                errors.AddRange(results.OrderBy(r => r.Count).First());
            }
            else if (keyword == "oneOf" && passed > 1)
            {
                errors.Add($"{path}: matches {passed} alternatives of oneOf");
            }
        }

        if (schema["not"] is JsonObject not)
        {
            var e = new List<string>();
            Check(not, instance, path, e);
            if (e.Count == 0)
            {
                errors.Add($"{path}: must not match {not.ToJsonString()}");
            }
        }
    }

    private JsonNode? Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only local references are supported: {reference}");
        }

        JsonNode? node = root;
        foreach (var part in reference[2..].Split('/'))
        {
            node = node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return node ?? throw new InvalidDataException($"Unresolved reference {reference}");
    }

    private Regex PatternOf(string pattern)
    {
        if (!_patterns.TryGetValue(pattern, out var regex))
        {
            _patterns[pattern] = regex = new Regex(pattern, RegexOptions.CultureInvariant);
        }

        return regex;
    }

    private static bool TypeMatches(JsonNode type, JsonNode? instance) =>
        type is JsonArray types ? types.Any(t => TypeMatches(t!, instance)) : KindMatches(type.GetValue<string>(), instance);

    private static bool KindMatches(string kind, JsonNode? instance) => kind switch
    {
        "integer" => instance is JsonValue v && v.TryGetValue<long>(out _),
        "number" => instance is JsonValue v && (v.TryGetValue<long>(out _) || v.TryGetValue<double>(out _)),
        _ => KindOf(instance) == kind,
    };

    private static string KindOf(JsonNode? instance) => instance switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v when v.TryGetValue<bool>(out _) => "boolean",
        JsonValue v when v.TryGetValue<string>(out _) => "string",
        _ => "number",
    };
}
