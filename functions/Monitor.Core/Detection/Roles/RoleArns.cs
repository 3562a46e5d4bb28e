namespace Monitor.Detection.Roles;

/// <summary>The few role-ARN facts this detector needs.</summary>
public static class RoleArns
{
    /// <summary>Whether the ARN is a service-linked role (<c>role/aws-service-role/…</c>).</summary>
    public static bool IsServiceLinked(string? roleArn) => roleArn is not null && roleArn.Contains(":role/aws-service-role/", StringComparison.Ordinal);

    /// <summary>The account field of an ARN, or null.</summary>
    public static string? Account(string? arn)
    {
        if (arn is null || !arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = arn.Split(':', 6);
        return parts.Length == 6 && parts[4].Length > 0 ? parts[4] : null;
    }

    /// <summary>The role name (last path segment) of a role ARN: what IAM's CreateRole and UpdateAssumeRolePolicy name.</summary>
    public static string? Name(string? roleArn)
    {
        if (roleArn is null)
        {
            return null;
        }

        var slash = roleArn.LastIndexOf('/');
        return slash >= 0 && slash < roleArn.Length - 1 ? roleArn[(slash + 1)..] : null;
    }

    /// <summary>
    /// EC2 names an instance profile's session after the instance (<c>i-0abc…</c>); anonymised datasets keep the
    /// shape but not always lower case.
    /// </summary>
    public static bool IsInstanceSessionName(string? sessionName) =>
        sessionName is { Length: >= 10 and <= 21 } name && name.StartsWith("i-", StringComparison.Ordinal) && name[2..].All(char.IsAsciiHexDigit);
}
