using System.Text;
using System.Text.Json.Nodes;
using Monitor.Detection.Roles;
using Monitor.Records;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.Roles;

/// <summary>Every way into a role is recognised and normalised into one edge shape.</summary>
public sealed class CredentialIssueReaderTests
{
    private static readonly DateTimeOffset At = Some.RoleEpoch;
    private static readonly JsonObject Alice = Some.UserIdentity("alice");

    [Fact]
    public void AssumeRole_NamesCallerRoleSessionAndIssuedKey()
    {
        var issue = Read(Some.AssumeRole(At, Alice, Some.RoleArn("app"), "ASIAISSUED", sessionName: "deploy"))!;

        issue.ShouldBe(new CredentialIssue
        {
            Kind = IssueKind.AssumeRole,
            CallerKey = "arn:aws:iam::111122223333:user/alice",
            CallerType = PrincipalType.IamUser,
            CallerAccount = "111122223333",
            Target = "arn:aws:iam::111122223333:role/app",
            TargetAccount = "111122223333",
            SessionName = "deploy",
            IssuedKey = "ASIAISSUED",
        });
    }

    [Fact]
    public void WebIdentity_KeysTheCallerOnProviderHostAndSubject()
    {
        var issue = Read(Some.AssumeRoleWithWebIdentity(At, Some.RoleArn("ci"), "token.actions.githubusercontent.com", "repo:org/app:ref:refs/heads/main", "ASIACI"))!;

        issue.Kind.ShouldBe(IssueKind.AssumeRoleWithWebIdentity);
        issue.CallerKey.ShouldBe("web-identity:token.actions.githubusercontent.com:repo:org/app:ref:refs/heads/main");
        issue.Provider.ShouldBe("token.actions.githubusercontent.com");
        issue.CrossAccount.ShouldBeFalse();
    }

    [Fact]
    public void Saml_KeysTheCallerOnIssuerAndSubject()
    {
        var issue = Read(Some.AssumeRoleWithSaml(At, Some.RoleArn("sso"), "alice@example.org", "ASIASAML"))!;

        issue.CallerKey.ShouldBe("saml:https://idp.example.org/saml:alice@example.org");
        issue.IssuedKey.ShouldBe("ASIASAML");
    }

    [Fact]
    public void SessionAndFederationTokens_TargetTheCallerItself()
    {
        var session = Read(Some.GetSessionToken(At, Alice, "ASIASESSION"))!;
        var federation = Read(Some.GetFederationToken(At, Alice, "ASIAFED", "report"))!;

        session.Target.ShouldBe(session.CallerKey);
        federation.Kind.ShouldBe(IssueKind.GetFederationToken);
        federation.SessionName.ShouldBe("report");
    }

    [Fact]
    public void AssumeRoot_TargetsTheMembersRoot()
    {
        var issue = Read(Some.AssumeRoot(At, Alice, "444455556666", "ASIAROOT"))!;

        issue.Target.ShouldBe("arn:aws:iam::444455556666:root");
        issue.CrossAccount.ShouldBeFalse();
    }

    [Fact]
    public void ConsoleSwitchRole_IsAnAssumptionWithoutAKey()
    {
        var issue = Read(Some.SwitchRole(At, Alice, Some.RoleArn("billing")))!;

        issue.Kind.ShouldBe(IssueKind.SwitchRole);
        issue.Target.ShouldBe("arn:aws:iam::111122223333:role/billing");
        issue.IssuedKey.ShouldBeNull();
    }

    [Fact]
    public void CrossAccountCaller_KeyDropsTheSessionName()
    {
        var issue = Read(Some.AssumeRole(At, Some.OtherAccountIdentity("999988887777", "AROAOUTSIDER:session-123"), Some.RoleArn("app"), "ASIAX"))!;

        issue.CallerKey.ShouldBe("account:999988887777:AROAOUTSIDER");
        issue.CrossAccount.ShouldBeTrue();
    }

    [Fact]
    public void DeniedOrUnrelatedCalls_IssueNothing()
    {
        Read(Some.AssumeRole(At, Alice, Some.RoleArn("app"), "-", errorCode: "AccessDenied")).ShouldBeNull();
        Read(Some.ApiCall(At, Alice, "ec2", "DescribeInstances")).ShouldBeNull();
    }

    [Fact]
    public void SourceIdentity_IsTheRequestsElseTheCallersSessions()
    {
        var requested = Some.AssumeRole(At, Alice, Some.RoleArn("app"), "ASIAX");
        requested["requestParameters"]!["sourceIdentity"] = "alice@example.com";
        var inherited = Some.AssumeRole(At, Some.SessionIdentity("ops", "alice-session", "ASIAPARENT0000000001"), Some.RoleArn("app"), "ASIAY");
        inherited["userIdentity"]!["sessionContext"]!["sourceIdentity"] = "bob@example.com";
        var both = inherited.DeepClone().AsObject();
        both["requestParameters"]!["sourceIdentity"] = "alice@example.com";

        Read(requested)!.SourceIdentity.ShouldBe("alice@example.com");
        Read(inherited)!.SourceIdentity.ShouldBe("bob@example.com");
        Read(both)!.SourceIdentity.ShouldBe("alice@example.com");
    }

