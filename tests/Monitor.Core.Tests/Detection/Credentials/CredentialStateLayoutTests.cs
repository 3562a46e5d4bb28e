using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.Credentials;

/// <summary>
/// The ledger's keys and attribute names are a stored format: a deployed table keeps them across upgrades, and the
/// audit and the dormancy judgment find a credential's history by them. Changing one strands what is stored.
/// </summary>
public sealed class CredentialStateLayoutTests
{
    private static readonly DateTimeOffset T0 = Some.CredentialEpoch;
    private const string Key = "AKIABOB0000000000001";

    [Fact]
    public async Task TheLedgerIsStoredUnderItsDocumentedKeys()
    {
        var run = await new CredentialRun().FeedAsync(
            Some.UserCall("admin", "CreateUser", T0, null, requestParameters: """{"userName":"bob"}"""),
            Some.UserCall("admin", "CreateLoginProfile", T0, null, requestParameters: """{"userName":"bob"}"""),
            Some.UserCall("admin", "CreateAccessKey", T0, null, requestParameters: """{"userName":"bob"}""", responseElements: $$$"""{"accessKey":{"accessKeyId":"{{{Key}}}","status":"Active","userName":"bob"}}"""),
            Some.UserCall("bob", "GetSessionToken", T0.AddHours(1), Key, "sts.amazonaws.com", responseElements: """{"credentials":{"accessKeyId":"ASIABOBSESSION000001"}}"""),
            Some.UserCall("bob", "ListBuckets", T0.AddHours(2), "ASIABOBSESSION000001", "s3.amazonaws.com"),
            Some.UserConsoleLogin("bob", T0.AddHours(3)));

        var layout = run.Store.Sightings.Values
            .Select(s => $"{s.Key.Scope} | {s.Key.Member} | {string.Join(",", s.Attributes.Keys.Order(StringComparer.Ordinal))} | {string.Join(",", s.Earliest.Keys.Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal);

        layout.ShouldBe(
        [
            "credential-accounts | 111122223333 |  | ",
            "credential-day:111122223333 | key:AKIABOB0000000000001@2025-01-01 |  | firstUse,subject",
            "credential-day:111122223333 | password:bob@2025-01-01 |  | firstUse,subject",
            "credential-network:111122223333 | key:AKIABOB0000000000001@198.51.100.0/24 |  | subject",
            "credential-network:111122223333 | password:bob@198.51.100.0/24 |  | subject",
            "credential-session:111122223333 | ASIABOBSESSION000001 | used,usedRegion,usedService | key",
            "credential:111122223333 | key-status:AKIABOB0000000000001 | status,user | ",
            "credential:111122223333 | key:AKIABOB0000000000001 | created,used,usedRegion,usedService,user | firstNetwork",
            "credential:111122223333 | password-status:bob | status,user | ",
            "credential:111122223333 | password:bob | created,used,usedRegion,usedService,user | firstNetwork",
            "credential:111122223333 | user:bob | created,status | ",
        ]);
    }
}
