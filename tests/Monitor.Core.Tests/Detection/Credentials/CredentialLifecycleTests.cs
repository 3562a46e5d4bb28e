using Monitor.Detection.Credentials;
using Monitor.State;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.Credentials;

/// <summary>What each IAM lifecycle call writes to the ledger, as the audit then reads it.</summary>
public sealed class CredentialLifecycleTests
{
    private static readonly DateTimeOffset T0 = Some.CredentialEpoch;
    private const string Key = "AKIABOB0000000000001";

    private static async Task<UserCredentials> UserAsync(string name, params Monitor.Records.Activity[] activities) =>
        (await (await new CredentialRun().FeedAsync(activities)).UsersAsync()).Single(u => u.User == name);

    [Fact]
    public async Task CreateAccessKey_OwnerFromTheResponse_StatusAsCreated()
    {
        var create = Some.UserCall("admin", "CreateAccessKey", T0, requestParameters: """{"userName":"someone-else"}""",
            responseElements: $$$"""{"accessKey":{"accessKeyId":"{{{Key}}}","status":"Inactive","userName":"bob"}}""");

        var key = (await UserAsync("bob", create)).Credentials.Single();

        key.ShouldBe(new CredentialFacts { Kind = CredentialKind.AccessKey, Id = Key, Active = false, Created = T0, Source = "cloudtrail" });
    }

    [Fact]
    public async Task CreateAccessKey_OwnerFromTheRequest_ActiveByDefault()
    {
        var create = Some.UserCall("admin", "CreateAccessKey", T0, requestParameters: """{"userName":"bob"}""", responseElements: $$$"""{"accessKey":{"accessKeyId":"{{{Key}}}"}}""");

        var key = (await UserAsync("bob", create)).Credentials.Single();

        key.Active.ShouldBeTrue();
        key.Created.ShouldBe(T0);
    }

    [Fact]
    public async Task CreateAccessKey_ForTheCaller_WhenNoUserIsNamed()
    {
        var create = Some.UserCall("bob", "CreateAccessKey", T0, accessKeyId: null, responseElements: $$$"""{"accessKey":{"accessKeyId":"{{{Key}}}"}}""");

        (await UserAsync("bob", create)).Credentials.Single().Id.ShouldBe(Key);
    }

    [Fact]
    public async Task CreateAccessKey_WritesNothing_WithoutTheKeyId_ButTheAccountsDate()
    {
        var run = await new CredentialRun().FeedAsync(Some.UserCall("admin", "CreateAccessKey", T0, accessKeyId: null, requestParameters: """{"userName":"bob"}"""));

        (await run.UsersAsync()).ShouldBeEmpty();
        run.Store.Sightings.Keys.ShouldBe([CredentialKeys.Account(Some.CredentialAccount)]);
        run.Store.Sightings.Values.Single().LastSeen.ShouldBe(T0);
    }

    [Fact]
    public async Task UpdateAccessKey_WithoutAStatus_Reactivates()
    {
        var key = (await UserAsync(
            "bob",
            Some.CreateAccessKey("admin", "bob", Key, T0),
            Some.UserCall("admin", "UpdateAccessKey", T0.AddDays(1), requestParameters: $$"""{"userName":"bob","accessKeyId":"{{Key}}","status":"Inactive"}"""),
            Some.UserCall("admin", "UpdateAccessKey", T0.AddDays(2), requestParameters: $$"""{"userName":"bob","accessKeyId":"{{Key}}"}"""))).Credentials.Single();

        key.Active.ShouldBeTrue();
    }

    [Fact]
    public async Task InactiveKey_UsedAfterItsDeactivation_WasReactivatedUnseen()
    {
        var key = (await UserAsync(
            "bob",
            Some.CreateAccessKey("admin", "bob", Key, T0),
            Some.UserCall("admin", "UpdateAccessKey", T0.AddDays(1), requestParameters: $$"""{"userName":"bob","accessKeyId":"{{Key}}","status":"Inactive"}"""),
            Some.UserCall("bob", "ListBuckets", T0.AddDays(3), Key, "s3.amazonaws.com"))).Credentials.Single();

        key.Active.ShouldBeTrue();
        key.LastUsed.ShouldBe(T0.AddDays(3));
    }

    [Fact]
    public async Task LoginProfile_CreatedThenDeleted_LeavesNoPassword()
    {
        var created = await UserAsync("dave", Some.UserCall("admin", "CreateLoginProfile", T0, requestParameters: """{"userName":"dave"}"""));
        var deleted = await UserAsync(
            "dave",
            Some.UserCall("admin", "CreateUser", T0, requestParameters: """{"userName":"dave"}"""),
            Some.UserCall("admin", "CreateLoginProfile", T0, requestParameters: """{"userName":"dave"}"""),
            Some.UserCall("admin", "DeleteLoginProfile", T0.AddDays(1), requestParameters: """{"userName":"dave"}"""));

        created.Credentials.ShouldBe([new CredentialFacts { Kind = CredentialKind.Password, Id = "password", Active = true, Created = T0, Source = "cloudtrail" }]);
        deleted.Credentials.ShouldBeEmpty();
    }

