using Monitor.Detection;
using Monitor.Detection.RootUsage;
using Monitor.Records;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.RootUsage;

public class RootSignInRulesTests
{
    [Fact]
    public async Task Critical_WhenRootSignsInWithoutMfa()
    {
        var login = Some.ConsoleLogin(mfa: false);

        var findings = await RootUsageRun.OnceAsync(login);

        findings.Rules().ShouldBe(["root-console-login critical"]);
        var finding = findings.Single(RootRules.ConsoleLogin);
        finding.Severity.ShouldBe(Severity.Critical);
        finding.Id.ShouldBe(FindingId.For("root-usage", "root-console-login", login.DedupKey));
        finding.Detector.ShouldBe("root-usage");
        finding.Principal.ShouldBe("arn:aws:iam::123456789012:root");
        finding.Account.ShouldBe(Some.Account);
        finding.EventIds.ShouldBe([login.EventId]);
        finding.Signals.ShouldBe(["root-console-login", "no-mfa", "new-source-ip"]);
        finding.Text("sourceIp").ShouldBe("198.51.100.7");
        finding.Text("userAgent").ShouldBe("Mozilla/5.0 (X11; Linux x86_64)");
        finding.Text("mfaUsed").ShouldBe("false");
        finding.Text("ipKnown").ShouldBe("false");
        finding.Title.ShouldBe("Root user signed in to the console (123456789012)");
    }

