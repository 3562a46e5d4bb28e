using Monitor.Detection;
using Monitor.Detection.Credentials;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.Credentials;

public class CredentialLedgerDetectorTests
{
    private static readonly DateTimeOffset T0 = Some.CredentialEpoch;
    private const string Key = "AKIABOB0000000000001";

    [Fact]
    public async Task Ledger_RecordsCreationAndLastUse_WhenKeyIsCreatedAndUsed()
    {
        var run = await new CredentialRun().FeedAsync(
            Some.CreateAccessKey("admin", "bob", Key, T0),
            Some.UserCall("bob", "ListBuckets", T0.AddDays(3), Key, "s3.amazonaws.com"));

        var key = (await run.UsersAsync()).Single(u => u.User == "bob").Credentials.Single();
        key.Id.ShouldBe(Key);
        key.Created.ShouldBe(T0);
        key.LastUsed.ShouldBe(T0.AddDays(3));
        key.LastUsedService.ShouldBe("s3");
        key.Active.ShouldBeTrue();
    }

    [Fact]
    public async Task DormantFinding_AtTheMomentOfUse_WhenIdleMoreThanN()
    {
        var run = await new CredentialRun().FeedAsync(
            Some.CreateAccessKey("admin", "bob", Key, T0),
            Some.UserCall("bob", "GetCallerIdentity", T0.AddDays(91), Key, "sts.amazonaws.com", ip: "203.0.113.9", userAgent: "TruffleHog"));

        var finding = run.Findings.Single();
        finding.Detector.ShouldBe("unused-credential");
        finding.Time.ShouldBe(T0.AddDays(91));
        finding.Signals.ShouldBe(["dormant-credential-used", "sensitive-first-call", "tool-user-agent"]);
        finding.Severity.ShouldBe(Severity.Critical);
        finding.Evidence["idleDays"]!.GetValue<int>().ShouldBe(91);
    }

