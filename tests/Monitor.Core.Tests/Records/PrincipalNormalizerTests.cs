using System.Text.Json.Nodes;
using Monitor.Records;
using static Monitor.Testing.Some;

namespace Monitor.Core.Tests.Records;

public sealed class PrincipalNormalizerTests
{
    private const string Account = CloudTrail.Account;

    private static async Task<Principal> PrincipalOf(JsonObject identity) => (await CloudTrailReading.ReadOneAsync(CloudTrail.Record(identity))).Principal;

    [Fact]
    public async Task KeysOnTheRootArn_WhenRoot()
    {
        var principal = await PrincipalOf(CloudTrail.Root());

        principal.ShouldBe(new Principal(PrincipalType.Root, $"arn:aws:iam::{Account}:root", $"arn:aws:iam::{Account}:root", Account, Account, "root"));
        principal.IsRoot.ShouldBeTrue();
    }

    [Fact]
    public async Task BuildsTheRootArnFromTheAccount_WhenFailedSignInOmitsTheArn()
    {
        var identity = CloudTrail.Root();
        identity.Remove("arn");
        identity.Remove("accountId");

        var principal = await PrincipalOf(identity);

        principal.Key.ShouldBe($"arn:aws:iam::{Account}:root");
    }

    [Fact]
    public async Task KeysOnTheUserArn_WhenIamUser()
    {
        var principal = await PrincipalOf(CloudTrail.IamUser("bob"));

        principal.ShouldBe(new Principal(PrincipalType.IamUser, $"arn:aws:iam::{Account}:user/bob", $"arn:aws:iam::{Account}:user/bob", Account, "AIDAEXAMPLEUSERID", "bob"));
    }

    [Fact]
    public async Task KeysOnTheRoleFromTheIssuer_WhenAssumedRole()
    {
        var principal = await PrincipalOf(CloudTrail.AssumedRole("Admin", "alice", $"arn:aws:iam::{Account}:role/ops/Admin"));

        principal.Type.ShouldBe(PrincipalType.AssumedRole);
        principal.Key.ShouldBe($"arn:aws:iam::{Account}:role/ops/Admin");
        principal.Arn.ShouldBe($"arn:aws:sts::{Account}:assumed-role/Admin/alice");
        principal.IssuerArn.ShouldBe(principal.Key);
        principal.Name.ShouldBe("Admin");
        principal.SessionName.ShouldBe("alice");
    }

    [Theory]
    [InlineData("arn:aws:sts::123456789012:assumed-role/Deploy/i-0abc", "arn:aws:iam::123456789012:role/Deploy")]
    [InlineData("arn:aws-cn:sts::123456789012:assumed-role/Deploy/s", "arn:aws-cn:iam::123456789012:role/Deploy")]
    [InlineData("arn:aws-us-gov:sts::123456789012:assumed-role/Deploy/s", "arn:aws-us-gov:iam::123456789012:role/Deploy")]
    public async Task ParsesTheRoleFromTheSessionArn_WhenIssuerIsMissing(string sessionArn, string roleArn)
    {
        var identity = CloudTrail.AssumedRole();
        identity.Remove("sessionContext");
        identity["arn"] = sessionArn;

        var principal = await PrincipalOf(identity);

        principal.Key.ShouldBe(roleArn);
        principal.Name.ShouldBe("Deploy");
    }

    [Fact]
    public async Task KeysOnTheIssuingUser_WhenFederatedUser()
    {
        var principal = await PrincipalOf(CloudTrail.FederatedUser());

        principal.Type.ShouldBe(PrincipalType.FederatedUser);
        principal.Key.ShouldBe($"arn:aws:iam::{Account}:user/ci");
        principal.Arn.ShouldBe($"arn:aws:sts::{Account}:federated-user/build");
        principal.SessionName.ShouldBe("build");
    }

    [Fact]
    public async Task KeysOnTheService_WhenAwsService()
    {
        var principal = await PrincipalOf(CloudTrail.AwsService("lambda.amazonaws.com"));

        principal.Type.ShouldBe(PrincipalType.AwsService);
        principal.Key.ShouldBe("service:lambda.amazonaws.com");
    }