    [Fact]
    public async Task High_WhenRootSignsInWithMfa()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(mfa: true));

        findings.Rules().ShouldBe(["root-console-login high"]);
        findings.Single(RootRules.ConsoleLogin).Signals.ShouldBe(["root-console-login", "mfa", "new-source-ip"]);
    }

    [Fact]
    public async Task High_WhenTheSignInDoesNotSayWhetherMfaWasUsed()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(mfa: null));

        findings.Rules().ShouldBe(["root-console-login high"]);
        findings.Single(RootRules.ConsoleLogin).Signals.ShouldBe(["root-console-login", "mfa-unknown", "new-source-ip"]);
    }

    [Fact]
    public async Task OneFindingPerSignIn_WhenRootSignsInTwice()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(Some.Time), Some.ConsoleLogin(Some.Time.AddMinutes(5)));

        findings.Rules().ShouldBe(["root-console-login critical", "root-console-login critical"]);
    }

    [Fact]
    public async Task KnownIp_WhenSeenForRootBefore()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity(at: Some.Time), Some.ConsoleLogin(Some.Time.AddDays(1)));

        findings.Rules().ShouldBe(["root-api-write high", "root-console-login critical"]);
        var login = findings.Single(RootRules.ConsoleLogin);
        login.Signals.ShouldBe(["root-console-login", "no-mfa", "known-source-ip"]);
        login.Text("ipKnown").ShouldBe("true");
    }

    [Fact]
    public async Task KnownIp_WhenSeenExactly90DaysBefore()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity(at: Some.Time), Some.ConsoleLogin(Some.Time.AddDays(90)));

        findings.Single(RootRules.ConsoleLogin).Signals.ShouldBe(["root-console-login", "no-mfa", "known-source-ip"]);
    }

    [Fact]
    public async Task KnownIp_WhenTheSightingExactly90DaysBeforeIsDeliveredLate()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(Some.Time.AddDays(90)), Some.Activity(at: Some.Time));

        findings.Single(RootRules.ConsoleLogin).Signals.ShouldBe(["root-console-login", "no-mfa", "known-source-ip"]);
    }

    [Fact]
    public async Task NewIp_WhenLastSeenMoreThan90DaysBefore()
    {
        var findings = await RootUsageRun.OnceAsync(Some.Activity(at: Some.Time), Some.ConsoleLogin(Some.Time.AddDays(90).AddSeconds(1)));

        findings.Single(RootRules.ConsoleLogin).Signals.ShouldBe(["root-console-login", "no-mfa", "new-source-ip"]);
    }

    [Fact]
    public async Task NewIp_WhenTheSightingIsAtTheSameInstant()
    {
        // Known means seen strictly before: the sign-in's own instant proves nothing yet.
        var findings = await RootUsageRun.OnceAsync(Some.Activity(at: Some.Time), Some.ConsoleLogin(Some.Time));

        findings.Single(RootRules.ConsoleLogin).Signals.ShouldBe(["root-console-login", "no-mfa", "new-source-ip"]);
    }

    [Fact]
    public async Task KnownIp_OnlyInItsOwnAccount()
    {
        var otherRoot = Some.RootPrincipal(Some.OtherAccount);

        var findings = await RootUsageRun.OnceAsync(Some.Activity(at: Some.Time, principal: otherRoot), Some.ConsoleLogin(Some.Time.AddDays(1)));

        findings.Rules().ShouldBe(["root-api-write high", "root-console-login critical"]);
        var login = findings.Single(RootRules.ConsoleLogin);
        login.Account.ShouldBe(Some.Account);
        login.Signals.ShouldBe(["root-console-login", "no-mfa", "new-source-ip"]);
    }

    [Fact]
    public async Task NewIp_WhenTheOnlySightingIsLater()
    {
        // Decisions are as of the event's time: a later sighting (delivered first) does not make the IP known.
        var findings = await RootUsageRun.OnceAsync(Some.Activity(at: Some.Time.AddDays(1)), Some.ConsoleLogin(Some.Time));

        findings.Rules().ShouldBe(["root-api-write high", "root-console-login critical"]);
        findings.Single(RootRules.ConsoleLogin).Signals.ShouldBe(["root-console-login", "no-mfa", "new-source-ip"]);
    }

    [Fact]
    public async Task FoldedPerIpAndDay_WhenRootSignInsFail()
    {
        var failures = new[] { Some.Time.AddHours(1), Some.Time.AddHours(2), Some.Time.AddHours(3) }.Select(t => Some.ConsoleLogin(t, success: false)).ToArray();

        var findings = await RootUsageRun.OnceAsync(failures);

        var finding = findings.Single(RootRules.LoginFailure);
        finding.Id.ShouldBe(FindingId.For("root-usage", "login-failure", Some.Account, "198.51.100.7", "2025-01-02"));
        finding.EventIds.ShouldBe(failures.Select(f => f.EventId).Order(StringComparer.Ordinal));
        finding.Time.ShouldBe(Some.Time.AddHours(1));
        finding.Title.ShouldBe("Failed root sign-in: 198.51.100.7 (123456789012)");
        finding.Text("day").ShouldBe("2025-01-02");
        finding.Text("errorMessage").ShouldBe("Failed authentication");
        findings.Rules().ShouldBe(["root-login-failure high"]);
    }

    [Fact]
    public async Task SeparateFindings_WhenFailuresComeFromAnotherIpOrDay()
    {
        var findings = await RootUsageRun.OnceAsync(
            Some.ConsoleLogin(Some.Time, success: false),
            Some.ConsoleLogin(Some.Time.AddHours(1), "203.0.113.9", success: false),
            Some.ConsoleLogin(Some.Time.AddDays(1), success: false));

        findings.Rules().ShouldBe(["root-login-failure high", "root-login-failure high", "root-login-failure high"]);
    }

    [Fact]
    public async Task High_WhenFailureComesFromAnIpNeverSeenForRoot()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(success: false));

        findings.Rules().ShouldBe(["root-login-failure high"]);
        findings.Single(RootRules.LoginFailure).Signals.ShouldBe(["root-login-failure", "no-mfa", "new-source-ip"]);
    }

    [Fact]
    public async Task Medium_WhenFailureComesFromAKnownRootIp()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(Some.Time, mfa: true), Some.ConsoleLogin(Some.Time.AddDays(2), success: false));

        findings.Rules().ShouldBe(["root-console-login high", "root-login-failure medium"]);
        findings.Single(RootRules.LoginFailure).Signals.ShouldBe(["root-login-failure", "no-mfa", "known-source-ip"]);
    }

    [Fact]
    public async Task FailedSignInDoesNotMakeTheIpKnown()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(Some.Time, success: false), Some.ConsoleLogin(Some.Time.AddDays(1), success: false));

        findings.Rules().ShouldBe(["root-login-failure high", "root-login-failure high"]);
    }

    [Fact]
    public async Task Medium_WhenSourceIsNotAnAddress()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(ip: "AWS Internal", success: false));

        findings.Rules().ShouldBe(["root-login-failure medium"]);
        var finding = findings.Single(RootRules.LoginFailure);
        finding.Signals.ShouldBe(["root-login-failure", "no-mfa", "no-source-ip"]);
        finding.Id.ShouldBe(FindingId.For("root-usage", "login-failure", Some.Account, "AWS Internal", "2025-01-02"));
    }

    [Fact]
    public async Task Failure_WhenOutcomeSaysSuccessButResponseSaysFailure()
    {
        var login = Some.ConsoleLogin(success: false) with { Outcome = Outcome.Success, ErrorMessage = null };

        var findings = await RootUsageRun.OnceAsync(login);

        findings.Rules().ShouldBe(["root-login-failure high"]);
    }
}
