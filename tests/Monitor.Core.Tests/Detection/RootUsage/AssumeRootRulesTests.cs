using Monitor.Detection;
using Monitor.Detection.RootUsage;
using Monitor.Records;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.RootUsage;

public class AssumeRootRulesTests
{
    private const string SessionKey = "ASIAASSUMEDROOT00001";
    private const string Token = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN";
    private const string TaskPolicy = "arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials";

    private static readonly Principal Caller = Some.AssumedRolePrincipal("OrgAdmin", "alice", Some.OtherAccount);

    private static Activity AssumeRoot(DateTimeOffset at) =>
        Some.Activity("AssumeRoot", "sts.amazonaws.com", at, Caller, "192.0.2.1", "ASIACALLER0000000001", mfa: false)
            .WithRecord($$$"""
            {
              "requestParameters": {"targetPrincipal": "{{{Some.Account}}}", "taskPolicyArn": {"arn": "{{{TaskPolicy}}}"}},
              "responseElements": {"credentials": {"accessKeyId": "{{{SessionKey}}}", "sessionToken": "{{{Token}}}", "expiration": "Jan 2, 2025, 12:15:00 AM"}}
            }
            """);

    private static Activity RootSessionCall(DateTimeOffset at, string key = SessionKey, bool marked = true)
    {
        var call = Some.Activity("DeleteLoginProfile", at: at, ip: "192.0.2.1", accessKeyId: key);
        return marked ? call.WithRecord("""{"userIdentity":{"type":"Root","sessionContext":{"assumedRoot":"true"}}}""") : call;
    }

    [Fact]
    public async Task High_AboutTheCaller_WhenAssumeRootSucceeds()
    {
        var assume = AssumeRoot(Some.Time);

        var findings = await RootUsageRun.OnceAsync(assume);

        findings.Rules().ShouldBe(["assume-root high"]);
        var finding = findings.Single(RootRules.AssumeRoot);
        finding.Signals.ShouldBe(["assume-root", "no-mfa"]);
        finding.EventIds.ShouldBe([assume.EventId]);
        finding.Title.ShouldBe($"Privileged root session started in a member account ({Some.OtherAccount})");
        finding.Principal.ShouldBe(Caller.Arn);
        finding.Account.ShouldBe(Some.OtherAccount);
        finding.Id.ShouldBe(FindingId.For("root-usage", "assume-root", assume.DedupKey));
        finding.Text("targetPrincipal").ShouldBe(Some.Account);
        finding.Text("taskPolicyArn").ShouldBe(TaskPolicy);
        finding.Text("issuedAccessKeyId").ShouldBe(SessionKey);
    }

