using Monitor.Detection;
using Monitor.Detection.Roles;
using Monitor.Testing;
using static Monitor.Core.Tests.Detection.Roles.AssumptionSignalTests;

namespace Monitor.Core.Tests.Detection.Roles;

/// <summary>Signals on what a session does after it was issued, tied back to how it was obtained.</summary>
public sealed class SessionSignalTests
{
    private const string SsmAgent = "aws-sdk-go/1.55.5 (go1.22.7; linux; amd64) amazon-ssm-agent/3.3.987.0";
    private static readonly string AppRole = Some.RoleArn("app-server");

    private static async Task<RoleReplay> InstanceAsync(RoleOptions? options = null)
    {
        var replay = new RoleReplay(options);
        await replay.FeedAsync(
            Some.AssumeRole(Start, Some.ServiceIdentity("ec2.amazonaws.com"), AppRole, "ASIAINSTANCE01", "ec2.amazonaws.com", "ec2.amazonaws.com", "i-0a1b2c3d4e5f60718"),
            Some.ApiCall(Start.AddMinutes(1), Instance("ASIAINSTANCE01"), "ssm", "UpdateInstanceInformation", "54.210.12.34", SsmAgent));
        return replay;
    }

    private static System.Text.Json.Nodes.JsonObject Instance(string key) => Some.SessionIdentity("app-server", "i-0a1b2c3d4e5f60718", key);

    [Fact]
    public async Task InstanceCredentialUsedElsewhere_IsReported_WithProvenance()
    {
        var replay = await InstanceAsync();

        var finding = (await replay.FeedAsync(Some.ApiCall(Start.AddMinutes(30), Instance("ASIAINSTANCE01"), "sts", "GetCallerIdentity", "203.0.113.66", Some.Cli))).ShouldHaveSingleItem();

        finding.Signals.ShouldBe(["instance-credential-off-instance", "user-agent-changed"]);
        finding.Severity.ShouldBe(Severity.Medium);
        finding.Evidence["firstNetwork"]!.GetValue<string>().ShouldBe("54.210.12.0/24");
        finding.Evidence["obtainedBy"]!.GetValue<string>().ShouldBe("service:ec2.amazonaws.com");
    }

    [Fact]
    public async Task InstanceCredential_RotatedKey_StillComparedWithTheInstancesFirstNetwork()
    {
        var replay = await InstanceAsync();

        var finding = (await replay.FeedAsync(Some.ApiCall(Start.AddHours(7), Instance("ASIAINSTANCE02"), "iam", "ListRoles", "203.0.113.66", SsmAgent))).ShouldHaveSingleItem();

        finding.Signals.ShouldBe(["instance-credential-off-instance"]);
    }

    [Fact]
    public async Task InstanceCredential_FromAllowListedEgress_IsQuiet()
    {
        var replay = await InstanceAsync(new RoleOptions { AllowList = new RoleAllowList { Networks = ["203.0.113.0/24"] } });

        (await replay.FeedAsync(Some.ApiCall(Start.AddMinutes(30), Instance("ASIAINSTANCE01"), "iam", "ListRoles", "203.0.113.66", Some.Cli))).ShouldBeEmpty();
    }

    [Fact]
    public async Task InstanceCredential_ThroughAwsInternalOrServiceName_IsQuiet()
    {
        var replay = await InstanceAsync();

        (await replay.FeedAsync(
            Some.ApiCall(Start.AddMinutes(30), Instance("ASIAINSTANCE01"), "kms", "Decrypt", "AWS Internal", Some.Cli),
            Some.ApiCall(Start.AddMinutes(31), Instance("ASIAINSTANCE01"), "s3", "GetObject", "s3.amazonaws.com", Some.Cli))).ShouldBeEmpty();
    }

