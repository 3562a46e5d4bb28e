using System.Net;
using Monitor.Detection.Roles;

namespace Monitor.Core.Tests.Detection.Roles;

public sealed class RoleAllowListTests
{
    private static readonly RoleAllowList List = new()
    {
        Callers = ["arn:aws:iam::111122223333:user/ci", "web-identity:token.actions.githubusercontent.com:repo:org/*"],
        Roles = ["arn:aws:iam::111122223333:role/deploy-*"],
        Networks = ["10.0.0.0/8", "not a cidr", "2001:db8::/32"],
    };

    [Theory]
    [InlineData("arn:aws:iam::111122223333:user/ci", true)]
    [InlineData("arn:aws:iam::111122223333:user/ci2", false)]
    [InlineData("arn:aws:iam::111122223333:user/c", false)]
    [InlineData("web-identity:token.actions.githubusercontent.com:repo:org/app:ref:refs/heads/main", true)]
    [InlineData("web-identity:token.actions.githubusercontent.com:repo:other/app", false)]
    [InlineData(null, false)]
    public void AllowsCaller_ByExactValueOrPrefix(string? caller, bool expected) => List.AllowsCaller(caller).ShouldBe(expected);

    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/deploy-", true)]
    [InlineData("arn:aws:iam::111122223333:role/deploy-prod", true)]
    [InlineData("arn:aws:iam::111122223333:role/deploy", false)]
    [InlineData("arn:aws:iam::111122223333:user/ci", false)]
    [InlineData(null, false)]
    public void AllowsRole_ByExactValueOrPrefix(string? role, bool expected) => List.AllowsRole(role).ShouldBe(expected);

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("11.1.2.3", false)]
    [InlineData("2001:db8::5", true)]
    public void AllowsAddress_InAnyListedNetwork_SkippingUnreadableOnes(string address, bool expected) =>
        List.AllowsAddress(IPAddress.Parse(address)).ShouldBe(expected);

    [Fact]
    public void AllowsNothing_ByDefault()
    {
        RoleAllowList.None.AllowsCaller("anyone").ShouldBeFalse();
        RoleAllowList.None.AllowsRole("any").ShouldBeFalse();
        RoleAllowList.None.AllowsAddress(IPAddress.Loopback).ShouldBeFalse();
        List.AllowsAddress(null).ShouldBeFalse();
    }
}
