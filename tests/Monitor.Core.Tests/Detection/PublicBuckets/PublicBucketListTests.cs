using Monitor.Detection.PublicBuckets;

namespace Monitor.Core.Tests.Detection.PublicBuckets;

public sealed class PublicBucketListTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_GivesNone_WhenNothingIsListed(string? text)
    {
        var list = PublicBucketList.Parse(text);

        list.ShouldBeSameAs(PublicBucketList.None);
        list.Contains("example-bucket").ShouldBeFalse();
    }

    [Fact]
    public void Parse_TrimsEntries_AndDropsEmptyOnes()
    {
        var list = PublicBucketList.Parse(" public-site , ,assets-* ");

        list.Entries.ShouldBe(["public-site", "assets-*"]);
    }

    [Theory]
    [InlineData("public-site", true)]
    [InlineData("assets-", true)]
    [InlineData("assets-eu", true)]
    [InlineData("public-site-2", false)]
    [InlineData("Public-site", false)]
    [InlineData("my-assets-eu", false)]
    [InlineData("public", false)]
    public void Contains_MatchesExactNamesAndPrefixes(string bucket, bool expected) =>
        PublicBucketList.Parse("public-site,assets-*").Contains(bucket).ShouldBe(expected);

    [Fact]
    public void Contains_MatchesEveryBucket_WhenTheEntryIsABareStar() =>
        new PublicBucketList(["*"]).Contains("anything").ShouldBeTrue();

    [Fact]
    public void Constructor_RejectsNoEntries() =>
        Should.Throw<ArgumentNullException>(() => new PublicBucketList(null!));
}
