using System.Text.Json;
using Monitor.Cli.LeastPrivilege;

namespace Monitor.Cli.Tests.LeastPrivilege;

/// <summary><c>monitor policy</c> over the least-privilege sample (events/least-privilege).</summary>
public sealed class PolicyCommandTests
{
    private const string ReportWriter = "arn:aws:iam::444455556666:role/service/report-writer";

    private static string Sample => Path.Combine(RepositoryPaths.Events, "least-privilege");

    private static string Golden => Path.Combine(RepositoryPaths.Root, "tests", "Monitor.Cli.Tests", "LeastPrivilege", "Goldens", "report-writer.policy.json");

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var format = args.Contains("--json") ? PolicyFormat.Json : PolicyFormat.Text;
        var principal = args.FirstOrDefault(a => a.StartsWith("arn:", StringComparison.Ordinal));
        var exit = await PolicyCommand.ExecuteAsync([Sample], Path.Combine(RepositoryPaths.Events, "objects"), principal, format, inline: false, output, errors, TestContext.Current);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Policy_ForTheReportWriterRole_IsExactlyTheGolden()
    {
        var (exit, output, errors) = await RunAsync(ReportWriter, "--json");

        exit.ShouldBe(0, errors);
        if (Environment.GetEnvironmentVariable("MONITOR_UPDATE_GOLDENS") == "1")
        {
            await File.WriteAllTextAsync(Golden, output);
        }

        output.ShouldBe(await File.ReadAllTextAsync(Golden));
    }

    [Fact]
    public async Task Policy_Json_FollowsTheContract()
    {
        var (exit, output, errors) = await RunAsync("--json");

        exit.ShouldBe(0, errors);
        using var json = JsonDocument.Parse(output);
        var principals = json.RootElement.GetProperty("principals").EnumerateArray().ToList();
        principals.Select(p => p.GetProperty("principal").GetString()).ShouldBe([
            "arn:aws:iam::444455556666:role/ci-deployer",
            ReportWriter,
            "arn:aws:iam::444455556666:user/legacy-admin",
        ]);
        var writer = principals[1];
        writer.GetProperty("policy").GetProperty("Version").GetString().ShouldBe("2012-10-17");
        writer.GetProperty("denied")[0].GetProperty("action").GetString().ShouldBe("iam:ListRoles");
        writer.GetProperty("denied")[0].GetProperty("count").GetInt32().ShouldBe(1);
        writer.GetProperty("unmapped").GetArrayLength().ShouldBe(0);
        output.ShouldNotContain("GetCallerIdentity");
    }

    [Fact]
    public async Task Policy_UnknownPrincipal_FailsWithAClearMessage()
    {
        var (exit, _, errors) = await RunAsync("arn:aws:iam::444455556666:role/nobody");

        exit.ShouldBe(1);
        errors.ShouldContain("no activity of arn:aws:iam::444455556666:role/nobody");
    }

    [Fact]
    public async Task Policy_Text_PrintsEachPrincipalsPolicyAndDeniedCalls()
    {
        var (exit, output, _) = await RunAsync();

        exit.ShouldBe(0);
        output.ShouldContain("# arn:aws:iam::444455556666:role/ci-deployer");
        output.ShouldContain("\"iam:PassedToService\": \"lambda.amazonaws.com\"");
        output.ShouldContain("denied: iam:ListRoles x1");
    }
}
