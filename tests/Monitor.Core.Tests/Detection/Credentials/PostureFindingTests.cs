using Monitor.Detection;
using Monitor.Detection.Credentials;
using Monitor.Records.CredentialReports;
using Monitor.Testing;
using static Monitor.Core.Tests.Detection.Credentials.CredentialPostureTests;

namespace Monitor.Core.Tests.Detection.Credentials;

/// <summary>The one posture finding per user: its wording for root and for IAM users, and how its signals rank.</summary>
public sealed class PostureFindingTests
{
    private static readonly DateTimeOffset AsOf = Some.CredentialEpoch;
    private static readonly CredentialOptions Options = new();

    [Fact]
    public void RootUser_IsNamedAsRoot_AndToldToDeleteItsKeys()
    {
        var root = User(Key(created: AsOf.AddDays(-1))) with { User = CredentialReportRow.RootUser, Arn = $"arn:aws:iam::{Some.CredentialAccount}:root" };

        var finding = PostureFinding.Build(root, [new("AKIA1", "root-access-key", Severity.Critical, AsOf.AddDays(-1), AsOf.AddDays(-1))], AsOf, Options);

        finding.Title.ShouldBe("Root user credentials need attention: root-access-key");
        finding.Recommendation.ShouldBe("Confirm that every root sign-in and key use was planned (a use the trail did not record points to a region or a time without logging); delete the root user's access keys, protect root with MFA, and use IAM roles for automation.");
        finding.Severity.ShouldBe(Severity.Critical);
    }

    [Fact]
    public void IamUser_IsNamed_WithTheCountOfCredentialsToFix()
    {
        var user = User(Key("AKIA1"), Key("AKIA2"));

        var finding = PostureFinding.Build(user, [new("AKIA1", "key-unused", Severity.Medium, null, null), new("AKIA2", "key-unused", Severity.Medium, null, null)], AsOf, Options);

        finding.Title.ShouldBe("IAM user alice has 2 credentials to remove or fix: key-unused");
        finding.Recommendation.ShouldStartWith("Deactivate, then delete, access keys");
    }

    [Fact]
    public void ASignal_RanksAtItsHighestSeverity()
    {
        var user = User(Key("AKIA1"), Key("AKIA2"));
        CredentialProblem[] problems =
        [
            new("AKIA1", "b-signal", Severity.Low, null, null),
            new("AKIA1", "a-signal", Severity.Medium, null, null),
            new("AKIA2", "b-signal", Severity.High, null, null),
        ];

        var finding = PostureFinding.Build(user, problems, AsOf, Options);

        finding.Signals.ShouldBe(["b-signal", "a-signal"]);
        finding.Severity.ShouldBe(Severity.High);
    }

    [Fact]
    public void ASignal_KeepsItsHighestSeverity_WhenALowerOneFollows()
    {
        var user = User(Key("AKIA1"), Key("AKIA2"));
        CredentialProblem[] problems =
        [
            new("AKIA1", "b-signal", Severity.High, null, null),
            new("AKIA1", "a-signal", Severity.Medium, null, null),
            new("AKIA2", "b-signal", Severity.Low, null, null),
        ];

        PostureFinding.Build(user, problems, AsOf, Options).Signals.ShouldBe(["b-signal", "a-signal"]);
    }
}