    [Fact]
    public async Task Evidence_NamesTheCallItsSourceAndMfa()
    {
        var assume = AssumeRoot(Some.Time);

        var finding = (await RootUsageRun.OnceAsync(assume)).Single(RootRules.AssumeRoot);

        finding.Evidence["eventNames"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["AssumeRoot"]);
        finding.Text("sourceIp").ShouldBe("192.0.2.1");
        finding.Text("userAgent").ShouldBe(assume.UserAgent);
        finding.Text("region").ShouldBe(assume.Region);
        finding.Text("mfaUsed").ShouldBe("false");
        assume.UserAgent.ShouldNotBeNullOrEmpty();
        assume.Region.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task NeverStoresOrShowsTheSessionToken()
    {
        var run = new RootUsageRun();

        var findings = await run.EachAsync(AssumeRoot(Some.Time), RootSessionCall(Some.Time.AddMinutes(2)));

        findings.ShouldAllBe(f => !f.Evidence.ToJsonString().Contains(Token));
        run.Store.Sightings.Values.ShouldAllBe(s => s.Attributes.Values.Concat(s.Earliest.Values).All(a => !a.Value.Contains(Token)));
        run.Store.Sightings[new("assume-root-session", SessionKey)].EarliestAttribute("caller").ShouldBe(Caller.Arn);
    }

    [Fact]
    public async Task NoFinding_WhenAssumeRootWasDenied()
    {
        var findings = await RootUsageRun.OnceAsync(AssumeRoot(Some.Time) with { Outcome = Outcome.Denied, ErrorCode = "AccessDenied" });

        findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task SessionNamesTheCaller_OneLevelLower_WhenTheKeyWasIssuedByAssumeRoot()
    {
        var findings = await RootUsageRun.OnceAsync(AssumeRoot(Some.Time), RootSessionCall(Some.Time.AddMinutes(2), marked: false));

        findings.Rules().ShouldBe(["assume-root high", "root-api-write medium", "root-credential-change high"]);
        var fold = findings.Single(RootRules.ApiWrite);
        fold.Signals.ShouldBe(["root-api-write", "mfa-unknown", "new-source-ip", "assumed-root-session"]);
        fold.Text("issuedTo").ShouldBe(Caller.Arn);
        fold.Text("taskPolicyArn").ShouldBe(TaskPolicy);
        fold.Principal.ShouldBe("arn:aws:iam::123456789012:root");
        findings.Single(RootRules.CredentialChange).Text("issuedTo").ShouldBe(Caller.Arn);
    }

    [Fact]
    public async Task MarkedSession_IsLowered_EvenBeforeTheCallerSideArrives()
    {
        var findings = await RootUsageRun.OnceAsync(RootSessionCall(Some.Time.AddMinutes(2)));

        findings.Rules().ShouldBe(["root-api-write medium", "root-credential-change high"]);
        var fold = findings.Single(RootRules.ApiWrite);
        fold.Signals.ShouldContain("assumed-root-session");
        fold.Evidence["issuedTo"].ShouldBeNull();
    }

    [Fact]
    public async Task ReadInAssumedSession_DropsToInfo()
    {
        var read = RootSessionCall(Some.Time) with { EventName = "GetLoginProfile", ReadOnly = true };

        (await RootUsageRun.OnceAsync(read)).Rules().ShouldBe(["root-api-read info"]);
    }

    [Fact]
    public async Task FailedCallInAssumedSession_DropsToInfo()
    {
        var failed = RootSessionCall(Some.Time) with { Outcome = Outcome.Denied, ErrorCode = "AccessDenied" };

        (await RootUsageRun.OnceAsync(failed)).Rules().ShouldBe(["root-api-failed info"]);
    }

    [Fact]
    public async Task SessionNamesTheCaller_WhenTheAssumeRootIsDeliveredAfterTheSessionsCalls()
    {
        // The member account's log can arrive before the management account's: the call is judged again, up to an hour on.
        var findings = await RootUsageRun.OnceAsync(RootSessionCall(Some.Time.AddMinutes(59), marked: false), AssumeRoot(Some.Time));

        findings.Rules().ShouldBe(["assume-root high", "root-api-write medium", "root-credential-change high"]);
        findings.Single(RootRules.ApiWrite).Text("issuedTo").ShouldBe(Caller.Arn);
    }

    [Fact]
    public async Task FullSeverity_ForAnAssumeRootSessionKeyWhenAssumeRootFailed()
    {
        var denied = AssumeRoot(Some.Time) with { Outcome = Outcome.Denied, ErrorCode = "AccessDenied" };

        var findings = await RootUsageRun.OnceAsync(denied, RootSessionCall(Some.Time.AddMinutes(2), marked: false));

        findings.Rules().ShouldBe(["root-api-write high", "root-credential-change high"]);
    }

    [Fact]
    public async Task FullSeverity_ForAnOrdinaryRootConsoleSession()
    {
        // Root console sessions also use ASIA keys; only AssumeRoot sessions are sanctioned.
        var findings = await RootUsageRun.OnceAsync(RootSessionCall(Some.Time, "ASIAROOTCONSOLE00001", marked: false));

        findings.Rules().ShouldBe(["root-api-write high", "root-credential-change high"]);
        findings.Single(RootRules.ApiWrite).Signals.ShouldNotContain("assumed-root-session");
    }

    [Fact]
    public async Task NotRootUse_WhenTheCallerSideEventIsSeen()
    {
        var findings = await RootUsageRun.OnceAsync(AssumeRoot(Some.Time));

        findings.Select(f => f.Signals[0]).ShouldBe(["assume-root"]);
    }
}
