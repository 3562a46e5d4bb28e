using Monitor.LeastPrivilege.Catalog;

namespace Monitor.Core.Tests.LeastPrivilege.Catalog;

public sealed class EventSourcePrefixesTests
{
    [Theory]
    [InlineData("monitoring.amazonaws.com", "cloudwatch")]
    [InlineData("pricelist.amazonaws.com", "pricing")]
    [InlineData("opensearchservice.amazonaws.com", "es")]
    [InlineData("es.amazonaws.com", "es")]
    [InlineData("cloudcontrolapi.amazonaws.com", "cloudformation")]
    [InlineData("tagging.amazonaws.com", "tag")]
    [InlineData("ec2.amazonaws.com", "ec2")]
    [InlineData("brand-new-service.amazonaws.com", "brand-new-service")]
    public void PrefixFor_MapsEventSourceToIamPrefix(string source, string prefix) =>
        EventSourcePrefixes.Embedded.PrefixFor(source).ShouldBe(prefix);

    [Fact]
    public void Embedded_HoldsTheIamDatasetTable() => EventSourcePrefixes.Embedded.Count.ShouldBe(325);
}
