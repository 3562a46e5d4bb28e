using Monitor.Detection;
using Monitor.Detection.RootUsage;
using Monitor.State;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.RootUsage;

public class RootLoginAfterFailuresTests
{
    private static readonly DateTimeOffset Success = Some.Time.AddDays(10);

    [Fact]
    public async Task Critical_WhenSlowGuessingEndsInSuccess()
    {
        // Three failures over fifteen hours: under every anchor's count threshold.
        var login = Some.ConsoleLogin(Success, mfa: false);
        var findings = await RootUsageRun.OnceAsync(
            Some.ConsoleLogin(Success.AddHours(-16), success: false),
            Some.ConsoleLogin(Success.AddHours(-8), success: false),
            Some.ConsoleLogin(Success.AddHours(-1), success: false),
            login);

        findings.Rules().ShouldBe(["root-console-login critical", "root-login-after-failures critical", "root-login-failure high"]);
        var finding = findings.Single(RootRules.LoginAfterFailures);
        finding.Severity.ShouldBe(Severity.Critical);
        finding.Id.ShouldBe(FindingId.For("root-usage", "root-login-after-failures", login.DedupKey));
        finding.EventIds.ShouldBe([login.EventId]);
        finding.Time.ShouldBe(Success);
        finding.Signals.ShouldBe(["root-login-after-failures", "after-failed-sign-ins", "new-source-ip", "no-mfa"]);
        finding.Text("firstFailure").ShouldBe(Success.AddHours(-16).UtcDateTime.ToString("O"));
        finding.Text("sourceIp").ShouldBe("198.51.100.7");
        finding.Text("mfaUsed").ShouldBe("false");
        finding.Text("ipKnownBeforeFailures").ShouldBe("false");
        finding.Evidence["failureDays"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe(["2025-01-11"]);
        finding.Title.ShouldBe("Root sign-in after failed attempts from the same address: 198.51.100.7 (123456789012)");
    }

    [Fact]
    public async Task Fires_WhenTheFailureIsExactlySevenDaysBefore()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(Success.AddDays(-7), success: false), Some.ConsoleLogin(Success));

