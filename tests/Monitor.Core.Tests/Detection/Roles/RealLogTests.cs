using Monitor.Detection;

namespace Monitor.Core.Tests.Detection.Roles;

/// <summary>
/// The public CloudTrail datasets in tests/data/cloudtrail (Invictus lab, Stratus Red Team detonations): every
/// role finding is a Stratus technique at work, and none is about the AWS services assuming their roles.
/// </summary>
public sealed class RealLogTests
{
    private static readonly string[] Expected =
    [
        // Invictus (123837392027): bert-jan runs Stratus; each role its tool assumed, folded per hour.
        "low|tool:stratus-red-team-ec2-get-password-data-role|offensive-user-agent",
        "low|tool:stratus-red-team-leave-org-role|offensive-user-agent",
        "low|tool:stratus-red-team-get-usr-data-role|offensive-user-agent",
        "low|tool:stratus-red-team-ec2lui-role-pcccexdthk|offensive-user-agent",
        "low|tool:stratus-red-team-ec2lui-role-wuzemnoeqa|offensive-user-agent",

        // GetPasswordData on 30 instances and DescribeInstanceAttribute(userData) sweeps: denial bursts per session,
        // each session issued by the tool's assumption (so suspicious-origin), whatever order the records come in.
        "medium|session:stratus-red-team-ec2-get-password-data-role|access-denied-burst,suspicious-origin",
        "medium|session:stratus-red-team-get-usr-data-role|access-denied-burst,suspicious-origin",

        // ec2-steal-credentials: the instance's role used from 192.168.10.20 with another SDK, after 3.225.16.109.
        "medium|session:stratus-red-team-ec2-steal-credentials-role|instance-credential-off-instance,user-agent-changed",

        // Stratus detonation logs (one account per technique), with the same two denial sweeps.
        "medium|session:stratus-red-team-ec2-get-password-data-role|access-denied-burst,suspicious-origin",
        "medium|session:stratus-red-team-get-usr-data-role|access-denied-burst,suspicious-origin",
        "low|tool:stratus-red-team-ec2-get-password-data-role|offensive-user-agent",
        "low|tool:stratus-red-team-get-usr-data-role|offensive-user-agent",
        "low|tool:stratus-red-team-ec2lui-role-idtzskbvtd|offensive-user-agent",
        "low|tool:stratus-red-team-leave-org-role|offensive-user-agent",
        "low|tool:stratus-red-team-ec2-steal-credentials-role|offensive-user-agent",
    ];

    [Fact]
    public async Task RealLogs_GiveAShortDefensibleList()
    {
        var replay = await ReplayAsync();

        replay.Sorted().Select(Describe).Order(StringComparer.Ordinal).ShouldBe(Expected.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RealLogs_NeverAlertOnAwsServiceAssumptions()
    {
        var replay = await ReplayAsync();

        foreach (var finding in replay.Findings.Values)
        {
            finding.Principal.ShouldNotStartWith("service:");
            finding.Evidence.ToJsonString().ShouldNotContain("aws-service-role");
            finding.Evidence.ToJsonString().ShouldNotContain("\"caller\":\"service:");
        }
    }

    private static async Task<RoleReplay> ReplayAsync()
    {
        var replay = new RoleReplay();
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.CloudTrailData, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            await replay.FeedFileAsync(file);
        }

        return replay;
    }

    private static string Describe(Finding finding)
    {
        var tool = finding.Signals.All(s => s is "offensive-user-agent" or "suspicious-origin");
        var role = (finding.Evidence["role"]?.GetValue<string>() ?? finding.Principal.Split('/')[1]).Split('/')[^1];
        return $"{FindingJson.SeverityName(finding.Severity)}|{(tool ? "tool" : "session")}:{role}|{string.Join(',', finding.Signals)}";
    }
}
