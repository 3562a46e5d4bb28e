namespace Monitor.Records;

/// <summary>
/// An Amazon Resource Name, <c>arn:partition:service:region:account:resource</c>: the one ARN type every stage uses.
/// Parsing never throws; text that is not an ARN is simply not one.
/// </summary>
internal readonly record struct Arn(string Partition, string Service, string Region, string Account, string Resource)
{
    public const string DefaultPartition = "aws";

    /// <summary>The ARN in <paramref name="text"/>, or null when it is not one.</summary>
    public static Arn? Parse(string? text)
    {
        if (text is null || !text.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = text.Split(':', 6);
        return parts.Length == 6 && parts[1].Length > 0 && parts[2].Length > 0 ? new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]) : null;
    }

    /// <summary>The partition of <paramref name="text"/> when it is an ARN, else <c>aws</c>.</summary>
    public static string PartitionOf(string? text) => Parse(text)?.Partition ?? DefaultPartition;

    /// <summary>The account of <paramref name="text"/> when it is an ARN naming one, else null.</summary>
    public static string? AccountOf(string? text) => Parse(text) is { Account.Length: > 0 } arn ? arn.Account : null;

    /// <summary>The partition a region belongs to (<c>cn-…</c>, <c>us-gov-…</c>, else <c>aws</c>).</summary>
    public static string PartitionOfRegion(string? region) => region switch
    {
        not null when region.StartsWith("cn-", StringComparison.Ordinal) => "aws-cn",
        not null when region.StartsWith("us-gov-", StringComparison.Ordinal) => "aws-us-gov",
        _ => DefaultPartition,
    };

    /// <summary>The root user's ARN in <paramref name="account"/>.</summary>
    public static string RootOf(string account, string partition = DefaultPartition) => $"arn:{partition}:iam::{account}:root";

    /// <summary>The last path segment of the resource (a role, user or session name), or null.</summary>
    public string? LastSegment
    {
        get
        {
            var slash = Resource.LastIndexOf('/');
            return slash >= 0 && slash < Resource.Length - 1 ? Resource[(slash + 1)..] : null;
        }
    }

    /// <summary>The root user: <c>arn:aws:iam::123456789012:root</c>.</summary>
    public bool IsRoot => Service == "iam" && Resource == "root" && Account.Length > 0;

    /// <summary>An IAM role (<c>role/…</c>, with or without a path).</summary>
    public bool IsRole => Service == "iam" && Resource.StartsWith("role/", StringComparison.Ordinal);

    /// <summary>Service-linked roles (<c>role/aws-service-role/…</c>) are created and assumed by AWS services only.</summary>
    public bool IsServiceLinkedRole => Service == "iam" && Resource.StartsWith("role/aws-service-role/", StringComparison.Ordinal);

    /// <summary>
    /// The role behind a role session: <c>arn:aws:sts::ACCT:assumed-role/ROLE/SESSION</c> gives <c>arn:aws:iam::ACCT:role/ROLE</c>.
    /// The session ARN drops the role's path, so for a role created with a path this is not the role's real ARN; the
    /// session issuer's ARN is preferred whenever a record has one.
    /// </summary>
    public Arn? RoleOfSession()
    {
        if (Service != "sts" || !Resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = Resource.Split('/');
        return parts.Length >= 3 && parts[1].Length > 0 ? this with { Service = "iam", Region = "", Resource = "role/" + parts[1] } : null;
    }

    /// <summary>The bucket and key of an S3 ARN (<c>arn:aws:s3:::bucket/key</c>; no key for a bucket), or null.</summary>
    public (string Bucket, string? Key)? S3Object
    {
        get
        {
            if (Service != "s3" || Resource.Length == 0)
            {
                return null;
            }

            var slash = Resource.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? (Resource, null) : (Resource[..slash], Resource[(slash + 1)..]);
        }
    }

    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{Account}:{Resource}";
}
