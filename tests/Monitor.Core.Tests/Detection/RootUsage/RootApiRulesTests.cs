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

        var finding = (await RootUsageRun.OnceAsync(call)).Single(RootRules.ApiWrite);

        finding.Severity.ShouldBe(Severity.High);
        finding.Id.ShouldBe(FindingId.For("root-usage", "api-write", Some.Account, ConsoleKey, "2025-01-02T00"));
        finding.Principal.ShouldBe("arn:aws:iam::123456789012:root");
        finding.Text("accessKeyId").ShouldBe(ConsoleKey);
        finding.Text("category").ShouldBe("write");
        finding.Signals.ShouldNotContain("assumed-root-session");
    }

    [Fact]
    public async Task Write_WhenReadOnlyIsUnknown()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity(readOnly: null));

        findings.Single(RootRules.ApiWrite).Severity.ShouldBe(Severity.High);
    }

    [Fact]
    public async Task Low_ForARootReadCall()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity("ListUsers", readOnly: true));

        findings.Single(RootRules.ApiRead).Severity.ShouldBe(Severity.Low);
    }

    [Theory]
    [InlineData(Outcome.Denied)]
    [InlineData(Outcome.Failure)]
    public async Task Low_ForAFailedRootCall(Outcome outcome)
    {
        var finding = (await RootUsageRun.OnceAsync(Some.Activity("StopLogging", "cloudtrail.amazonaws.com", outcome: outcome))).Single(RootRules.ApiFailed);

        finding.Severity.ShouldBe(Severity.Low);
        finding.Text("errorCode").ShouldNotBeNull();
    }

    [Fact]
    public async Task OneFinding_ForCallsOfOneSessionInOneHour()
    {
        var findings = await RootUsageRun.OnceAsync(
            Some.Activity("CreateUser", at: Some.Time.AddMinutes(1), accessKeyId: ConsoleKey),
            Some.Activity("AttachUserPolicy", at: Some.Time.AddMinutes(59), accessKeyId: ConsoleKey),
            Some.Activity("CreateUser", at: Some.Time.AddMinutes(30), accessKeyId: ConsoleKey));

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

        findings.Of(RootRules.ApiWrite).Count.ShouldBe(3);
        findings.Of(RootRules.ApiRead).Count.ShouldBe(1);
    }

    [Fact]
    public async Task FoldedBySourceIp_WhenNoKeyIsRecorded()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity(at: Some.Time), Some.Activity(at: Some.Time.AddMinutes(10)), Some.Activity(at: Some.Time, ip: "203.0.113.9"));

        var folds = findings.Of(RootRules.ApiWrite);
        folds.Count.ShouldBe(2);
        folds.Select(f => f.Id).ShouldContain(FindingId.For("root-usage", "api-write", Some.Account, "198.51.100.7", "2025-01-02T00"));
    }

    [Fact]
    public async Task NewIpSignal_OnlyForTheFirstSightingOfAnIp()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity(at: Some.Time), Some.Activity(at: Some.Time.AddHours(2)));

        findings.Of(RootRules.ApiWrite).OrderBy(f => f.Time).Select(f => f.Signals.Contains("new-source-ip")).ShouldBe([true, false]);
    }

    [Fact]
    public async Task ServiceLinkedRoleCreation_IsStillRootUse()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity("CreateServiceLinkedRole", invokedBy: "signin.amazonaws.com"));

        findings.Single(RootRules.ApiWrite).ShouldNotBeNull();
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
