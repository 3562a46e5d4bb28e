using Monitor.Records;

namespace Monitor.Core.Tests.Records;

public sealed class SourceAddressTests
{
    [Theory]
    [InlineData("198.51.100.7", SourceKind.Public, "198.51.100.0/24")]
    [InlineData("10.1.2.3", SourceKind.Private, "10.1.2.0/24")]
    [InlineData("172.16.0.9", SourceKind.Private, "172.16.0.0/24")]
    [InlineData("192.168.1.1", SourceKind.Private, "192.168.1.0/24")]
    [InlineData("100.64.0.1", SourceKind.Private, "100.64.0.0/24")]
    [InlineData("2001:db8:1234:5678::1", SourceKind.Public, "2001:db8:1234::/48")]
    [InlineData("fd00::1", SourceKind.Private, "fd00::/48")]
    [InlineData("AWS Internal", SourceKind.AwsInternal, null)]
    [InlineData("ec2.amazonaws.com", SourceKind.ServiceName, null)]
    [InlineData("ssm.us-east-1.aws.internal", SourceKind.ServiceName, null)]
    [InlineData("225.01.00.16", SourceKind.Invalid, null)]
    [InlineData("255.090.254.5", SourceKind.Invalid, null)]
    [InlineData("1.2", SourceKind.Invalid, null)]
    [InlineData("300.1.1.1", SourceKind.Invalid, null)]
    [InlineData("not an address", SourceKind.Invalid, null)]
    public void Classifies_WhenParsing(string raw, SourceKind kind, string? network)
    {
        var source = SourceAddress.Parse(raw);

        source.Kind.ShouldBe(kind);
        source.Raw.ShouldBe(raw);
        source.Network.ShouldBe(network);
        source.IsNetworkAddress.ShouldBe(kind is SourceKind.Public or SourceKind.Private);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void IsMissing_WhenEmpty(string? raw)
    {
        SourceAddress.Parse(raw).ShouldBe(SourceAddress.Missing);
    }
}
