using Monitor.Detection.RootUsage;
using Monitor.Records;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.RootUsage;

public class RootExclusionsTests
{
    [Theory]
    [InlineData("AwsServiceEvent")]
    [InlineData("awsserviceevent")]
    [InlineData("AwsVpceEvent")]
    public async Task NoFinding_WhenEventTypeIsAwsOriginated(string eventType)
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity(eventType: eventType));

        findings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("support.amazonaws.com")]
    [InlineData("cloudformation.amazonaws.com")]
    [InlineData("AWS Internal")]
    public async Task NoFinding_WhenAServiceInvokedTheCallForRoot(string invokedBy)
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity("CreateCase", "support.amazonaws.com", invokedBy: invokedBy));

        findings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("signin.amazonaws.com")]
    [InlineData("console.amazonaws.com")]
    public async Task Reported_WhenInvokedByIsTheConsole(string invokedBy)
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity(invokedBy: invokedBy));

        var finding = findings.Single(RootRules.ApiWrite);
        finding.Signals.ShouldContain("console-invoked");
        finding.Text("invokedBy").ShouldBe(invokedBy);
    }

    [Theory]
    [InlineData("CheckMfa")]
    [InlineData("CredentialVerification")]
    [InlineData("CredentialChallenge")]
    [InlineData("UserAuthentication")]
    public async Task NoFinding_ForSignInFlowInternals(string eventName)
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity(eventName, "signin.amazonaws.com", eventType: "AwsConsoleSignIn"));

        findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task NoFinding_ForFailedIdentityCenterDirectoryLogin()
    {
        var identityCenter = new Principal(PrincipalType.Root, "account:" + Some.Account, AccountId: Some.Account);
        var activity = Some.Activity("ExternalIdPDirectoryLogin", "signin.amazonaws.com", principal: identityCenter, outcome: Outcome.Failure, eventType: "AwsConsoleSignIn")
            .WithRecord("""{"responseElements":{"ExternalIdPDirectoryLogin":"Failure"}}""");

        var findings = await RootUsageRun.OnceAsync(activity);

        findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task NoFinding_ForNonRootCallers()
    {
        var findings = await RootUsageRun.OnceAsync(
            Some.Activity(principal: Some.UserPrincipal()),
            Some.Activity(principal: Some.AssumedRolePrincipal()));

        findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Reported_WhenOnlyTheArnSaysRoot()
    {
        var arnOnly = new Principal(PrincipalType.Unknown, "arn:aws-cn:iam::123456789012:root", "arn:aws-cn:iam::123456789012:root", Some.Account);

        var findings = await RootUsageRun.OnceAsync(Some.Activity(principal: arnOnly));

        findings.Single(RootRules.ApiWrite).Principal.ShouldBe("arn:aws-cn:iam::123456789012:root");
    }

    [Fact]
    public async Task NoFinding_WhenArnOnlyLooksLikeRoot()
    {
        var user = new Principal(PrincipalType.IamUser, "arn:aws:iam::123456789012:user/root", "arn:aws:iam::123456789012:user/root", Some.Account);

        var findings = await RootUsageRun.OnceAsync(Some.Activity(principal: user));

        findings.ShouldBeEmpty();
    }
}