    [Fact]
    public async Task DormantFinding_IsNotReported_AtExactlyNDaysIdle()
    {
        var run = await new CredentialRun().FeedAsync(
            Some.CreateAccessKey("admin", "bob", Key, T0),
            Some.UserCall("bob", "ListBuckets", T0.AddDays(90), Key, "s3.amazonaws.com"));

        run.Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task DormantFinding_NotesNewSourceNetwork()
    {
        var run = await new CredentialRun(30).FeedAsync(
            Some.UserCall("bob", "ListUsers", T0, Key, ip: "198.51.100.7"),
            Some.UserCall("bob", "DescribeRegions", T0.AddDays(40), Key, "ec2.amazonaws.com", ip: "203.0.113.9"));

        run.Findings.Single().Signals.ShouldBe(["dormant-credential-used", "new-source-network"]);
    }

    [Fact]
    public async Task DormantPassword_IsReported_OnConsoleLogin()
    {
        var run = await new CredentialRun().FeedAsync(Some.UserConsoleLogin("carol", T0), Some.UserConsoleLogin("carol", T0.AddDays(120)));

        run.Findings.Single().Title.ShouldBe("Dormant console password used again after 120 days idle");
    }

    [Fact]
    public async Task FailedConsoleLogin_IsNotUse()
    {
        var run = await new CredentialRun().FeedAsync(Some.UserConsoleLogin("carol", T0), Some.UserConsoleLogin("carol", T0.AddDays(120), success: false));

        run.Findings.ShouldBeEmpty();
        (await run.UsersAsync()).Single().Credentials.Single().LastUsed.ShouldBe(T0);
    }

    [Fact]
    public async Task RoleSessions_AreNotCredentials()
    {
        var run = await new CredentialRun().FeedAsync(Some.RoleCall("GetObject", T0), Some.RoleCall("GetObject", T0.AddDays(200)));

        run.Findings.ShouldBeEmpty();
        (await run.UsersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task SessionFromGetSessionToken_CountsAsUseOfItsKey()
    {
        var run = await new CredentialRun().FeedAsync(
            Some.UserCall("bob", "GetSessionToken", T0, Key, "sts.amazonaws.com", responseElements: """{"credentials":{"accessKeyId":"ASIABOBSESSION000001","expiration":"x"}}"""),
            Some.UserCall("bob", "ListBuckets", T0.AddHours(5), "ASIABOBSESSION000001", "s3.amazonaws.com"));

        var key = (await run.UsersAsync()).Single().Credentials.Single();
        key.Id.ShouldBe(Key);
        key.LastUsed.ShouldBe(T0.AddHours(5));
    }

    [Fact]
    public async Task DeletedKey_LeavesTheLedger_AndDeactivatedKeyIsInactive()
    {
        var run = await new CredentialRun().FeedAsync(
            Some.CreateAccessKey("admin", "bob", Key, T0),
            Some.CreateAccessKey("admin", "bob", "AKIABOB0000000000002", T0),
            Some.UserCall("admin", "DeleteAccessKey", T0.AddDays(1), requestParameters: $$"""{"userName":"bob","accessKeyId":"{{Key}}"}"""),
            Some.UserCall("admin", "UpdateAccessKey", T0.AddDays(1), requestParameters: """{"userName":"bob","accessKeyId":"AKIABOB0000000000002","status":"Inactive"}"""));

        var key = (await run.UsersAsync()).Single(u => u.User == "bob").Credentials.Single();
        key.Id.ShouldBe("AKIABOB0000000000002");
        key.Active.ShouldBeFalse();
    }

    [Fact]
    public async Task FailedLifecycleCall_ChangesNothing()
    {
        var run = await new CredentialRun().FeedAsync(
            Some.CreateAccessKey("admin", "bob", Key, T0),
            Some.UserCall("admin", "DeleteAccessKey", T0.AddDays(1), requestParameters: $$"""{"userName":"bob","accessKeyId":"{{Key}}"}""", errorCode: "AccessDenied"));

        (await run.UsersAsync()).Single(u => u.User == "bob").Credentials.Single().Active.ShouldBeTrue();
    }

    [Fact]
    public async Task MfaAndPassword_AreTracked()
    {
        var run = await new CredentialRun().FeedAsync(
            Some.UserCall("admin", "CreateUser", T0, requestParameters: """{"userName":"dave"}""", responseElements: """{"user":{"arn":"arn:aws:iam::111122223333:user/team/dave","userName":"dave"}}"""),
            Some.UserCall("admin", "CreateLoginProfile", T0, requestParameters: """{"userName":"dave"}"""),
            Some.UserCall("admin", "EnableMFADevice", T0.AddDays(1), requestParameters: """{"userName":"dave","serialNumber":"arn:aws:iam::111122223333:mfa/dave"}"""),
            Some.UserCall("admin", "DeactivateMFADevice", T0.AddDays(2), requestParameters: """{"userName":"dave","serialNumber":"arn:aws:iam::111122223333:mfa/dave"}"""));

        var dave = (await run.UsersAsync()).Single(u => u.User == "dave");
        dave.Arn.ShouldBe("arn:aws:iam::111122223333:user/team/dave");
        dave.Mfa.ShouldBe(false);
        dave.Credentials.Single().Kind.ShouldBe(CredentialKind.Password);
    }

    [Fact]
    public async Task SameInputsTwice_GiveTheSameStateAndFindings()
    {
        var activities = new[]
        {
            Some.CreateAccessKey("admin", "bob", Key, T0),
            Some.UserCall("bob", "ListBuckets", T0.AddDays(100), Key, "s3.amazonaws.com"),
        };
        var once = await new CredentialRun().FeedAsync(activities);
        var twice = await (await new CredentialRun().FeedAsync(activities)).FeedAsync(activities);

        twice.Findings.Select(f => f.Id).Distinct().ShouldBe(once.Findings.Select(f => f.Id));
        (await twice.AuditAsync(T0.AddDays(300))).Select(f => f.Id).ShouldBe((await once.AuditAsync(T0.AddDays(300))).Select(f => f.Id));
    }

    [Fact]
    public async Task DormantDecision_IsTheSameOnReplay_WhenLaterSameDayUsesAreAlreadyStored()
    {
        var wake = T0.AddDays(100).AddHours(10);
        var activities = new[]
        {
            Some.CreateAccessKey("admin", "bob", Key, T0),
            Some.UserCall("bob", "ListBuckets", wake, Key, "s3.amazonaws.com"),
            Some.UserCall("bob", "ListUsers", wake.AddHours(2), Key),
        };
        var run = await new CredentialRun().FeedAsync(activities);
        var first = run.Findings.ToList();

        run.Findings.Clear();
        await run.FeedAsync(activities);

        first.Count.ShouldBe(1);
        first[0].EventIds.ShouldBe([activities[1].EventId]);
        run.Findings.Select(f => f.Id).ShouldBe([first[0].Id]);
    }
}