    [Fact]
    public async Task SessionFromTwoNetworksWithAnotherClient_IsReported()
    {
        var replay = new RoleReplay();
        await replay.FeedAsync(Some.AssumeRole(Start, Alice, App, "ASIASESSION1"), Some.ApiCall(Start.AddMinutes(1), Some.SessionIdentity("app", "s", "ASIASESSION1"), "ec2", "DescribeInstances"));

        var finding = (await replay.FeedAsync(Some.ApiCall(Start.AddMinutes(20), Some.SessionIdentity("app", "s", "ASIASESSION1"), "ec2", "DescribeInstances", "203.0.113.66", "Boto3/1.35.54"))).ShouldHaveSingleItem();

        finding.Signals.ShouldBe(["session-multiple-networks", "session-user-agent-changed"]);
        finding.Evidence["obtainedVia"]!.GetValue<string>().ShouldBe("AssumeRole");
    }

    [Fact]
    public async Task InstanceCredentialUsedElsewhere_IssuanceDeliveredLast_GivesTheSameFinding()
    {
        var issuance = Some.AssumeRole(Start, Some.ServiceIdentity("ec2.amazonaws.com"), AppRole, "ASIAINSTANCE01", "ec2.amazonaws.com", "ec2.amazonaws.com", "i-0a1b2c3d4e5f60718");
        var onInstance = Some.ApiCall(Start.AddMinutes(1), Instance("ASIAINSTANCE01"), "ssm", "UpdateInstanceInformation", "54.210.12.34", SsmAgent);
        var elsewhere = Some.ApiCall(Start.AddMinutes(30), Instance("ASIAINSTANCE01"), "sts", "GetCallerIdentity", "203.0.113.66", Some.Cli);
        var inOrder = new RoleReplay();
        await inOrder.FeedAsync(issuance, onInstance, elsewhere);
        var late = new RoleReplay();
        await late.FeedAsync(onInstance, elsewhere);

        await late.FeedAsync(issuance);

        var finding = late.Findings.Values.ShouldHaveSingleItem();
        finding.Evidence["obtainedBy"]!.GetValue<string>().ShouldBe("service:ec2.amazonaws.com");
        FindingJson.ToJsonLine(finding).ShouldBe(FindingJson.ToJsonLine(inOrder.Findings.Values.ShouldHaveSingleItem()));
    }

    [Fact]
    public async Task SessionFromTwoNetworks_IssuanceDeliveredLast_GivesTheSameFinding()
    {
        var issuance = Some.AssumeRole(Start, Alice, App, "ASIASESSION1");
        var first = Some.ApiCall(Start.AddMinutes(1), Some.SessionIdentity("app", "s", "ASIASESSION1"), "ec2", "DescribeInstances");
        var second = Some.ApiCall(Start.AddMinutes(20), Some.SessionIdentity("app", "s", "ASIASESSION1"), "ec2", "DescribeInstances", "203.0.113.66", "Boto3/1.35.54");
        var inOrder = new RoleReplay();
        await inOrder.FeedAsync(issuance, first, second);
        var late = new RoleReplay();
        await late.FeedAsync(first, second);

        await late.FeedAsync(issuance);

        var expected = inOrder.Sorted().Select(FindingJson.ToJsonLine).ToArray();
        expected.ShouldContain(json => json.Contains("\"obtainedVia\":\"AssumeRole\"", StringComparison.Ordinal));
        late.Sorted().Select(FindingJson.ToJsonLine).ShouldBe(expected);
    }

