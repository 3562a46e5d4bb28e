using Monitor.Detection.Credentials;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.Credentials;

/// <summary>
/// How the audit merges the newest credential report with what CloudTrail showed: the report decides what exists,
/// except for changes seen after it was generated; the later of the two last uses wins.
/// </summary>
public sealed class CredentialReconcilerTests
{
    private static readonly DateTimeOffset Generated = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private const string Key = "AKIABOB0000000000001";

    [Fact]
    public async Task AUserTheReportDoesNotList_IsGone_UnlessSeenAfterIt()
    {
        var run = await Reported(Some.ReportRow("alice"));
        await run.FeedAsync(
            Some.UserCall("gone", "ListBuckets", Generated, "AKIAGONE000000000001", "s3.amazonaws.com"),
            Some.UserCall("bob", "ListBuckets", Generated.AddHours(1), Key, "s3.amazonaws.com"),
            Some.UserConsoleLogin("carol", Generated.AddHours(2)),
            Some.UserCall("admin", "CreateUser", Generated.AddHours(3), requestParameters: """{"userName":"dave"}"""));

        (await run.UsersAsync()).Select(u => u.User).ShouldBe(["admin", "alice", "bob", "carol", "dave"], ignoreOrder: true);
    }

    [Fact]
    public async Task PasswordLastUse_IsTheLaterOfReportAndLedger()
    {
        var run = await Reported(
            Some.ReportRow("alice", passwordEnabled: "true", passwordLastUsed: "2025-05-01T00:00:00+00:00", passwordLastChanged: "2024-01-01T00:00:00+00:00"),
            Some.ReportRow("bob", passwordEnabled: "true", passwordLastUsed: "no_information", passwordLastChanged: "2024-01-01T00:00:00+00:00"),
            Some.ReportRow("carol", passwordEnabled: "true", passwordLastUsed: "2025-05-20T00:00:00+00:00", passwordLastChanged: "2024-01-01T00:00:00+00:00"));
        await run.FeedAsync(Some.UserConsoleLogin("bob", Generated.AddDays(-3)), Some.UserConsoleLogin("carol", Generated.AddDays(-30)));

        var users = (await run.UsersAsync()).ToDictionary(u => u.User, u => u.Credentials.Single().LastUsed);

        users["alice"].ShouldBe(new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero));
        users["bob"].ShouldBe(Generated.AddDays(-3));
        users["carol"].ShouldBe(new DateTimeOffset(2025, 5, 20, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task AKeyKnownBeforeTheReport_PairsWithItsSlot_EvenWhenItsStatusChangedAfter()
    {
        // Used before the report (its creation predates the logs), deactivated after it: one key, inactive, not two.
        var run = await new CredentialRun().FeedAsync(
            Some.UserCall("bob", "ListBuckets", Generated.AddDays(-1), Key, "s3.amazonaws.com"),
            Some.UserCall("admin", "UpdateAccessKey", Generated.AddDays(1), requestParameters: $$"""{"userName":"bob","accessKeyId":"{{Key}}","status":"Inactive"}"""));
        await run.RecordAsync(Some.ReadCredentialReport(Some.CredentialReportCsv(Some.ReportRow("bob", key1Active: "true", key1Rotated: "2024-01-01T00:00:00+00:00", key1Used: "2025-05-31T00:00:00+00:00")), generatedAt: Generated));

        var key = (await run.UsersAsync()).Single(u => u.User == "bob").Credentials.ShouldHaveSingleItem();

        key.Id.ShouldBe(Key);
        key.Active.ShouldBeFalse();
        key.LastUsed.ShouldBe(Generated.AddDays(-1));
    }

    [Fact]
    public async Task AKeyKnownOnlyByAStatusChangeAfterTheReport_IsJudged()
    {
        var run = await Reported(Some.ReportRow("bob"));
        await run.FeedAsync(Some.UserCall("admin", "UpdateAccessKey", Generated.AddDays(1), requestParameters: $$"""{"userName":"bob","accessKeyId":"{{Key}}","status":"Inactive"}"""));

        var key = (await run.UsersAsync()).Single(u => u.User == "bob").Credentials.ShouldHaveSingleItem();

        key.Id.ShouldBe(Key);
        key.Active.ShouldBeFalse();
    }

    [Fact]
    public async Task ASlotPairsWithTheKeyCreatedClosestToItsRotation()
    {
        var rotated = new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var run = await new CredentialRun().FeedAsync(
            Some.CreateAccessKey("admin", "bob", "AKIABOBEARLY00000001", rotated.AddMinutes(-4)),
            Some.CreateAccessKey("admin", "bob", Key, rotated.AddMinutes(1)),
            Some.CreateAccessKey("admin", "bob", "AKIABOBLATE000000001", rotated.AddMinutes(5)));
        await run.RecordAsync(Some.ReadCredentialReport(Some.CredentialReportCsv(Some.ReportRow("bob", key1Active: "true", key1Rotated: "2025-04-01T00:00:00+00:00")), generatedAt: Generated));

        (await run.UsersAsync()).Single(u => u.User == "bob").Credentials.Select(c => c.Id).ShouldBe([Key]);
    }

    [Fact]
    public async Task ASlotPairsWithAKeyCreatedExactlyFiveMinutesFromItsRotation_ButNotSixMinutes()
    {
        var rotated = new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var run = await new CredentialRun().FeedAsync(
            Some.CreateAccessKey("admin", "bob", Key, rotated.AddMinutes(5)),
            Some.CreateAccessKey("admin", "carol", "AKIACAROL00000000001", rotated.AddMinutes(6)));
        await run.RecordAsync(Some.ReadCredentialReport(Some.CredentialReportCsv(
            Some.ReportRow("bob", key1Active: "true", key1Rotated: "2025-04-01T00:00:00+00:00"),
            Some.ReportRow("carol", key1Active: "true", key1Rotated: "2025-04-01T00:00:00+00:00")), generatedAt: Generated));

        var users = (await run.UsersAsync()).ToDictionary(u => u.User, u => u.Credentials.Single().Id);

        users["bob"].ShouldBe(Key);
        users["carol"].ShouldBe("access_key_1");
    }

    [Fact]
    public async Task OfTwoEquallyCloseKeys_TheFirstByIdWins_WhateverTheirOrderOfCreation()
    {
        var rotated = new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var run = await new CredentialRun().FeedAsync(
            Some.CreateAccessKey("admin", "bob", "AKIABOBZZZZ000000001", rotated.AddMinutes(-2)),
            Some.CreateAccessKey("admin", "bob", "AKIABOBAAAA000000001", rotated.AddMinutes(2)));
        await run.RecordAsync(Some.ReadCredentialReport(Some.CredentialReportCsv(Some.ReportRow("bob", key1Active: "true", key1Rotated: "2025-04-01T00:00:00+00:00")), generatedAt: Generated));

        (await run.UsersAsync()).Single(u => u.User == "bob").Credentials.Select(c => c.Id).ShouldBe(["AKIABOBAAAA000000001"]);
    }

    [Fact]
    public async Task RootUse_OnlyTheReportShows_IsKept_AndUseCloudTrailSawIsNot()
    {
        var root = Some.ReportRow("<root_account>", passwordEnabled: "not_supported", passwordLastUsed: "2025-05-20T10:00:00+00:00", key1Active: "true", key1Rotated: "2024-01-01T00:00:00+00:00", key1Used: "2025-05-30T00:00:00+00:00");
        var unseen = (await (await Reported(root)).UsersAsync()).Single();

        unseen.RootPasswordUseOnlyInReport.ShouldBe(new DateTimeOffset(2025, 5, 20, 10, 0, 0, TimeSpan.Zero));
        unseen.Credentials.Single().UseOnlyInReport.ShouldBe(new DateTimeOffset(2025, 5, 30, 0, 0, 0, TimeSpan.Zero));

        // CloudTrail saw root sign in half a day before the report's time (IAM's last use is approximate): the same use.
        var run = await new CredentialRun().FeedAsync(Some.ConsoleLogin(new DateTimeOffset(2025, 5, 19, 22, 0, 0, TimeSpan.Zero), principal: Some.RootPrincipal(Some.CredentialAccount)) with { Account = Some.CredentialAccount });
        await run.RecordAsync(Some.ReadCredentialReport(Some.CredentialReportCsv(root), generatedAt: Generated));
        (await run.UsersAsync()).Single().RootPasswordUseOnlyInReport.ShouldBeNull();
    }

    [Fact]
    public async Task ARootKeyTheLedgerCannotMatch_WasSeen_IfAnyRootKeyWasUsedThen()
    {
        // Two root keys created before the logs began: neither slot matches a ledger key, but CloudTrail saw both used.
        var root = Some.ReportRow("<root_account>", passwordEnabled: "not_supported", key1Active: "true", key1Rotated: "2020-01-01T00:00:00+00:00", key1Used: "2025-05-30T10:00:00+00:00", key2Active: "true", key2Rotated: "2020-02-01T00:00:00+00:00", key2Used: "2025-05-30T09:00:00+00:00");
        var run = await new CredentialRun().FeedAsync(
            Some.RootCall("ListBuckets", new DateTimeOffset(2025, 5, 30, 8, 0, 0, TimeSpan.Zero), "AKIAROOTAAAA00000001", "s3.amazonaws.com"),
            Some.RootCall("ListBuckets", new DateTimeOffset(2025, 5, 30, 8, 5, 0, TimeSpan.Zero), "AKIAROOTBBBB00000001", "s3.amazonaws.com"));
        await run.RecordAsync(Some.ReadCredentialReport(Some.CredentialReportCsv(root), generatedAt: Generated));

        (await run.UsersAsync()).Single().Credentials.Where(c => c.Kind == CredentialKind.AccessKey).Select(c => c.UseOnlyInReport).ShouldAllBe(u => u == null);
    }

    [Fact]
    public async Task AUsersPasswordUse_IsNeverRootUse() =>
        (await (await Reported(Some.ReportRow("alice", passwordEnabled: "true", passwordLastUsed: "2025-05-20T10:00:00+00:00"))).UsersAsync()).Single().RootPasswordUseOnlyInReport.ShouldBeNull();

    private static Task<CredentialRun> Reported(params string[] rows) =>
        new CredentialRun().RecordAsync(Some.ReadCredentialReport(Some.CredentialReportCsv(rows), generatedAt: Generated));
}
