using Monitor.Detection;
using Monitor.Detection.Credentials;
using Monitor.State;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.Credentials;

/// <summary>The dormant-credential finding: when a wake-up counts, how it is scored, and what it shows.</summary>
public sealed class DormancyJudgeTests
{
    private static readonly DateTimeOffset T0 = Some.CredentialEpoch;
    private const string Key = "AKIABOB0000000000001";

    private static Task<CredentialRun> CreatedThenUsedAsync(DateTimeOffset wake, string eventName = "DescribeRegions", string ip = "198.51.100.7", string userAgent = "aws-cli/2.15.0") =>
        new CredentialRun().FeedAsync(Some.CreateAccessKey("admin", "bob", Key, T0), Some.UserCall("bob", eventName, wake, Key, "ec2.amazonaws.com", ip: ip, userAgent: userAgent));

    [Fact]
    public async Task Medium_WhenNothingElseIsOddAboutTheWakeUp()
    {
        var run = await CreatedThenUsedAsync(T0.AddDays(91));

        run.Findings.Rules().ShouldBe(["dormant-credential-used medium"]);
        run.Findings.Single().Signals.ShouldBe(["dormant-credential-used"]);
    }

    [Fact]
    public async Task High_WithOneMoreSignal()
    {
        var run = await CreatedThenUsedAsync(T0.AddDays(91), eventName: "ListUsers");

        run.Findings.Rules().ShouldBe(["dormant-credential-used high"]);
        run.Findings.Single().Signals.ShouldBe(["dormant-credential-used", "sensitive-first-call"]);
    }

    [Theory]
    [InlineData("GetCallerIdentity")]
    [InlineData("ListBuckets")]
    [InlineData("GetAccountAuthorizationDetails")]
    [InlineData("ListUsers")]
    [InlineData("ListRoles")]
    [InlineData("ListAccessKeys")]
    [InlineData("ListAttachedUserPolicies")]
    [InlineData("ListUserPolicies")]
    [InlineData("GetUser")]
    [InlineData("CreateAccessKey")]
    [InlineData("CreateUser")]
    [InlineData("CreateLoginProfile")]
    [InlineData("UpdateLoginProfile")]
    [InlineData("AttachUserPolicy")]
    [InlineData("PutUserPolicy")]
    [InlineData("GetSecretValue")]
    [InlineData("ListSecrets")]
    [InlineData("GetSessionToken")]
    [InlineData("DescribeInstances")]
    [InlineData("ListFunctions")]
    public async Task High_WhenTheFirstCallIsReconnaissanceOrPersistence(string eventName)
    {
        var run = await CreatedThenUsedAsync(T0.AddDays(91), eventName: eventName);

        run.Findings.Single().Signals.ShouldBe(["dormant-credential-used", "sensitive-first-call"]);
    }

    [Fact]
    public async Task Critical_WithTwoMoreSignals()
    {
        var run = await CreatedThenUsedAsync(T0.AddDays(91), userAgent: "curl/8.4.0", eventName: "GetCallerIdentity");

        run.Findings.Rules().ShouldBe(["dormant-credential-used critical"]);
    }

    [Fact]
    public async Task Critical_AndNoHigher_WithEveryOtherSignal()
    {
        var run = await new CredentialRun().FeedAsync(
            Some.UserCall("bob", "DescribeRegions", T0, Key, ip: "198.51.100.7"),
            Some.UserCall("bob", "GetCallerIdentity", T0.AddDays(91), Key, "sts.amazonaws.com", ip: "203.0.113.9", userAgent: "curl/8.4.0"));

        run.Findings.Rules().ShouldBe(["dormant-credential-used critical"]);
        run.Findings.Single().Signals.ShouldBe(["dormant-credential-used", "new-source-network", "sensitive-first-call", "tool-user-agent"]);
    }

    [Fact]
    public async Task Critical_ForTheRootUsersKey_WithoutAnyOtherSignal()
    {
        var run = await new CredentialRun().FeedAsync(Some.RootCall("DescribeRegions", T0), Some.RootCall("DescribeRegions", T0.AddDays(91)));

        run.Findings.Rules().ShouldBe(["dormant-credential-used critical"]);
        var finding = run.Findings.Single();
        finding.Signals.ShouldBe(["dormant-credential-used", "root-credential"]);
        finding.Principal.ShouldBe("arn:aws:iam::111122223333:root");
    }

