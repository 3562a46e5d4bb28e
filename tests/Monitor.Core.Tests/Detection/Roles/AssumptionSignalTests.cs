using System.Text.Json.Nodes;
using Monitor.Detection;
using Monitor.Detection.Roles;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.Roles;

/// <summary>Signals on the assumption itself, judged after a baseline of 16 days of alice assuming role/app from the office.</summary>
public sealed class AssumptionSignalTests
{
    internal static readonly DateTimeOffset Start = Some.RoleEpoch;
    internal static readonly DateTimeOffset AfterLearning = Start.AddDays(20);
    internal static readonly JsonObject Alice = Some.UserIdentity("alice");
    internal static readonly JsonObject Bob = Some.UserIdentity("bob", key: "AKIAEXAMPLEBOBKEY001");
    internal static readonly string App = Some.RoleArn("app");

    internal static async Task<RoleReplay> BaselineAsync(RoleOptions? options = null)
    {
        var replay = new RoleReplay(options);
        for (var day = 0; day < 16; day++)
        {
            await replay.FeedAsync(Some.AssumeRole(Start.AddDays(day), Alice, App, $"ASIABASELINE{day:00}"));
        }

        replay.Findings.ShouldBeEmpty();
        return replay;
    }

    [Fact]
    public async Task KnownCallerFromKnownPlace_IsQuiet()
    {
        var replay = await BaselineAsync();

        (await replay.FeedAsync(Some.AssumeRole(AfterLearning, Alice, App, "ASIANEW"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task NewCallerAlone_StaysBelowTheBar()
    {
        var replay = await BaselineAsync();

        (await replay.FeedAsync(Some.AssumeRole(AfterLearning, Bob, App, "ASIANEW"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task NewCallerFromNewNetwork_IsReported_WithBaselineFacts()
    {
        var replay = await BaselineAsync();

        var finding = (await replay.FeedAsync(Some.AssumeRole(AfterLearning, Bob, App, "ASIANEW", ip: "203.0.113.9"))).ShouldHaveSingleItem();

        finding.Signals.ShouldBe(["new-principal-for-role", "new-network-for-role"]);
        finding.Severity.ShouldBe(Severity.Low);
        finding.Evidence["baseline"]!.GetValue<string>().ShouldBe("assumed on 16 earlier days since 2026-10-01 by 1 principal; never by this one");
        finding.Evidence["score"]!.GetValue<int>().ShouldBe(50);
    }

    [Fact]
    public async Task NewUserAgentFamilyAndNetwork_ForAKnownCaller_IsReported()
    {
        var replay = await BaselineAsync();

        var finding = (await replay.FeedAsync(Some.AssumeRole(AfterLearning.AddHours(-8), Alice, App, "ASIANEW", ip: "203.0.113.9", userAgent: "Boto3/1.35.54 md/Botocore#1.35.54"))).ShouldHaveSingleItem();

        finding.Signals.ShouldBe(["new-network-for-role", "new-user-agent-for-role", "unusual-hour"]);
    }

    [Fact]
    public async Task UntrustedExternalAccount_IsReported_TrustedOneIsNot()
    {
        var outsider = Some.OtherAccountIdentity("999988887777", "AROAOUTSIDER:probe");
        var untrusted = await BaselineAsync();
        var trusted = await BaselineAsync(new RoleOptions { TrustedAccounts = new HashSet<string> { "999988887777" } });

        var finding = (await untrusted.FeedAsync(Some.AssumeRole(AfterLearning, outsider, App, "ASIANEW"))).ShouldHaveSingleItem();
        var quiet = await trusted.FeedAsync(Some.AssumeRole(AfterLearning, outsider, App, "ASIANEW"));

        finding.Signals.ShouldBe(["new-principal-for-role", "new-external-account", "external-account-not-trusted"]);
        finding.Evidence["caller"]!.GetValue<string>().ShouldBe("account:999988887777:AROAOUTSIDER");
        quiet.ShouldBeEmpty();
    }

    [Fact]
    public async Task ChainedTwice_AddsRoleChaining()
    {
        var replay = await BaselineAsync();
        await replay.FeedAsync(Some.AssumeRole(AfterLearning, Alice, App, "ASIAHOP1"));
        await replay.FeedAsync(Some.AssumeRole(AfterLearning.AddMinutes(1), Some.SessionIdentity("app", "session", "ASIAHOP1"), Some.RoleArn("deploy"), "ASIAHOP2"));

        var finding = (await replay.FeedAsync(Some.AssumeRole(AfterLearning.AddMinutes(2), Some.SessionIdentity("deploy", "session", "ASIAHOP2"), Some.RoleArn("admin"), "ASIAHOP3", userAgent: "python-requests/2.31.0"))).ShouldHaveSingleItem();

        finding.Signals.ShouldContain("role-chaining");
        finding.Evidence["chainDepth"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task WebIdentityFromUnknownProvider_IsReported_KnownSubjectIsNot()
    {
        var ci = Some.RoleArn("ci");
        var replay = new RoleReplay();
        for (var day = 0; day < 16; day++)
        {
            await replay.FeedAsync(Some.AssumeRoleWithWebIdentity(Start.AddDays(day), ci, "token.actions.githubusercontent.com", "repo:org/app:ref:refs/heads/main", $"ASIACI{day:00}", ip: $"20.{day}.1.1"));
        }

        var known = await replay.FeedAsync(Some.AssumeRoleWithWebIdentity(AfterLearning, ci, "token.actions.githubusercontent.com", "repo:org/app:ref:refs/heads/main", "ASIACIKNOWN", ip: "20.99.1.1"));
        var foreign = (await replay.FeedAsync(Some.AssumeRoleWithWebIdentity(AfterLearning, ci, "gitlab.example.net", "project_path:evil/repo", "ASIACIEVIL"))).ShouldHaveSingleItem();

        known.ShouldBeEmpty();
        foreign.Signals.ShouldBe(["new-web-identity-subject", "unknown-identity-provider"]);
        foreign.Evidence["identityProvider"]!.GetValue<string>().ShouldBe("gitlab.example.net");
    }

    [Fact]
    public async Task OffensiveUserAgent_IsReported_EvenWhileLearning()
    {
        var replay = new RoleReplay();

        var finding = (await replay.FeedAsync(Some.AssumeRole(Start, Alice, App, "ASIATOOL", userAgent: "stratus-red-team_39f95f43"))).ShouldHaveSingleItem();

        finding.Signals.ShouldBe(["offensive-user-agent"]);
    }

    [Fact]
    public async Task AssumptionByRoot_AddsItsSignal()
    {
        var replay = await BaselineAsync();

        var finding = (await replay.FeedAsync(Some.AssumeRole(AfterLearning, Some.RootIdentity(), App, "ASIAROOT"))).ShouldHaveSingleItem();

        finding.Signals.ShouldBe(["new-principal-for-role", "assumed-by-root"]);
    }

    [Fact]
    public async Task AssumeRootIntoANewMember_IsReported()
    {
        var replay = await BaselineAsync();

        var finding = (await replay.FeedAsync(Some.AssumeRoot(AfterLearning, Alice, "444455556666", "ASIAROOTTASK"))).ShouldHaveSingleItem();

        finding.Signals.ShouldBe(["new-principal-for-role", "assume-root"]);
        finding.Evidence["role"]!.GetValue<string>().ShouldBe("arn:aws:iam::444455556666:root");
    }

    [Fact]
    public async Task NoMfaWhereMfaWasTheRule_AddsItsSignal()
    {
        var withMfa = Some.SessionIdentity("sso", "alice", "ASIASSO");
        withMfa["sessionContext"]!["attributes"]!["mfaAuthenticated"] = "true";
        var replay = new RoleReplay();
        for (var day = 0; day < 16; day++)
        {
            await replay.FeedAsync(Some.AssumeRole(Start.AddDays(day), withMfa, App, $"ASIAMFA{day:00}"));
        }

        var finding = (await replay.FeedAsync(Some.AssumeRole(AfterLearning, Some.SessionIdentity("sso", "alice", "ASIASSO2"), App, "ASIANOMFA", ip: "203.0.113.9", userAgent: "Boto3/1.35.54"))).ShouldHaveSingleItem();

        finding.Signals.ShouldBe(["new-network-for-role", "new-user-agent-for-role", "mfa-not-used"]);
    }
}
