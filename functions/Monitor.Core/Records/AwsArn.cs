namespace Monitor.Records;

/// <summary>The few ARN facts the normalizer needs, read without allocating a parse tree.</summary>
internal static class AwsArn
{
    public const string DefaultPartition = "aws";

    /// <summary>The partition (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>) of an ARN, else <c>aws</c>.</summary>
    public static string Partition(string? arn)
    {
        if (arn is null || !arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return DefaultPartition;
        }

        var end = arn.IndexOf(':', 4);
        return end > 4 ? arn[4..end] : DefaultPartition;
    }

    /// <summary>The account field of an ARN (empty for S3 buckets), or null when the text is not an ARN.</summary>
    public static string? Account(string? arn) => Fields(arn) is { } fields ? fields.Account : null;

    /// <summary>
    /// The role behind a role session: <c>arn:aws:sts::ACCT:assumed-role/ROLE/SESSION</c> gives
    /// <c>arn:aws:iam::ACCT:role/ROLE</c>. The session ARN drops the role's path, so for a role created
    /// with a path (<c>role/service/ROLE</c>) this is not the role's real ARN; the session issuer's ARN is
    /// preferred whenever the record has one.
    /// </summary>
    public static string? RoleOfSession(string? sessionArn)
    {
        if (Fields(sessionArn) is not { } fields || fields.Service != "sts" || !fields.Resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = fields.Resource.Split('/');
        return parts.Length >= 3 && parts[1].Length > 0 ? $"arn:{fields.Partition}:iam::{fields.Account}:role/{parts[1]}" : null;
    }

    /// <summary>The last path segment of the resource: the session name of an assumed-role or federated-user ARN, the user name of a user ARN.</summary>
    public static string? LastSegment(string? arn)
    {
        if (Fields(arn) is not { } fields)
        {
            return null;
        }

        var slash = fields.Resource.LastIndexOf('/');
        return slash >= 0 && slash < fields.Resource.Length - 1 ? fields.Resource[(slash + 1)..] : null;
    }

    public static bool IsRoot(string? arn) =>
        Fields(arn) is { } fields && fields.Service == "iam" && fields.Resource == "root" && fields.Account.Length > 0;

    private static (string Partition, string Service, string Account, string Resource)? Fields(string? arn)
    {
        if (arn is null || !arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = arn.Split(':', 6);
        return parts.Length == 6 ? (parts[1], parts[2], parts[4], parts[5]) : null;
    }
}
