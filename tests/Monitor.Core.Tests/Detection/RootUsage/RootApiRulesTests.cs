using Monitor.Detection;
using Monitor.Detection.RootUsage;
using Monitor.Records;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.RootUsage;

public class RootApiRulesTests
{
    private const string ConsoleKey = "ASIAROOTCONSOLE00001";

    [Fact]
    public async Task High_ForARootWriteCall()
    {
        var call = Some.Activity("CreateUser", accessKeyId: ConsoleKey, mfa: true);

        var findings = await RootUsageRun.OnceAsync(call);

        findings.Rules().ShouldBe(["root-api-write high"]);
        var finding = findings.Single(RootRules.ApiWrite);
        finding.Signals.ShouldBe(["root-api-write", "mfa", "new-source-ip"]);
        finding.Id.ShouldBe(FindingId.For("root-usage", "api-write", Some.Account, ConsoleKey, "2025-01-02T00"));
        finding.Principal.ShouldBe("arn:aws:iam::123456789012:root");
        finding.Text("accessKeyId").ShouldBe(ConsoleKey);
        finding.Text("category").ShouldBe("write");
        finding.Text("hour").ShouldBe("2025-01-02T00");
        finding.Text("ipKnown").ShouldBe("false");
        finding.Title.ShouldBe("Root user changed resources (123456789012)");
    }

