using System.Net;
using Amazon.Runtime;
using Monitor.Aws.Iam;
using Monitor.Testing.Fakes;

namespace Monitor.Aws.Tests.Iam;

public sealed class IamAuthorizationDetailsSourceTests : IAsyncDisposable
{
    private const string Ns = "https://iam.amazonaws.com/doc/2010-05-08/";

    private static readonly string UserDocument = Uri.EscapeDataString("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}""");

    private static readonly string ManagedDocument = Uri.EscapeDataString("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["dynamodb:Query","dynamodb:GetItem"],"Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}""");

    private readonly FakeIamEndpoint _iam = new();

    public ValueTask DisposeAsync() => _iam.DisposeAsync();

    [Fact]
    public async Task Pages_AreFollowed_AndReadIntoGrantedPrincipals()
    {
        _iam.Then(HttpStatusCode.OK, Page(
            truncated: true,
            users: $"<member><UserName>alice</UserName><Arn>arn:aws:iam::111122223333:user/alice</Arn><GroupList><member>readers</member></GroupList><UserPolicyList><member><PolicyName>get-b</PolicyName><PolicyDocument>{UserDocument}</PolicyDocument></member></UserPolicyList><AttachedManagedPolicies/></member>",
            groups: "<member><GroupName>readers</GroupName><Arn>arn:aws:iam::111122223333:group/readers</Arn><GroupPolicyList/><AttachedManagedPolicies><member><PolicyName>tables</PolicyName><PolicyArn>arn:aws:iam::111122223333:policy/tables</PolicyArn></member></AttachedManagedPolicies></member>"))
            .Then(HttpStatusCode.OK, Page(
            truncated: false,
            roles: "<member><RoleName>app</RoleName><Arn>arn:aws:iam::111122223333:role/app</Arn><RolePolicyList/><AttachedManagedPolicies><member><PolicyName>tables</PolicyName><PolicyArn>arn:aws:iam::111122223333:policy/tables</PolicyArn></member></AttachedManagedPolicies></member>",
            policies: $"<member><PolicyName>tables</PolicyName><Arn>arn:aws:iam::111122223333:policy/tables</Arn><DefaultVersionId>v2</DefaultVersionId><PolicyVersionList><member><Document>{ManagedDocument}</Document><VersionId>v2</VersionId><IsDefaultVersion>true</IsDefaultVersion></member></PolicyVersionList></member>"));
        var source = Source();

        var granted = await source.FetchAsync(CancellationToken.None);

        source.Pages.ShouldBe(2);
        _iam.Requests[0].Body.ShouldBe("Action=GetAccountAuthorizationDetails&Version=2010-05-08&MaxItems=1000");
        _iam.Requests[1].Body.ShouldBe("Action=GetAccountAuthorizationDetails&Version=2010-05-08&MaxItems=1000&Marker=page%2B2");
        granted.Select(g => (g.Arn, g.Kind)).ShouldBe([("arn:aws:iam::111122223333:role/app", "role"), ("arn:aws:iam::111122223333:user/alice", "user")]);
        var alice = granted[1];
        alice.Policies.Select(p => $"{p.Source}: {p.Name}").ShouldBe(["inline: get-b", "group readers managed: tables"]);
        alice.Policies[0].Statements.ShouldHaveSingleItem().Actions.ShouldBe(["s3:GetObject"]);
        var managed = granted[0].Policies.ShouldHaveSingleItem().Statements.ShouldHaveSingleItem();
        managed.Actions.ShouldBe(["dynamodb:Query", "dynamodb:GetItem"]);
        managed.HasCondition.ShouldBeTrue();
    }

    [Fact]
    public async Task Errors_AreThrown_WithIamsCode()
    {
        _iam.ThenError(HttpStatusCode.Forbidden, "AccessDenied");

        var error = await Should.ThrowAsync<IamRequestException>(() => Source().FetchAsync(CancellationToken.None));

        error.Code.ShouldBe("AccessDenied");
    }

    private static string Page(bool truncated, string users = "", string groups = "", string roles = "", string policies = "") =>
        $"""<GetAccountAuthorizationDetailsResponse xmlns="{Ns}"><GetAccountAuthorizationDetailsResult><IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>{(truncated ? "<Marker>page+2</Marker>" : "")}<UserDetailList>{users}</UserDetailList><GroupDetailList>{groups}</GroupDetailList><RoleDetailList>{roles}</RoleDetailList><Policies>{policies}</Policies></GetAccountAuthorizationDetailsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetAccountAuthorizationDetailsResponse>""";

    private IamAuthorizationDetailsSource Source()
    {
        var http = IamQueryClient.CreateSignedHttpClient(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        return new IamAuthorizationDetailsSource(new IamQueryClient(http, new IamQueryOptions { Endpoint = _iam.Url }));
    }
}
