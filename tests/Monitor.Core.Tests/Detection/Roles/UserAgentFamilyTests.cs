using Monitor.Detection.Roles;

namespace Monitor.Core.Tests.Detection.Roles;

public sealed class UserAgentFamilyTests
{
    [Theory]
    [InlineData("aws-cli/2.18.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.8.0", "aws-cli/2")]
    [InlineData("Boto3/1.35.54 md/Botocore#1.35.54 ua/2.0", "boto3/1")]
    [InlineData("aws-sdk-go-v2/1.17.0 os/linux lang/go/1.19", "aws-sdk-go-v2/1")]
    [InlineData("aws-sdk-go/1.55.5 (go1.22.7; linux; amd64) amazon-ssm-agent/3.3.987.0", "amazon-ssm-agent/3")]
    [InlineData("APN/1.0 HashiCorp/1.0 Terraform/1.1.2 (+https://www.terraform.io)", "terraform/1")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0.0.0", "browser")]
    [InlineData("[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.770]", "aws-internal")]
    [InlineData("AWS Internal", "aws-internal")]
    [InlineData("lambda.amazonaws.com", "service:lambda.amazonaws.com")]
    [InlineData("stratus-red-team_39f95f43-cd2f", "stratus-red-team")]
    [InlineData(null, "unknown")]
    [InlineData("   ", "unknown")]
    [InlineData("TruffleHog", "trufflehog")]
    [InlineData("aws-sdk-go/1.44 pacu/1.5", "pacu")]
    [InlineData("Pulumi/3.100 (+https://www.pulumi.com)", "pulumi")]
    [InlineData("ansible-aws/7.0", "ansible")]
    [InlineData("Terraform/x", "terraform/?")]
    [InlineData("amazon-ssm-agent", "amazon-ssm-agent/?")]
    [InlineData("Opera/9.80 (Windows NT 6.1)", "browser")]
    [InlineData("  [aws-cli/2.18.4 md/awscrt", "aws-cli/2")]
    [InlineData("console.amazonaws.com", "service:console.amazonaws.com")]
    [InlineData("my tool/1.0", "my")]
    [InlineData("custom-client", "custom-client")]
    [InlineData("/1.0", "/1.0")]
    [InlineData("client/v2", "client/?")]
    [InlineData("a-client-name-that-is-longer-than-forty-characters/12.1", "a-client-name-that-is-longer-than-forty-/12")]
    [InlineData("a-client-name-that-is-longer-than-forty-characters", "a-client-name-that-is-longer-than-forty-")]
    public void Family_KeepsNameAndMajorVersion(string? userAgent, string family) => UserAgentFamily.Of(userAgent).ShouldBe(family);

    [Theory]
    [InlineData("browser", true)]
    [InlineData("aws-internal", true)]
    [InlineData("aws-cli/2", false)]
    [InlineData("service:lambda.amazonaws.com", false)]
    public void IsConsole_ForTheBrowserAndTheConsolesBackEnd(string family, bool expected) => UserAgentFamily.IsConsole(family).ShouldBe(expected);
}
