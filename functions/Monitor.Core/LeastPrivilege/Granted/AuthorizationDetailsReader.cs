using System.Text.Json;

namespace Monitor.LeastPrivilege.Granted;

/// <summary>
/// Reads <c>aws iam get-account-authorization-details</c> output: users (with their groups' policies), roles,
/// and the managed policies' default versions. The CLI prints policy documents as JSON objects; the Query API
/// returns them URL-encoded: both are read.
/// </summary>
public static class AuthorizationDetailsReader
{
    public static IReadOnlyList<GrantedPrincipal> Read(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var managed = ManagedPolicies(root);
        var groups = new Dictionary<string, List<GrantedPolicy>>(StringComparer.Ordinal);
        foreach (var group in Array(root, "GroupDetailList"))
        {
            var name = Text(group, "GroupName");
            groups[name] = [.. Inline(group, "GroupPolicyList", $"group {name} inline"), .. Attached(group, managed, $"group {name} managed")];
        }

        var principals = new List<GrantedPrincipal>();
        foreach (var user in Array(root, "UserDetailList"))
        {
            var policies = Inline(user, "UserPolicyList", "inline").Concat(Attached(user, managed, "managed")).ToList();
            foreach (var group in Array(user, "GroupList").Select(g => g.GetString() ?? string.Empty))
            {
                policies.AddRange(groups.GetValueOrDefault(group) ?? []);
            }

            principals.Add(new GrantedPrincipal(Text(user, "Arn"), Text(user, "UserName"), "user", policies));
        }

        foreach (var role in Array(root, "RoleDetailList"))
        {
            var policies = Inline(role, "RolePolicyList", "inline").Concat(Attached(role, managed, "managed")).ToList();
            principals.Add(new GrantedPrincipal(Text(role, "Arn"), Text(role, "RoleName"), "role", policies));
        }

        return [.. principals.OrderBy(p => p.Arn, StringComparer.Ordinal)];
    }

    private static Dictionary<string, GrantedPolicy> ManagedPolicies(JsonElement root)
    {
        var policies = new Dictionary<string, GrantedPolicy>(StringComparer.Ordinal);
        foreach (var policy in Array(root, "Policies"))
        {
            var defaultVersion = Text(policy, "DefaultVersionId");
            var version = Array(policy, "PolicyVersionList").FirstOrDefault(v => v.TryGetProperty("IsDefaultVersion", out var d) && d.ValueKind == JsonValueKind.True || Text(v, "VersionId") == defaultVersion);
            if (version.ValueKind == JsonValueKind.Object && version.TryGetProperty("Document", out var body))
            {
                policies[Text(policy, "Arn")] = new GrantedPolicy(Text(policy, "PolicyName"), "managed", Statements(body));
            }
        }

        return policies;
    }

    private static IEnumerable<GrantedPolicy> Inline(JsonElement entity, string list, string source) =>
        Array(entity, list).Select(p => new GrantedPolicy(Text(p, "PolicyName"), source, p.TryGetProperty("PolicyDocument", out var body) ? Statements(body) : []));

    private static IEnumerable<GrantedPolicy> Attached(JsonElement entity, Dictionary<string, GrantedPolicy> managed, string source) =>
        Array(entity, "AttachedManagedPolicies")
            .Select(a => Text(a, "PolicyArn"))
            .Where(managed.ContainsKey)
            .Select(arn => managed[arn] with { Source = source });

    private static List<GrantStatement> Statements(JsonElement body)
    {
        if (body.ValueKind == JsonValueKind.String)
        {
            using var decoded = JsonDocument.Parse(Uri.UnescapeDataString(body.GetString() ?? "{}"));
            return Statements(decoded.RootElement);
        }

        if (!body.TryGetProperty("Statement", out var statement))
        {
            return [];
        }

        var items = statement.ValueKind == JsonValueKind.Array ? statement.EnumerateArray().ToList() : [statement];
        return [.. items.Where(s => s.ValueKind == JsonValueKind.Object).Select(s => new GrantStatement(
            Text(s, "Effect") == "Allow",
            Strings(s, "Action"),
            Strings(s, "NotAction"),
            Strings(s, "Resource"),
            s.TryGetProperty("Condition", out var c) && c.ValueKind == JsonValueKind.Object && c.EnumerateObject().Any()))];
    }

    private static List<string> Strings(JsonElement element, string name) => !element.TryGetProperty(name, out var value) ? [] : value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
        _ => [],
    };

    private static List<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : [];

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
