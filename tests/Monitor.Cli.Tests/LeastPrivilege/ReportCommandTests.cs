using System.Text.Json;
using Monitor.Cli.LeastPrivilege;

namespace Monitor.Cli.Tests.LeastPrivilege;

/// <summary><c>monitor report</c> over the least-privilege sample and its authorization details.</summary>
public sealed class ReportCommandTests
{
    private static string Sample => Path.Combine(RepositoryPaths.Events, "least-privilege");

    private static async Task<(int Exit, string Folder, string Errors)> RunAsync(bool granted = true)
    {
        var folder = Directory.CreateTempSubdirectory("monitor-report-").FullName;
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await ReportCommand.ExecuteAsync([Sample], folder, granted ? Path.Combine(Sample, "authorization-details.json") : null, Path.Combine(RepositoryPaths.Events, "objects"), inline: false, output, errors, TestContext.Current);
        return (exit, folder, errors.ToString());
    }

    [Fact]
    public async Task Report_ShowsUnusedWriteAndPermissionsManagementGrants()
    {
        var (exit, folder, errors) = await RunAsync();
        try
        {
            exit.ShouldBe(0, errors);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "report.json")));
            var writer = json.RootElement.GetProperty("principals").EnumerateArray().Single(p => p.GetProperty("principal").GetString()!.EndsWith("role/service/report-writer", StringComparison.Ordinal));
            var unused = writer.GetProperty("unused");
            Names(unused.GetProperty("Permissions management")).ShouldBe(["iam:AttachRolePolicy", "iam:PutRolePolicy"]);
            Names(unused.GetProperty("Write")).ShouldBe(["dynamodb:DeleteItem", "dynamodb:PutItem", "kms:Encrypt", "s3:DeleteObject", "ssm:PutParameter"], "DynamoDB and S3 data events were read, so their data actions are observable");
            Names(writer.GetProperty("usageUnknown")).ShouldBe(["sqs:SendMessage"], "no SQS data events were read");
            Names(writer.GetProperty("used")).ShouldBe(["dynamodb:Query", "kms:Decrypt", "s3:GetObject", "s3:PutObject", "ssm:GetParameter"]);
            var properties = unused.EnumerateObject().Select(p => p.Name).ToList();
            properties.IndexOf("Permissions management").ShouldBe(0);

            var idle = json.RootElement.GetProperty("principals").EnumerateArray().Single(p => p.GetProperty("principal").GetString()!.EndsWith("role/idle-auditor", StringComparison.Ordinal));
            Names(idle.GetProperty("unusedServices")).ShouldBe(["cloudtrail", "config"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Report_WritesJsonMarkdownAndOneSelfContainedHtmlPage()
    {
        var (exit, folder, errors) = await RunAsync();
        try
        {
            exit.ShouldBe(0, errors);
            var html = await File.ReadAllTextAsync(Path.Combine(folder, "report.html"));
            html.ShouldStartWith("<!DOCTYPE html>");
            html.ShouldContain("<svg");
            html.ShouldNotContain("<script");
            html.ShouldContain("legacy-&lt;script&gt;alert(1)&lt;/script&gt;", Case.Sensitive, "the hostile inline policy name is escaped");
            (await File.ReadAllTextAsync(Path.Combine(folder, "report.md"))).ShouldContain("# Least-privilege report");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Report_WithoutGrants_StillSuggestsPolicies()
    {
        var (exit, folder, errors) = await RunAsync(granted: false);
        try
        {
            exit.ShouldBe(0, errors);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "report.json")));
            json.RootElement.GetProperty("principals").GetArrayLength().ShouldBe(3);
            json.RootElement.GetProperty("principals").EnumerateArray().ShouldAllBe(p => !p.GetProperty("grantsKnown").GetBoolean());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> Names(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task CredentialReport_ShowsEachUsersKeysAndPassword_BesideWhatTheyUsed()
    {
        var folder = Directory.CreateTempSubdirectory("monitor-report-creds-").FullName;
        var csv = Path.Combine(folder, "credential-report.csv");
        var row = Monitor.Testing.Some.ReportRow("legacy-admin", passwordEnabled: "true", passwordLastUsed: "2026-10-01T08:00:00+00:00", passwordLastChanged: "2025-01-01T00:00:00+00:00",
            key1Active: "true", key1Rotated: "2025-01-01T00:00:00+00:00", key1Used: "2026-11-01T09:00:00+00:00");
        await File.WriteAllTextAsync(csv, Monitor.Testing.Some.CredentialReportCsv(row.Replace(Monitor.Testing.Some.CredentialAccount, "444455556666", StringComparison.Ordinal)));
        try
        {
            var exit = await ReportCommand.ExecuteAsync([Sample], folder, Path.Combine(Sample, "authorization-details.json"), Path.Combine(RepositoryPaths.Events, "objects"), inline: false, new StringWriter(), new StringWriter(), TestContext.Current, credentialReportFile: csv);

            exit.ShouldBe(0);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "report.json")));
            var admin = json.RootElement.GetProperty("principals").EnumerateArray().Single(p => p.GetProperty("principal").GetString()!.EndsWith("user/legacy-admin", StringComparison.Ordinal));
            Names(admin.GetProperty("credentials")).ShouldBe([
                "console password, last used 2026-10-01T08:00:00Z, changed 2025-01-01T00:00:00Z",
                "access_key_1 active, rotated 2025-01-01T00:00:00Z, last used 2026-11-01T09:00:00Z (s3)",
                "no MFA device",
            ]);
            (await File.ReadAllTextAsync(Path.Combine(folder, "report.md"))).ShouldContain("no MFA device");
            (await File.ReadAllTextAsync(Path.Combine(folder, "report.html"))).ShouldContain("access_key_1 active");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task CredentialReport_ThatIsNotOne_IsAnErrorWithExitCodeTwo()
    {
        var folder = Directory.CreateTempSubdirectory("monitor-report-bad-").FullName;
        var csv = Path.Combine(folder, "not-a-report.csv");
        await File.WriteAllTextAsync(csv, "name,age\nbob,42\n");
        try
        {
            var errors = new StringWriter();
            var exit = await ReportCommand.ExecuteAsync([Sample], folder, null, Path.Combine(RepositoryPaths.Events, "objects"), inline: false, new StringWriter(), errors, TestContext.Current, credentialReportFile: csv);

            exit.ShouldBe(2);
            errors.ToString().ShouldContain("--credential-report");
            errors.ToString().ShouldContain("not-a-report.csv");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
