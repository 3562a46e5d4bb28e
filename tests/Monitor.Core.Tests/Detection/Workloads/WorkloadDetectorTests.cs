using System.Text.Json.Nodes;
using Monitor.Detection;
using Monitor.Detection.Roles;
using Monitor.Detection.Workloads;
using Monitor.Records;
using static Monitor.Core.Tests.Detection.Workloads.WorkloadCalls;

namespace Monitor.Core.Tests.Detection.Workloads;

/// <summary>Each reason a workload's session is called stolen, each grade of what it did, what identifies the workload, and the allow-list.</summary>
public sealed class WorkloadDetectorTests
{
    private const string LambdaKey = "ASIAORDERSAPI0000001";
    private const string TaskId = "8f2a9c1e0b7d4e6fa3c5b1d2e4f60718";
    private const string Instance = "i-0abc1234def567890";

    private static Task<IReadOnlyList<Finding>> DetectAsync(params Activity[] activities) => DetectAsync(RoleAllowList.None, activities);

    private static Task<IReadOnlyList<Finding>> DetectAsync(RoleAllowList allowList, params Activity[] activities) =>
        new EngineRun(new WorkloadDetector(allowList)).EachAsync(activities);

    private static JsonObject Lambda(string ip, string userAgent, int seconds = 0, string eventSource = "s3.amazonaws.com", string eventName = "ListBuckets", bool readOnly = true, string? errorCode = null) =>
        Call("orders-api-role", "orders-api", LambdaKey, ip, userAgent, seconds, eventSource, eventName, readOnly, errorCode);

    private static JsonObject Issued() => ServiceAssumeRole("lambda.amazonaws.com", "orders-api-role", "orders-api", LambdaKey);

    [Fact]
    public async Task ALambdaSessionUsedFromAMac_IsOneFinding_WithOnlyTheOffPlatformCalls()
    {
        var activities = await ReadAsync(
            Issued(),
            Lambda("10.20.1.5", LambdaSdk, 1, "dynamodb.amazonaws.com", "GetItem"),
            Lambda("203.0.113.9", Laptop, 600),
            Lambda("203.0.113.9", Laptop, 660, "sts.amazonaws.com", "GetCallerIdentity"));

        var finding = (await DetectAsync(activities)).ShouldHaveSingleItem();

        finding.Detector.ShouldBe("workload-credentials-off-platform");
        finding.Severity.ShouldBe(Severity.Medium);
        finding.Signals.ShouldBe(["workload-credentials-off-platform", "desktop-os", "client-and-network-changed"]);
        finding.Title.ShouldBe("Credentials of Lambda function orders-api (orders-api-role) used off the platform");
        finding.Principal.ShouldBe($"arn:aws:sts::{Account}:assumed-role/orders-api-role/orders-api");
        finding.Account.ShouldBe(Account);
        finding.Time.ShouldBe(T0.AddSeconds(600));
        finding.EventIds.ShouldBe([activities[2].EventId, activities[3].EventId]);
        finding.Id.ShouldBe(FindingId.For("workload-credentials-off-platform", "session", LambdaKey));
        var evidence = finding.Evidence;
        evidence["workload"]!.ToJsonString().ShouldBe("""{"kind":"Lambda","name":"orders-api","identifiedBy":"role assumed by lambda.amazonaws.com"}""");
        evidence["role"]!.GetValue<string>().ShouldBe($"arn:aws:iam::{Account}:role/orders-api-role");
        evidence["reach"]!.GetValue<string>().ShouldBe("Listing");
        evidence["calls"]!.ToJsonString().ShouldBe("""["s3:ListBuckets","sts:GetCallerIdentity"]""");
        evidence["sourceIPAddresses"]!.ToJsonString().ShouldBe("""["203.0.113.9"]""");
        evidence["userAgents"]!.ToJsonString().ShouldBe($"[\"{Laptop}\"]");
        evidence["firstCall"]!["eventName"]!.GetValue<string>().ShouldBe("ListBuckets");
        evidence["lastSeen"]!.GetValue<string>().ShouldBe("2025-01-02T12:11:00Z");
        finding.Recommendation.ShouldStartWith("Treat the session's credentials as stolen");
    }

