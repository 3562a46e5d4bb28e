using System.Text.Json.Nodes;
using Monitor.Detection;
using Monitor.Detection.PublicBuckets;
using Monitor.Records;
using Monitor.State;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.PublicBuckets;

public sealed class PublicBucketAccessDetectorTests
{
    private static async Task<IReadOnlyCollection<Finding>> DetectAsync(IEnumerable<string> lines, string publicBuckets = "")
    {
        var (activities, _) = await Some.ReadAccessLogAsync(lines);
        var detector = new PublicBucketAccessDetector(new PublicBucketOptions { PublicBuckets = PublicBucketList.Parse(publicBuckets) });
        return await new EngineRun(detector).TogetherAsync([.. activities]);
    }

    [Fact]
    public async Task ReportsOneHighFindingPerBucketAndDay_WhenAnonymousReadsSucceed()
    {
        var findings = await DetectAsync([
            Some.AccessLogLine(requester: "-", key: "data/a.csv", requestId: "R1"),
            Some.AccessLogLine(requester: "-", key: "data/b.csv", requestId: "R2", remoteIp: "198.51.100.7"),
        ]);

        findings.Rules().ShouldBe(["anonymous-read high"]);
        var finding = findings.ShouldHaveSingleItem();
        finding.Detector.ShouldBe("public-bucket-access");
        finding.Id.ShouldBe(FindingId.For("public-bucket-access", finding.Account, "example-bucket", "read", "2025-01-02"));
        finding.Principal.ShouldBe("anonymous");
        finding.Time.ShouldBe(Some.Time);
        finding.EventIds.ShouldBe(["R1", "R2"]);
        finding.Signals.ShouldBe(["anonymous-read", "bucket-not-listed-public", "s3-access-log"]);
        finding.Title.ShouldBe($"Anonymous read of bucket example-bucket, which is not listed as public ({finding.Account})");
        finding.Evidence["bucket"]!.GetValue<string>().ShouldBe("example-bucket");
        finding.Evidence["day"]!.GetValue<string>().ShouldBe("2025-01-02");
        finding.Evidence["region"]!.GetValue<string>().ShouldBe("us-east-1");
        Texts(finding, "keys").ShouldBe(["data/a.csv", "data/b.csv"]);
        Texts(finding, "sourceIps").ShouldBe(["198.51.100.7", "203.0.113.10"]);
        Texts(finding, "userAgents").ShouldBe(["aws-cli/2.15.0 Python/3.11.6"]);
        Texts(finding, "actions").ShouldBe(["s3:GetObject"]);
    }

    [Fact]
    public async Task FindingStartsAtTheEarliestRequest_WhateverTheLineOrder()
    {
        var findings = await DetectAsync([
            Some.AccessLogLine(requester: "-", time: Some.Time.AddHours(5)),
            Some.AccessLogLine(requester: "-", time: Some.Time.AddHours(1)),
        ]);

        findings.ShouldHaveSingleItem().Time.ShouldBe(Some.Time.AddHours(1));
    }

    [Fact]
    public async Task SeparateFindings_PerBucketKindAndUtcDay()
    {
        var findings = await DetectAsync([
            Some.AccessLogLine(requester: "-", time: Some.Time.AddHours(1)),
            Some.AccessLogLine(requester: "-", time: Some.Time.AddHours(23)),
            Some.AccessLogLine(requester: "-", time: Some.Time.AddHours(24)),
            Some.AccessLogLine(requester: "-", bucket: "other-bucket"),
            Some.AccessLogLine(requester: "-", operation: "REST.PUT.OBJECT"),
        ]);

        findings.Rules().ShouldBe(["anonymous-read high", "anonymous-read high", "anonymous-read high", "anonymous-write critical"]);
        findings.Select(f => $"{f.Evidence["bucket"]} {f.Evidence["day"]} {f.EventIds.Count}").Order(StringComparer.Ordinal)
            .ShouldBe(["example-bucket 2025-01-02 1", "example-bucket 2025-01-02 2", "example-bucket 2025-01-03 1", "other-bucket 2025-01-02 1"]);
    }

