using Monitor.Detection;
using Monitor.Detection.Roles;
using Monitor.Testing;
using static Monitor.Core.Tests.Detection.Roles.AssumptionSignalTests;

namespace Monitor.Core.Tests.Detection.Roles;

/// <summary>Both sides of the role detector's windows and thresholds, and what its findings are called.</summary>
public sealed class RoleEdgeTests
{
    private static readonly System.Text.Json.Nodes.JsonObject Probe = Some.SessionIdentity("app", "s", "ASIAPROBE");

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public async Task DenialBurst_CountsCallsStrictlyInsideTheTenMinutesBeforeEach(int firstSecond, bool burst)
    {
        // Nine denials in the last 64 seconds of the window, and one at its very start (or a second later).
        var calls = Enumerable.Range(0, 9).Select(k => Some.ApiCall(Start.AddSeconds(600 - (8 * k)), Probe, "iam", $"List{k}", errorCode: "AccessDenied"))
            .Prepend(Some.ApiCall(Start.AddSeconds(firstSecond), Probe, "iam", "ListFirst", errorCode: "AccessDenied"))
            .ToArray();

        var findings = await new RoleReplay().FeedAsync(calls);

        findings.Rules().ShouldBe(burst ? ["access-denied-burst low"] : []);
    }

    [Theory]
    [InlineData(60, false)]
    [InlineData(61, true)]
    public async Task DenialRightAfterTheCallerChangedTheRole_IsPropagation_ForSixtySeconds(int afterChange, bool burst)
    {
        var findings = await new RoleReplay().FeedAsync(
            Some.AssumeRole(Start, Bob, Some.RoleArn("a"), "-", errorCode: "AccessDenied"),
            Some.AssumeRole(Start.AddMinutes(1), Bob, Some.RoleArn("b"), "-", errorCode: "AccessDenied"),
            Some.CreateRole(Start.AddMinutes(2), Bob, "c"),
            Some.AssumeRole(Start.AddMinutes(2).AddSeconds(afterChange), Bob, Some.RoleArn("c"), "-", errorCode: "AccessDenied"));

        findings.Rules().ShouldBe(burst ? ["access-denied-burst low"] : []);
    }

    [Theory]
    [InlineData("CreateRole", false)]
    [InlineData("UpdateAssumeRolePolicy", false)]
    [InlineData("AttachRolePolicy", false)]
    [InlineData("PutRolePolicy", false)]
    [InlineData("UpdateRole", false)]
    [InlineData("TagRole", true)]
    [InlineData("GetRole", true)]
    public async Task OnlyChangesThatAffectWhoMayAssumeARole_ExplainADenialRightAfter(string change, bool burst)
    {
        var findings = await new RoleReplay().FeedAsync(
            Some.AssumeRole(Start, Bob, Some.RoleArn("a"), "-", errorCode: "AccessDenied"),
            Some.AssumeRole(Start.AddMinutes(1), Bob, Some.RoleArn("b"), "-", errorCode: "AccessDenied"),
            Some.ApiCall(Start.AddMinutes(2), Bob, "iam", change, parameters: new System.Text.Json.Nodes.JsonObject { ["roleName"] = "c" }),
            Some.AssumeRole(Start.AddMinutes(2).AddSeconds(30), Bob, Some.RoleArn("c"), "-", errorCode: "AccessDenied"));

        findings.Rules().ShouldBe(burst ? ["access-denied-burst low"] : []);
    }

