using Monitor.Detection.Workloads;
using Monitor.Records;
using Monitor.Testing;
using static Monitor.Core.Tests.Detection.Workloads.WorkloadCalls;

namespace Monitor.Core.Tests.Detection.Workloads;

/// <summary>What names the workload behind a session, what does not, and how each client is judged on each platform.</summary>
public sealed class WorkloadTests
{
    [Theory]
    [InlineData("i-0abc1234def567890", null, null, "Ec2Instance", "session named after an EC2 instance")]
    [InlineData("i-0abc1234", null, null, "Ec2Instance", "session named after an EC2 instance")]
    [InlineData("i-786a3A8B5C0d92eF4", null, null, "Ec2Instance", "session named after an EC2 instance")]
    [InlineData("any-name", "1.0", null, "Ec2Instance", "ec2RoleDelivery 1.0")]
    [InlineData("8f2a9c1e0b7d4e6fa3c5b1d2e4f60718", null, null, "EcsTask", "session named after an ECS task")]
    [InlineData("AWSCodeBuild-5d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f", null, null, "CodeBuild", "session named by CodeBuild")]
    [InlineData("GlueJobRunnerSession", null, null, "Glue", "session named by Glue")]
    [InlineData("SageMaker", null, null, "SageMaker", "session named by SageMaker")]
    [InlineData("eks-prod-web-7d9f8-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", null, null, "EksPod", "session named by EKS Pod Identity")]
    [InlineData("botocore-session-1722375070", null, "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC", "EksPod", "web identity from an EKS cluster's OIDC provider")]
    public async Task TheSessionsOwnRecord_NamesItsWorkload(string session, string? delivery, string? provider, string kind, string identifiedBy)
    {
        var activity = (await ReadAsync(Call("work-role", session, "ASIAWORK000000000001", "10.0.0.1", LinuxSdk, ec2RoleDelivery: delivery, webIdentityProvider: provider))).Single();

        var workload = Workload.OfSession(activity).ShouldNotBeNull();

        workload.Kind.ToString().ShouldBe(kind);
        workload.Name.ShouldBe(session);
        workload.IdentifiedBy.ShouldBe(identifiedBy);
    }

    [Theory]
    [InlineData("orders-api", "orders-api-role-a1b2c3d4", LinuxSdk, "Lambda", "execution role named after the function")]
    [InlineData("report", "report-job-role", LambdaSdk, "Lambda", "the platform's own user agent")]
    [InlineData("worker", "worker-role", EcsSdk, "EcsTask", "the platform's own user agent")]
    public async Task TheRoleName_OrThePlatformsUserAgent_NamesItsWorkload(string session, string role, string userAgent, string kind, string identifiedBy)
    {
        var activity = (await ReadAsync(Call(role, session, "ASIAWORK000000000001", "10.0.0.1", userAgent))).Single();

        var workload = Workload.OfSession(activity).ShouldNotBeNull();

        workload.Kind.ToString().ShouldBe(kind);
        workload.IdentifiedBy.ShouldBe(identifiedBy);
    }

    [Theory]
    [InlineData("alice@example.com", "AWSReservedSSO_Admin_0123")]
    [InlineData("aws-go-sdk-1688990082523310002", "deploy-role")]
    [InlineData("i-xyz", "app-role")]
    [InlineData("i-0abc1234def56789", "app-role")]
    [InlineData("8f2a9c1e0b7d4e6fa3c5b1d2e4f6071", "task-role")]
    [InlineData("8f2a9c1e0b7d4e6fa3c5b1d2e4f6071g", "task-role")]
    [InlineData("botocore-session-1722375070", "pod-role")]
    [InlineData("eks-prod-web", "pod-role")]
    [InlineData("orders-api", "orders-api-role-a1b2c3d")]
    [InlineData("orders-api", "orders-api-role-a1b2c3d!")]
    [InlineData("orders-api", "other-api-role-a1b2c3d4")]
    [InlineData("SageMakerX", "ml-role")]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c3301", "deploy-role")]
    public async Task OtherSessions_NameNoWorkload(string session, string role) =>
        Workload.OfSession((await ReadAsync(Call(role, session, "ASIAWORK000000000001", "10.0.0.1", LinuxSdk))).Single()).ShouldBeNull();

