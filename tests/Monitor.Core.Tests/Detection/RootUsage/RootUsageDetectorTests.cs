using Monitor.Detection;
using Monitor.Detection.RootUsage;
using Monitor.Records;
using Monitor.State;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.RootUsage;

/// <summary>The detector as a whole: its id, its severity table, and replay safety.</summary>
public class RootUsageDetectorTests
{
    private static readonly DateTimeOffset Day = Some.Time.AddDays(30);

    /// <summary>A small incident: slow guessing, a no-MFA success, a root key, logging off; plus routine root use.</summary>
    private static IReadOnlyList<Activity>[] Story()
    {
        const string key = "AKIAROOTKEY000000001";
        return
        [
            [Some.ConsoleLogin(Some.Time, "192.0.2.10", mfa: true), Some.Activity("ListUsers", at: Some.Time.AddMinutes(3), ip: "192.0.2.10", readOnly: true, invokedBy: "signin.amazonaws.com")],
            [Some.ConsoleLogin(Day.AddHours(-15), success: false), Some.ConsoleLogin(Day.AddHours(-7), success: false), Some.ConsoleLogin(Day.AddHours(-1), "192.0.2.10", success: false)],
            [Some.ConsoleLogin(Day, mfa: false), Some.Activity("CreateAccessKey", at: Day.AddMinutes(2), accessKeyId: "ASIAROOTCONSOLE00001").WithRecord("""{"requestParameters":null}""")],
            [Some.Activity("StopLogging", "cloudtrail.amazonaws.com", Day.AddMinutes(20), accessKeyId: key), Some.Activity("ListBuckets", "s3.amazonaws.com", Day.AddMinutes(21), accessKeyId: key, readOnly: true)],
            [Some.Activity("CreateCase", "support.amazonaws.com", Day.AddMinutes(30), invokedBy: "support.amazonaws.com"), Some.Activity(at: Day, eventType: "AwsServiceEvent")],
        ];
    }

    [Fact]
    public void Id_IsRootUsage() => new RootUsageDetector().Id.ShouldBe("root-usage");

    [Fact]
    public void RuleTable_HasUniqueNames_AndCriticalWhereTheIssueDemandsIt()
    {
        RootRules.All.Select(r => r.Name).ShouldBeUnique();
        RootRules.AccessKeyCreated.Severity.ShouldBe(Severity.Critical);
        RootRules.AccessKeyUsed.Severity.ShouldBe(Severity.Critical);
        RootRules.LoggingTampering.Severity.ShouldBe(Severity.Critical);
        RootRules.All.ShouldAllBe(r => r.Recommendation.Length > 20);
    }

    [Fact]
    public async Task Story_ProducesEachRule()
    {
        var findings = await new RootUsageRun().FilesAsync(Story());

        findings.Select(f => f.Signals[0]).Distinct().Order().ShouldBe(
        [
            "root-access-key-created", "root-access-key-used", "root-api-read", "root-api-write", "root-console-login",
            "root-logging-tampering", "root-login-after-failures", "root-login-failure",
        ]);
        findings.Of(RootRules.LoginFailure).Count.ShouldBe(2);
        findings.Of(RootRules.ConsoleLogin).Select(f => f.Severity).Order().ShouldBe([Severity.High, Severity.Critical]);
        findings.ShouldNotContain(f => f.Evidence.ToJsonString().Contains("support.amazonaws.com"));
    }

    [Fact]
    public async Task SameFindings_WhenTheSameInputIsReplayedIntoOneStore()
    {
        var story = Story();
        var run = new RootUsageRun();
        var first = Snapshot(await run.FilesAsync(story));
        var sightings = run.Store.Sightings.ToDictionary();

        var again = Snapshot(await run.FilesAsync(story));

        again.ShouldBe(first);
        run.Store.Sightings.ShouldAllBe(s => sightings[s.Key] == s.Value || Same(sightings[s.Key], s.Value));
    }

    [Fact]
    public async Task SameFindingIds_WhenFilesArriveInAnyOrder()
    {
        var story = Story();
        var expected = (await new RootUsageRun().FilesAsync(story)).Select(f => f.Id).Order().ToArray();

        (await new RootUsageRun().FilesAsync([.. story.Reverse()])).Select(f => f.Id).Order().ShouldBe(expected);
        (await new RootUsageRun().FilesAsync(story[2], story[4], story[0], story[3], story[1])).Select(f => f.Id).Order().ShouldBe(expected);
        (await new RootUsageRun().EachAsync([.. story.SelectMany(f => f).Reverse()])).Select(f => f.Id).Order().ShouldBe(expected);
    }

    [Fact]
    public async Task SameFindingIds_WhenTheWholeStoryIsOneFile()
    {
        var story = Story();
        var perFile = (await new RootUsageRun().FilesAsync(story)).Select(f => f.Id).Order().ToArray();

        (await new RootUsageRun().FilesAsync([.. story.SelectMany(f => f)])).Select(f => f.Id).Order().ShouldBe(perFile);
    }

    private static bool Same(Sighting a, Sighting b) =>
        a.FirstSeen == b.FirstSeen && a.LastSeen == b.LastSeen && a.Days.SequenceEqual(b.Days) && a.Attributes.Count == b.Attributes.Count && a.Attributes.All(x => b.Attributes[x.Key] == x.Value);

    private static string[] Snapshot(IEnumerable<Finding> findings) =>
        [.. findings.Select(f => $"{f.Id} {f.Severity} {f.Time:O} {string.Join(',', f.EventIds)} {string.Join(',', f.Signals)} {f.Evidence.ToJsonString()}")];
}
