using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitor.Detection;
using Monitor.Detection.Roles;

namespace Monitor.Core.Tests.Detection.Roles;

/// <summary>The sample role story in events/: four quiet weeks, then exactly the attack's five findings.</summary>
public sealed class RoleStoryTests
{
    private static string Sample => Path.Combine(RepositoryFiles.Events, "00-sqs-role-story.json");

    private static string Objects => Path.Combine(RepositoryFiles.Events, "objects");

    [Fact]
    public async Task Story_ReportsExactlyTheAttack_AndNothingFromTheNormalWeeks()
    {
        var replay = new RoleReplay();
        await replay.FeedSqsEventAsync(Sample, Objects);

        replay.Sorted().Select(f => $"{f.Time:yyyy-MM-dd HH:mm} {FindingJson.SeverityName(f.Severity)} {f.Title} [{string.Join(',', f.Signals)}]").ShouldBe(
        [
            "2026-10-28 14:02 medium Instance credentials of app-server used away from the instance [instance-credential-off-instance,user-agent-changed]",
            "2026-10-28 14:06 high Unusual AssumeRole into deploy by app-server [new-principal-for-role,new-network-for-role,new-user-agent-for-role,unusual-hour]",
            "2026-10-28 14:08 high Unusual AssumeRole into admin by deploy [new-principal-for-role,new-network-for-role,unusual-hour,role-chaining]",
            "2026-10-28 14:15 critical Unusual AssumeRole into ops-readonly by account:999988887777:AROAEXTERNALEXAMPLE01 [new-principal-for-role,new-external-account,new-network-for-role,new-user-agent-for-role,unusual-hour,external-account-not-trusted]",
            "2026-10-28 14:17 medium Suspicious use of a ops-readonly session [access-denied-burst,suspicious-origin]",
        ]);
    }

    [Fact]
    public async Task Story_FindingsMatchTheGolden_FieldForField()
    {
        var replay = new RoleReplay();
        await replay.FeedSqsEventAsync(Sample, Objects);

        Lines(replay).ShouldBe(Golden());
    }

    [Fact]
    public async Task Story_DeliveredOneRecordAtATime_NewestFirst_GivesTheGolden()
    {
        // Every record arrives after everything later than it: each baseline, session and chain learns its past last,
        // so every late-fact trigger has to re-judge what it changed.
        var replay = new RoleReplay();
        foreach (var record in StoryRecords().OrderByDescending(r => r["eventTime"]!.GetValue<string>(), StringComparer.Ordinal))
        {
            await replay.FeedAsync(record);
        }

        Lines(replay).ShouldBe(Golden());
    }

    [Fact]
    public async Task Story_DeliveredOneDayAtATime_NewestDayFirst_GivesTheGolden()
    {
        var replay = new RoleReplay();
        foreach (var day in StoryRecords().GroupBy(r => r["eventTime"]!.GetValue<string>()[..10]).OrderByDescending(g => g.Key, StringComparer.Ordinal))
        {
            await replay.FeedAsync([.. day]);
        }

        Lines(replay).ShouldBe(Golden());
    }

    [Fact]
    public async Task Story_StateIsStoredUnderItsDocumentedKeys()
    {
        var replay = new RoleReplay();
        await replay.FeedSqsEventAsync(Sample, Objects);

        var layout = replay.Store.Sightings.Values
            .Select(s => $"{s.Key.Scope.Split(':')[0]} | {string.Join(",", s.Attributes.Keys.Order(StringComparer.Ordinal))} | {string.Join(",", s.Earliest.Keys.Order(StringComparer.Ordinal))} | {string.Join(",", s.Sets.Keys.Order(StringComparer.Ordinal))}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

        layout.ShouldBe(
        [
            "role-account |  |  | ",
            "role-caller |  | subject | ",
            "role-chain |  | subject | ",
            "role-change |  | target | ",
            "role-denied |  | first | ",
            "role-denied-role |  | subject | ",
            "role-from-account |  | subject | ",
            "role-hour |  | subject | ",
            "role-idp |  | subject | ",
            "role-instance-key |  | subject | ",
            "role-mfa |  | subject | ",
            "role-net |  | subject | ",
            "role-session |  | caller,issuedAt,sourceIPAddress,subject,target,via | ",
            "role-session |  | caller,issuedAt,sourceIPAddress,subject,target,via | children",
            "role-session-net |  | family,first | agents,eventIds",
            "role-session-sum |  | account,arn,principal,subject | denied,networks",
            "role-session-sum |  | account,arn,principal,subject | networks",
            "role-target |  | subject | ",
            "role-ua |  | subject | ",
        ]);
        replay.Store.Sightings.Keys.Where(k => k.Scope.StartsWith("role-account:", StringComparison.Ordinal) || k.Scope.StartsWith("role-mfa:", StringComparison.Ordinal) || k.Scope.StartsWith("role-session:", StringComparison.Ordinal))
            .Select(k => $"{k.Scope.Split(':')[0]} {k.Member}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ShouldBe(["role-account first", "role-mfa mfa", "role-mfa no-mfa", "role-session issue"]);
    }

    private static string[] Lines(RoleReplay replay) => [.. replay.Findings.Values.Select(FindingJson.ToJsonLine).Order(StringComparer.Ordinal)];

    private static string[] Golden() =>
        [.. File.ReadAllLines(Path.Combine(RepositoryFiles.Events, "00-sqs-role-story.expected.jsonl")).Where(l => l.Contains("\"detector\":\"anomalous-role-assumption\"", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>Every CloudTrail record of the story's log files.</summary>
    private static List<JsonObject> StoryRecords()
    {
        var records = new List<JsonObject>();
        using var sqs = JsonDocument.Parse(File.ReadAllText(Sample));
        foreach (var message in sqs.RootElement.GetProperty("Records").EnumerateArray())
        {
            using var notice = JsonDocument.Parse(message.GetProperty("body").GetString()!);
            foreach (var created in notice.RootElement.GetProperty("Records").EnumerateArray())
            {
                var s3 = created.GetProperty("s3");
                var path = Path.Combine(Objects, s3.GetProperty("bucket").GetProperty("name").GetString()!, s3.GetProperty("object").GetProperty("key").GetString()!);
                using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
                records.AddRange(JsonNode.Parse(gzip)!["Records"]!.AsArray().Select(r => r!.AsObject()));
            }
        }

        return records;
    }

    [Fact]
    public async Task Story_WithTheAuditAccountTrusted_StillReportsTheOutsider()
    {
        var replay = new RoleReplay(new RoleOptions { TrustedAccounts = new HashSet<string> { "444455556666" } });
        await replay.FeedSqsEventAsync(Sample, Objects);

        replay.Findings.Count.ShouldBe(5);
    }
}
