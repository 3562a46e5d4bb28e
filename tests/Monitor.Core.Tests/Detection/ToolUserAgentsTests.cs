using Monitor.Detection;

namespace Monitor.Core.Tests.Detection;

public sealed class ToolUserAgentsTests
{
    [Theory]
    [InlineData("stratus-red-team_8d2c", "stratus-red-team")]
    [InlineData("TruffleHog", "trufflehog")]
    [InlineData("aws-sdk-go/1.44 pacu/1.5", "pacu")]
    [InlineData("ScoutSuite/5.14", "scoutsuite")]
    [InlineData("cloudfox/1.12", "cloudfox")]
    [InlineData("aws-cli/2.15.0 Python/3.11 Linux/6.5 exe/x86_64.kali.2024", "kali-linux")]
    [InlineData("aws-cli/2.13.0 Python/3.11.4 Linux/6.3.0-kali1-amd64 exe/x86_64.kali.2023 prompt/off", "kali-linux")]
    [InlineData("aws-cli/2.15.0 Python/3.11 Linux/6.5.0-13parrot1-amd64 exe/x86_64.parrot.6", "parrot-linux")]
    [InlineData("aws-cli/2.15.0 Python/3.11 Linux/6.5.0-1016-aws exe/x86_64.amzn.2023", null)]
    [InlineData("aws-cli/2.15.0 Python/3.11 Darwin/23.1.0 exe/x86_64 command/kali.list", null)]
    [InlineData("aws-cli/2.13.0 Python/3.11.4 Linux/6.3.0-kali1-amd64 exe/x86_64 prompt/off", "kali-linux")]
    [InlineData("linux/6.3.0-kali1-amd64", "kali-linux")]
    [InlineData("aws-cli/2.15.0 Python/3.11 Linux/6.5.0-1016-aws exe/x86_64 command/kali-report", null)]
    [InlineData("aws-cli/2.15.0 md/Botocore os/linux#kali", "kali-linux")]
    [InlineData("Boto3/1.34 md/distrib#parrot", "parrot-linux")]
    [InlineData("Mozilla/5.0 (Pentoo Linux)", "pentoo-linux")]
    [InlineData("aws-cli/2.15.0 os/linux#ubuntu", null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Offensive_NamesTheToolOrSystem(string? userAgent, string? expected) => ToolUserAgents.Offensive(userAgent, onStsOrSignIn: false).ShouldBe(expected);

    [Theory]
    [InlineData("TruffleHog", true, "trufflehog")]
    [InlineData("stratus-red-team_39f95f43", false, "stratus-red-team")]
    [InlineData("Boto3/1.34 md/Botocore#1.34 ua/2.0 os/linux#6.6.9-kali1-amd64 Pacu", false, "pacu")]
    [InlineData("aws-cli/2.15.0 ua/2.0 os/linux#6.5.0 md/distrib#kali.2024", false, "kali-linux")]
    [InlineData("python-requests/2.31.0", true, "python-requests")]
    [InlineData("python-requests/2.31.0", false, null)]
    [InlineData("aws-cli/2.18.4 os/linux#6.8.0-1016-aws md/distrib#ubuntu.22", true, null)]
    [InlineData("aws-cli/2.15.0 os/linux#parrot", false, "parrot-linux")]
    [InlineData("Mozilla/5.0 (Pentoo Linux)", false, "pentoo-linux")]
    [InlineData("", true, null)]
    [InlineData(null, true, null)]
    [InlineData("my-app python-requests/2.31.0", true, null)]
    public void Offensive_NamesTheTool_OnStsOrNot(string? userAgent, bool onSts, string? tool) => ToolUserAgents.Offensive(userAgent, onSts).ShouldBe(tool);

    [Theory]
    [InlineData(true, "python-requests")]
    [InlineData(false, null)]
    public void Offensive_CountsPythonRequests_OnlyOnStsOrSignIn(bool onStsOrSignIn, string? expected) =>
        ToolUserAgents.Offensive("python-requests/2.31.0", onStsOrSignIn).ShouldBe(expected);

    [Fact]
    public void Offensive_CountsPythonRequests_OnlyWhenItLeads() =>
        ToolUserAgents.Offensive("my-app python-requests/2.31.0", onStsOrSignIn: true).ShouldBeNull();

    [Theory]
    [InlineData("python-requests/2.31.0", true)]
    [InlineData("curl/8.4.0", true)]
    [InlineData("Go-http-client/1.1", true)]
    [InlineData("OkHttp/4.12", true)]
    [InlineData("trufflehog", true)]
    [InlineData("aws-cli/2.15.0 md/Botocore os/linux#kali", true)]
    [InlineData("aws-cli/2.15.0 Python/3.11.6", false)]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64)", false)]
    [InlineData(null, false)]
    public void IsTool_ForOffensiveToolsAndScriptingClients(string? userAgent, bool expected) => ToolUserAgents.IsTool(userAgent).ShouldBe(expected);
}
