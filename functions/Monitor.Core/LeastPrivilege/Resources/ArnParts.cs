using Monitor.Records;

namespace Monitor.LeastPrivilege.Resources;

/// <summary>Partition, region and account of the place a call landed, for filling ARN templates.</summary>
public static class ArnParts
{
    /// <summary>The caller's partition (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>), read from its ARN.</summary>
    public static string Partition(Activity activity)
    {
        var arn = activity.Principal.Arn ?? activity.Principal.Key;
        if (arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            var end = arn.IndexOf(':', 4);
            if (end > 4)
            {
                return arn[4..end];
            }
        }

        return "aws";
    }

    /// <summary>The account segment of an ARN (empty for S3 buckets and other account-less ARNs).</summary>
    public static string Account(string arn)
    {
        var parts = arn.Split(':', 6);
        return parts.Length >= 5 ? parts[4] : string.Empty;
    }

    /// <summary>The service segment of an ARN.</summary>
    public static string Service(string arn)
    {
        var parts = arn.Split(':', 4);
        return parts.Length >= 3 ? parts[2] : string.Empty;
    }
}