    [Fact]
    public async Task ShowsTheUseAndHowLongTheKeySlept()
    {
        var wake = T0.AddDays(101).AddHours(9);
        var use = Some.UserCall("bob", "DescribeRegions", wake, Key, "ec2.amazonaws.com", ip: "198.51.100.7");
        var run = await new CredentialRun().FeedAsync(
            Some.CreateAccessKey("admin", "bob", Key, T0.AddHours(10)),
            Some.UserCall("bob", "DescribeRegions", T0.AddDays(10).AddHours(15), Key, "ec2.amazonaws.com", ip: "198.51.100.7"),
            use);

        var finding = run.Findings.ShouldHaveSingleItem();
        finding.Id.ShouldBe(FindingId.For("unused-credential", "dormant", "credential:111122223333", "key:" + Key, use.DedupKey));
        finding.Time.ShouldBe(wake);
        finding.EventIds.ShouldBe([use.EventId]);
        finding.Account.ShouldBe(Some.CredentialAccount);
        finding.Principal.ShouldBe("arn:aws:iam::111122223333:user/bob");
        finding.Title.ShouldBe($"Dormant access key {Key} used again after 91 days idle");
        finding.Evidence.ToJsonString().ShouldBe($$"""{"user":"bob","credential":"access key {{Key}}","idleDays":91,"previousActivityOn":"2025-01-11","unusedAfterDays":90,"eventName":"DescribeRegions","eventSource":"ec2.amazonaws.com","sourceIPAddress":"198.51.100.7","userAgent":"aws-cli/2.15.0","region":"us-east-1"}""");
    }

    [Fact]
    public async Task CountsIdleTimeFromTheCreation_WhenTheKeyWasNeverUsedBefore()
    {
        // Created at 10:00, woken 91 calendar days later at 09:00: dormant by days, 90 whole days idle by the clock.
        var run = await new CredentialRun().FeedAsync(
            Some.CreateAccessKey("admin", "bob", Key, T0.AddHours(10)),
            Some.UserCall("bob", "DescribeRegions", T0.AddDays(91).AddHours(9), Key, "ec2.amazonaws.com"));

        var finding = run.Findings.ShouldHaveSingleItem();
        finding.Evidence["idleDays"]!.GetValue<int>().ShouldBe(90);
        finding.Evidence["previousActivityOn"]!.GetValue<string>().ShouldBe("2025-01-01");
    }

    [Fact]
    public async Task OnlyTheFirstUseOfTheDayIsReported()
    {
        var run = await new CredentialRun().FeedAsync(
            Some.CreateAccessKey("admin", "bob", Key, T0),
            Some.UserCall("bob", "DescribeRegions", T0.AddDays(91).AddHours(1), Key, "ec2.amazonaws.com"),
            Some.UserCall("bob", "ListUsers", T0.AddDays(91).AddHours(2), Key),
            Some.UserCall("bob", "ListUsers", T0.AddDays(92), Key));

        run.Findings.Rules().ShouldBe(["dormant-credential-used medium"]);
    }

    [Fact]
    public async Task NoNewNetworkSignal_WhenTheWakeUpComesFromTheKeysUsualNetwork()
    {
        var run = await new CredentialRun().FeedAsync(
            Some.UserCall("bob", "DescribeRegions", T0, Key, ip: "198.51.100.7"),
            Some.UserCall("bob", "DescribeRegions", T0.AddDays(91), Key, ip: "198.51.100.7"));

        run.Findings.Single().Signals.ShouldBe(["dormant-credential-used"]);
    }

    [Fact]
    public async Task NoNewNetworkSignal_FromAnotherAddressOfTheSameSlash24()
    {
        var run = await new CredentialRun().FeedAsync(
            Some.UserCall("bob", "DescribeRegions", T0, Key, ip: "198.51.100.7"),
            Some.UserCall("bob", "DescribeRegions", T0.AddDays(91), Key, ip: "198.51.100.200"));

        run.Findings.Single().Signals.ShouldBe(["dormant-credential-used"]);
    }

    [Fact]
    public async Task NewNetworkSignal_WhenEarlierUsesCameOnlyThroughAnAwsService()
    {
        var run = await new CredentialRun().FeedAsync(
            Some.UserCall("bob", "DescribeRegions", T0, Key, ip: "cloudformation.amazonaws.com"),
            Some.UserCall("bob", "DescribeRegions", T0.AddDays(91), Key, ip: "203.0.113.9"));

        run.Findings.Single().Signals.ShouldBe(["dormant-credential-used", "new-source-network"]);
    }