    [Fact]
    public async Task AUsersCall_NamesNoWorkload() =>
        Workload.OfSession(await Some.CloudTrailReading.ReadOneAsync(Some.CloudTrail.Record())).ShouldBeNull();

    [Theory]
    [InlineData("lambda.amazonaws.com", "Lambda")]
    [InlineData("ecs-tasks.amazonaws.com", "EcsTask")]
    [InlineData("codebuild.amazonaws.com", "CodeBuild")]
    [InlineData("glue.amazonaws.com", "Glue")]
    [InlineData("sagemaker.amazonaws.com", "SageMaker")]
    [InlineData("pods.eks.amazonaws.com", "EksPod")]
    public async Task AServicesAssumeRole_NamesTheWorkloadOfTheKeyItIssued(string service, string kind)
    {
        var activity = (await ReadAsync(ServiceAssumeRole(service, "work-role", "job-1", "ASIAISSUED0000000001"))).Single();

        var (key, workload) = Workload.OfIssue(activity).ShouldNotBeNull();

        key.ShouldBe("ASIAISSUED0000000001");
        workload.Kind.ToString().ShouldBe(kind);
        workload.Name.ShouldBe("job-1");
        workload.IdentifiedBy.ShouldBe($"role assumed by {service}");
    }

    [Fact]
    public async Task OtherAssumeRoles_NameNoWorkload()
    {
        var ec2 = ServiceAssumeRole("ec2.amazonaws.com", "app-role", "i-0abc1234def567890", "ASIAISSUED0000000001");
        var failed = ServiceAssumeRole("lambda.amazonaws.com", "work-role", "job-1", "ASIAISSUED0000000002");
        failed["errorCode"] = "AccessDenied";
        failed["responseElements"] = null;
        var byUser = ServiceAssumeRole("lambda.amazonaws.com", "work-role", "job-1", "ASIAISSUED0000000003");
        byUser["userIdentity"] = Some.CloudTrail.IamUser();

        foreach (var activity in await ReadAsync(ec2, failed, byUser))
        {
            Workload.OfIssue(activity).ShouldBeNull(activity.EventId);
        }
    }

    [Theory]
    [InlineData(Laptop, "aws-cli/2", "MacOs", null, false, "macos")]
    [InlineData(MacSdk, "boto3/1", "MacOs", null, false, "macos")]
    [InlineData("aws-sdk-go-v2/1.30.0 os/windows lang/go#1.22.5", "aws-sdk-go-v2/1", "Windows", null, false, "windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15", "browser", "MacOs", null, false, "browser")]
    [InlineData("aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0-kali9-amd64 exe/x86_64.kali.2024 distrib#kali", "aws-cli/2", "Pentest", "kali-linux", false, "tool")]
    [InlineData("stratus-red-team_5c59eb79", "stratus-red-team", "Other", "stratus-red-team", false, "tool")]
    [InlineData(LambdaSdk, "aws-sdk-js/3", "Other", null, true, "other")]
    [InlineData(EcsSdk, "aws-sdk-java/2", "Other", null, true, "other")]
    [InlineData("aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64.ubuntu.22", "aws-cli/2", "Other", null, false, "aws-cli")]
    [InlineData("aws-cli/1.32.0 Python/3.11.6 Linux/5.10.227-239.884.amzn2.x86_64 exec-env/AWS_Lambda_python3.11 botocore/1.34.0", "aws-cli/1", "Other", null, true, "other")]
    public void AClient_IsItsFamilySystemToolMarkerAndTrait(string userAgent, string family, string system, string? tool, bool platform, string trait)
    {
        var client = Client.Of(userAgent);

        client.ShouldBe(new Client(family, Enum.Parse<ClientSystem>(system), tool, platform));
        client.Trait.ShouldBe(trait);
    }