    [Fact]
    public async Task ListsAtMost50OfEachKindOfEvidence()
    {
        var findings = await DetectAsync(Enumerable.Range(0, 60).Select(i => Some.AccessLogLine(requester: "-", key: $"data/{i:D2}.csv", requestId: $"R{i:D2}")));

        var finding = findings.ShouldHaveSingleItem();
        finding.EventIds.Count.ShouldBe(50);
        Texts(finding, "keys").Count.ShouldBe(50);
        Texts(finding, "keys")[0].ShouldBe("data/00.csv");
    }

    [Fact]
    public async Task ReportsCritical_WhenAnonymousWriteSucceeds()
    {
        var findings = await DetectAsync([Some.AccessLogLine(requester: "-", operation: "REST.PUT.OBJECT")]);

        findings.Rules().ShouldBe(["anonymous-write critical"]);
        var finding = findings.ShouldHaveSingleItem();
        finding.Signals.ShouldBe(["anonymous-write", "bucket-not-listed-public", "s3-access-log"]);
        finding.Id.ShouldBe(FindingId.For("public-bucket-access", finding.Account, "example-bucket", "write", "2025-01-02"));
        finding.Title.ShouldBe($"Anonymous write of bucket example-bucket, which is not listed as public ({finding.Account})");
    }

    [Fact]
    public async Task StaysSilent_WhenAnonymousRequestIsDenied()
    {
        var findings = await DetectAsync([Some.AccessLogLine(requester: "-", status: 403, errorCode: "AccessDenied")]);

        findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task ANoSuchKeyAnswer_IsARead_BecauseOnlyACallerAllowedToListGetsIt()
    {
        var finding = (await DetectAsync([Some.AccessLogLine(requester: "-", status: 404, errorCode: "NoSuchKey")])).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.High);
        finding.Signals.ShouldBe(["anonymous-read", "bucket-not-listed-public", "s3-access-log", "not-found-so-listable"]);
    }

    [Theory]
    [InlineData(404, "NoSuchBucket")]
    [InlineData(301, "PermanentRedirect")]
    [InlineData(400, "InvalidRequest")]
    public async Task StaysSilent_WhenAnonymousRequestFailsForAnotherReason(int status, string errorCode) =>
        (await DetectAsync([Some.AccessLogLine(requester: "-", status: status, errorCode: errorCode)])).ShouldBeEmpty();

    [Fact]
    public async Task AnonymousDataEventsInCloudTrail_AreReportedLikeAccessLogLines()
    {
        var activities = await DataEventsAsync(
            DataEvent("GetObject", "data/a.csv"),
            DataEvent("GetObject", "data/missing.csv", errorCode: "NoSuchKey"),
            DataEvent("ListObjects", key: null),
            DataEvent("PutObject", "drop/x.sh", readOnly: false),
            DataEvent("GetObject", "data/b.csv", errorCode: "AccessDenied"));

        var findings = await new EngineRun(new PublicBucketAccessDetector(new PublicBucketOptions())).TogetherAsync([.. activities]);

        findings.Rules().ShouldBe(["anonymous-read high", "anonymous-write critical"]);
        var read = findings.Single(f => f.Signals[0] == "anonymous-read");
        read.Signals.ShouldBe(["anonymous-read", "bucket-not-listed-public", "cloudtrail-data-event", "not-found-so-listable"]);
        read.Principal.ShouldBe("anonymous");
        read.Account.ShouldBe(Some.CloudTrail.Account);
        read.EventIds.Count.ShouldBe(3);
        Texts(read, "keys").ShouldBe(["data/a.csv", "data/missing.csv"]);
        Texts(read, "actions").ShouldBe(["s3:GetObject", "s3:ListObjects"]);
        findings.Single(f => f.Signals[0] == "anonymous-write").Evidence["bucket"]!.GetValue<string>().ShouldBe("example-bucket");
    }