    [Fact]
    public async Task Write_WhenReadOnlyIsUnknown()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity(readOnly: null));

        findings.Rules().ShouldBe(["root-api-write high"]);
    }

    [Fact]
    public async Task Low_ForARootReadCall()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity("ListUsers", readOnly: true));

        findings.Rules().ShouldBe(["root-api-read low"]);
        findings.Single(RootRules.ApiRead).Id.ShouldBe(FindingId.For("root-usage", "api-read", Some.Account, "198.51.100.7", "2025-01-02T00"));
    }

    [Theory]
    [InlineData(Outcome.Denied)]
    [InlineData(Outcome.Failure)]
    public async Task Low_ForAFailedRootCall(Outcome outcome)
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity("StopLogging", "cloudtrail.amazonaws.com", outcome: outcome, readOnly: true));

        findings.Rules().ShouldBe(["root-api-failed low"]);
        var finding = findings.Single(RootRules.ApiFailed);
        finding.Text("errorCode").ShouldNotBeNull();
        finding.Text("category").ShouldBe("failed");
        finding.Id.ShouldBe(FindingId.For("root-usage", "api-failed", Some.Account, "198.51.100.7", "2025-01-02T00"));
    }

    [Fact]
    public async Task OneFinding_ForCallsOfOneSessionInOneHour()
    {
        var findings = await RootUsageRun.OnceAsync(
            Some.Activity("CreateUser", at: Some.Time.AddMinutes(1), accessKeyId: ConsoleKey),
            Some.Activity("AttachUserPolicy", at: Some.Time.AddMinutes(59), accessKeyId: ConsoleKey),
            Some.Activity("CreateUser", at: Some.Time.AddMinutes(30), accessKeyId: ConsoleKey));

        findings.Rules().ShouldBe(["root-api-write high"]);
        var finding = findings.Single(RootRules.ApiWrite);
        finding.EventIds.Count.ShouldBe(3);
        finding.Time.ShouldBe(Some.Time.AddMinutes(1));
        finding.Evidence["eventNames"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["AttachUserPolicy", "CreateUser"]);
    }

    [Fact]
    public async Task SeparateFindings_PerHourSessionAndCategory()
    {
        var findings = await RootUsageRun.OnceAsync(
            Some.Activity(at: Some.Time, accessKeyId: ConsoleKey),
            Some.Activity(at: Some.Time.AddHours(1), accessKeyId: ConsoleKey),
            Some.Activity(at: Some.Time, accessKeyId: "ASIAROOTCONSOLE00002"),
            Some.Activity("ListUsers", at: Some.Time, accessKeyId: ConsoleKey, readOnly: true));

        findings.Rules().ShouldBe(["root-api-read low", "root-api-write high", "root-api-write high", "root-api-write high"]);
    }

    [Fact]
    public async Task FoldedBySourceIp_WhenNoKeyIsRecorded()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity(at: Some.Time), Some.Activity(at: Some.Time.AddMinutes(10)), Some.Activity(at: Some.Time, ip: "203.0.113.9"));

        findings.Rules().ShouldBe(["root-api-write high", "root-api-write high"]);
        var folds = findings.Of(RootRules.ApiWrite);
        folds.Select(f => f.Id).ShouldContain(FindingId.For("root-usage", "api-write", Some.Account, "198.51.100.7", "2025-01-02T00"));
    }

    [Fact]
    public async Task NewIpSignal_OnlyForTheFirstSightingOfAnIp()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity(at: Some.Time), Some.Activity(at: Some.Time.AddHours(2)));

        findings.Of(RootRules.ApiWrite).OrderBy(f => f.Time).Select(f => f.Signals).ShouldBe([["root-api-write", "mfa-unknown", "new-source-ip"], ["root-api-write", "mfa-unknown"]]);
        findings.Of(RootRules.ApiWrite).OrderBy(f => f.Time).Select(f => f.Text("ipKnown")).ShouldBe(["false", "true"]);
    }

    [Fact]
    public async Task NoSourceIpSignal_WhenTheSourceIsNotAnAddress()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity(ip: "AWS Internal"));

        findings.Rules().ShouldBe(["root-api-write high"]);
        var finding = findings.Single(RootRules.ApiWrite);
        finding.Signals.ShouldBe(["root-api-write", "mfa-unknown", "no-source-ip"]);
        finding.Id.ShouldBe(FindingId.For("root-usage", "api-write", Some.Account, "AWS Internal", "2025-01-02T00"));
    }

    [Fact]
    public async Task NewIp_WhenTheOnlySightingWasInAnotherAccount()
    {
        var findings = await RootUsageRun.OnceAsync(
            Some.Activity(at: Some.Time, principal: Some.RootPrincipal(Some.OtherAccount)),
            Some.Activity(at: Some.Time.AddHours(2)));

        findings.Where(f => f.Account == Some.Account).ShouldHaveSingleItem().Signals.ShouldBe(["root-api-write", "mfa-unknown", "new-source-ip"]);
    }

    [Fact]
    public async Task NewIp_WhenTheOnlyEarlierCallFailedItsSignature()
    {
        // A bad signature proves nothing about who holds root's credentials.
        var findings = await RootUsageRun.OnceAsync(
            Some.Activity(at: Some.Time, outcome: Outcome.Failure, errorCode: "SignatureDoesNotMatch"),
            Some.Activity(at: Some.Time.AddHours(2)));

        findings.Rules().ShouldBe(["root-api-failed low", "root-api-write high"]);
        findings.Single(RootRules.ApiWrite).Signals.ShouldBe(["root-api-write", "mfa-unknown", "new-source-ip"]);
    }

    [Fact]
    public async Task KnownIp_WhenAnEarlierCallWasRefusedAfterItsCredentialsWereChecked()
    {
        var findings = await RootUsageRun.OnceAsync(
            Some.Activity(at: Some.Time, outcome: Outcome.Denied),
            Some.Activity(at: Some.Time.AddHours(2)));

        findings.Single(RootRules.ApiWrite).Signals.ShouldBe(["root-api-write", "mfa-unknown"]);
    }

    [Fact]
    public async Task LongTermKeySignal_OnlyForAnAkiaKey()
    {
        var findings = await RootUsageRun.OnceAsync(
            Some.Activity(at: Some.Time, accessKeyId: "AKIAROOTKEY000000001"),
            Some.Activity(at: Some.Time, accessKeyId: ConsoleKey));

        findings.Rules().ShouldBe(["root-access-key-used critical", "root-api-write high", "root-api-write high"]);
        findings.Of(RootRules.ApiWrite).Select(f => f.Signals.Contains("long-term-key")).Order().ShouldBe([false, true]);
    }

    [Fact]
    public async Task ServiceLinkedRoleCreation_IsStillRootUse()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity("CreateServiceLinkedRole", invokedBy: "signin.amazonaws.com"));

        findings.Rules().ShouldBe(["root-api-write high"]);
    }

    [Fact]
    public async Task NoApiFold_ForSignInPasswordEvents()
    {
        var update = Some.Activity("PasswordUpdated", "signin.amazonaws.com", eventType: "AwsConsoleSignIn")
            .WithRecord("""{"responseElements":{"PasswordUpdated":"Success"}}""");

        var findings = await RootUsageRun.OnceAsync(update);

        findings.Select(f => f.Signals[0]).ShouldBe(["root-credential-change"]);
    }
}
