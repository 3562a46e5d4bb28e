using Monitor.Detection;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.Credentials;

public class CredentialAuditTests
{
    private static readonly DateTimeOffset Generated = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OneFindingPerUser_ListsEveryStaleCredential()
    {
        var run = await new CredentialRun().RecordAsync(Report(Some.ReportRow("alice",
            passwordEnabled: "true", passwordLastUsed: "2025-01-01T00:00:00+00:00", passwordLastChanged: "2024-01-01T00:00:00+00:00",
            key1Active: "true", key1Rotated: "2024-01-01T00:00:00+00:00", key1Used: "2025-01-02T00:00:00+00:00",
            key2Active: "true", key2Rotated: "2024-06-01T00:00:00+00:00")));

        var finding = (await run.AuditAsync(Generated)).Single();

        finding.Detector.ShouldBe("unused-credential");
        finding.Principal.ShouldBe("arn:aws:iam::111122223333:user/alice");
        finding.Signals.ShouldBe(["key-never-used", "key-unused", "password-unused", "password-without-mfa", "key-not-rotated", "two-active-keys"], ignoreOrder: true);
        finding.Evidence["credentials"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ShouldBe(["access_key_1", "access_key_2", "password"]);
    }

    [Fact]
    public async Task RootKeys_GiveACriticalFinding()
    {
        var run = await new CredentialRun().RecordAsync(Report(Some.ReportRow("<root_account>", passwordEnabled: "not_supported", passwordLastChanged: "not_supported", mfa: "true",
            key1Active: "true", key1Rotated: "2025-05-01T00:00:00+00:00", key1Used: "2025-05-30T00:00:00+00:00")));

        var finding = (await run.AuditAsync(Generated)).Single();

        finding.Severity.ShouldBe(Severity.Critical);
        finding.Signals.ShouldBe(["root-access-key", "root-key-used"]);
        finding.Principal.ShouldBe("arn:aws:iam::111122223333:root");
    }

    [Fact]
    public async Task NotSupportedAndNoInformation_AreNotTreatedAsOld()
    {
        var run = await new CredentialRun().RecordAsync(Report(
            Some.ReportRow("<root_account>", created: "2025-05-01T00:00:00+00:00", passwordEnabled: "not_supported", passwordLastUsed: "no_information", passwordLastChanged: "not_supported", mfa: "true"),
            Some.ReportRow("erin", created: "2025-05-01T00:00:00+00:00", passwordEnabled: "true", passwordLastUsed: "no_information", passwordLastChanged: "2025-05-01T00:00:00+00:00", mfa: "true")));

        (await run.AuditAsync(Generated)).ShouldBeEmpty();
    }

    [Fact]
    public async Task LedgerWinsForRecency_WhenKeyWasUsedAfterTheReportSaysLastUse()
    {
        var run = await new CredentialRun().FeedAsync(
            Some.CreateAccessKey("admin", "bob", "AKIABOB0000000000001", new DateTimeOffset(2025, 4, 1, 0, 0, 30, TimeSpan.Zero)),
            Some.UserCall("bob", "ListBuckets", Generated.AddDays(-1), "AKIABOB0000000000001", "s3.amazonaws.com"));
        await run.RecordAsync(Report(Some.ReportRow("bob", key1Active: "true", key1Rotated: "2025-04-01T00:00:00+00:00", key1Used: "2025-04-02T00:00:00+00:00")));

        var key = (await run.UsersAsync()).Single().Credentials.Single();

        key.Id.ShouldBe("AKIABOB0000000000001");
        key.LastUsed.ShouldBe(Generated.AddDays(-1));
        (await run.AuditAsync(Generated.AddDays(20))).ShouldBeEmpty();
    }

    [Fact]
    public async Task ReportWinsForExistence_LedgerKeyMissingFromReportIsGone()
    {
        var run = await new CredentialRun().FeedAsync(Some.UserCall("bob", "ListBuckets", Generated.AddDays(-200), "AKIABOBOLD0000000001", "s3.amazonaws.com"));
        await run.RecordAsync(Report(Some.ReportRow("bob")));

        (await run.UsersAsync()).Single().Credentials.ShouldBeEmpty();
        (await run.AuditAsync(Generated)).ShouldBeEmpty();
    }

    [Fact]
    public async Task KeyCreatedAfterTheReport_IsStillJudged()
    {
        var run = await new CredentialRun().RecordAsync(Report(Some.ReportRow("bob")));
        await run.FeedAsync(Some.CreateAccessKey("admin", "bob", "AKIABOBNEW0000000001", Generated.AddDays(1)));

        (await run.AuditAsync(Generated.AddDays(100))).Single(f => f.Principal.EndsWith("/bob", StringComparison.Ordinal)).Signals.ShouldBe(["key-never-used", "key-not-rotated"]);
    }

    [Fact]
    public async Task UserMissingFromTheNewestReport_IsGone()
    {
        var run = await new CredentialRun().RecordAsync(Report(Some.ReportRow("bob", key1Active: "true", key1Rotated: "2024-01-01T00:00:00+00:00"), Some.ReportRow("alice")));
        await run.RecordAsync(Some.ReadCredentialReport(Some.CredentialReportCsv(Some.ReportRow("alice")), generatedAt: Generated.AddDays(1)));

        (await run.UsersAsync()).Select(u => u.User).ShouldBe(["alice"]);
    }

    [Fact]
    public async Task FindingId_IsStableAcrossReruns_AndChangesWhenANewCredentialGoesStale()
    {
        var row = Some.ReportRow("alice", key1Active: "true", key1Rotated: "2025-03-15T00:00:00+00:00", key1Used: "2025-04-01T00:00:00+00:00", mfa: "true");
        var run = await new CredentialRun(unusedAfterDays: 45).RecordAsync(Report(row));

        var first = (await run.AuditAsync(Generated)).Single();
        var rerun = (await run.AuditAsync(Generated.AddDays(1))).Single();
        var later = (await run.AuditAsync(Generated.AddDays(40))).Single();

        rerun.Id.ShouldBe(first.Id);
        rerun.Time.ShouldBe(first.Time);
        first.Time.ShouldBe(new DateTimeOffset(2025, 5, 16, 0, 0, 0, TimeSpan.Zero));
        first.Signals.ShouldBe(["key-unused"]);
        later.Signals.ShouldContain("key-not-rotated");
        later.Id.ShouldNotBe(first.Id);
    }

    [Fact]
    public async Task WithoutAnAuditTime_EachAccountIsJudgedAsOfItsOwnLatestRecord()
    {
        // Account 111122223333's logs end a day after bob's key was made; another account's run 200 days further.
        var t0 = Some.CredentialEpoch;
        var run = await new CredentialRun().FeedAsync(
            Some.CreateAccessKey("admin", "bob", "AKIABOB0000000000001", t0),
            Some.UserCall("bob", "ListBuckets", t0.AddDays(1), "AKIABOB0000000000001", "s3.amazonaws.com"),
            Some.UserCall("carol", "ListBuckets", t0.AddDays(200), "AKIACAROL00000000001", "s3.amazonaws.com") with { Account = "444455556666" });

        (await run.AuditAsync(null)).ShouldBeEmpty();
        (await run.AuditAsync(t0.AddDays(200))).Select(f => $"{f.Principal} {string.Join(',', f.Signals)}").ShouldBe(
            [$"arn:aws:iam::{Some.CredentialAccount}:user/admin key-unused", $"arn:aws:iam::{Some.CredentialAccount}:user/bob key-unused,key-not-rotated"], ignoreOrder: true);
    }

    private static Monitor.Records.CredentialReports.CredentialReport Report(params string[] rows) =>
        Some.ReadCredentialReport(Some.CredentialReportCsv(rows), generatedAt: Generated);
}
