using Monitor.Records;
using Monitor.Records.AccessLogs;
using Monitor.Testing;

namespace Monitor.Core.Tests.Records.AccessLogs;

public sealed class AccessLogRequesterTests
{
    [Fact]
    public void IsAnonymous_WhenDash()
    {
        var principal = AccessLogRequester.ToPrincipal("-");

        principal.Type.ShouldBe(PrincipalType.Anonymous);
        principal.Key.ShouldBe("anonymous");
        principal.AccountId.ShouldBeNull();
    }

    [Fact]
    public void IsRoot_WhenRootArn()
    {
        var principal = AccessLogRequester.ToPrincipal($"arn:aws:iam::{Some.Account}:root");

        principal.IsRoot.ShouldBeTrue();
        principal.Arn.ShouldBe($"arn:aws:iam::{Some.Account}:root");
        principal.AccountId.ShouldBe(Some.Account);
    }

    [Fact]
    public void IsUser_WhenUserArnWithPath()
    {
        var principal = AccessLogRequester.ToPrincipal($"arn:aws:iam::{Some.Account}:user/team/alice");

        principal.Type.ShouldBe(PrincipalType.IamUser);
        principal.Key.ShouldBe($"arn:aws:iam::{Some.Account}:user/team/alice");
        principal.Name.ShouldBe("alice");
    }

    [Fact]
    public void MapsSessionToRole_WhenAssumedRoleArn()
    {
        var principal = AccessLogRequester.ToPrincipal($"arn:aws:sts::{Some.Account}:assumed-role/Reporting/i-0abc");

        principal.Type.ShouldBe(PrincipalType.AssumedRole);
        principal.Key.ShouldBe($"arn:aws:iam::{Some.Account}:role/Reporting");
        principal.Arn.ShouldBe($"arn:aws:sts::{Some.Account}:assumed-role/Reporting/i-0abc");
        principal.SessionName.ShouldBe("i-0abc");
        principal.Name.ShouldBe("Reporting");
    }

    [Fact]
    public void IsRole_WhenRoleArn()
    {
        var principal = AccessLogRequester.ToPrincipal($"arn:aws:iam::{Some.Account}:role/service-role/Replicator");

        principal.Type.ShouldBe(PrincipalType.AssumedRole);
        principal.Key.ShouldBe($"arn:aws:iam::{Some.Account}:role/service-role/Replicator");
    }

    [Fact]
    public void IsFederatedUser_WhenFederatedUserArn()
    {
        AccessLogRequester.ToPrincipal($"arn:aws:sts::{Some.Account}:federated-user/bob").Type.ShouldBe(PrincipalType.FederatedUser);
    }

    [Fact]
    public void IsCanonicalUser_WhenCanonicalId()
    {
        var principal = AccessLogRequester.ToPrincipal(Some.CanonicalOwner);

        principal.Type.ShouldBe(PrincipalType.CanonicalUser);
        principal.Key.ShouldBe("canonical:" + Some.CanonicalOwner);
    }

    [Fact]
    public void KeepsRawValue_WhenUnrecognised()
    {
        var principal = AccessLogRequester.ToPrincipal("svc:something");

        principal.Type.ShouldBe(PrincipalType.Unknown);
        principal.Key.ShouldBe("unknown:access-log:svc:something");
    }
}
