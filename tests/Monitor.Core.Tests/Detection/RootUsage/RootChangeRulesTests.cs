using Monitor.Detection;
using Monitor.Detection.RootUsage;
using Monitor.Records;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.RootUsage;

public class RootChangeRulesTests
{
    private const string RootKey = "AKIAROOTKEY000000001";

    [Fact]
    public async Task Critical_WhenRootCreatesAnAccessKeyForItself()
    {
        var create = Some.Activity("CreateAccessKey", accessKeyId: "ASIAROOTCONSOLE00001")
            .WithRecord("""{"requestParameters":null,"responseElements":{"accessKey":{"accessKeyId":"AKIANEWROOTKEY000001","status":"Active","userName":"root"}}}""");

        var findings = await RootUsageRun.OnceAsync(create);

        findings.Rules().ShouldBe(["root-access-key-created critical", "root-api-write high"]);
        var finding = findings.Single(RootRules.AccessKeyCreated);
        finding.Id.ShouldBe(FindingId.For("root-usage", "root-access-key-created", create.DedupKey));
        finding.Text("createdAccessKeyId").ShouldBe("AKIANEWROOTKEY000001");
    }

    [Fact]
    public async Task NoKeyCreatedFinding_WhenRootCreatesAKeyForAUser()
    {
        var create = Some.Activity("CreateAccessKey").WithRecord("""{"requestParameters":{"userName":"deploy"}}""");

        var findings = await RootUsageRun.OnceAsync(create);

        findings.Rules().ShouldBe(["root-api-write high"]);
    }

