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
    [InlineData("awsvpceevent")]
    public async Task NoFinding_WhenEventTypeIsAwsOriginated(string eventType)
    {
        var run = new RootUsageRun();

        var findings = await run.EachAsync(Some.Activity(eventType: eventType));

        findings.ShouldBeEmpty();
        run.Store.Sightings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("support.amazonaws.com")]
    [InlineData("cloudformation.amazonaws.com")]
    [InlineData("AWS Internal")]
    [InlineData("Support.AmazonAWS.com")]
    [InlineData("aws internal")]
    public async Task NoFinding_WhenAServiceInvokedTheCallForRoot(string invokedBy)
    {
        var run = new RootUsageRun();

        var findings = await run.EachAsync(Some.Activity("CreateCase", "support.amazonaws.com", invokedBy: invokedBy));

        findings.ShouldBeEmpty();
        run.Store.Sightings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Reported_WhenInvokedByNamesNoAwsService()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity(invokedBy: "example.com"));

        findings.Rules().ShouldBe(["root-api-write high"]);
    }

    [Theory]
    [InlineData("signin.amazonaws.com")]
    [InlineData("console.amazonaws.com")]
    [InlineData("SIGNIN.AMAZONAWS.COM")]
    public async Task Reported_WhenInvokedByIsTheConsole(string invokedBy)
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity(invokedBy: invokedBy));

        findings.Rules().ShouldBe(["root-api-write high"]);
        var finding = findings.Single(RootRules.ApiWrite);
        finding.Signals.ShouldBe(["root-api-write", "mfa-unknown", "console-invoked", "new-source-ip"]);
        finding.Text("invokedBy").ShouldBe(invokedBy);
    }

    [Theory]
    [InlineData("CheckMfa")]
    [InlineData("CredentialVerification")]
    [InlineData("CredentialChallenge")]
    [InlineData("UserAuthentication")]
    public async Task NoFinding_ForSignInFlowInternals(string eventName)
    {
        var run = new RootUsageRun();

        var findings = await run.EachAsync(Some.Activity(eventName, "signin.amazonaws.com", eventType: "AwsConsoleSignIn"));

        findings.ShouldBeEmpty();
        run.Store.Sightings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Reported_WhenASignInStepNameComesFromAnotherService()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity("CheckMfa", "example.amazonaws.com"));

        findings.Rules().ShouldBe(["root-api-write high"]);
    }

    [Fact]
    public async Task NoFinding_ForFailedIdentityCenterDirectoryLogin()
    {
        var identityCenter = new Principal(PrincipalType.Root, "account:" + Some.Account, AccountId: Some.Account);
        var activity = Some.Activity("ExternalIdPDirectoryLogin", "signin.amazonaws.com", principal: identityCenter, outcome: Outcome.Failure, eventType: "AwsConsoleSignIn")
            .WithRecord("""{"responseElements":{"ExternalIdPDirectoryLogin":"Failure"}}""");
        var run = new RootUsageRun();

        var findings = await run.EachAsync(activity);

        findings.ShouldBeEmpty();
        run.Store.Sightings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Outcome.Failure, "Success")]
    [InlineData(Outcome.Success, "failure")]
    public async Task LeavesNoTrace_WhenEitherSideSaysTheIdentityCenterLoginFailed(Outcome outcome, string verdict)
    {
        var identityCenter = new Principal(PrincipalType.Root, "account:" + Some.Account, AccountId: Some.Account);
        var activity = Some.Activity("ExternalIdPDirectoryLogin", "signin.amazonaws.com", principal: identityCenter, outcome: outcome, eventType: "AwsConsoleSignIn")
            .WithRecord($$$"""{"responseElements":{"ExternalIdPDirectoryLogin":"{{{verdict}}}"}}""");
        var run = new RootUsageRun();

        (await run.EachAsync(activity)).ShouldBeEmpty();

        run.Store.Sightings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Recorded_WhenTheIdentityCenterLoginSucceeded()
    {
        // Not a root credential being tried, and no rule reports it; it is still root-typed activity the detector keeps.
        var identityCenter = new Principal(PrincipalType.Root, "account:" + Some.Account, AccountId: Some.Account);
        var activity = Some.Activity("ExternalIdPDirectoryLogin", "signin.amazonaws.com", principal: identityCenter, eventType: "AwsConsoleSignIn")
            .WithRecord("""{"responseElements":{"ExternalIdPDirectoryLogin":"Success"}}""");
        var run = new RootUsageRun();

        (await run.EachAsync(activity)).ShouldBeEmpty();

        run.Store.Sightings.ShouldNotBeEmpty();
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

        findings.Rules().ShouldBe(["root-api-write high"]);
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
