using Monitor.Detection;
using Monitor.Detection.RootUsage;
using Monitor.Records;
using Monitor.State;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.RootUsage;

/// <summary>
/// Root-usage edges: errors that prove nothing about the caller, both ends of the failure window as the failure
/// sighting stores it (days, first and last time), which trail a logging change names, and the state it watches.
/// </summary>
public sealed class RootEdgeTests
{
    private static readonly DateTimeOffset Success = Some.Time.AddDays(10);

    [Theory]
    [InlineData("InvalidClientTokenId")]
    [InlineData("SignatureDoesNotMatch")]
    [InlineData("IncompleteSignature")]
    [InlineData("AuthFailure")]
    [InlineData("ExpiredToken")]
    public async Task NewIp_WhenTheOnlyEarlierCallFailedBeforeItsCredentialsWereChecked(string errorCode)
    {
        var findings = await RootUsageRun.OnceAsync(
            Some.Activity(at: Some.Time, outcome: Outcome.Failure, errorCode: errorCode),
            Some.Activity(at: Some.Time.AddHours(2)));

        findings.Rules().ShouldBe(["root-api-failed low", "root-api-write high"]);
        findings.Single(RootRules.ApiWrite).Signals.ShouldBe(["root-api-write", "mfa-unknown", "new-source-ip"]);
    }

    [Fact]
    public async Task KnownIp_WhenAnEarlierCallFailedForAnotherError()
    {
        var findings = await RootUsageRun.OnceAsync(
            Some.Activity(at: Some.Time, outcome: Outcome.Failure, errorCode: "NoSuchEntity"),
            Some.Activity(at: Some.Time.AddHours(2)));

        findings.Single(RootRules.ApiWrite).Signals.ShouldBe(["root-api-write", "mfa-unknown"]);
    }

    [Fact]
    public async Task NoFinding_ForAnotherStsCallByAnIamPrincipal()
    {
        var caller = Some.AssumedRolePrincipal("OrgAdmin", "alice", Some.OtherAccount);

        var findings = await RootUsageRun.OnceAsync(Some.Activity("GetCallerIdentity", "sts.amazonaws.com", principal: caller, readOnly: true));

        findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task FailureDays_IncludeTheSuccessDay_WhenTheFailureWasEarlierThatDay()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(Success.AddHours(1), success: false), Some.ConsoleLogin(Success.AddHours(2)));

        var finding = findings.Single(RootRules.LoginAfterFailures);
        finding.Evidence["failureDays"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe(["2025-01-12"]);
        finding.Text("firstFailure").ShouldBe(Success.AddHours(1).UtcDateTime.ToString("O"));
        finding.Evidence["eventNames"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["ConsoleLogin"]);
        findings.Single(RootRules.LoginFailure).Text("day").ShouldBe("2025-01-12");
    }

    [Fact]
    public async Task FailureDays_IncludeTheDayTheWindowOpens()
    {
        var success = Success.AddHours(12);
        var findings = await RootUsageRun.OnceAsync(
            Some.ConsoleLogin(success.AddDays(-9), success: false),
            Some.ConsoleLogin(success.AddDays(-7).AddHours(6), success: false),
            Some.ConsoleLogin(success));

        findings.Single(RootRules.LoginAfterFailures).Evidence["failureDays"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe(["2025-01-05"]);
    }

    [Fact]
    public async Task FirstFailure_IsTheOneExactlyAtTheWindowStart_WhenLaterFailuresFollow()
    {
        var findings = await RootUsageRun.OnceAsync(
            Some.ConsoleLogin(Success.AddDays(-7), success: false),
            Some.ConsoleLogin(Success.AddDays(-2), success: false),
            Some.ConsoleLogin(Success));

        findings.Single(RootRules.LoginAfterFailures).Text("firstFailure").ShouldBe(Success.AddDays(-7).UtcDateTime.ToString("O"));
    }

    [Fact]
    public async Task FirstFailure_IsTheLastOne_WhenItIsExactlyAtTheWindowStartAndEarlierOnesFellOut()
    {
        var findings = await RootUsageRun.OnceAsync(
            Some.ConsoleLogin(Success.AddDays(-8), success: false),
            Some.ConsoleLogin(Success.AddDays(-7), success: false),
            Some.ConsoleLogin(Success));

        findings.Single(RootRules.LoginAfterFailures).Text("firstFailure").ShouldBe(Success.AddDays(-7).UtcDateTime.ToString("O"));
    }

    [Fact]
    public async Task FirstFailure_IsTheLastOne_WhenItIsOnTheSuccessDayAndEarlierOnesFellOut()
    {
        var success = Success.AddHours(2);
        var findings = await RootUsageRun.OnceAsync(
            Some.ConsoleLogin(success.AddDays(-9), success: false),
            Some.ConsoleLogin(Success.AddHours(1), success: false),
            Some.ConsoleLogin(success));

        findings.Single(RootRules.LoginAfterFailures).Text("firstFailure").ShouldBe(Success.AddHours(1).UtcDateTime.ToString("O"));
    }

    [Theory]
    [InlineData("StopLogging", """{"requestParameters":{"name":"org-trail"}}""", "org-trail")]
    [InlineData("PutEventSelectors", """{"requestParameters":{"trailName":"org-trail"}}""", "org-trail")]
    [InlineData("StopEventDataStoreIngestion", """{"requestParameters":{"eventDataStore":"arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/eds"}}""", "arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/eds")]
    [InlineData("UpdateTrail", """{"requestParameters":{"name":"by-name","trailName":"by-trail-name","eventDataStore":"by-store"}}""", "by-name")]
    [InlineData("UpdateTrail", """{"requestParameters":{"trailName":"by-trail-name","eventDataStore":"by-store"}}""", "by-trail-name")]
    public async Task Tampering_NamesTheTrailOrStore_FromWhicheverParameterTheCallHas(string eventName, string record, string trail)
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity(eventName, "cloudtrail.amazonaws.com").WithRecord(record));