    [Theory]
    [InlineData("Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux#6.8.0-45-generic md/arch#x86_64 lang/python#3.12.3 exec-env/AWS_Lambda_python3.12", null)]
    [InlineData("aws-sdk-js/3.679.0 ua/2.1 os/linux#5.15.49-linuxkit lang/js md/nodejs#20.18.0 exec-env/AWS_Lambda_nodejs20.x", null)]
    [InlineData(LambdaSdk, "Lambda")]
    [InlineData(EcsSdk, "EcsTask")]
    [InlineData("aws-sdk-go-v2/1.30.0 os/linux lang/go#1.22.5 exec-env/AWS_ECS_FARGATE", "EcsTask")]
    [InlineData("aws-sdk-js/3.679.0 exec-env/AWS_CloudShell", null)]
    public void ThePlatformsMarker_CountsOnlyOnAnAmazonKernel(string userAgent, string? platform) =>
        Workload.PlatformMark(userAgent)?.ToString().ShouldBe(platform);

    [Theory]
    [InlineData("Ec2Instance", "desktop-os*", null, "browser-client", null, null)]
    [InlineData("EcsTask", "desktop-os", null, "browser-client", null, null)]
    [InlineData("CodeBuild", "desktop-os*", null, "browser-client", null, null)]
    [InlineData("EksPod", "desktop-os", null, "browser-client", null, null)]
    [InlineData("Lambda", "desktop-os", "desktop-os", "browser-client", "cli-not-on-platform", null)]
    [InlineData("Glue", "desktop-os", "desktop-os", "browser-client", null, null)]
    [InlineData("SageMaker", "desktop-os", "desktop-os", "browser-client", null, null)]
    public void EachPlatform_RunsSomeClientsAndNotOthers(string platform, string mac, string? windows, string? browser, string? linuxCli, string? other)
    {
        var kind = Enum.Parse<WorkloadKind>(platform);

        // "*": AWS runs macOS there too (EC2 Mac, CodeBuild's macOS fleets): a Mac counts once another system used the session.
        Client.OffPlatform("macos", kind, otherSystemSeen: true).ShouldBe(mac.TrimEnd('*'));
        Client.OffPlatform("macos", kind, otherSystemSeen: false).ShouldBe(mac.EndsWith('*') ? null : mac);
        Client.OffPlatform("windows", kind, otherSystemSeen: true).ShouldBe(windows);
        Client.OffPlatform("browser", kind, otherSystemSeen: false).ShouldBe(browser);
        Client.OffPlatform("aws-cli", kind, otherSystemSeen: true).ShouldBe(linuxCli);
        Client.OffPlatform("other", kind, otherSystemSeen: true).ShouldBe(other);
        Client.OffPlatform("tool", kind, otherSystemSeen: false).ShouldBe("offensive-tool");
    }

    [Theory]
    [InlineData("s3.amazonaws.com", "GetObject", true, "ReadingData")]
    [InlineData("secretsmanager.amazonaws.com", "GetSecretValue", true, "ReadingData")]
    [InlineData("ec2.amazonaws.com", "GetPasswordData", true, "ReadingData")]
    [InlineData("s3.amazonaws.com", "ListObjectsV2", true, "Listing")]
    [InlineData("sts.amazonaws.com", "GetCallerIdentity", true, "Listing")]
    [InlineData("ec2.amazonaws.com", "RunInstances", false, "Changing")]
    [InlineData("iam.amazonaws.com", "AttachUserPolicy", false, "ChangingIam")]
    [InlineData("iam.amazonaws.com", "ListUsers", true, "Listing")]
    [InlineData("sts.amazonaws.com", "AssumeRole", true, "MintingCredentials")]
    [InlineData("s3.amazonaws.com", "GetObjectVersion", true, "ReadingData")]
    public async Task ACall_ReachesAsFarAsItsKind(string source, string name, bool readOnly, string reach) =>
        CallReach.Of((await ReadAsync(Call("r", "s", "ASIAWORK000000000001", "10.0.0.1", LinuxSdk, eventSource: source, eventName: name, readOnly: readOnly))).Single()).ShouldBe(Enum.Parse<Reach>(reach));

