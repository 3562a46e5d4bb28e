using System.Globalization;
using System.Text.Json.Nodes;
using Monitor.Records;
using Monitor.State;

namespace Monitor.Detection.PublicBuckets;

/// <summary>
/// Reports anonymous requests that S3 granted on a bucket not listed in <see cref="DetectionOptions.PublicBuckets"/>:
/// proof that a bucket policy or ACL opens it to everyone. One finding per bucket, UTC day and kind (read / write),
/// folding every key and address seen. Denied anonymous requests are not reported: the internet probes every bucket
/// name, and a denial shows the bucket is closed. Failures other than a denial (a 404, a redirect) are not reported
/// either, because S3 answers some of them before it evaluates any policy.
/// </summary>
public sealed class PublicBucketAccessDetector(PublicBucketList publicBuckets) : IDetector
{
    public const string DetectorId = "public-bucket-access";

    public string Id => DetectorId;

    public IEnumerable<StateKey> KeysFor(Activity activity) => [];

    public ValueTask InspectAsync(Activity activity, DetectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(context);
        if (activity.Origin != ActivityOrigin.S3AccessLog
            || activity.Principal.Type != PrincipalType.Anonymous
            || activity.Outcome != Outcome.Success
            || activity.Resources.Count == 0
            || S3Arn.Parse(activity.Resources[0]) is not { } target
            || publicBuckets.Contains(target.Bucket))
        {
            return ValueTask.CompletedTask;
        }

        context.Report(Finding(activity, target));
        return ValueTask.CompletedTask;
    }

    private static Finding Finding(Activity activity, S3Arn target)
    {
        var write = activity.ReadOnly != true;
        var kind = write ? "write" : "read";
        var account = activity.Account ?? "unknown";
        var day = activity.Time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var evidence = new JsonObject
        {
            ["bucket"] = target.Bucket,
            ["day"] = day,
            ["actions"] = new JsonArray("s3:" + activity.EventName),
            ["keys"] = target.Key is null ? new JsonArray() : new JsonArray(target.Key),
            ["sourceIps"] = activity.Source.Raw is { } ip ? new JsonArray(ip) : new JsonArray(),
            ["userAgents"] = activity.UserAgent is { } agent ? new JsonArray(agent) : new JsonArray(),
            ["region"] = activity.Region,
        };
        return new Finding
        {
            Id = FindingId.For(DetectorId, account, target.Bucket, kind, day),
            Detector = DetectorId,
            Severity = write ? Severity.Critical : Severity.High,
            Title = $"Anonymous {kind} of bucket {target.Bucket}, which is not listed as public ({account})",
            Account = account,
            Principal = Records.AccessLogs.AccessLogRequester.AnonymousKey,
            Time = activity.Time,
            EventIds = [activity.EventId],
            Signals = ["anonymous-" + kind, "bucket-not-listed-public", "s3-access-log"],
            Evidence = evidence,
            Recommendation = "If the bucket is meant to be public, add it to the public bucket list (--public-buckets, MONITOR_PUBLIC_BUCKETS, "
                + "template parameter PublicBuckets). Otherwise turn on S3 Block Public Access for the bucket and the account, remove bucket "
                + "policy statements and ACL grants to \"*\" / AllUsers / AuthenticatedUsers, and review which keys were "
                + (write ? "written or deleted." : "read."),
        };
    }

    /// <summary>The bucket and key of an S3 ARN (<c>arn:aws:s3:::bucket/key</c>).</summary>
    private sealed record S3Arn(string Bucket, string? Key)
    {
        public static S3Arn? Parse(string arn)
        {
            var marker = arn.IndexOf(":s3:::", StringComparison.Ordinal);
            if (marker < 0)
            {
                return null;
            }

            var path = arn[(marker + ":s3:::".Length)..];
            var slash = path.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? new S3Arn(path, null) : new S3Arn(path[..slash], path[(slash + 1)..]);
        }
    }
}
