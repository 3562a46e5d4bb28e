using Monitor.Detection;
using Monitor.Detection.Credentials;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.Credentials;

public class CredentialPostureTests
{
    private static readonly DateTimeOffset AsOf = Some.CredentialEpoch;
    private static readonly CredentialPosture Posture = new(new CredentialOptions { UnusedAfter = TimeSpan.FromDays(90) });

    [Fact]
    public void KeyUnused_IsNotReported_AtExactlyNDays() =>
        Signals(Key(used: AsOf.AddDays(-90), created: AsOf.AddDays(-80))).ShouldBeEmpty();

    [Fact]
    public void KeyUnused_IsReported_JustPastNDays() =>
        Signals(Key(used: AsOf.AddDays(-90).AddSeconds(-1), created: AsOf.AddDays(-80))).ShouldBe(["key-unused"]);

    [Fact]
    public void KeyNeverUsed_IsNotReported_AtExactlyNDaysOld() =>
        Signals(Key(created: AsOf.AddDays(-90))).ShouldBeEmpty();

    [Fact]
    public void KeyNeverUsed_IsReported_PastNDaysOld() =>
        Signals(Key(created: AsOf.AddDays(-90).AddSeconds(-1))).ShouldBe(["key-never-used", "key-not-rotated"]);

    [Fact]
    public void KeyNotRotated_IsReported_OnlyPast90Days()
    {
        Signals(Key(created: AsOf.AddDays(-90), used: AsOf.AddDays(-1))).ShouldBeEmpty();
        Signals(Key(created: AsOf.AddDays(-90).AddTicks(-1), used: AsOf.AddDays(-1))).ShouldBe(["key-not-rotated"]);
    }

    [Fact]
    public void InactiveKey_IsNotJudged() =>
        Signals(Key(created: AsOf.AddDays(-400), active: false)).ShouldBeEmpty();

    [Fact]
    public void TwoActiveKeys_AreReported_OnBothKeys()
    {
        var problems = Posture.Judge(User(Key("AKIA1", created: AsOf.AddDays(-10), used: AsOf), Key("AKIA2", created: AsOf.AddDays(-5), used: AsOf)), AsOf);

        problems.Where(p => p.Signal == "two-active-keys").Select(p => p.CredentialId).ShouldBe(["AKIA1", "AKIA2"]);
    }

    [Fact]
    public void RootKey_IsCritical_EvenWhenInactive()
    {
        var root = User(Key(created: AsOf.AddDays(-1), active: false)) with { User = "<root_account>" };

        Posture.Judge(root, AsOf).Single().ShouldSatisfyAllConditions(p => p.Signal.ShouldBe("root-access-key"), p => p.Severity.ShouldBe(Severity.Critical));
    }

    [Fact]
    public void PasswordWithoutMfa_IsReported_OnlyWhenMfaIsKnownOff()
    {
        Signals(User(Password(used: AsOf)) with { Mfa = false }).ShouldBe(["password-without-mfa"]);
        Signals(User(Password(used: AsOf)) with { Mfa = null }).ShouldBeEmpty();
        Signals(User(Password(used: AsOf)) with { Mfa = true }).ShouldBeEmpty();
    }

    [Fact]
    public void PasswordUnusedAndNeverUsed_FollowTheSameBoundary()
    {
        Signals(User(Password(used: AsOf.AddDays(-90))) with { Mfa = true }).ShouldBeEmpty();
        Signals(User(Password(used: AsOf.AddDays(-91))) with { Mfa = true }).ShouldBe(["password-unused"]);
        Signals(User(Password(created: AsOf.AddDays(-91))) with { Mfa = true }).ShouldBe(["password-never-used"]);
    }

    [Fact]
    public void NeverUsedPassword_FallsBackToUserCreation() =>
        Signals(User(Password()) with { Mfa = true, Created = AsOf.AddDays(-100) }).ShouldBe(["password-never-used"]);

    [Fact]
    public void Threshold_FollowsUnusedAfter()
    {
        var cis = new CredentialPosture(new CredentialOptions { UnusedAfter = TimeSpan.FromDays(45) });

        cis.Judge(User(Key(used: AsOf.AddDays(-46), created: AsOf.AddDays(-50))), AsOf).Select(p => p.Signal).ShouldBe(["key-unused"]);
    }