    [Fact]
    public async Task TheServicesAssumeRole_DeliveredAfterTheCalls_GivesTheSameFinding()
    {
        var activities = await ReadAsync(Issued(), Lambda("10.20.1.5", LambdaSdk, 1), Lambda("203.0.113.9", Laptop, 600));

        var inOrder = (await DetectAsync(activities)).ShouldHaveSingleItem();
        var reversed = (await DetectAsync([.. activities.Reverse()])).ShouldHaveSingleItem();
        var together = (await new EngineRun(new WorkloadDetector()).TogetherAsync(activities)).ShouldHaveSingleItem();

        FindingJson.ToJsonLine(reversed).ShouldBe(FindingJson.ToJsonLine(inOrder));
        FindingJson.ToJsonLine(together).ShouldBe(FindingJson.ToJsonLine(inOrder));
    }

    [Fact]
    public async Task AWorkloadsOwnCalls_AreNotReported() =>
        (await DetectAsync(await ReadAsync(
            Issued(),
            Lambda("10.20.1.5", LambdaSdk, 1),
            Lambda("10.20.1.5", LambdaSdk, 2, "secretsmanager.amazonaws.com", "GetSecretValue"),
            Call("app-role", Instance, "ASIAAPPSERVER0000001", "10.20.3.4", LinuxSdk, ec2RoleDelivery: "2.0"),
            Call("app-role", Instance, "ASIAAPPSERVER0000001", "10.20.3.4", "aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64.amzn.2023", 5, ec2RoleDelivery: "2.0"),
            Call("task-role", TaskId, "ASIATASK000000000001", "10.20.5.6", EcsSdk)))).ShouldBeEmpty();

    [Fact]
    public async Task APersonsSession_FromAMac_IsNotAWorkload() =>
        (await DetectAsync(await ReadAsync(Call("AWSReservedSSO_Admin_0123456789abcdef", "alice@example.com", "ASIAALICE00000000001", "203.0.113.9", Laptop)))).ShouldBeEmpty();

    [Fact]
    public async Task ALambdaSession_FromAnotherClientOnAnotherNetwork_IsReported_WithAnOrdinaryLinuxSdk()
    {
        var activities = await ReadAsync(Issued(), Lambda("10.20.1.5", LambdaSdk, 1), Lambda("198.51.100.23", LinuxSdk, 900, "secretsmanager.amazonaws.com", "GetSecretValue"));

        var finding = (await DetectAsync(activities)).ShouldHaveSingleItem();

        finding.Signals.ShouldBe(["workload-credentials-off-platform", "client-and-network-changed", "read-data"]);
        finding.Severity.ShouldBe(Severity.High);
        finding.EventIds.ShouldBe([activities[2].EventId]);
    }

    [Fact]
    public async Task AnUnmarkedClient_OnTheNetworkOfThePlatformsCalls_IsAnExtension_NotATheft() =>
        (await DetectAsync(await ReadAsync(Issued(), Lambda("10.20.1.5", LambdaSdk, 1), Lambda("10.20.1.5", "aws-sdk-go-v2/1.30.0 os/linux lang/go#1.22.5 md/GOOS#linux", 2, "kms.amazonaws.com", "Decrypt")))).ShouldBeEmpty();

    [Fact]
    public async Task AnUnmarkedClient_IsNothing_WhenTheSessionHasNoMarkedCalls() =>
        (await DetectAsync(await ReadAsync(Issued(), Lambda("198.51.100.23", LinuxSdk, 900)))).ShouldBeEmpty();