        findings.Single(RootRules.LoggingTampering).Text("trail").ShouldBe(trail);
    }

    [Fact]
    public async Task Evidence_NamesTheEventItsSourceRegionAndOutcome()
    {
        var call = Some.Activity();

        var finding = (await RootUsageRun.OnceAsync(call)).Single(RootRules.ApiWrite);

        finding.Text("eventSource").ShouldBe("iam.amazonaws.com");
        finding.Text("region").ShouldBe(call.Region);
        finding.Text("outcome").ShouldBe("Success");
        call.Region.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("root-ip:123456789012", true)]
    [InlineData("root-login-failure:123456789012", true)]
    [InlineData("assume-root-session", true)]
    [InlineData("root-events:123456789012", false)]
    [InlineData("public-bucket:123456789012", false)]
    [InlineData("role-state:123456789012", false)]
    public void Watches_OnlyTheFactsThatChangeHowRootEventsRead(string scope, bool watched) =>
        new RootUsageDetector().Watches(new StateKey(scope, "x")).ShouldBe(watched);

    [Theory]
    [InlineData(Severity.Info, Severity.Info)]
    [InlineData(Severity.Low, Severity.Info)]
    [InlineData(Severity.High, Severity.Medium)]
    [InlineData(Severity.Critical, Severity.High)]
    public void OneLevelLower_StopsAtInfo(Severity severity, Severity lowered) =>
        RootRules.OneLevelLower(severity).ShouldBe(lowered);

    [Fact]
    public void Rules_AreTitledAsTheFindingsReadThem() =>
        RootRules.All.Select(r => $"{r.Name}: {r.Title}").ShouldBe([
            "root-console-login: Root user signed in to the console",
            "root-login-failure: Failed root sign-in",
            "root-login-after-failures: Root sign-in after failed attempts from the same address",
            "root-api-write: Root user changed resources",
            "root-api-read: Root user read resources",
            "root-api-failed: Root user calls failed or were denied",
            "root-access-key-created: Access key created for the root user",
            "root-access-key-used: Root access key used",
            "root-credential-change: Root password changed or recovered",
            "root-mfa-change: Root MFA device changed",
            "root-logging-tampering: CloudTrail logging changed by the root user",
            "assume-root: Privileged root session started in a member account",
        ]);

    [Fact]
    public void Observe_RejectsNoObservation() =>
        Should.Throw<ArgumentNullException>(() => new RootUsageDetector().Observe(Some.Activity(), null!));

    [Fact]
    public async Task IndexesEachRootEventByAccountAndTime()
    {
        var run = new RootUsageRun();
        var call = Some.Activity();

        await run.EachAsync(call);

        run.Store.Sightings.Keys.Select(k => k.Scope).Order(StringComparer.Ordinal).ShouldBe([$"root-events:{Some.Account}", $"root-ip:{Some.Account}"]);
    }
}