    [Fact]
    public async Task OneBucketsDay_SeenInBothSources_IsOneFinding_NamingBoth()
    {
        var (lines, _) = await Some.ReadAccessLogAsync([Some.AccessLogLine(requester: "-", key: "data/a.csv", requestId: "R1")]);
        var events = await DataEventsAsync(DataEvent("GetObject", "data/b.csv"));
        events[0] = events[0] with { Account = lines[0].Account, Time = lines[0].Time };

        var finding = (await new EngineRun(new PublicBucketAccessDetector(new PublicBucketOptions())).TogetherAsync([.. lines, .. events])).ShouldHaveSingleItem();

        finding.Signals.ShouldBe(["anonymous-read", "bucket-not-listed-public", "cloudtrail-data-event", "s3-access-log"]);
    }

    [Fact]
    public async Task AnotherAccountsCaller_InADataEvent_IsNotAnonymous()
    {
        var record = DataEvent("GetObject", "data/a.csv");
        record["userIdentity"]!["accountId"] = Some.CloudTrail.OtherAccount;

        (await new EngineRun(new PublicBucketAccessDetector(new PublicBucketOptions())).TogetherAsync([.. await DataEventsAsync(record)])).ShouldBeEmpty();
    }

    private static JsonObject DataEvent(string eventName, string? key, string? errorCode = null, bool readOnly = true)
    {
        var record = Some.CloudTrail.Record(new JsonObject { ["type"] = "AWSAccount", ["principalId"] = "", ["accountId"] = "ANONYMOUS_PRINCIPAL" }, eventName, "s3.amazonaws.com");
        record["eventID"] = Guid.NewGuid().ToString();
        record["readOnly"] = readOnly;
        record["eventCategory"] = "Data";
        record["managementEvent"] = false;
        record["sourceIPAddress"] = "203.0.113.10";
        record["requestParameters"] = key is null
            ? new JsonObject { ["bucketName"] = "example-bucket", ["Host"] = "example-bucket.s3.us-east-1.amazonaws.com" }
            : new JsonObject { ["bucketName"] = "example-bucket", ["key"] = key, ["Host"] = "example-bucket.s3.us-east-1.amazonaws.com" };
        var resources = new JsonArray();
        if (key is not null)
        {
            resources.Add(new JsonObject { ["type"] = "AWS::S3::Object", ["ARN"] = $"arn:aws:s3:::example-bucket/{key}" });
        }

        resources.Add(new JsonObject { ["accountId"] = Some.CloudTrail.Account, ["type"] = "AWS::S3::Bucket", ["ARN"] = "arn:aws:s3:::example-bucket" });
        record["resources"] = resources;
        if (errorCode is not null)
        {
            record["errorCode"] = errorCode;
            record["errorMessage"] = errorCode == "NoSuchKey" ? "The specified key does not exist." : "Access Denied";
        }

        return record;
    }

    private static async Task<List<Activity>> DataEventsAsync(params JsonObject[] records)
    {
        var (activities, report) = await Some.CloudTrailReading.ReadAsync(Some.CloudTrail.Log(records));
        report.Errors.ShouldBeEmpty();
        return activities;
    }

    [Fact]
    public async Task ReportsOnlyTheBucketNotListed_WhenAnotherIsListedPublic()
    {
        var findings = await DetectAsync([Some.AccessLogLine(requester: "-"), Some.AccessLogLine(requester: "-", bucket: "public-site")], "public-site, assets-*");

        findings.ShouldHaveSingleItem().Evidence["bucket"]!.GetValue<string>().ShouldBe("example-bucket");
    }

