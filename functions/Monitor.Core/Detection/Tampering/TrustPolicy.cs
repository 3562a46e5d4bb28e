using System.Text.Json;
using Monitor.Records;

namespace Monitor.Detection.Tampering;

/// <summary>Who a role trust policy (or a user policy) lets in, read from the JSON text CloudTrail logs.</summary>
internal readonly record struct TrustPolicy(IReadOnlyList<string> OutsideAccounts, bool AnyPrincipal, bool Conditional)
{
    public bool Opened => OutsideAccounts.Count > 0 || AnyPrincipal;

    /// <summary>
    /// The accounts an <c>Allow</c> statement admits through <c>Principal.AWS</c> other than <paramref name="own"/> and
    /// <paramref name="trusted"/>, and whether any principal (<c>*</c>) is admitted, and if so only under a condition.
    /// Service and federated principals are not accounts. Unreadable text admits no one.
    /// </summary>
    public static TrustPolicy Read(string? document, string own, IReadOnlySet<string> trusted)
    {
        var outside = new SortedSet<string>(StringComparer.Ordinal);
        bool any = false, conditional = true;
        foreach (var statement in AllowStatements(document))
        {
            if (!statement.TryGetProperty("Principal", out var principal))
            {
                continue;
            }

            var values = principal.ValueKind == JsonValueKind.String ? [principal]
                : principal.ValueKind == JsonValueKind.Object && principal.TryGetProperty("AWS", out var aws) ? Values(aws)
                : [];
            foreach (var value in values.Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!))
            {
                if (value == "*")
                {
                    any = true;
                    conditional &= statement.TryGetProperty("Condition", out var condition) && condition.ValueKind == JsonValueKind.Object && condition.EnumerateObject().Any();
                }
                else if (AccountOf(value) is { } account && account != own && !trusted.Contains(account))
                {
                    outside.Add(account);
                }
            }
        }

        return new TrustPolicy([.. outside], any, any && conditional);
    }

    /// <summary>Whether a policy allows every action on every resource (<c>"Action": "*"</c>, <c>"Resource": "*"</c>).</summary>
    public static bool GrantsEverything(string? document) =>
        AllowStatements(document).Any(s =>
            s.TryGetProperty("Action", out var action) && Values(action).Any(a => a.ValueKind == JsonValueKind.String && a.GetString() is "*" or "*:*")
            && s.TryGetProperty("Resource", out var resource) && Values(resource).Any(r => r.ValueKind == JsonValueKind.String && r.GetString() == "*"));

    private static List<JsonElement> AllowStatements(string? document)
    {
        if (string.IsNullOrWhiteSpace(document))
        {
            return [];
        }

        // CloudTrail logs some policy documents URL-encoded.
        var text = document.TrimStart().StartsWith('%') ? Uri.UnescapeDataString(document) : document;
        try
        {
            using var parsed = JsonDocument.Parse(text);
            if (parsed.RootElement.ValueKind != JsonValueKind.Object || !parsed.RootElement.TryGetProperty("Statement", out var statements))
            {
                return [];
            }

            return [.. Values(statements).Where(s => s.ValueKind == JsonValueKind.Object
                && s.TryGetProperty("Effect", out var effect) && effect.ValueKind == JsonValueKind.String && effect.GetString() == "Allow")
                .Select(s => s.Clone())];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static JsonElement[] Values(JsonElement element) => element.ValueKind == JsonValueKind.Array ? [.. element.EnumerateArray()] : [element];

    /// <summary>A 12-digit account id, or the account of an ARN (<c>arn:aws:iam::123456789012:root</c>).</summary>
    private static string? AccountOf(string value) =>
        value.Length == 12 && value.All(char.IsAsciiDigit) ? value : Arn.AccountOf(value);
}
