namespace Monitor.LeastPrivilege.Mapping;

/// <summary>
/// Calls that need no IAM permission: an explicit deny does not block them (AWS documents this for
/// GetCallerIdentity), and the SSO portal calls are authorized by a bearer token, not IAM. They are never
/// suggested and never reported unused.
/// </summary>
internal static class PermissionlessCalls
{
    private static readonly HashSet<string> Calls = new(StringComparer.OrdinalIgnoreCase)
    {
        "sts:GetCallerIdentity",
        "sts:GetSessionToken",
        "dynamodb:DescribeEndpoints",
        "sso:GetRoleCredentials",
        "sso:ListAccountRoles",
        "sso:ListAccounts",
        "sso:Logout",
    };

    public static bool Contains(string service, string name) =>
        string.Equals(service, "signin", StringComparison.OrdinalIgnoreCase) || Calls.Contains($"{service}:{name}");
}
