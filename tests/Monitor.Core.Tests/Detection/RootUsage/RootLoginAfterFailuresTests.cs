using Monitor.Detection;
using Monitor.Detection.RootUsage;
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

        var finding = findings.Single(RootRules.LoginAfterFailures);
        finding.Severity.ShouldBe(Severity.Critical);
        finding.Id.ShouldBe(FindingId.For("root-usage", "root-login-after-failures", login.DedupKey));
        finding.EventIds.ShouldBe([login.EventId]);
        finding.Time.ShouldBe(Success);
        finding.Signals.ShouldBe(["root-login-after-failures", "after-failed-sign-ins", "new-source-ip", "no-mfa"]);
        finding.Text("firstFailure").ShouldBe(Success.AddHours(-16).UtcDateTime.ToString("O"));
        finding.Text("sourceIp").ShouldBe("198.51.100.7");
        findings.Single(RootRules.ConsoleLogin).Severity.ShouldBe(Severity.Critical);
    }

    [Fact]
    public async Task Fires_WhenTheFailureIsExactlySevenDaysBefore()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(Success.AddDays(-7), success: false), Some.ConsoleLogin(Success));

        findings.Of(RootRules.LoginAfterFailures).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Silent_WhenTheFailureIsMoreThanSevenDaysBefore()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(Success.AddDays(-7).AddSeconds(-1), success: false), Some.ConsoleLogin(Success));

        findings.Of(RootRules.LoginAfterFailures).ShouldBeEmpty();
    }

    [Fact]
    public async Task Silent_WhenTheIpWasAKnownRootIpBeforeTheFailures()
    {
        // The owner mistyping the password from their usual address.
        var findings = await RootUsageRun.OnceAsync(
            Some.ConsoleLogin(Success.AddDays(-20), mfa: true),
            Some.ConsoleLogin(Success.AddMinutes(-2), success: false),
            Some.ConsoleLogin(Success, mfa: true));

        findings.Of(RootRules.LoginAfterFailures).ShouldBeEmpty();
    }

    [Fact]
    public async Task Silent_WhenTheFailuresCameFromAnotherIp()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(Success.AddHours(-1), "203.0.113.9", success: false), Some.ConsoleLogin(Success));

        findings.Of(RootRules.LoginAfterFailures).ShouldBeEmpty();
    }

    [Fact]
    public async Task Silent_WhenFailuresOnlyFollowTheSuccess()
    {
        var findings = await RootUsageRun.OnceAsync(Some.ConsoleLogin(Success), Some.ConsoleLogin(Success.AddHours(1), success: false));

        findings.Of(RootRules.LoginAfterFailures).ShouldBeEmpty();
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

        findings.Of(RootRules.LoginAfterFailures).Count.ShouldBe(1);
    }
}