    [Fact]
    public async Task DeletedUser_LeavesTheAudit()
    {
        var run = await new CredentialRun().FeedAsync(
            Some.UserCall("admin", "CreateUser", T0, requestParameters: """{"userName":"dave"}"""),
            Some.UserCall("admin", "DeleteUser", T0.AddDays(1), requestParameters: """{"userName":"dave"}"""));

        (await run.UsersAsync()).Select(u => u.User).ShouldBe(["admin"]);
    }

    [Fact]
    public async Task CreatedUser_HasItsCreationTimeAndAnArnFromItsName()
    {
        var dave = await UserAsync("dave", Some.UserCall("admin", "CreateUser", T0, requestParameters: """{"userName":"dave"}"""));

        dave.Created.ShouldBe(T0);
        dave.Arn.ShouldBe("arn:aws:iam::111122223333:user/dave");
        dave.Mfa.ShouldBeNull();
    }

    [Fact]
    public async Task MfaEnabledForTheCaller_WhenNoUserIsNamed()
    {
        var bob = await UserAsync("bob", Some.UserCall("bob", "EnableMFADevice", T0, requestParameters: """{"serialNumber":"arn:aws:iam::111122223333:mfa/bob"}"""));

        bob.Mfa.ShouldBe(true);
    }

    [Fact]
    public async Task LifecycleCallsOfOtherServices_WriteNothing()
    {
        var run = await new CredentialRun().FeedAsync(Some.UserCall("admin", "CreateUser", T0, accessKeyId: null, eventSource: "example.amazonaws.com", requestParameters: """{"userName":"dave"}"""));

        (await run.UsersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task EveryRecordedAccount_IsListedForTheAudit()
    {
        var run = await new CredentialRun().FeedAsync(Some.UserCall("admin", "CreateUser", T0, accessKeyId: null, requestParameters: """{"userName":"dave"}"""));

        run.Store.Sightings.Keys.ShouldContain(new StateKey(CredentialKeys.AccountsScope, Some.CredentialAccount));
    }

    [Fact]
    public async Task RootConsoleLogin_IsUseOfTheRootPassword()
    {
        var login = Some.RootCall("ConsoleLogin", T0, accessKeyId: null, eventSource: "signin.amazonaws.com", responseElements: """{"ConsoleLogin":"Success"}""");

        var root = await UserAsync("<root_account>", login);

        root.Arn.ShouldBe("arn:aws:iam::111122223333:root");
        root.Credentials.Single().ShouldSatisfyAllConditions(c => c.Kind.ShouldBe(CredentialKind.Password), c => c.LastUsed.ShouldBe(T0));
    }

    [Fact]
    public async Task SessionMintedByAFailedGetSessionToken_IsNotTheKeys()
    {
        var run = await new CredentialRun().FeedAsync(
            Some.UserCall("bob", "GetSessionToken", T0, Key, "sts.amazonaws.com", responseElements: """{"credentials":{"accessKeyId":"ASIABOBSESSION000001"}}""", errorCode: "AccessDenied"),
            Some.UserCall("bob", "ListBuckets", T0.AddHours(5), "ASIABOBSESSION000001", "s3.amazonaws.com"));

        (await run.UsersAsync()).Single().Credentials.Single().LastUsed.ShouldBe(T0);
    }

    [Fact]
    public async Task SessionUse_CountsForTheKey_WhicheverArrivesFirst()
    {
        var run = await new CredentialRun().FeedAsync(
            Some.UserCall("bob", "ListBuckets", T0.AddHours(5), "ASIABOBSESSION000001", "s3.amazonaws.com"),
            Some.UserCall("bob", "ListBuckets", T0.AddHours(7), "ASIABOBSESSION000002", "s3.amazonaws.com"),
            Some.UserCall("bob", "GetSessionToken", T0, Key, "sts.amazonaws.com", responseElements: """{"credentials":{"accessKeyId":"ASIABOBSESSION000002"}}"""),
            Some.UserCall("bob", "GetSessionToken", T0, Key, "sts.amazonaws.com", responseElements: """{"credentials":{"accessKeyId":"ASIABOBSESSION000001"}}"""));

        var key = (await run.UsersAsync()).Single().Credentials.Single();
        key.LastUsed.ShouldBe(T0.AddHours(7));
        key.LastUsedService.ShouldBe("s3");
    }
}
