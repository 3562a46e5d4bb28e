using Monitor.Cli.Output;

namespace Monitor.Cli.Tests.Output;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("\u001b[31mred", "\\u001b[31mred")]
    [InlineData("a\nb", "a\\u000ab")]
    [InlineData("evil\u202Etxt.exe", "evil\\u202etxt.exe")]
    [InlineData("plain aws-cli/2.15.0", "plain aws-cli/2.15.0")]
    public void Safe_EscapesWhatATerminalWouldInterpret(string input, string expected) =>
        TerminalText.Safe(input).ShouldBe(expected);

    [Fact]
    public void Safe_CutsVeryLongText() =>
        TerminalText.Safe(new string('x', 1000), maxLength: 10).ShouldBe("xxxxxxxxxx…");
}
