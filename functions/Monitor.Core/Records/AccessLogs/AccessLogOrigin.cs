using System.Text.RegularExpressions;

namespace Monitor.Records.AccessLogs;

/// <summary>
/// What the log object's key says about the logged bucket. With a partitioned prefix S3 writes
/// <c>[prefix]SourceAccountId/SourceRegion/SourceBucket/YYYY/MM/DD/...</c>, which names the bucket owner's account:
/// the one fact an access line lacks (it names the owner only by canonical id). Simple-prefix keys say nothing.
/// </summary>
internal sealed partial record AccessLogOrigin(string? OwnerAccount, string? Region)
{
    public static readonly AccessLogOrigin None = new(null, null);

    /// <summary>The hints in <paramref name="input"/> (an <c>s3://bucket/key</c> or a local path), or <see cref="None"/>.</summary>
    public static AccessLogOrigin FromInput(string? input)
    {
        if (input is null)
        {
            return None;
        }

        var match = PartitionedKey().Match(input.Replace('\\', '/'));
        return match.Success ? new AccessLogOrigin(match.Groups["account"].Value, match.Groups["region"].Value) : None;
    }

    [GeneratedRegex(@"(?:^|/)(?<account>[0-9]{12})/(?<region>[a-z]{2}(?:-[a-z]+)+-[0-9])/[^/]+/[0-9]{4}/[0-9]{2}/[0-9]{2}/[^/]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PartitionedKey();
}
