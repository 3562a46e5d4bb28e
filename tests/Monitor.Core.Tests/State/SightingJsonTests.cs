using System.Text;
using Monitor.State;
using Monitor.Testing;

namespace Monitor.Core.Tests.State;

public sealed class SightingJsonTests
{
    [Fact]
    public void FromBody_RestoresDaysAndAttributes_WhenRoundTripped()
    {
        var sighting = Some.Sighting(attributes: new Dictionary<string, string> { ["ua"] = "aws-cli/2.15 \"quoted\"\n日本", ["ip"] = "203.0.113.10" })
            .Merge(Some.Sighting(at: Some.StateEpoch.AddDays(3).AddTicks(1234567), attributes: new Dictionary<string, string> { ["ip"] = "198.51.100.7" }));

        var back = RoundTrip(sighting);

        back.Key.ShouldBe(sighting.Key);
        back.FirstSeen.ShouldBe(sighting.FirstSeen);
        back.LastSeen.ShouldBe(sighting.LastSeen);
        back.Days.ShouldBe(sighting.Days);
        back.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).ShouldBe(sighting.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal));
        back.Attribute("ip").ShouldBe("198.51.100.7");
        back.Attributes["ip"].At.ShouldBe(Some.StateEpoch.AddDays(3).AddTicks(1234567));
    }

    [Fact]
    public void ToBody_IsCompact_WhenNoAttributes()
    {
        var sighting = Some.Sighting();

        SightingJson.ToBody(sighting).ShouldBe($"{{\"d\":[{Sighting.DayNumber(Some.StateEpoch)}]}}");
        RoundTrip(sighting).Attributes.ShouldBeEmpty();
    }

    [Fact]
    public void ToBody_IsTheSame_WhateverOrderAttributesMergedIn()
    {
        var a = Some.Sighting(attributes: new Dictionary<string, string> { ["b"] = "1" });
        var b = Some.Sighting(attributes: new Dictionary<string, string> { ["a"] = "2" });

        SightingJson.ToBody(a.Merge(b)).ShouldBe(SightingJson.ToBody(b.Merge(a)));
    }

    [Fact]
    public void ToBody_KeepsNonAsciiAsUtf8_AndEscapesQuotes()
    {
        var body = SightingJson.ToBody(Some.Sighting(attributes: new Dictionary<string, string> { ["ua"] = "é\"" }));

        body.ShouldContain("é\\\"");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"d\":[\"x\"]}")]
    [InlineData("{\"a\":{\"ua\":{\"v\":\"x\"}}}")]
    [InlineData("{\"a\":{\"ua\":{\"v\":\"x\",\"t\":\"soon\"}}}")]
    public void FromBody_ThrowsFormatException_WhenBodyIsCorrupt(string body) =>
        Should.Throw<FormatException>(() => SightingJson.FromBody(new StateKey("s", "m"), Some.StateEpoch, Some.StateEpoch, body));

    private static Sighting RoundTrip(Sighting sighting) =>
        SightingJson.FromBody(sighting.Key, sighting.FirstSeen, sighting.LastSeen, Encoding.UTF8.GetBytes(SightingJson.ToBody(sighting)));
}
