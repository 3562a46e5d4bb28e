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
    [InlineData("aws-cli/2.15.0 Python/3.11 Linux/6.5 exe/x86_64.kali.2024", null)]
    [InlineData("aws-cli/2.15.0 md/Botocore os/linux#kali", "kali-linux")]
    [InlineData("Boto3/1.34 md/distrib#parrot", "parrot-linux")]
    [InlineData("Mozilla/5.0 (Pentoo Linux)", "pentoo-linux")]
    [InlineData("aws-cli/2.15.0 os/linux#ubuntu", null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Offensive_NamesTheToolOrSystem(string? userAgent, string? expected) => ToolUserAgents.Offensive(userAgent, onStsOrSignIn: false).ShouldBe(expected);

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
