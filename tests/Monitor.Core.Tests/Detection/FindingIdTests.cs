using Monitor.Detection;

namespace Monitor.Core.Tests.Detection;

public sealed class FindingIdTests
{
    [Fact]
    public void For_IsTheDetectorAndTwentyHexDigits()
    {
        var id = FindingId.For("root-usage", "a", "b");

        id.ShouldMatch("^root-usage-[0-9a-f]{20}$");
        FindingId.For("root-usage", "a", "b").ShouldBe(id);
    }

    [Fact]
    public void For_IsAFixedHash_SoStoredIdsStayValid() =>
        FindingId.For("root-usage", "login-failure", "111122223333", "203.0.113.66", "2026-11-10").ShouldBe("root-usage-9de5046875f60943a484");

    [Theory]
    [InlineData("unused-credential", "a", "b")]
    [InlineData("root-usage", "ab", "")]
    [InlineData("root-usage", "a", "c")]
    [InlineData("root-usage", "b", "a")]
    public void For_Differs_WhenTheDetectorOrAnyPartDiffers(string detector, string first, string second) =>
        FindingId.For(detector, first, second)[^20..].ShouldNotBe(FindingId.For("root-usage", "a", "b")[^20..]);

    [Fact]
    public void For_KeepsPartsApart() => FindingId.For("d", "a", "b").ShouldNotBe(FindingId.For("d", "a b"));
}