    [Fact]
    public async Task KeysOnAccountAndPrincipalId_WhenAwsAccountHasNoArn()
    {
        var principal = await PrincipalOf(CloudTrail.AwsAccount());

        principal.ShouldBe(new Principal(PrincipalType.AwsAccount, $"account:{CloudTrail.OtherAccount}:AROAOTHERACCOUNTROLE:session", null, CloudTrail.OtherAccount, "AROAOTHERACCOUNTROLE:session", null, "session"));
    }

    [Fact]
    public async Task KeysOnTheIdentityStoreUser_WhenIdentityCenterUser()
    {
        var principal = await PrincipalOf(CloudTrail.IdentityCenterUser());

        principal.Type.ShouldBe(PrincipalType.IdentityCenterUser);
        principal.Key.ShouldBe("identity-center:arn:aws:identitystore::123456789012:identitystore/d-9067642ac7:94482488-3041-7026-18f3-be45837cd0e4");
    }

    [Fact]
    public async Task KeysOnProviderAndUser_WhenWebIdentityUser()
    {
        var principal = await PrincipalOf(CloudTrail.WebIdentityUser());

        principal.Type.ShouldBe(PrincipalType.WebIdentityUser);
        principal.Key.ShouldBe("web-identity:accounts.google.com:1234567890");
        principal.Name.ShouldBe("1234567890");
    }

    [Fact]
    public async Task KeysOnProviderAndUser_WhenSamlUser()
    {
        var principal = await PrincipalOf(CloudTrail.SamlUser());

        principal.Type.ShouldBe(PrincipalType.SamlUser);
        principal.Key.ShouldBe($"saml:arn:aws:iam::{Account}:saml-provider/Corp:alice@example.com");
    }

    [Fact]
    public async Task KeysOnTheInvokingService_WhenTypeIsMissing()
    {
        var principal = await PrincipalOf(new JsonObject { ["accountId"] = Account, ["invokedBy"] = "secretsmanager.amazonaws.com" });

        principal.Type.ShouldBe(PrincipalType.AwsService);
        principal.Key.ShouldBe("service:secretsmanager.amazonaws.com");
        principal.AccountId.ShouldBe(Account);
    }

    [Fact]
    public async Task KeysOnTheAccount_WhenTypeIsMissingAndNothingElseIsKnown()
    {
        var principal = await PrincipalOf(new JsonObject { ["accountId"] = Account });

        principal.Type.ShouldBe(PrincipalType.Unknown);
        principal.Key.ShouldBe($"account:{Account}");
    }

    [Fact]
    public async Task KeepsTheRawType_WhenTypeIsUnrecognized()
    {
        var principal = await PrincipalOf(new JsonObject { ["type"] = "Unknown", ["principalId"] = "p-1", ["userName"] = "sso-user", ["accountId"] = Account });

        principal.Type.ShouldBe(PrincipalType.Unknown);
        principal.Key.ShouldBe("unknown:Unknown:p-1");
        principal.Name.ShouldBe("sso-user");
    }

    [Theory]
    [InlineData("iamuser")]
    [InlineData("IAMUSER")]
    [InlineData("IamUser")]
    public async Task ComparesTypesIgnoringCase_WhenCasingVaries(string type)
    {
        var identity = CloudTrail.IamUser();
        identity["type"] = type;

        (await PrincipalOf(identity)).Type.ShouldBe(PrincipalType.IamUser);
    }

    [Fact]
    public async Task DoesNotInventAUser_WhenSignInHidesTheName()
    {
        var identity = new JsonObject { ["type"] = "IAMUser", ["principalId"] = "AIDAHIDDEN", ["accountId"] = Account, ["userName"] = "HIDDEN_DUE_TO_SECURITY_REASONS" };

        var principal = await PrincipalOf(identity);

        principal.Key.ShouldBe($"account:{Account}:AIDAHIDDEN");
        principal.Name.ShouldBeNull();
    }

    [Fact]
    public void ReturnsUnknown_WhenNoUserIdentity()
    {
        PrincipalNormalizer.Normalize(null).ShouldBe(Principal.Unknown);
    }
}
