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
    public void Family_KeepsNameAndMajorVersion(string? userAgent, string family) => UserAgentFamily.Of(userAgent).ShouldBe(family);

    [Theory]
    [InlineData("TruffleHog", true, "trufflehog")]
    [InlineData("stratus-red-team_39f95f43", false, "stratus-red-team")]
    [InlineData("Boto3/1.34 md/Botocore#1.34 ua/2.0 os/linux#6.6.9-kali1-amd64 Pacu", false, "pacu")]
    [InlineData("aws-cli/2.15.0 ua/2.0 os/linux#6.5.0 md/distrib#kali.2024", false, "kali-linux")]
    [InlineData("python-requests/2.31.0", true, "python-requests")]
    [InlineData("python-requests/2.31.0", false, null)]
    [InlineData("aws-cli/2.18.4 os/linux#6.8.0-1016-aws md/distrib#ubuntu.22", true, null)]
    public void Offensive_NamesTheTool(string userAgent, bool onSts, string? tool) => UserAgentFamily.Offensive(userAgent, onSts).ShouldBe(tool);
}