    [Theory]
    [InlineData("s3:GetObject", "ReadingData")]
    [InlineData("s3:SelectObjectContent", "ReadingData")]
    [InlineData("secretsmanager:GetSecretValue", "ReadingData")]
    [InlineData("secretsmanager:BatchGetSecretValue", "ReadingData")]
    [InlineData("ssm:GetParameter", "ReadingData")]
    [InlineData("ssm:GetParameters", "ReadingData")]
    [InlineData("ssm:GetParametersByPath", "ReadingData")]
    [InlineData("kms:Decrypt", "ReadingData")]
    [InlineData("kms:GenerateDataKey", "ReadingData")]
    [InlineData("ecr:BatchGetImage", "ReadingData")]
    [InlineData("ecr:GetDownloadUrlForLayer", "ReadingData")]
    [InlineData("ecr:GetAuthorizationToken", "ReadingData")]
    [InlineData("dynamodb:GetItem", "ReadingData")]
    [InlineData("dynamodb:BatchGetItem", "ReadingData")]
    [InlineData("dynamodb:Query", "ReadingData")]
    [InlineData("dynamodb:Scan", "ReadingData")]
    [InlineData("ec2:GetPasswordData", "ReadingData")]
    [InlineData("lambda:GetFunction", "ReadingData")]
    [InlineData("rds:DownloadDBLogFilePortion", "ReadingData")]
    [InlineData("sqs:ReceiveMessage", "ReadingData")]
    [InlineData("logs:GetLogEvents", "ReadingData")]
    [InlineData("logs:FilterLogEvents", "ReadingData")]
    [InlineData("athena:GetQueryResults", "ReadingData")]
    [InlineData("ssm:GetCommandInvocation", "ReadingData")]
    [InlineData("s3:GetObjectVersion", "ReadingData")]
    [InlineData("ssm:GetParameterHistory", "ReadingData")]
    [InlineData("glue:GetConnection", "ReadingData")]
    [InlineData("glue:GetConnections", "ReadingData")]
    [InlineData("lambda:GetFunctionConfiguration", "ReadingData")]
    [InlineData("codecommit:GitPull", "ReadingData")]
    [InlineData("rds:GenerateDBAuthToken", "ReadingData")]
    [InlineData("redshift:GetClusterCredentials", "ReadingData")]
    [InlineData("sts:AssumeRole", "MintingCredentials")]
    [InlineData("sts:GetFederationToken", "MintingCredentials")]
    [InlineData("sts:GetSessionToken", "MintingCredentials")]
    [InlineData("sso:GetRoleCredentials", "MintingCredentials")]
    public async Task EachDataReadAndCredentialMint_HasItsReach(string call, string reach)
    {
        var (service, name) = (call.Split(':')[0], call.Split(':')[1]);

        CallReach.Of((await ReadAsync(Call("r", "s", "ASIAWORK000000000001", "10.0.0.1", LinuxSdk, eventSource: $"{service}.amazonaws.com", eventName: name))).Single()).ShouldBe(Enum.Parse<Reach>(reach));
    }

    [Theory]
    [InlineData("DescribeInstances", "Listing")]
    [InlineData("HeadObject", "Listing")]
    [InlineData("PutObject", "Changing")]
    public async Task WithoutTheReadOnlyFlag_TheVerbDecides(string name, string reach)
    {
        var record = Call("r", "s", "ASIAWORK000000000001", "10.0.0.1", LinuxSdk, eventSource: "s3.amazonaws.com", eventName: name);
        record.Remove("readOnly");

        CallReach.Of((await ReadAsync(record)).Single()).ShouldBe(Enum.Parse<Reach>(reach));
    }
}