    [Fact]
    public void APasswordResetAfterItsLastUse_IsNew_UntilNDaysAfterTheReset()
    {
        Signals(User(Password(created: AsOf.AddDays(-5), used: AsOf.AddDays(-200))) with { Mfa = true }).ShouldBeEmpty();
        Signals(User(Password(created: AsOf.AddDays(-90), used: AsOf.AddDays(-200))) with { Mfa = true }).ShouldBeEmpty();
        var problem = Posture.Judge(User(Password(created: AsOf.AddDays(-91), used: AsOf.AddDays(-200))) with { Mfa = true }, AsOf).Single();
        problem.Signal.ShouldBe("password-unused");
        problem.Reference.ShouldBe(AsOf.AddDays(-200));
        problem.Since.ShouldBe(AsOf.AddDays(-1));
    }

    [Fact]
    public void AKeyCreatedMinutesAgo_IsNew_NotNeverUsed() =>
        Signals(Key(created: AsOf.AddMinutes(-3))).ShouldBeEmpty();

    [Fact]
    public void RootPasswordUse_OnlyTheReportShows_IsReported_WithinTheWindow()
    {
        var root = Root() with { RootPasswordUseOnlyInReport = AsOf.AddDays(-90) };

        var problem = Posture.Judge(root, AsOf).Single();

        problem.ShouldBe(new CredentialProblem("password", "root-password-used", Severity.High, AsOf.AddDays(-90), AsOf.AddDays(-90)));
        Signals(root with { RootPasswordUseOnlyInReport = AsOf.AddDays(-90).AddSeconds(-1) }).ShouldBeEmpty();
        Signals(root with { RootPasswordUseOnlyInReport = AsOf.AddSeconds(1) }).ShouldBeEmpty();

        // Within an hour of the audit, CloudTrail may not have delivered the sign-in yet: the next audit judges it.
        Signals(root with { RootPasswordUseOnlyInReport = AsOf.AddMinutes(-59) }).ShouldBeEmpty();
        Signals(root with { RootPasswordUseOnlyInReport = AsOf.AddMinutes(-60) }).ShouldBe(["root-password-used"]);
        Signals(root with { RootPasswordUseOnlyInReport = null }).ShouldBeEmpty();
    }

    [Fact]
    public void RootKeyUse_OnlyTheReportShows_IsCritical_EvenWhenTheKeyIsNowInactive()
    {
        var root = Root(Key(created: AsOf.AddDays(-300), used: AsOf.AddDays(-2), active: false) with { UseOnlyInReport = AsOf.AddDays(-2) });

        Signals(root).ShouldBe(["root-access-key", "root-key-used"]);
        Posture.Judge(root, AsOf).Single(p => p.Signal == "root-key-used").Severity.ShouldBe(Severity.Critical);
    }

    [Fact]
    public void TheRootWindow_IsAnOption()
    {
        var week = new CredentialPosture(new CredentialOptions { RootWindow = TimeSpan.FromDays(7) });
        var root = Root() with { RootPasswordUseOnlyInReport = AsOf.AddDays(-8) };

        week.Judge(root, AsOf).ShouldBeEmpty();
        week.Judge(root with { RootPasswordUseOnlyInReport = AsOf.AddDays(-7) }, AsOf).Select(p => p.Signal).ShouldBe(["root-password-used"]);
    }

    [Fact]
    public void ReportOnlyUse_OfAUsersCredential_IsNoRootProblem() =>
        Signals(User(Key(created: AsOf.AddDays(-10), used: AsOf.AddDays(-2)) with { UseOnlyInReport = AsOf.AddDays(-2) }) with { RootPasswordUseOnlyInReport = AsOf }).ShouldBeEmpty();

    private static UserCredentials Root(params CredentialFacts[] credentials) =>
        User(credentials) with { User = "<root_account>", Arn = $"arn:aws:iam::{Some.CredentialAccount}:root" };

    private static string[] Signals(CredentialFacts credential) => Signals(User(credential));

    private static string[] Signals(UserCredentials user) => [.. Posture.Judge(user, AsOf).Select(p => p.Signal)];

    internal static UserCredentials User(params CredentialFacts[] credentials) => new()
    {
        Account = Some.CredentialAccount,
        User = "alice",
        Arn = $"arn:aws:iam::{Some.CredentialAccount}:user/alice",
        Credentials = credentials,
    };

    internal static CredentialFacts Key(string id = "AKIA1", DateTimeOffset? created = null, DateTimeOffset? used = null, bool active = true) => new()
    {
        Kind = CredentialKind.AccessKey,
        Id = id,
        Active = active,
        Created = created,
        LastUsed = used,
        Source = "test",
    };

    internal static CredentialFacts Password(DateTimeOffset? created = null, DateTimeOffset? used = null) => new()
    {
        Kind = CredentialKind.Password,
        Id = "password",
        Active = true,
        Created = created,
        LastUsed = used,
        Source = "test",
    };
}