    [Theory]
    [InlineData("Listing", "s3.amazonaws.com", "ListBuckets", true, null, "medium", null)]
    [InlineData("ReadingData", "s3.amazonaws.com", "GetObject", true, null, "high", "read-data")]
    [InlineData("ReadingData", "ssm.amazonaws.com", "GetParameters", true, null, "high", "read-data")]
    [InlineData("Changing", "ec2.amazonaws.com", "RunInstances", false, null, "high", "changed-resources")]
    [InlineData("ChangingIam", "iam.amazonaws.com", "CreateAccessKey", false, null, "critical", "changed-iam")]
    [InlineData("Listing", "iam.amazonaws.com", "CreateUser", false, "AccessDenied", "medium", null)]
    [InlineData("MintingCredentials", "sts.amazonaws.com", "AssumeRole", false, null, "high", "minted-credentials")]
    public async Task TheSeverity_RisesWithWhatTheSessionDid(string reach, string source, string name, bool readOnly, string? errorCode, string severity, string? signal)
    {
        var activities = await ReadAsync(Issued(), Lambda("203.0.113.9", Laptop, 600), Lambda("203.0.113.9", Laptop, 610, source, name, readOnly, errorCode));

        var finding = (await DetectAsync(activities)).ShouldHaveSingleItem();

        finding.Severity.ToString().ToLowerInvariant().ShouldBe(severity);
        finding.Evidence["reach"]!.GetValue<string>().ShouldBe(reach);
        finding.Signals.ShouldBe(signal is null ? ["workload-credentials-off-platform", "desktop-os"] : ["workload-credentials-off-platform", "desktop-os", signal]);
    }

    [Fact]
    public async Task AnInstanceSession_IsOneFindingAcrossItsRotatedKeys()
    {
        var activities = await ReadAsync(
            Call("app-role", Instance, "ASIAAPPSERVER0000001", "10.20.3.4", LinuxSdk, -60, ec2RoleDelivery: "2.0"),
            Call("app-role", Instance, "ASIAAPPSERVER0000001", "203.0.113.9", Laptop, 0, ec2RoleDelivery: "2.0"),
            Call("app-role", Instance, "ASIAAPPSERVER0000002", "203.0.113.9", Laptop, 7200, "s3.amazonaws.com", "GetObject", ec2RoleDelivery: "2.0"));

        var finding = (await DetectAsync(activities)).ShouldHaveSingleItem();

        finding.Title.ShouldBe($"Credentials of EC2 instance {Instance} (app-role) used off the platform");
        finding.EventIds.Count.ShouldBe(2);
        finding.Severity.ShouldBe(Severity.High);
        finding.Evidence["workload"]!["identifiedBy"]!.GetValue<string>().ShouldBe("ec2RoleDelivery 2.0");
        finding.Evidence["session"]!.GetValue<string>().ShouldBe($"arn:aws:iam::{Account}:role/app-role|{Instance}");
    }

    [Theory]
    [InlineData("ECS task", TaskId, null, WorkloadCalls.MacSdk, "desktop-os")]
    [InlineData("ECS task", TaskId, null, "stratus-red-team_5c59eb79-6dac-405c-a4c4-e19aec03c666", "offensive-tool")]
    [InlineData("ECS task", TaskId, null, "aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0-kali9-amd64 exe/x86_64.kali.2024", "offensive-tool")]
    [InlineData("CodeBuild build", "AWSCodeBuild-5d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f", null, "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15", "browser-client")]
    [InlineData("Glue job session", "GlueJobRunnerSession", null, "aws-cli/2.15.0 Python/3.11.6 Windows/10 exe/AMD64 prompt/off", "desktop-os")]
    [InlineData("SageMaker session", "SageMaker", null, "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36", "browser-client")]
    [InlineData("EKS pod session", "botocore-session-1722375070", "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/5C2B0E1F", WorkloadCalls.Laptop, "desktop-os")]
    public async Task EachKindOfWorkload_IsRecognised_AndReported(string description, string session, string? provider, string userAgent, string reason)
    {
        var activities = await ReadAsync(Call("work-role", session, "ASIAWORK000000000001", "203.0.113.9", userAgent, webIdentityProvider: provider));

        var finding = (await DetectAsync(activities)).ShouldHaveSingleItem();

        finding.Title.ShouldBe($"Credentials of {description} {session} (work-role) used off the platform");
        finding.Signals.ShouldBe(["workload-credentials-off-platform", reason]);
    }

