using Monitor.Records.CredentialReports;
using Monitor.Testing;

namespace Monitor.Core.Tests.Records.CredentialReports;

public class CredentialReportReaderTests
{
    [Fact]
    public void Rejected_WhenHeaderIsNotTheCredentialReport_NamingTheFile()
    {
        var report = Some.ReadCredentialReport("user,arn,created\nalice,arn:aws:iam::111122223333:user/alice,2024-01-01T00:00:00+00:00\n", "exports/users.csv");

        report.IsRejected.ShouldBeTrue();
        report.Error!.ShouldContain("exports/users.csv");
        report.Error!.ShouldContain("not an IAM credential report");
    }

    [Fact]
    public void Rejected_WhenHeaderHasAColumnTooMany() =>
        Some.ReadCredentialReport(CredentialReportReader.HeaderLine + ",extra\n").IsRejected.ShouldBeTrue();

    [Fact]
    public void Rejected_WhenFileIsEmpty() =>
        Some.ReadCredentialReport("").Error!.ShouldContain("(empty file)");

    [Fact]
    public void Accepted_WithByteOrderMarkAndCrLfLines()
    {
        var csv = "\uFEFF" + Some.CredentialReportCsv(Some.ReportRow("alice"), Some.ReportRow("bob")).Replace("\n", "\r\n", StringComparison.Ordinal);

        var report = Some.ReadCredentialReport(csv);

        report.IsRejected.ShouldBeFalse();
        report.Rows.Select(r => r.User).ShouldBe(["alice", "bob"]);
        report.Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("N/A", ReportSentinel.NotApplicable)]
    [InlineData("no_information", ReportSentinel.NoInformation)]
    [InlineData("not_supported", ReportSentinel.NotSupported)]
    public void Sentinel_IsKeptDistinct_NeverADate(string text, ReportSentinel expected)
    {
        var row = Some.ReadCredentialReport(Some.CredentialReportCsv(Some.ReportRow(passwordEnabled: "true", passwordLastUsed: text))).Rows.Single();

        row.PasswordLastUsed.Sentinel.ShouldBe(expected);
        row.PasswordLastUsed.Time.ShouldBeNull();
        row.PasswordLastUsed.ToString().ShouldBe(text);
    }

    [Fact]
    public void RootRow_IsRecognised_WithNotSupportedPassword()
    {
        var csv = Some.CredentialReportCsv(Some.ReportRow(CredentialReportRow.RootUser, passwordEnabled: "not_supported", passwordLastUsed: "2025-01-01T10:00:00+00:00", passwordLastChanged: "not_supported", mfa: "true"));

        var row = Some.ReadCredentialReport(csv).Rows.Single();

        row.IsRoot.ShouldBeTrue();
        row.PasswordEnabled.ShouldBe(ReportFlag.NotSupported);
        row.PasswordLastChanged.Sentinel.ShouldBe(ReportSentinel.NotSupported);
        row.Account.ShouldBe(Some.CredentialAccount);
        row.MfaActive.ShouldBeTrue();
    }

