using Monitor.Records;
namespace Monitor.LeastPrivilege.Resources;

/// <summary>How many distinct resources of one kind it takes before they are collapsed into a wildcard.</summary>
public sealed record GeneralizationOptions
{
    /// <summary>Object keys in one bucket before they become <c>bucket/common-prefix/*</c>. Default 3.</summary>
    public int ObjectKeys { get; init; } = 3;

    /// <summary>Names of one resource type (same account and region) before they become <c>type/common-prefix*</c>. Default 5.</summary>
    public int Names { get; init; } = 5;

    /// <summary>Cluster names by their first segment (<c>team-a-</c>) instead of everything up to their last separator.</summary>
    public bool Coarse { get; init; }

    /// <summary>Collapse every group to its type (<c>role/*</c>), whatever its size: the last resource step of the size ladder.</summary>
    public bool WholeType { get; init; }
}

/// <summary>
/// Collapses many resources of one kind into one wildcard, deterministically and safely: only within one
/// partition, service, region, account and resource type (never across accounts); the wildcard always ends
/// the ARN (IAM's <c>*</c> spans <c>/</c> and <c>:</c>, so a wildcard mid-ARN can grant far more than meant);
/// object keys are cut at a folder boundary; names keep their longest common prefix.
/// </summary>
internal sealed class ResourceGeneralizer(GeneralizationOptions options)
{
    public IReadOnlyList<string> Generalize(IEnumerable<string> arns)
    {
        var distinct = arns.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Contains("*"))
        {
            return ["*"];
        }

        var result = new List<string>();
        foreach (var group in distinct.GroupBy(Head, StringComparer.Ordinal))
        {
            var tails = group.Select(a => a[group.Key.Length..]).Order(StringComparer.Ordinal).ToList();
            var isObject = IsS3Object(group.Key);
            var threshold = isObject ? options.ObjectKeys : options.Names;
            if (tails.All(t => t.Length == 0))
            {
                result.Add(group.Key);
            }
            else if (tails.Contains("*") || options.WholeType)
            {
                result.Add(group.Key + "*");
            }
            else
            {
                foreach (var cluster in tails.GroupBy(t => ClusterKey(t, isObject), StringComparer.Ordinal))
                {
                    var members = cluster.ToList();
                    if (members.Count >= threshold && (cluster.Key.Length > 0 || isObject))
                    {
                        var common = CommonPrefix(members);
                        result.Add(group.Key + (isObject ? common[..(common.LastIndexOf('/') + 1)] : common) + "*");
                    }
                    else
                    {
                        result.AddRange(members.Select(t => group.Key + t));
                    }
                }
            }
        }

        return RemoveCovered(result);
    }

    /// <summary>
    /// The fixed part of an ARN up to its resource type: <c>arn:aws:iam::123:role/</c>, <c>arn:aws:lambda:r:123:function:</c>,
    /// <c>arn:aws:s3:::bucket/</c> for objects. S3 bucket ARNs have no type prefix, so buckets are never merged by name.
    /// </summary>
    internal static string Head(string arn)
    {
        if (Arn.Parse(arn) is not { } parsed)
        {
            return arn;
        }

        var prefix = $"arn:{parsed.Partition}:{parsed.Service}:{parsed.Region}:{parsed.Account}:";
        var resource = parsed.Resource;
        if (parsed is { Service: "s3", Region.Length: 0, Account.Length: 0 })
        {
            var slash = resource.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? arn : prefix + resource[..(slash + 1)];
        }

        var cut = resource.IndexOfAny(['/', ':']);
        return cut < 0 ? prefix : prefix + resource[..(cut + 1)];
    }

    /// <summary>
    /// Names cluster by the part before their last separator (<c>app-worker-</c> of <c>app-worker-7</c>), or, coarse,
    /// their first (<c>app-</c>); object keys by top-level folder (coarse: the whole bucket). A name without separator clusters nowhere: five unrelated
    /// role names stay five ARNs rather than becoming <c>role/*</c>.
    /// </summary>
    private string ClusterKey(string tail, bool isObject)
    {
        if (isObject)
        {
            var folder = tail.IndexOf('/', StringComparison.Ordinal);
            return options.Coarse || folder < 0 ? string.Empty : tail[..(folder + 1)];
        }

        char[] separators = ['-', '_', '/', '.', ':'];
        var cut = options.Coarse ? tail.IndexOfAny(separators) : tail.LastIndexOfAny(separators);
        return cut < 0 ? string.Empty : tail[..(cut + 1)];
    }

    private static bool IsS3Object(string head) => Arn.Parse(head)?.Service == "s3" && head.EndsWith('/');

    private static string CommonPrefix(List<string> sorted)
    {
        // In ordinal order, the common prefix of all is the common prefix of the first and the last.
        var first = sorted[0];
        var last = sorted[^1];
        var length = 0;
        while (length < first.Length && length < last.Length && first[length] == last[length] && first[length] is not ('*' or '?'))
        {
            length++;
        }

        return first[..length];
    }

    /// <summary>Drops ARNs a trailing-wildcard ARN of the set already covers.</summary>
    private static List<string> RemoveCovered(List<string> arns)
    {
        var wildcards = arns.Where(a => a.EndsWith('*')).Select(a => a[..^1]).ToList();
        return [.. arns
            .Where(a => !wildcards.Any(w => a.StartsWith(w, StringComparison.Ordinal) && a != w + "*"))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }
}