    [Theory]
    [InlineData("aws-cli/2.15.0 Python/3.11.6 Windows/10 exe/AMD64 prompt/off")]
    [InlineData("aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64.ubuntu.22")]
    public async Task WindowsAndTheCli_RunOnEcs(string userAgent) =>
        (await DetectAsync(await ReadAsync(Call("task-role", TaskId, "ASIATASK000000000001", "203.0.113.9", userAgent)))).ShouldBeEmpty();

    [Theory]
    [InlineData("aws-cli/2.15.0 Python/3.11.6 Windows/10 exe/AMD64 prompt/off", "desktop-os")]
    [InlineData("aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64.ubuntu.22", "cli-not-on-platform")]
    public async Task WindowsAndTheCli_DoNotRunOnLambda(string userAgent, string reason) =>
        (await DetectAsync(await ReadAsync(Issued(), Lambda("203.0.113.9", userAgent, 600)))).ShouldHaveSingleItem().Signals.ShouldContain(reason);

    [Fact]
    public async Task AnAllowedRole_IsNeverReported() =>
        (await DetectAsync(new RoleAllowList { Roles = [$"arn:aws:iam::{Account}:role/orders-*"] }, await ReadAsync(Issued(), Lambda("203.0.113.9", Laptop, 600)))).ShouldBeEmpty();

