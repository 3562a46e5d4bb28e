using Monitor.Detection;
using Monitor.Detection.PublicBuckets;
using Monitor.Records;
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

        var finding = findings.ShouldHaveSingleItem();
        finding.Detector.ShouldBe("public-bucket-access");
        finding.Severity.ShouldBe(Severity.High);
        finding.Principal.ShouldBe("anonymous");
        finding.EventIds.ShouldBe(["R1", "R2"]);
        finding.Signals.ShouldContain("anonymous-read");
        finding.Evidence["bucket"]!.GetValue<string>().ShouldBe("example-bucket");
        finding.Evidence["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["data/a.csv", "data/b.csv"]);
        finding.Evidence["sourceIps"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task ReportsCritical_WhenAnonymousWriteSucceeds()
    {
        var findings = await DetectAsync([Some.AccessLogLine(requester: "-", operation: "REST.PUT.OBJECT")]);

        var finding = findings.ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Critical);
        finding.Signals.ShouldContain("anonymous-write");
    }

    [Fact]
    public async Task StaysSilent_WhenAnonymousRequestIsDenied()
    {
        var findings = await DetectAsync([Some.AccessLogLine(requester: "-", status: 403, errorCode: "AccessDenied")]);

        findings.ShouldBeEmpty();
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
    public async Task IgnoresCloudTrailActivity_EvenWhenAnonymous()
    {
        var activity = Some.Activity() with { Principal = Monitor.Records.AccessLogs.AccessLogRequester.Anonymous, Resources = ["arn:aws:s3:::b/k"] };
        var findings = await new EngineRun(new PublicBucketAccessDetector(new PublicBucketOptions())).TogetherAsync(activity);

        findings.ShouldBeEmpty();
        activity.Origin.ShouldBe(ActivityOrigin.CloudTrail);
    }
}
