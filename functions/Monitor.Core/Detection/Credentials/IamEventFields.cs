using System.Text.Json;
using Monitor.Records;

namespace Monitor.Detection.Credentials;

/// <summary>Reads the few request and response fields the ledger needs from an IAM record, tolerating absence.</summary>
internal static class IamEventFields
{
    public static string? Request(Activity activity, string name) => Read(activity.Record?.RequestParameters, name);

    public static string? Response(Activity activity, params ReadOnlySpan<string> path)
    {
        var element = activity.Record?.ResponseElements;
        for (var i = 0; i < path.Length - 1 && element is not null; i++)
        {
            element = element.Value.ValueKind == JsonValueKind.Object && element.Value.TryGetProperty(path[i], out var child) ? child : null;
        }

        return Read(element, path[^1]);
    }

    /// <summary>The user an IAM call acts on: <c>userName</c> when given, else the caller (IAM defaults to it).</summary>
    public static string? TargetUser(Activity activity) => Request(activity, "userName") ?? CallerUser(activity.Principal);

    /// <summary>The report's user name for a caller: the IAM user's name, or <c>&lt;root_account&gt;</c>.</summary>
    public static string? CallerUser(Principal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Type switch
        {
            PrincipalType.Root => Records.CredentialReports.CredentialReportRow.RootUser,
            PrincipalType.IamUser => principal.Name,
            _ => null,
        };
    }

    private static string? Read(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(property.GetString())
            ? property.GetString()
            : null;
}
