using Monitor.Detection;
using Monitor.Detection.Roles;

namespace Monitor.Core.Tests.Detection.Roles;

public sealed class RoleScoreTests
{
    [Theory]
    [InlineData(0, Severity.Low)]
    [InlineData(40, Severity.Low)]
    [InlineData(54, Severity.Low)]
    [InlineData(55, Severity.Medium)]
    [InlineData(74, Severity.Medium)]
    [InlineData(75, Severity.High)]
    [InlineData(99, Severity.High)]
    [InlineData(100, Severity.Critical)]
    [InlineData(250, Severity.Critical)]
    public void SeverityOf_FollowsTheScoreSteps(int score, Severity severity) => RoleScore.SeverityOf(score).ShouldBe(severity);

    [Fact]
    public void ReportAt_IsTwoNoveltiesOrOneBadSignal()
    {
        RoleScore.ReportAt.ShouldBe(40);
        RoleScore.Of([new("new-principal-for-role", 30, "a")]).ShouldBeLessThan(RoleScore.ReportAt);
        RoleScore.Of([new("offensive-user-agent", 40, "a")]).ShouldBe(RoleScore.ReportAt);
    }

    [Fact]
    public void Of_CountsEachSignalOnce_WhateverItsFacts() =>
        RoleScore.Of([new("access-denied-burst", 40, "10 calls"), new("access-denied-burst", 40, "11 calls"), new("session-multiple-networks", 35, "x")]).ShouldBe(75);

    [Fact]
    public void Of_IsZero_WithoutSignals() => RoleScore.Of([]).ShouldBe(0);
}