    [Fact]
    public void Saml_FallsBackToTheRequestsProvider_ThenTheCallers_AndToUnknown()
    {
        var noIssuer = Some.AssumeRoleWithSaml(At, Some.RoleArn("sso"), "alice@example.org", "ASIASAML");
        noIssuer["responseElements"]!.AsObject().Remove("issuer");
        noIssuer["responseElements"]!.AsObject().Remove("subject");
        var bare = noIssuer.DeepClone().AsObject();
        bare["requestParameters"]!.AsObject().Remove("principalArn");
        var nothing = bare.DeepClone().AsObject();
        nothing["userIdentity"] = new JsonObject { ["type"] = "SAMLUser", ["principalId"] = "Zm9v:x" };

        Read(noIssuer)!.CallerKey.ShouldBe("saml:arn:aws:iam::111122223333:saml-provider/Corp:alice@example.org");
        Read(bare)!.CallerKey.ShouldBe("saml:Zm9v:alice@example.org");
        var unknown = Read(nothing)!;
        unknown.CallerKey.ShouldBe("saml:unknown:unknown");
        unknown.Provider.ShouldBe("unknown");
        unknown.Subject.ShouldBe("unknown");
        unknown.CallerAccount.ShouldBe("111122223333");
    }

    [Fact]
    public void WebIdentity_FallsBackToTheCallersProviderAndName_AndTakesABareHost()
    {
        var fromCaller = Some.AssumeRoleWithWebIdentity(At, Some.RoleArn("ci"), "token.actions.githubusercontent.com", "repo:org/app", "ASIACI");
        fromCaller["responseElements"]!.AsObject().Remove("provider");
        fromCaller["responseElements"]!.AsObject().Remove("subjectFromWebIdentityToken");
        var bareHost = Some.AssumeRoleWithWebIdentity(At, Some.RoleArn("ci"), "token.actions.githubusercontent.com", "repo:org/app", "ASIACI");
        bareHost["responseElements"]!["provider"] = "token.actions.githubusercontent.com";
        var markerFirst = bareHost.DeepClone().AsObject();
        markerFirst["responseElements"]!["provider"] = "oidc-provider/accounts.google.com";

        Read(fromCaller)!.CallerKey.ShouldBe("web-identity:token.actions.githubusercontent.com:repo:org/app");
        Read(bareHost)!.Provider.ShouldBe("token.actions.githubusercontent.com");
        Read(markerFirst)!.Provider.ShouldBe("accounts.google.com");
    }

    [Fact]
    public void AssumeRole_TakesTheRoleFromResources_WhenTheRequestOmitsIt()
    {
        var fromResources = Some.AssumeRole(At, Alice, Some.RoleArn("app"), "ASIAX");
        fromResources["requestParameters"]!.AsObject().Remove("roleArn");
        fromResources["resources"] = new JsonArray(
            new JsonObject { ["accountId"] = "111122223333", ["type"] = "AWS::IAM::User", ["ARN"] = "arn:aws:iam::111122223333:user/alice" },
            new JsonObject { ["accountId"] = "111122223333", ["type"] = "AWS::IAM::Role", ["ARN"] = Some.RoleArn("app") });
        var nowhere = Some.AssumeRole(At, Alice, Some.RoleArn("app"), "ASIAX");
        nowhere["requestParameters"]!.AsObject().Remove("roleArn");

        Read(fromResources)!.Target.ShouldBe(Some.RoleArn("app"));
        Read(nowhere).ShouldBeNull();
    }

    [Fact]
    public void AFailedOrTargetlessSwitchRole_IssuesNothing()
    {
        var failed = Some.SwitchRole(At, Alice, Some.RoleArn("billing"));
        failed["responseElements"]!["SwitchRole"] = "Failure";
        var targetless = Some.SwitchRole(At, Alice, Some.RoleArn("billing"));
        targetless["additionalEventData"]!.AsObject().Remove("SwitchTo");

        Read(failed).ShouldBeNull();
        Read(targetless).ShouldBeNull();
    }

    [Fact]
    public void ACrossAccountCallersKey_KeepsAnIdWithoutASession()
    {
        Read(Some.AssumeRole(At, Some.OtherAccountIdentity("999988887777", "AIDAOUTSIDER"), Some.RoleArn("app"), "ASIAX"))!.CallerKey.ShouldBe("account:999988887777:AIDAOUTSIDER");
        Read(Some.AssumeRole(At, Some.OtherAccountIdentity("999988887777", ":odd"), Some.RoleArn("app"), "ASIAX"))!.CallerKey.ShouldBe("account:999988887777::odd");
    }

    private static CredentialIssue? Read(JsonObject record)
    {
        var json = Encoding.UTF8.GetBytes(record.ToJsonString());
        var parsed = System.Text.Json.JsonSerializer.Deserialize(json, CloudTrailJsonContext.Default.CloudTrailRecord)!;
        var activity = ((RecordNormalization.Accepted)ActivityNormalizer.Normalize(parsed)).Activity;
        return CredentialIssueReader.Read(activity);
    }
}
