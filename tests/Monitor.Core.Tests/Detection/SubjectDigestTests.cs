using Monitor.Core.Tests.Pipeline;
using Monitor.Detection;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection;

public sealed class SubjectDigestTests
{
    private static readonly EchoEvent Echo = new("key-1", "e1", "CreateUser", Some.Account, "alice", Some.Time);

    [Fact]
    public void Of_IsTheDetectorIdAndItsEncoding()
    {
        var detector = new EchoDetector();

        SubjectDigest.Of(detector, Echo).ShouldBe("echo\u001f" + detector.Encode(Echo));
    }

    [Fact]
    public void Split_GivesBackTheDetectorAndItsText()
    {
        var detector = new EchoDetector();

        var parts = SubjectDigest.Split(SubjectDigest.Of(detector, Echo)).ShouldNotBeNull();

        parts.Detector.ShouldBe("echo");
        detector.Decode(parts.Text).ShouldBe(Echo);
    }

    [Fact]
    public void Split_CutsAtTheFirstSeparator() => SubjectDigest.Split("a\u001fb\u001fc").ShouldBe(("a", "b\u001fc"));

    [Theory]
    [InlineData("no separator")]
    [InlineData("\u001fno detector")]
    [InlineData("")]
    public void Split_GivesNull_WhenTheTextIsNotADigest(string text) => SubjectDigest.Split(text).ShouldBeNull();

    [Fact]
    public void Attribute_KeepsTheEarliestSubject() => SubjectDigest.Attribute.Merge.ShouldBe(Monitor.State.AttributeMerge.Earliest);
}
