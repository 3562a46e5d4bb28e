using Monitor.Detection.Credentials;
using Monitor.Records.CredentialReports;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.Credentials;

/// <summary>Report rows are stored as CSV lines and read back by the audit: fields that need quoting survive the trip.</summary>
public sealed class CredentialReportRecorderTests
{
    private static readonly DateTimeOffset Generated = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void QuotesOnlyTheFieldsThatNeedIt()
    {
        string[] fields = ["alice", "ops,bot", "say \"hi\"", "", "plain"];

        var line = CredentialReportRecorder.ToCsv(fields);

        line.ShouldBe("alice,\"ops,bot\",\"say \"\"hi\"\"\",,plain");
        CsvLine.Split(line).ShouldBe(fields);
    }

    [Fact]
    public async Task AUserNameWithACommaSurvivesStorage()
    {
        // IAM user names may contain commas ("+=,.@_-" are allowed).
        var run = await new CredentialRun().RecordAsync(Some.ReadCredentialReport(Some.CredentialReportCsv(Some.ReportRow("ops,bot", mfa: "true")), generatedAt: Generated));

        var user = (await run.UsersAsync()).ShouldHaveSingleItem();

        user.User.ShouldBe("ops,bot");
        user.Arn.ShouldBe($"arn:aws:iam::{Some.CredentialAccount}:user/ops,bot");
        user.Mfa.ShouldBe(true);
    }
}
