using System.Text.Json.Nodes;
using Monitor.Records;
using Monitor.Records.AccessLogs;
using Monitor.State;

namespace Monitor.Detection.PublicBuckets;

/// <summary>
/// Reports anonymous requests that S3 granted on a bucket not listed in <see cref="PublicBucketOptions.PublicBuckets"/>:
/// proof that a bucket policy or ACL opens it to everyone. One finding per bucket, UTC day and kind (read / write),
/// folding every key and address seen. Denied anonymous requests are not reported: the internet probes every bucket
/// name, and a denial shows the bucket is closed. Failures other than a denial (a 404, a redirect) are not reported
/// either, because S3 answers some of them before it evaluates any policy.
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
    private static readonly SlotAttribute<string> Region = new("region", Codecs.Text, AttributeMerge.Earliest);

    public override string Id => DetectorId;

    /// <summary>The fold of one bucket's anonymous requests of one kind on one day.</summary>
    private static StateKey Fold(BucketDay day) => new($"public-bucket:{day.Account}", $"{day.Bucket}|{day.Kind}|{day.Day}");

    public override void Observe(Activity activity, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(observation);
        if (activity.Origin != ActivityOrigin.S3AccessLog
            || activity.Principal.Type != PrincipalType.Anonymous
            || activity.Outcome != Outcome.Success
            || activity.Resources.Count == 0
            || Arn.Parse(activity.Resources[0])?.S3Object is not { } target
            || options.PublicBuckets.Contains(target.Bucket))
        {
            return;
        }

        var subject = new BucketDay(activity.Account ?? "unknown", target.Bucket, activity.ReadOnly == true ? "read" : "write", BucketDay.DayOf(activity.Time), activity.Time);
        observation.Saw(Fold(subject), activity.Time)
            .Add(EventIds, activity.EventId)
            .Add(Keys, target.Key)
            .Add(SourceIps, activity.Source.Raw)
            .Add(UserAgents, activity.UserAgent)
            .Add(Actions, "s3:" + activity.EventName)
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
            [rule.Name, "bucket-not-listed-public", "s3-access-log"],
            evidence,
            $"Anonymous {subject.Kind} of bucket {subject.Bucket}, which is not listed as public ({subject.Account})"));
    }

    private static JsonArray Array(IReadOnlyList<string> values) => [.. values.Take(Finding.MaxEventIds).Select(v => (JsonNode)v)];

    private static string Advice(string what) =>
        "If the bucket is meant to be public, add it to the public bucket list (--public-buckets, MONITOR_PUBLIC_BUCKETS, "
        + "template parameter PublicBuckets). Otherwise turn on S3 Block Public Access for the bucket and the account, remove bucket "
        + "policy statements and ACL grants to \"*\" / AllUsers / AuthenticatedUsers, and review which keys were " + what;
}