    [Fact]
    public async Task AFailedRoleChange_ExplainsNothing()
    {
        var findings = await new RoleReplay().FeedAsync(
            Some.AssumeRole(Start, Bob, Some.RoleArn("a"), "-", errorCode: "AccessDenied"),
            Some.AssumeRole(Start.AddMinutes(1), Bob, Some.RoleArn("b"), "-", errorCode: "AccessDenied"),
            Some.ApiCall(Start.AddMinutes(2), Bob, "iam", "CreateRole", errorCode: "AccessDenied", parameters: new System.Text.Json.Nodes.JsonObject { ["roleName"] = "c" }),
            Some.AssumeRole(Start.AddMinutes(2).AddSeconds(30), Bob, Some.RoleArn("c"), "-", errorCode: "AccessDenied"));

        findings.Rules().ShouldBe(["access-denied-burst low"]);
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    public async Task UnusualHour_OnlyAfterSevenDaysOfHistory(int days, bool reported)
    {
        var replay = new RoleReplay(new RoleOptions { LearningPeriod = TimeSpan.Zero });
        for (var day = 0; day < days; day++)
        {
            await replay.FeedAsync(Some.AssumeRole(Start.AddDays(day), Alice, App, $"ASIADAY{day:00}"));
        }

        // A new network and client (20 + 15) are below the bar; the unusual hour (10) lifts them over it.
        var findings = await replay.FeedAsync(Some.AssumeRole(Start.AddDays(days).AddHours(-6), Alice, App, "ASIANIGHT", "203.0.113.9", "Boto3/1.35.54"));

        findings.Select(f => string.Join(' ', f.Signals)).ShouldBe(reported ? ["new-network-for-role new-user-agent-for-role unusual-hour"] : []);
    }

    [Theory]
    [InlineData(600, false)]
    [InlineData(601, true)]
    public async Task NewCaller_WeighsLess_WhenItChangedTheRoleInTheTenMinutesBefore(int secondsBefore, bool reported)
    {
        var replay = await BaselineAsync();
        await replay.FeedAsync(Some.CreateRole(AfterLearning.AddSeconds(-secondsBefore), Bob, "app"));

        var findings = await replay.FeedAsync(Some.AssumeRole(AfterLearning, Bob, App, "ASIANEW", "203.0.113.9"));

        findings.Select(f => string.Join(' ', f.Signals)).ShouldBe(reported ? ["new-principal-for-role new-network-for-role"] : []);
    }

    [Fact]
    public async Task NewCallerFinding_IsKeyedOnTheCallerAndRole_AndNamesThem()
    {
        var replay = await BaselineAsync();

        var finding = (await replay.FeedAsync(Some.AssumeRole(AfterLearning, Bob, App, "ASIANEW", "203.0.113.9"))).ShouldHaveSingleItem();

        var caller = finding.Evidence["caller"]!.GetValue<string>();
        finding.Id.ShouldBe(FindingId.For("anomalous-role-assumption", "assumption", caller, App));
        finding.Title.ShouldBe("Unusual AssumeRole into app by bob");
        finding.Account.ShouldBe(Some.RoleAccount);
        finding.Severity.ShouldBe(Severity.Low);
    }

    [Fact]
    public async Task ToolOnlyFinding_IsKeyedOnTheRoleAndHour()
    {
        var finding = (await new RoleReplay().FeedAsync(Some.AssumeRole(Start, Alice, App, "ASIATOOL", userAgent: "stratus-red-team_39f95f43"))).ShouldHaveSingleItem();

        finding.Id.ShouldBe(FindingId.For("anomalous-role-assumption", "tool", App, SessionUse.HourOf(Start)));
        finding.Severity.ShouldBe(Severity.Low);
    }

    [Fact]
    public async Task OtherAssumptionFindings_AreKeyedOnCallerRoleAndHour()
    {
        var replay = await BaselineAsync();

        var finding = (await replay.FeedAsync(Some.AssumeRole(AfterLearning.AddHours(-8), Alice, App, "ASIANEW", ip: "203.0.113.9", userAgent: "Boto3/1.35.54"))).ShouldHaveSingleItem();

        finding.Id.ShouldBe(FindingId.For("anomalous-role-assumption", "assumption", finding.Evidence["caller"]!.GetValue<string>(), App, SessionUse.HourOf(AfterLearning.AddHours(-8))));
    }

    [Fact]
    public async Task AssumeRootFinding_NamesTheMemberAccount()
    {
        var replay = await BaselineAsync();

        var finding = (await replay.FeedAsync(Some.AssumeRoot(AfterLearning, Alice, "444455556666", "ASIAROOTTASK"))).ShouldHaveSingleItem();

        finding.Title.ShouldBe("Unusual AssumeRoot into account 444455556666 by alice");
        finding.Severity.ShouldBe(Severity.Medium);
    }
}
