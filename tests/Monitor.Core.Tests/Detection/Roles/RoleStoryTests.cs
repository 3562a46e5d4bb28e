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
    public async Task Story_WithTheAuditAccountTrusted_StillReportsTheOutsider()
    {
        var replay = new RoleReplay(new RoleOptions { TrustedAccounts = new HashSet<string> { "444455556666" } });
        await replay.FeedSqsEventAsync(Sample, Objects);

        replay.Findings.Count.ShouldBe(5);
    }
}
