using System.Text.Json.Nodes;
using Monitor.Records;
using Monitor.Records.AccessLogs;
using Monitor.State;

namespace Monitor.Detection.PublicBuckets;

/// <summary>
/// Reports anonymous requests that S3 granted on a bucket not listed in <see cref="PublicBucketOptions.PublicBuckets"/>:
/// proof that a bucket policy or ACL opens it to everyone. Seen in S3 server access logs and in CloudTrail data events
/// (whose anonymous caller is <c>ANONYMOUS_PRINCIPAL</c>). One finding per bucket, UTC day and kind (read / write),
/// folding every key, address and source seen. A <c>NoSuchKey</c> answer counts as a read: S3 answers a missing key
/// with 404 rather than 403 only to a caller allowed to list the bucket. Denied anonymous requests are not reported:
/// the internet probes every bucket name, and a denial shows the bucket is closed. Other failures (a redirect, a
/// missing bucket) are not reported either, because S3 answers them before it evaluates any policy.
/// </summary>
internal sealed class PublicBucketAccessDetector(PublicBucketOptions options) : Detector<BucketDay>(PublicBucketJsonContext.Default.BucketDay)
{
    public const string DetectorId = "public-bucket-access";

    private static readonly FindingRule Read = new(
        DetectorId, "anonymous-read", Severity.High, "Anonymous read of a bucket not listed as public",
        Advice("read."));

    private static readonly FindingRule Write = new(
        DetectorId, "anonymous-write", Severity.Critical, "Anonymous write to a bucket not listed as public",
        Advice("written or deleted."));

    private static readonly SlotSet EventIds = new("eventIds");
    private static readonly SlotSet Keys = new("keys");
    private static readonly SlotSet SourceIps = new("sourceIps");
    private static readonly SlotSet UserAgents = new("userAgents");
    private static readonly SlotSet Actions = new("actions");
    private static readonly SlotSet Sources = new("sources");
    private static readonly SlotSet Answers = new("answers");
    private static readonly SlotAttribute<string> Region = new("region", Codecs.Text, AttributeMerge.Earliest);

    // The one failure that proves access: S3 tells a caller a key is missing only if it may list the bucket.
    private const string NotFound = "NoSuchKey";

    public override string Id => DetectorId;

    /// <summary>The fold of one bucket's anonymous requests of one kind on one day.</summary>
    private static StateKey Fold(BucketDay day) => new($"public-bucket:{day.Account}", $"{day.Bucket}|{day.Kind}|{day.Day}");

    public override void Observe(Activity activity, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(observation);
        if (activity.Principal.Type != PrincipalType.Anonymous
            || activity.EventSource != "s3.amazonaws.com"
            || !((activity.Outcome == Outcome.Success && activity.ErrorCode is null) || activity.ErrorCode == NotFound)
            || TargetOf(activity) is not { } target
            || options.PublicBuckets.Contains(target.Bucket))
        {
            return;
        }

        var read = activity.ReadOnly == true || activity.ErrorCode == NotFound;
        var subject = new BucketDay(activity.Account ?? "unknown", target.Bucket, read ? "read" : "write", BucketDay.DayOf(activity.Time), activity.Time);
        observation.Saw(Fold(subject), activity.Time)
            .Add(EventIds, activity.EventId)
            .Add(Keys, target.Key)
            .Add(SourceIps, activity.Source.Raw)
            .Add(UserAgents, activity.UserAgent)
            .Add(Actions, "s3:" + activity.EventName)
            .Add(Sources, activity.Origin == ActivityOrigin.S3AccessLog ? "s3-access-log" : "cloudtrail-data-event")
            .Add(Answers, activity.ErrorCode == NotFound ? "not-found-so-listable" : null)
            .With(Region, activity.Region);
        observation.Judge(subject);
    }

    protected override void Plan(BucketDay subject, ReadPlan plan) => plan.Read(Fold(subject));

    protected override void Judge(BucketDay subject, Snapshot snapshot, Judgment judgment)
    {
        if (snapshot[Fold(subject)] is not { } fold)
        {
            return;
        }

        var rule = subject.IsWrite ? Write : Read;
        var evidence = new JsonObject
        {
            ["bucket"] = subject.Bucket,
            ["day"] = subject.Day,
            ["actions"] = Array(fold.Get(Actions)),
            ["keys"] = Array(fold.Get(Keys)),
            ["sourceIps"] = Array(fold.Get(SourceIps)),
            ["userAgents"] = Array(fold.Get(UserAgents)),
            ["region"] = fold.Get(Region),
        };
        var about = new FindingAbout(subject.Account, AccessLogRequester.AnonymousKey, fold.FirstSeen, fold.Get(EventIds));
        judgment.Report(rule.Build(
            [subject.Account, subject.Bucket, subject.Kind, subject.Day],
            about,
            [rule.Name, "bucket-not-listed-public", .. fold.Get(Sources), .. fold.Get(Answers)],
            evidence,
            $"Anonymous {subject.Kind} of bucket {subject.Bucket}, which is not listed as public ({subject.Account})"));
    }

    /// <summary>
    /// The bucket and key a request named: an access log's resource, or a data event's object (else its bucket, as for a
    /// listing), else the request parameters.
    /// </summary>
    private static (string Bucket, string? Key)? TargetOf(Activity activity)
    {
        var named = activity.Resources.Select(r => Arn.Parse(r)?.S3Object).OfType<(string Bucket, string? Key)>().ToArray();
        if (named.Length > 0)
        {
            return named.FirstOrDefault(n => n.Key is not null, named[0]);
        }

        return activity.Request("bucketName") is { Length: > 0 } bucket ? (bucket, activity.Request("key")) : null;
    }

    private static JsonArray Array(IReadOnlyList<string> values) => [.. values.Take(Finding.MaxEventIds).Select(v => (JsonNode)v)];

    private static string Advice(string what) =>
        "If the bucket is meant to be public, add it to the public bucket list (--public-buckets, MONITOR_PUBLIC_BUCKETS, "
        + "template parameter PublicBuckets). Otherwise turn on S3 Block Public Access for the bucket and the account, remove bucket "
        + "policy statements and ACL grants to \"*\" / AllUsers / AuthenticatedUsers, and review which keys were " + what;
}