        findings.Rules().ShouldBe(["root-console-login critical", "root-login-after-failures critical", "root-login-failure high"]);
        findings.Single(RootRules.LoginAfterFailures).Text("firstFailure").ShouldBe(Success.AddDays(-7).UtcDateTime.ToString("O"));
    }

    [Fact]
    public async Task Fires_WhenTheFailureExactlySevenDaysBeforeIsDeliveredLate()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(Success), Some.ConsoleLogin(Success.AddDays(-7), success: false));

        findings.Rules().ShouldBe(["root-console-login critical", "root-login-after-failures critical", "root-login-failure high"]);
    }

    [Fact]
    public async Task NamesTheFirstFailureInsideTheWindow_WhenOlderFailuresFellOutOfIt()
    {
        // The sighting keeps days, not every time: the earliest failure it can vouch for inside the window is the start
        // of the first failure day after the window opened.
        var findings = await RootUsageRun.OnceAsync(
            Some.ConsoleLogin(Success.AddDays(-9), success: false),
            Some.ConsoleLogin(Success.AddDays(-5).AddHours(3), success: false),
            Some.ConsoleLogin(Success.AddHours(-1), success: false),
            Some.ConsoleLogin(Success));

        findings.Rules().ShouldBe(["root-console-login critical", "root-login-after-failures critical", "root-login-failure high", "root-login-failure high", "root-login-failure high"]);
        var finding = findings.Single(RootRules.LoginAfterFailures);
        finding.Text("firstFailure").ShouldBe(Sighting.DayStart(Sighting.DayNumber(Success.AddDays(-5))).UtcDateTime.ToString("O"));
        finding.Evidence["failureDays"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe(["2025-01-07", "2025-01-11"]);
    }

    [Fact]
    public async Task NamesTheLastFailure_WhenItIsOnTheDayTheWindowOpens()
    {
        var success = Success.AddHours(12);
        var findings = await RootUsageRun.OnceAsync(
            Some.ConsoleLogin(success.AddDays(-9), success: false),
            Some.ConsoleLogin(success.AddDays(-7).AddHours(6), success: false),
            Some.ConsoleLogin(success));

        findings.Rules().ShouldBe(["root-console-login critical", "root-login-after-failures critical", "root-login-failure high", "root-login-failure high"]);
        findings.Single(RootRules.LoginAfterFailures).Text("firstFailure").ShouldBe(success.AddDays(-7).AddHours(6).UtcDateTime.ToString("O"));
    }

    [Fact]
    public async Task Silent_WhenTheFailureIsMoreThanSevenDaysBefore()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(Success.AddDays(-7).AddSeconds(-1), success: false), Some.ConsoleLogin(Success));

        findings.Rules().ShouldBe(["root-console-login critical", "root-login-failure high"]);
    }

    [Fact]
    public async Task Silent_WhenTheIpWasAKnownRootIpBeforeTheFailures()
    {
        // The owner mistyping the password from their usual address.
        var findings = await RootUsageRun.OnceAsync(
            Some.ConsoleLogin(Success.AddDays(-20), mfa: true),
            Some.ConsoleLogin(Success.AddMinutes(-2), success: false),
            Some.ConsoleLogin(Success, mfa: true));

        findings.Rules().ShouldBe(["root-console-login high", "root-console-login high", "root-login-failure medium"]);
    }

    [Fact]
    public async Task Fires_WhenTheIpWasKnownOnlyMoreThan90DaysBeforeTheFailures()
    {
        var findings = await RootUsageRun.OnceAsync(
            Some.ConsoleLogin(Success.AddDays(-100), mfa: true),
            Some.ConsoleLogin(Success.AddMinutes(-2), success: false),
            Some.ConsoleLogin(Success, mfa: true));

        findings.Rules().ShouldBe(["root-console-login high", "root-console-login high", "root-login-after-failures critical", "root-login-failure high"]);
    }

    [Fact]
    public async Task Silent_WhenTheFailuresCameFromAnotherIp()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(Success.AddHours(-1), "203.0.113.9", success: false), Some.ConsoleLogin(Success));

        findings.Rules().ShouldBe(["root-console-login critical", "root-login-failure high"]);
    }

    [Fact]
    public async Task Silent_WhenTheFailuresCameFromTheSameIpInAnotherAccount()
    {
        var findings = await RootUsageRun.OnceAsync(
            Some.ConsoleLogin(Success.AddHours(-1), success: false, principal: Some.RootPrincipal(Some.OtherAccount)),
            Some.ConsoleLogin(Success));

        findings.Rules().ShouldBe(["root-console-login critical", "root-login-failure high"]);
    }

    [Fact]
    public async Task Silent_WhenTheSuccessHasNoSourceAddress()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(Success.AddHours(-1), "AWS Internal", success: false), Some.ConsoleLogin(Success, "AWS Internal"));

        findings.Rules().ShouldBe(["root-console-login critical", "root-login-failure medium"]);
    }

    [Fact]
    public async Task Silent_WhenFailuresOnlyFollowTheSuccess()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(Success), Some.ConsoleLogin(Success.AddHours(1), success: false));

        findings.Rules().ShouldBe(["root-console-login critical", "root-login-failure medium"]);
    }

    [Fact]
    public async Task SameFinding_WhenTheFailuresAreDeliveredAfterTheSuccess()
    {
        var login = Some.ConsoleLogin(Success, mfa: false);
        var failures = new[] { Some.ConsoleLogin(Success.AddHours(-15), success: false), Some.ConsoleLogin(Success.AddHours(-3), success: false) };

        var inOrder = await RootUsageRun.OnceAsync([.. failures, login]);
        var late = await RootUsageRun.OnceAsync([login, .. failures.Reverse()]);

        var expected = inOrder.Single(RootRules.LoginAfterFailures);
        var actual = late.Single(RootRules.LoginAfterFailures);
        actual.Id.ShouldBe(expected.Id);
        actual.Signals.ShouldBe(expected.Signals);
        actual.Time.ShouldBe(expected.Time);
        actual.EventIds.ShouldBe(expected.EventIds);
        late.Select(f => f.Id).Order().ShouldBe(inOrder.Select(f => f.Id).Order());
    }

    [Fact]
    public async Task Fires_WhenTheFailedSessionWasAlsoUsedForLaterApiCalls()
    {
        // Root activity after the success does not retroactively make the IP "known before the failures".
        var run = new RootUsageRun();
        var findings = await run.FilesAsync(
            [Some.Activity(at: Success.AddMinutes(5)), Some.ConsoleLogin(Success)],
            [Some.ConsoleLogin(Success.AddHours(-2), success: false)]);

        findings.Rules().ShouldBe(["root-api-write high", "root-console-login critical", "root-login-after-failures critical", "root-login-failure high"]);
    }
}
