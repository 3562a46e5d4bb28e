using System.Text.Json;
using Monitor.LeastPrivilege.Mapping;
using Monitor.Records;

namespace Monitor.LeastPrivilege.Resources;

/// <summary>
/// Values for ARN template variables, read from <c>requestParameters</c>. CloudTrail names request fields in
/// camelCase after the API members, so <c>${TableName}</c> is usually <c>tableName</c>; the exceptions
/// (S3 <c>key</c>, RDS <c>dBInstanceIdentifier</c>, EC2's <c>instancesSet.items[]</c>, ...) are listed.
/// Redacted values and values that are ARNs themselves (matched separately) are not used.
/// </summary>
internal static class TemplateValues
{
    private static readonly Dictionary<string, string[]> Sources = new(StringComparer.Ordinal)
    {
        ["BucketName"] = ["bucketName", "bucket"],
        ["ObjectName"] = ["key"],
        ["RoleNameWithPath"] = ["roleName"],
        ["UserNameWithPath"] = ["userName"],
        ["GroupNameWithPath"] = ["groupName"],
        ["PolicyNameWithPath"] = ["policyName"],
        ["InstanceProfileNameWithPath"] = ["instanceProfileName"],
        ["QueueName"] = ["queueUrl", "queueName"],
        ["TopicName"] = ["topicArn", "name"],
        ["FunctionName"] = ["functionName"],
        ["SecretId"] = ["secretId", "name"],
        ["ParameterNameWithoutLeadingSlash"] = ["name", "names"],
        ["TrailName"] = ["name", "trailName"],
        ["DbInstanceName"] = ["dBInstanceIdentifier"],
        ["KeyId"] = ["keyId"],
        ["Alias"] = ["aliasName"],
        ["InstanceId"] = ["instanceId", "instanceIds", "instancesSet"],
        ["SecurityGroupId"] = ["groupId"],
        ["StackName"] = ["stackName"],
        ["LogGroupName"] = ["logGroupName"],
        ["LogStreamName"] = ["logStreamName"],
    };

    public static IReadOnlyList<string> For(string variable, Activity activity)
    {
        var parameters = activity.Record?.RequestParameters;
        if (parameters is not { ValueKind: JsonValueKind.Object })
        {
            return [];
        }

        var camel = char.ToLowerInvariant(variable[0]) + variable[1..];
        var names = Sources.TryGetValue(variable, out var listed) ? listed : [camel];
        foreach (var name in names)
        {
            if (Clean(variable, Read(RecordFields.FieldIgnoringCase(parameters, name), camel)) is { Length: > 0 } values)
            {
                return values;
            }
        }

        // EC2's query-API shape nests members: {"instancesSet":{"items":[{"imageId":"ami-..."}]}}.
        return Clean(variable, RecordFields.AllStrings(parameters).Where(p => string.Equals(p.Name, camel, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value));
    }

    private static string[] Clean(string variable, IEnumerable<string> raw) =>
        [.. raw.Select(v => Shape(variable, v)).Where(v => v is not null && Usable(v)).Select(v => v!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static IEnumerable<string> Read(JsonElement? field, string member) => field switch
    {
        { ValueKind: JsonValueKind.String } s => [s.GetString()!],
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().SelectMany(e => Read(e, member)),
        { ValueKind: JsonValueKind.Object } o => RecordFields.AllStrings(o).Where(p => string.Equals(p.Name, member, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value),
        _ => [],
    };

    /// <summary>Turns a request value into the template's form of it.</summary>
    private static string? Shape(string variable, string value) => variable switch
    {
        "QueueName" when value.StartsWith("https://", StringComparison.Ordinal) => value[(value.LastIndexOf('/') + 1)..],
        "TopicName" when value.StartsWith("arn:", StringComparison.Ordinal) => value[(value.LastIndexOf(':') + 1)..],
        "ParameterNameWithoutLeadingSlash" => value.TrimStart('/'),
        "Alias" => value.StartsWith("alias/", StringComparison.Ordinal) ? value["alias/".Length..] : value,
        "KeyId" when value.StartsWith("alias/", StringComparison.Ordinal) => null,

        // Secrets Manager appends six random characters to every secret ARN: a name matches only with them.
        "SecretId" when !value.StartsWith("arn:", StringComparison.Ordinal) => value + "-??????",
        _ when value.StartsWith("arn:", StringComparison.Ordinal) => null,
        _ => value,
    };

    private static bool Usable(string value) =>
        value.Length > 0
        && !value.Contains("HIDDEN_DUE_TO_SECURITY_REASONS", StringComparison.Ordinal)
        && !value.Contains("sensitiveDataRemoved", StringComparison.Ordinal)
        && !value.Contains('*', StringComparison.Ordinal);
}