    [Fact]
    public async Task NoKeyCreatedFinding_WhenTheCallFailed()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity("CreateAccessKey", outcome: Outcome.Failure, errorCode: "LimitExceeded"));

        findings.Rules().ShouldBe(["root-api-failed low"]);
    }

    [Fact]
    public async Task Critical_FoldedPerKeyAndDay_WhenARootAccessKeyIsUsed()
    {
        var findings = await RootUsageRun.OnceAsync(
            Some.Activity("ListBuckets", "s3.amazonaws.com", Some.Time.AddHours(1), accessKeyId: RootKey, readOnly: true),
            Some.Activity("RunInstances", "ec2.amazonaws.com", Some.Time.AddHours(5), accessKeyId: RootKey),
            Some.Activity("ListBuckets", "s3.amazonaws.com", Some.Time.AddDays(1), accessKeyId: RootKey, readOnly: true));

        findings.Rules().ShouldBe(["root-access-key-used critical", "root-access-key-used critical", "root-api-read low", "root-api-read low", "root-api-write high"]);
        var used = findings.Of(RootRules.AccessKeyUsed);
        used.ShouldAllBe(f => f.Severity == Severity.Critical && f.Signals.Contains("long-term-key"));
        var first = used.Single(f => f.Id == FindingId.For("root-usage", "access-key-used", Some.Account, RootKey, "2025-01-02"));
        first.EventIds.Count.ShouldBe(2);
        first.Evidence["eventNames"]!.AsArray().Count.ShouldBe(2);
        first.Text("day").ShouldBe("2025-01-02");
    }

    [Theory]
    [InlineData("ChangePassword", """{"requestParameters":{}}""")]
    [InlineData("CreateLoginProfile", """{"requestParameters":{"passwordResetRequired":false}}""")]
    [InlineData("UpdateLoginProfile", """{"requestParameters":null}""")]
    [InlineData("DeleteLoginProfile", """{"requestParameters":null}""")]
    public async Task High_WhenRootChangesItsPasswordThroughIam(string eventName, string record)
    {
        var activity = Some.Activity(eventName).WithRecord(record);

        var findings = await RootUsageRun.OnceAsync(activity);

        findings.Rules().ShouldBe(["root-api-write high", "root-credential-change high"]);
        findings.Single(RootRules.CredentialChange).Id.ShouldBe(FindingId.For("root-usage", "root-credential-change", activity.DedupKey));
    }

    [Theory]
    [InlineData("ChangePassword", "cognito-idp.amazonaws.com")]
    [InlineData("CreateAccessKey", "example.amazonaws.com")]
    [InlineData("EnableMFADevice", "example.amazonaws.com")]
    [InlineData("StopLogging", "example.amazonaws.com")]
    public async Task OnlyTheApiFold_WhenAnotherServiceHasACallOfTheSameName(string eventName, string eventSource)
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity(eventName, eventSource));

        findings.Rules().ShouldBe(["root-api-write high"]);
    }

    [Fact]
    public async Task OnlyTheApiFold_WhenASignInEventIsNotAboutThePassword()
    {
        var activity = Some.Activity("ChangePassword", "signin.amazonaws.com", eventType: "AwsConsoleSignIn")
            .WithRecord("""{"responseElements":{"ChangePassword":"Success"}}""");

        (await RootUsageRun.OnceAsync(activity)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("PasswordUpdated")]
    [InlineData("PasswordRecoveryRequested")]
    [InlineData("PasswordRecoveryCompleted")]
    public async Task High_WhenRootPasswordIsUpdatedOrRecoveredAtSignIn(string eventName)
    {
        var activity = Some.Activity(eventName, "signin.amazonaws.com", eventType: "AwsConsoleSignIn")
            .WithRecord($$$"""{"responseElements":{"{{{eventName}}}":"Success"}}""");

        var findings = await RootUsageRun.OnceAsync(activity);

        findings.Rules().ShouldBe(["root-credential-change high"]);
        var finding = findings.Single(RootRules.CredentialChange);
        finding.Id.ShouldBe(FindingId.For("root-usage", "root-credential-change", activity.DedupKey));
    }

    [Fact]
    public async Task NoCredentialChange_WhenRootSetsAUsersPassword()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity("CreateLoginProfile").WithRecord("""{"requestParameters":{"userName":"bob"}}"""));

        findings.Rules().ShouldBe(["root-api-write high"]);
    }

    [Fact]
    public async Task NoCredentialChange_WhenTheSignInUpdateFailed()
    {
        var activity = Some.Activity("PasswordUpdated", "signin.amazonaws.com", eventType: "AwsConsoleSignIn")
            .WithRecord("""{"responseElements":{"PasswordUpdated":"Failure"}}""");

        (await RootUsageRun.OnceAsync(activity)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("EnableMFADevice", Severity.High)]
    [InlineData("CreateVirtualMFADevice", Severity.High)]
    [InlineData("ResyncMFADevice", Severity.High)]
    [InlineData("DeactivateMFADevice", Severity.Critical)]
    [InlineData("DeleteVirtualMFADevice", Severity.Critical)]
    public async Task MfaChange_WhenRootChangesMfa(string eventName, Severity severity)
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity(eventName).WithRecord("""{"requestParameters":{"userName":"root-mfa"}}"""));

        findings.Rules().ShouldBe(["root-api-write high", $"root-mfa-change {FindingJson.SeverityName(severity)}"]);
        findings.Single(RootRules.MfaChange).Text("userName").ShouldBe("root-mfa");
    }

    [Theory]
    [InlineData("StopLogging")]
    [InlineData("DeleteTrail")]
    [InlineData("UpdateTrail")]
    [InlineData("PutEventSelectors")]
    [InlineData("PutInsightSelectors")]
    [InlineData("DeleteEventDataStore")]
    [InlineData("StopEventDataStoreIngestion")]
    public async Task Critical_WhenRootTampersWithLogging(string eventName)
    {
        var activity = Some.Activity(eventName, "cloudtrail.amazonaws.com").WithRecord("""{"requestParameters":{"name":"org-trail"}}""");

        var findings = await RootUsageRun.OnceAsync(activity);

        findings.Rules().ShouldBe(["root-api-write high", "root-logging-tampering critical"]);
        findings.Single(RootRules.LoggingTampering).Text("trail").ShouldBe("org-trail");
    }

    [Fact]
    public async Task NoTamperingFinding_WhenStopLoggingWasDenied()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity("StopLogging", "cloudtrail.amazonaws.com", outcome: Outcome.Denied));

        findings.Select(f => f.Signals[0]).ShouldBe(["root-api-failed"]);
    }
}
