using Monitor.Detection;
using Monitor.Detection.Roles;
using Monitor.Testing;
using static Monitor.Core.Tests.Detection.Roles.AssumptionSignalTests;

namespace Monitor.Core.Tests.Detection.Roles;

/// <summary>What must stay quiet: AWS services, service-linked roles, allow-listed callers and roles, and the learning period.</summary>
public sealed class SuppressionTests
{
    [Fact]
    public async Task ServicePrincipalAssumingItsRole_IsNeverReported()
    {
        var replay = await BaselineAsync();

        (await replay.FeedAsync(
            Some.AssumeRole(AfterLearning, Some.ServiceIdentity("lambda.amazonaws.com"), App, "ASIALAMBDA", "lambda.amazonaws.com", "lambda.amazonaws.com"),
            Some.AssumeRole(AfterLearning, Some.ServiceIdentity("ec2.amazonaws.com"), Some.RoleArn("brand-new"), "ASIAEC2", "ec2.amazonaws.com", "ec2.amazonaws.com", "i-0123456789abcdef0"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task ServiceLinkedRole_IsNeverReported_WhoeverAssumesIt()
    {
        var replay = await BaselineAsync();
        var slr = "arn:aws:iam::111122223333:role/aws-service-role/rds.amazonaws.com/AWSServiceRoleForRDS";

        (await replay.FeedAsync(Some.AssumeRole(AfterLearning, Bob, slr, "ASIASLR", "203.0.113.9", "stratus-red-team_x"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task AllowListedCallerOrRole_IsNeverReported()
    {
        var callers = await BaselineAsync(new RoleOptions { AllowList = new RoleAllowList { Callers = ["arn:aws:iam::111122223333:user/b*"] } });
        var roles = await BaselineAsync(new RoleOptions { AllowList = new RoleAllowList { Roles = [App] } });

        (await callers.FeedAsync(Some.AssumeRole(AfterLearning, Bob, App, "ASIANEW", "203.0.113.9"))).ShouldBeEmpty();
        (await roles.FeedAsync(Some.AssumeRole(AfterLearning, Bob, App, "ASIANEW", "203.0.113.9"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task AllowListedNetwork_IsNotNew()
    {
        var replay = await BaselineAsync(new RoleOptions { AllowList = new RoleAllowList { Networks = ["203.0.113.0/25"] } });

        (await replay.FeedAsync(Some.AssumeRole(AfterLearning, Bob, App, "ASIANEW", "203.0.113.9"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task NoveltyInsideTheLearningPeriod_IsRecordedNotReported_AndReportedFromItsEnd()
    {
        var replay = new RoleReplay(new RoleOptions { LearningPeriod = TimeSpan.FromDays(14) });
        await replay.FeedAsync(Some.AssumeRole(Start, Alice, App, "ASIAFIRST"));
        var end = Start.AddDays(14);

        var inside = await replay.FeedAsync(Some.AssumeRole(end.AddSeconds(-1), Bob, App, "ASIAINSIDE", "203.0.113.9"));
        var recorded = await replay.FeedAsync(Some.AssumeRole(end, Bob, App, "ASIARECORDED", "203.0.113.9"));
        var fresh = await replay.FeedAsync(Some.AssumeRole(end, Some.UserIdentity("carol", key: "AKIACAROL"), App, "ASIAFRESH", "192.0.2.9"));

        inside.ShouldBeEmpty();
        recorded.ShouldBeEmpty();
        fresh.ShouldHaveSingleItem().Signals.ShouldBe(["new-principal-for-role", "new-network-for-role"]);
    }

    [Fact]
    public async Task LearningPeriod_CountsFromTheAccountsFirstActivity_NotTheRolesFirstAssumption()
    {
        var replay = new RoleReplay();
        await replay.FeedAsync(Some.ApiCall(Start, Alice, "ec2", "DescribeInstances"));
        for (var day = 14; day < 17; day++)
        {
            await replay.FeedAsync(Some.AssumeRole(Start.AddDays(day), Alice, App, $"ASIA{day}"));
        }

        (await replay.FeedAsync(Some.AssumeRole(Start.AddDays(17), Bob, App, "ASIABOB", "203.0.113.9"))).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task SessionTokens_AreNeverStoredNorShown()
    {
        var replay = await BaselineAsync();
        await replay.FeedAsync(Some.AssumeRole(AfterLearning, Bob, App, "ASIANEW", "203.0.113.9"));

        var stored = await replay.Store.GetAsync([.. replay.Store.MergedKeys.Distinct()], CancellationToken.None);
        stored.ShouldNotBeEmpty();
        foreach (var (key, sighting) in stored)
        {
            (key + Monitor.State.SightingJson.ToBody(sighting)).ShouldNotContain(Some.FakeSessionToken);
        }

        replay.Findings.Values.ShouldAllBe(f => !FindingJson.ToJsonLine(f).Contains(Some.FakeSessionToken, StringComparison.Ordinal));
    }
}