    [Fact]
    public void InactiveKey_WithDates_StillExists()
    {
        var row = Some.ReadCredentialReport(Some.CredentialReportCsv(Some.ReportRow(key1Active: "false", key1Rotated: "2024-02-01T00:00:00+00:00", key1Used: "2024-03-01T00:00:00+00:00"))).Rows.Single();

        row.Key1.Active.ShouldBeFalse();
        row.Key1.Exists.ShouldBeTrue();
        row.Key1.LastUsed.Time.ShouldBe(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero));
        row.Key1.LastUsedService.ShouldBe("s3");
        row.Key2.Exists.ShouldBeFalse();
        row.Key2.LastUsedRegion.ShouldBeNull();
    }

    [Theory]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("FALSE", false)]
    [InlineData("false", false)]
    public void Flags_AcceptEveryCasing(string text, bool expected) =>
        Some.ReadCredentialReport(Some.CredentialReportCsv(Some.ReportRow(mfa: text))).Rows.Single().MfaActive.ShouldBe(expected);

    [Fact]
    public void BadFlag_FailsTheRowAlone_NamingLineAndColumn()
    {
        var report = Some.ReadCredentialReport(Some.CredentialReportCsv(Some.ReportRow("alice"), Some.ReportRow("bob", mfa: "yes")), "r.csv");

        report.Rows.Select(r => r.User).ShouldBe(["alice"]);
        report.Errors.Single().ShouldBe("r.csv: line 3: column mfa_active \"yes\" is not TRUE, FALSE or not_supported");
    }

    [Fact]
    public void BadDate_FailsTheRow_NamingTheColumn() =>
        Some.ReadCredentialReport(Some.CredentialReportCsv(Some.ReportRow(key1Rotated: "yesterday")), "r.csv")
            .Errors.Single().ShouldContain("column access_key_1_last_rotated \"yesterday\" is not an ISO 8601 time");

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+00:00")]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("0001-01-01T00:00:00.0000000Z")]
    [InlineData("0001-01-01T00:00:00.0000000+00:00")]
    [InlineData("0001-01-01T00:00:00.000Z")]
    [InlineData("0001-01-01 00:00:00 +0000 UTC")]
    public void TheZeroTimeOfExportingTools_IsNoDate(string date)
    {
        var report = Some.ReadCredentialReport(Some.CredentialReportCsv(Some.ReportRow("bob", key1Active: "true", key1Rotated: "2024-02-01T00:00:00+00:00", key1Used: date)), "r.csv");

        report.Errors.ShouldBeEmpty();
        report.Rows.Single().Keys.First().LastUsed.ShouldBe(ReportTime.NotApplicable);
    }

    [Theory]
    [InlineData("0001-01-02T00:00:00+00:00")]
    [InlineData("9999-12-31T23:59:59+00:00")]
    [InlineData("1969-12-31T23:59:59+00:00")]
    public void OutOfRangeDate_FailsTheRowAlone_NamingTheColumn(string date)
    {
        var report = Some.ReadCredentialReport(Some.CredentialReportCsv(Some.ReportRow("alice"), Some.ReportRow("bob", key1Rotated: date)), "r.csv");

        report.Rows.Select(r => r.User).ShouldBe(["alice"]);
        report.Errors.Single().ShouldBe($"r.csv: line 3: column access_key_1_last_rotated \"{date}\" is not an ISO 8601 time within 1970-01-01 to 2100-01-01, N/A, no_information or not_supported");
    }

    [Fact]
    public void ShortRow_FailsAlone() =>
        Some.ReadCredentialReport(Some.CredentialReportCsv("alice,arn:aws:iam::111122223333:user/alice"), "r.csv")
            .Errors.Single().ShouldBe("r.csv: line 2: expected 22 comma-separated fields, found 2");

    [Fact]
    public void QuotedUserName_WithComma_IsOneField() =>
        Some.ReadCredentialReport(Some.CredentialReportCsv(Some.ReportRow("ops,bot"))).Rows.Single().User.ShouldBe("ops,bot");

    [Fact]
    public void GeneratedAt_IsTheLatestTimeInTheReport_WhenNotGiven()
    {
        var report = Some.ReadCredentialReport(Some.CredentialReportCsv(Some.ReportRow("alice", key1Active: "true", key1Rotated: "2024-02-01T00:00:00+00:00", key1Used: "2025-06-30T08:00:00+00:00")));

        report.GeneratedAt.ShouldBe(new DateTimeOffset(2025, 6, 30, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void GeneratedAt_IsTakenAsGiven() =>
        Some.ReadCredentialReport(Some.CredentialReportCsv(Some.ReportRow()), generatedAt: Some.CredentialEpoch).GeneratedAt.ShouldBe(Some.CredentialEpoch);
}