    [Fact]
    public async Task DualStackClient_IsNotTwoNetworks()
    {
        var replay = new RoleReplay();
        await replay.FeedAsync(Some.ApiCall(Start, Some.SessionIdentity("app", "s", "ASIASESSION1"), "ec2", "DescribeInstances"));

        (await replay.FeedAsync(Some.ApiCall(Start.AddMinutes(1), Some.SessionIdentity("app", "s", "ASIASESSION1"), "ec2", "DescribeInstances", "2001:db8:1234::10", "Boto3/1.35.54"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task TenDeniedCallsInTenMinutes_IsABurst_NineAreNot()
    {
        var replay = new RoleReplay();
        var session = Some.SessionIdentity("app", "s", "ASIAPROBE");
        var calls = Enumerable.Range(0, 10).Select(i => Some.ApiCall(Start.AddSeconds(50 * i), session, "iam", $"List{i}", errorCode: "AccessDenied")).ToArray();

        (await replay.FeedAsync(calls[..9])).ShouldBeEmpty();
        var finding = (await replay.FeedAsync(calls[9])).ShouldHaveSingleItem();

        finding.Signals.ShouldBe(["access-denied-burst"]);
        finding.Evidence["deniedCallsIn10Minutes"]!.GetValue<int>().ShouldBe(10);
    }

    [Fact]
    public async Task DeniedAssumeRoleOnThreeRoles_IsABurst()
    {
        var replay = new RoleReplay();
        var session = Some.SessionIdentity("app", "s", "ASIAPROBE");

        var findings = await replay.FeedAsync(
            Some.AssumeRole(Start, session, Some.RoleArn("a"), "-", errorCode: "AccessDenied"),
            Some.AssumeRole(Start.AddMinutes(2), session, Some.RoleArn("b"), "-", errorCode: "AccessDenied"),
            Some.AssumeRole(Start.AddMinutes(4), session, Some.RoleArn("c"), "-", errorCode: "AccessDenied"));

        findings.ShouldHaveSingleItem().Evidence["deniedRoleTargets"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task DeniedAssumeRoleRightAfterTheCallerCreatedTheRole_IsPropagationNotABurst()
    {
        var replay = new RoleReplay();
        var records = new List<System.Text.Json.Nodes.JsonObject>();
        foreach (var (name, minute) in new[] { ("a", 0), ("b", 2), ("c", 4) })
        {
            records.Add(Some.CreateRole(Start.AddMinutes(minute), Bob, name));
            records.Add(Some.AssumeRole(Start.AddMinutes(minute).AddSeconds(5), Bob, Some.RoleArn(name), "-", errorCode: "AccessDenied"));
        }

        (await replay.FeedAsync([.. records])).ShouldBeEmpty();
    }

    [Fact]
    public async Task RetriesOfOneRole_AreNotABurst_EvenWhenTheCreateRoleArrivesLater()
    {
        var replay = new RoleReplay();
        var records = new List<System.Text.Json.Nodes.JsonObject>();
        foreach (var (name, minute) in new[] { ("a", 0), ("b", 2), ("c", 4) })
        {
            records.Add(Some.AssumeRole(Start.AddMinutes(minute).AddSeconds(5), Bob, Some.RoleArn(name), "-", errorCode: "AccessDenied"));
            records.Add(Some.AssumeRole(Start.AddMinutes(minute).AddSeconds(9), Bob, Some.RoleArn(name), "-", errorCode: "AccessDenied"));
        }

        (await replay.FeedAsync([.. records])).ShouldBeEmpty();
    }

    [Fact]
    public async Task ServiceLinkedRoleSession_FromAnywhere_IsQuiet()
    {
        var replay = new RoleReplay();
        var slr = Some.SessionIdentity("AWSServiceRoleForRDS", "SLRManagement", "ASIASLR");

        (await replay.FeedAsync(
            Some.ApiCall(Start, slr, "ec2", "DescribeInstances", "198.51.100.1"),
            Some.ApiCall(Start.AddMinutes(1), slr, "ec2", "DescribeInstances", "203.0.113.1", "Boto3/1.35.54"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task TruffleHogCheckingAStolenSession_IsReported()
    {
        var replay = new RoleReplay();

        var finding = (await replay.FeedAsync(Some.ApiCall(Start, Some.SessionIdentity("app", "s", "ASIALEAK"), "sts", "GetCallerIdentity", "203.0.113.66", "TruffleHog"))).ShouldHaveSingleItem();

        finding.Signals.ShouldBe(["offensive-user-agent"]);
    }
}
