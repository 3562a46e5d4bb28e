using Monitor.Lambda.Handlers;

namespace Monitor.Lambda.Tests;

public sealed class PublicBucketSettingsTests
{
    private static Dictionary<string, string> Environment(string? publicBuckets) => new()
    {
        ["_HANDLER"] = HandlerCatalog.IngestAccessLog,
        ["AWS_REGION"] = "eu-west-1",
        ["MONITOR_STATE_TABLE"] = "state",
        ["MONITOR_ALERT_QUEUE_URL"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/alerts",
        ["MONITOR_PUBLIC_BUCKETS"] = publicBuckets ?? "",
    };

    [Fact]
    public void NoBucketIsPublic_WhenVariableIsEmpty()
    {
        var settings = Settings.Load(Environment(null));

        settings.Detection.PublicBuckets.PublicBuckets.Entries.ShouldBeEmpty();
        HandlerCatalog.Exists(settings.Handler).ShouldBeTrue();
    }

    [Fact]
    public void ListsNamesAndPrefixes_WhenVariableIsSet()
    {
        var buckets = Settings.Load(Environment("www.example.com, public-assets-*")).Detection.PublicBuckets.PublicBuckets;

        buckets.Contains("www.example.com").ShouldBeTrue();
        buckets.Contains("public-assets-eu").ShouldBeTrue();
        buckets.Contains("example-prod-data").ShouldBeFalse();
    }

    [Theory]
    [InlineData("Upper-Case")]
    [InlineData("a*b")]
    [InlineData("*")]
    public void Load_NamesTheVariable_WhenABucketNameIsInvalid(string value)
    {
        Should.Throw<SettingsException>(() => Settings.Load(Environment(value))).Variable.ShouldBe("MONITOR_PUBLIC_BUCKETS");
    }
}
