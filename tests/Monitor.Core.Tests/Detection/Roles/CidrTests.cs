using System.Net;
using Monitor.Detection.Roles;

namespace Monitor.Core.Tests.Detection.Roles;

public sealed class CidrTests
{
    [Theory]
    [InlineData("203.0.113.0/24", "203.0.113.0", 24)]
    [InlineData(" 10.0.0.0/8 ", "10.0.0.0", 8)]
    [InlineData("198.51.100.7", "198.51.100.7", 32)]
    [InlineData("0.0.0.0/0", "0.0.0.0", 0)]
    [InlineData("2001:db8::/32", "2001:db8::", 32)]
    [InlineData("2001:db8::1", "2001:db8::1", 128)]
    public void TryParse_ReadsTheNetworkAndPrefix(string text, string network, int prefix)
    {
        Cidr.TryParse(text, out var cidr).ShouldBeTrue();

        cidr.ShouldBe(new Cidr(IPAddress.Parse(network), prefix));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-an-address/24")]
    [InlineData("203.0.113.0/33")]
    [InlineData("203.0.113.0/-1")]
    [InlineData("203.0.113.0/x")]
    [InlineData("203.0.113.0/24/1")]
    [InlineData("2001:db8::/129")]
    public void TryParse_Refuses_WhatIsNotACidr(string? text)
    {
        Cidr.TryParse(text, out var cidr).ShouldBeFalse();

        cidr.ShouldBe(default);
    }

    [Theory]
    [InlineData("203.0.113.0/24", "203.0.113.255", true)]
    [InlineData("203.0.113.0/24", "203.0.114.0", false)]
    [InlineData("203.0.113.0/25", "203.0.113.127", true)]
    [InlineData("203.0.113.0/25", "203.0.113.128", false)]
    [InlineData("10.0.0.0/12", "10.15.255.255", true)]
    [InlineData("10.0.0.0/12", "10.16.0.0", false)]
    [InlineData("198.51.100.7/32", "198.51.100.7", true)]
    [InlineData("198.51.100.7/32", "198.51.100.6", false)]
    [InlineData("0.0.0.0/0", "192.0.2.1", true)]
    [InlineData("203.0.113.0/24", "::ffff:203.0.113.9", true)]
    [InlineData("203.0.113.0/24", "2001:db8::1", false)]
    [InlineData("2001:db8::/32", "2001:db8:ffff::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::1", false)]
    public void Contains_ComparesThePrefixBits(string cidr, string address, bool expected)
    {
        Cidr.TryParse(cidr, out var network).ShouldBeTrue();

        network.Contains(IPAddress.Parse(address)).ShouldBe(expected);
    }
}