    [Theory]
    [InlineData("example-bucket")]
    [InlineData("other, example-*")]
    public async Task StaysSilent_WhenBucketIsListedPublic(string list)
    {
        var findings = await DetectAsync([Some.AccessLogLine(requester: "-")], list);

        findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task StaysSilent_WhenRequesterIsNotAnonymous()
    {
        var findings = await DetectAsync([Some.AccessLogLine(), Some.AccessLogLine(requester: Some.CanonicalOwner)]);

        findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task IgnoresAnonymousActivity_ThatNamesNoObject()
    {
        var detector = new PublicBucketAccessDetector(new PublicBucketOptions());
        var (activities, _) = await Some.ReadAccessLogAsync([Some.AccessLogLine(requester: "-")]);
        var anonymous = activities.ShouldHaveSingleItem();

        var findings = await new EngineRun(detector).TogetherAsync(anonymous with { Resources = [] }, anonymous with { Resources = ["arn:aws:iam::123456789012:role/x"] });

        findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task IgnoresCloudTrailActivity_EvenWhenAnonymous()
    {
        var activity = Some.Activity() with { Principal = Monitor.Records.AccessLogs.AccessLogRequester.Anonymous, Resources = ["arn:aws:s3:::b/k"] };
        var findings = await new EngineRun(new PublicBucketAccessDetector(new PublicBucketOptions())).TogetherAsync(activity);

        findings.ShouldBeEmpty();
        activity.Origin.ShouldBe(ActivityOrigin.CloudTrail);
    }

    [Fact]
    public async Task KeepsEachAccountApart_WhenTwoAccountsLogTheSameBucketAndDay()
    {
        var (activities, _) = await Some.ReadAccessLogAsync([
            Some.AccessLogLine(requester: "-", key: "a.csv", requestId: "RA"),
            Some.AccessLogLine(requester: "-", key: "b.csv", requestId: "RB"),
        ]);
        var detector = new PublicBucketAccessDetector(new PublicBucketOptions());

        var findings = await new EngineRun(detector).TogetherAsync(
            activities[0] with { Account = "111111111111" },
            activities[1] with { Account = "222222222222" });

        findings.Select(f => $"{f.Account} {string.Join(',', f.EventIds)} {string.Join(',', Texts(f, "keys"))}").Order(StringComparer.Ordinal)
            .ShouldBe(["111111111111 RA a.csv", "222222222222 RB b.csv"]);
        findings.Select(f => f.Id).Distinct(StringComparer.Ordinal).Count().ShouldBe(2);
    }

    [Fact]
    public async Task StoresOneFoldPerAccountBucketKindAndDay_UnderItsSlotNames()
    {
        var (activities, _) = await Some.ReadAccessLogAsync([Some.AccessLogLine(requester: "-", key: "data/a.csv", requestId: "R1")]);
        var run = new EngineRun(new PublicBucketAccessDetector(new PublicBucketOptions()));

        await run.TogetherAsync([.. activities.Select(a => a with { Account = "111111111111" })]);

        // The stored names are the state's format: a later version reads what an earlier one wrote.
        var (key, fold) = run.Store.Sightings.ShouldHaveSingleItem();
        key.ShouldBe(new StateKey("public-bucket:111111111111", "example-bucket|read|2025-01-02"));
        fold.Sets.Keys.Order(StringComparer.Ordinal).ShouldBe(["actions", "eventIds", "keys", "sourceIps", "sources", "userAgents"]);
        fold.Sets["eventIds"].ShouldBe(["R1"]);
        fold.Sets["keys"].ShouldBe(["data/a.csv"]);
        fold.Sets["sourceIps"].ShouldBe(["203.0.113.10"]);
        fold.Sets["userAgents"].ShouldBe(["aws-cli/2.15.0 Python/3.11.6"]);
        fold.Sets["actions"].ShouldBe(["s3:GetObject"]);
        fold.Earliest.Keys.ShouldBe(["region"]);
        fold.Earliest["region"].Value.ShouldBe("us-east-1");
    }

    [Fact]
    public async Task AdvisesWhatToDo_NamingWhatWasReadOrWritten()
    {
        var findings = await DetectAsync([
            Some.AccessLogLine(requester: "-"),
            Some.AccessLogLine(requester: "-", operation: "REST.PUT.OBJECT"),
        ]);

        const string Advice = "If the bucket is meant to be public, add it to the public bucket list (--public-buckets, MONITOR_PUBLIC_BUCKETS, "
            + "template parameter PublicBuckets). Otherwise turn on S3 Block Public Access for the bucket and the account, remove bucket "
            + "policy statements and ACL grants to \"*\" / AllUsers / AuthenticatedUsers, and review which keys were ";
        findings.Single(f => f.Severity == Severity.High).Recommendation.ShouldBe(Advice + "read.");
        findings.Single(f => f.Severity == Severity.Critical).Recommendation.ShouldBe(Advice + "written or deleted.");
    }

    private static List<string> Texts(Finding finding, string evidence) => [.. finding.Evidence[evidence]!.AsArray().Select(v => v!.GetValue<string>())];
}