    [Fact]
    public void AStoredUse_ReadsBack_AndUnreadableTextReadsAsNoUse()
    {
        var use = new CredentialUse { EventKey = "k", EventId = "e", EventName = "GetUser", EventSource = "iam.amazonaws.com", Principal = "p", Network = "198.51.100.0/24" };

        CredentialSlots.FirstUse.Decode(CredentialSlots.FirstUse.Encode(use)).ShouldBe(use);
        CredentialSlots.FirstUse.Decode("""{"EventKey":"k","EventId":"e","EventName":"GetUser","EventSource":"iam.amazonaws.com","Principal":"p","Account":"111122223333"}""")!.EventName.ShouldBe("GetUser");
        CredentialSlots.FirstUse.Decode("{not json").ShouldBeNull();
    }

    [Fact]
    public async Task NotDormant_WhenAUseInBetweenArrivesLate()
    {
        var run = new CredentialRun();
        await run.FeedAsync(Some.CreateAccessKey("admin", "bob", Key, T0), Some.UserCall("bob", "DescribeRegions", T0.AddDays(100), Key));
        run.Findings.Rules().ShouldBe(["dormant-credential-used medium"]);

        await run.FeedAsync(Some.UserCall("bob", "DescribeRegions", T0.AddDays(50), Key));

        run.Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Dormant_WhenTheKeysCreationArrivesAfterItsUse()
    {
        var run = new CredentialRun();
        await run.FeedAsync(Some.UserCall("bob", "DescribeRegions", T0.AddDays(100), Key));
        run.Findings.ShouldBeEmpty();

        await run.FeedAsync(Some.CreateAccessKey("admin", "bob", Key, T0));

        run.Findings.Rules().ShouldBe(["dormant-credential-used medium"]);
    }

    [Fact]
    public async Task ALateUse_ReJudgesOnlyTheNextDayOfUse()
    {
        var run = new CredentialRun();
        await run.FeedAsync(Some.CreateAccessKey("admin", "bob", Key, T0), Some.UserCall("bob", "DescribeRegions", T0.AddDays(100), Key), Some.UserCall("bob", "DescribeRegions", T0.AddDays(200), Key));
        run.Findings.Select(f => f.Time).ShouldBe([T0.AddDays(100), T0.AddDays(200)], ignoreOrder: true);

        await run.FeedAsync(Some.UserCall("bob", "DescribeRegions", T0.AddDays(50), Key));

        run.Findings.ShouldHaveSingleItem().Time.ShouldBe(T0.AddDays(200));
    }

    [Fact]
    public async Task NoVerdict_OnADayOlderThanTheDaysKept()
    {
        // 120 days of daily use from day 200 fill the days a credential keeps. A use on day 150 arriving later cannot be
        // judged (days between its creation and day 150 may have been dropped), and it re-judges day 200, whose
        // idleness can no longer be told either: both are left without a finding rather than guessed.
        var run = new CredentialRun();
        await run.FeedAsync([Some.CreateAccessKey("admin", "bob", Key, T0), .. Enumerable.Range(200, Sighting.MaxDays).Select(d => Some.UserCall("bob", "DescribeRegions", T0.AddDays(d), Key))]);
        run.Findings.ShouldHaveSingleItem().Time.ShouldBe(T0.AddDays(200));

        await run.FeedAsync(Some.UserCall("bob", "DescribeRegions", T0.AddDays(150), Key));

        run.Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task EachCredentialIsJudgedOnItsOwnHistory()
    {
        var run = await new CredentialRun().FeedAsync(
            Some.CreateAccessKey("admin", "bob", Key, T0),
            Some.CreateAccessKey("admin", "bob", "AKIABOB0000000000002", T0.AddDays(60)),
            Some.UserCall("bob", "DescribeRegions", T0.AddDays(91), Key),
            Some.UserCall("bob", "DescribeRegions", T0.AddDays(91), "AKIABOB0000000000002"));

        run.Findings.ShouldHaveSingleItem().Title.ShouldBe($"Dormant access key {Key} used again after 91 days idle");
    }

    [Fact]
    public async Task ThresholdFollowsTheOptions()
    {
        var run = await new CredentialRun(unusedAfterDays: 30).FeedAsync(
            Some.CreateAccessKey("admin", "bob", Key, T0),
            Some.UserCall("bob", "DescribeRegions", T0.AddDays(30), Key),
            Some.UserCall("bob", "DescribeRegions", T0.AddDays(61), Key));

        run.Findings.ShouldHaveSingleItem().Evidence["unusedAfterDays"]!.GetValue<int>().ShouldBe(30);
    }
}