    [Fact]
    public async Task CallsFromAnAllowedNetwork_DoNotCount()
    {
        var allow = new RoleAllowList { Networks = ["203.0.113.0/24"] };

        (await DetectAsync(allow, await ReadAsync(Issued(), Lambda("203.0.113.9", Laptop, 600)))).ShouldBeEmpty();
        (await DetectAsync(allow, await ReadAsync(Issued(), Lambda("198.51.100.9", Laptop, 600)))).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task CallsAServiceMakesForTheSession_AreThePlatform()
    {
        var viaService = Lambda("secretsmanager.amazonaws.com", "secretsmanager.amazonaws.com", 600, "kms.amazonaws.com", "Decrypt");
        var invoked = Lambda("203.0.113.9", Laptop, 601);
        invoked["userIdentity"]!["invokedBy"] = "cloudformation.amazonaws.com";

        (await DetectAsync(await ReadAsync(Issued(), viaService, invoked))).ShouldBeEmpty();
    }

    [Fact]
    public async Task AServiceLinkedRolesSession_IsNotAWorkload() =>
        (await DetectAsync(await ReadAsync(Call("AWSServiceRoleForECS", TaskId, "ASIASLR0000000000001", "203.0.113.9", Laptop, roleArn: $"arn:aws:iam::{Account}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS")))).ShouldBeEmpty();

    [Fact]
    public async Task APresignedUrl_CarriesTheWorkloadsKey_ButNotItsClient()
    {
        var presigned = Lambda("198.51.100.40", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1", 600, "s3.amazonaws.com", "GetObject");
        presigned["additionalEventData"] = new JsonObject { ["AuthenticationMethod"] = "QueryString", ["SignatureVersion"] = "SigV4" };

        (await DetectAsync(await ReadAsync(Issued(), Lambda("10.20.1.5", LambdaSdk, 1), presigned))).ShouldBeEmpty();
    }

    [Fact]
    public async Task InventedUserAgents_CannotCrowdOutTheTheft()
    {
        var padding = Enumerable.Range(0, 150).Select(i => Call("app-role", Instance, "ASIAAPPSERVER0000001", "10.20.3.4", $"a{i:D3}/1.0", i, "sts.amazonaws.com", "GetCallerIdentity", ec2RoleDelivery: "2.0"));
        var theft = Call("app-role", Instance, "ASIAAPPSERVER0000001", "203.0.113.9", MacSdk, 200, "iam.amazonaws.com", "CreateAccessKey", readOnly: false, ec2RoleDelivery: "2.0");

        var finding = (await new EngineRun(new WorkloadDetector()).TogetherAsync([.. await ReadAsync([.. padding, theft])])).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Critical);
        finding.Signals.ShouldBe(["workload-credentials-off-platform", "desktop-os", "changed-iam"]);
    }

    [Fact]
    public async Task ACopiedEnvironmentsMarker_DoesNotVouchForTheThiefsMachine()
    {
        const string Copied = "Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux#6.8.0-45-generic md/arch#x86_64 lang/python#3.12.3 exec-env/AWS_Lambda_nodejs20.x";

        var finding = (await DetectAsync(await ReadAsync(Issued(), Lambda("10.20.1.5", LambdaSdk, 1), Lambda("198.51.100.23", Copied, 900, "secretsmanager.amazonaws.com", "GetSecretValue")))).ShouldHaveSingleItem();

        finding.Signals.ShouldContain("client-and-network-changed");
    }

    [Fact]
    public async Task APersonRunningAFunctionLocally_IsNotALambdaFunction() =>
        (await DetectAsync(await ReadAsync(
            Call("AWSReservedSSO_Admin_0123456789abcdef", "alice@example.com", "ASIAALICE00000000001", "203.0.113.9", Laptop),
            Call("AWSReservedSSO_Admin_0123456789abcdef", "alice@example.com", "ASIAALICE00000000001", "203.0.113.9", "aws-sdk-js/3.679.0 ua/2.1 os/linux#5.15.49-linuxkit lang/js md/nodejs#20.18.0 exec-env/AWS_Lambda_nodejs20.x", 5)))).ShouldBeEmpty();

    [Fact]
    public async Task TheCliInsideLambda_CarriesTheMarker_AndIsThePlatform() =>
        (await DetectAsync(await ReadAsync(Issued(), Lambda("3.231.48.17", "aws-cli/1.32.0 Python/3.11.6 Linux/5.10.227-239.884.amzn2.x86_64 exec-env/AWS_Lambda_python3.11 botocore/1.34.0", 5, "s3.amazonaws.com", "PutObject", readOnly: false)))).ShouldBeEmpty();

    [Fact]
    public async Task AnEc2MacInstance_UsesMacOs_UntilAnotherSystemUsesItsSession()
    {
        var own = Call("mac-builder-role", Instance, "ASIAMACBUILDER000001", "10.20.3.4", "aws-sdk-go/1.55.5 (go1.22.7; darwin; arm64) amazon-ssm-agent/3.3.987.0", ec2RoleDelivery: "2.0");
        var cli = Call("mac-builder-role", Instance, "ASIAMACBUILDER000001", "10.20.3.4", Laptop, 5, ec2RoleDelivery: "2.0");
        var thief = Call("mac-builder-role", Instance, "ASIAMACBUILDER000001", "198.51.100.23", LinuxSdk, 900, "s3.amazonaws.com", "GetObject", ec2RoleDelivery: "2.0");

        (await DetectAsync(await ReadAsync(own, cli))).ShouldBeEmpty();
        (await DetectAsync(await ReadAsync(own, cli, thief))).ShouldHaveSingleItem().Signals.ShouldContain("desktop-os");
    }

    [Fact]
    public async Task CallsThroughAVpcEndpoint_AreThePlatformsNetwork()
    {
        var viaEndpoint = Lambda("10.20.1.9", "aws-sdk-go-v2/1.30.0 os/linux lang/go#1.22.5", 5, "kms.amazonaws.com", "Decrypt");
        viaEndpoint["vpcEndpointId"] = "vpce-0a1b2c3d4e5f60718";

        (await DetectAsync(await ReadAsync(Issued(), Lambda("3.231.48.17", LambdaSdk, 1), viaEndpoint))).ShouldBeEmpty();
    }
}
