using System.Text.Json;
using System.Text.Json.Nodes;
using Monitor.Detection;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection;

public sealed class FindingJsonTests
{
    private static readonly string[] ContractOrder =
        ["id", "detector", "severity", "title", "account", "principal", "time", "eventIds", "signals", "evidence", "recommendation"];

    [Fact]
    public void Parse_ReturnsEveryField_WhenRoundTripped()
    {
        var finding = Some.Finding(
            eventIds: ["a", "b"],
            signals: ["console-login", "no-mfa"],
            evidence: new JsonObject { ["ip"] = "203.0.113.10", ["count"] = 3, ["nested"] = new JsonObject { ["list"] = new JsonArray(1, "two") } });

        var back = FindingJson.Parse(FindingJson.ToJsonLine(finding));

        back.Id.ShouldBe(finding.Id);
        back.Detector.ShouldBe(finding.Detector);
        back.Severity.ShouldBe(finding.Severity);
        back.Title.ShouldBe(finding.Title);
        back.Account.ShouldBe(finding.Account);
        back.Principal.ShouldBe(finding.Principal);
        back.Time.ShouldBe(finding.Time);
        back.EventIds.ShouldBe(["a", "b"]);
        back.Signals.ShouldBe(["console-login", "no-mfa"]);
        back.Evidence.ToJsonString().ShouldBe(finding.Evidence.ToJsonString());
        back.Recommendation.ShouldBe(finding.Recommendation);
        FindingJson.ToJsonLine(back).ShouldBe(FindingJson.ToJsonLine(finding));
    }

    [Fact]
    public void ToJsonLine_WritesPropertiesInContractOrder()
    {
        using var document = JsonDocument.Parse(FindingJson.ToJsonLine(Some.Finding()));

        document.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(ContractOrder);
    }

    [Fact]
    public void ToJsonLine_IsOneLine_WhenTextHoldsNewlines()
    {
        var line = FindingJson.ToJsonLine(Some.Finding(title: "line one\nline two\r\n", evidence: new JsonObject { ["ua"] = "a\nb" }));

        line.ShouldNotContain('\n');
        line.ShouldNotContain('\r');
        line.ShouldNotContain("  ");
    }

    [Theory]
    [InlineData(Severity.Critical, "critical")]
    [InlineData(Severity.High, "high")]
    [InlineData(Severity.Medium, "medium")]
    [InlineData(Severity.Low, "low")]
    [InlineData(Severity.Info, "info")]
    public void ToJsonLine_WritesLowerCaseSeverity(Severity severity, string expected)
    {
        using var document = JsonDocument.Parse(FindingJson.ToJsonLine(Some.Finding(severity: severity)));

        document.RootElement.GetProperty("severity").GetString().ShouldBe(expected);
        FindingJson.Parse(FindingJson.ToJsonLine(Some.Finding(severity: severity))).Severity.ShouldBe(severity);
    }

    [Theory]
    [InlineData("2024-03-01T12:00:00+00:00", "2024-03-01T12:00:00Z")]
    [InlineData("2024-03-01T14:00:00+02:00", "2024-03-01T12:00:00Z")]
    [InlineData("2024-03-01T12:00:00.5+00:00", "2024-03-01T12:00:00.5Z")]
    [InlineData("2024-03-01T12:00:00.1234567+00:00", "2024-03-01T12:00:00.1234567Z")]
    public void ToJsonLine_WritesUtcTime_WithFractionOnlyWhenPresent(string time, string expected)
    {
        var finding = Some.Finding(time: DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture));

        using var document = JsonDocument.Parse(FindingJson.ToJsonLine(finding));

        document.RootElement.GetProperty("time").GetString().ShouldBe(expected);
        FindingJson.Parse(FindingJson.ToJsonLine(finding)).Time.ShouldBe(finding.Time);
    }

    [Theory]
    [InlineData("quote \" and backslash \\")]
    [InlineData("new\nline\rcarriage\ttab")]
    [InlineData("control \u0000\u0001\u001f\u007f")]
    [InlineData("</script><script>alert(1)</script>")]
    [InlineData("<!-- & ' `backtick` ${x}")]
    [InlineData("unicode é 日本 🙂 \u2028\u2029")]
    public void ToJsonLine_EscapesHostileText_AndRoundTripsIt(string hostile)
    {
        var finding = Some.Finding(title: hostile, eventIds: [hostile], signals: [hostile], evidence: new JsonObject { [hostile] = hostile });

        var line = FindingJson.ToJsonLine(finding);
        var back = FindingJson.Parse(line);

        line.ShouldNotContain("</script>");
        line.ShouldNotContain('<');
        line.ShouldNotContain('>');
        line.ShouldNotContain('\n');
        line.ShouldAllBe(c => c >= ' ' && c < 0x7f);
        back.Title.ShouldBe(hostile);
        back.EventIds.ShouldBe([hostile]);
        back.Signals.ShouldBe([hostile]);
        back.Evidence[hostile]!.GetValue<string>().ShouldBe(hostile);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("detector")]
    [InlineData("severity")]
    [InlineData("title")]
    [InlineData("account")]
    [InlineData("principal")]
    [InlineData("time")]
    [InlineData("eventIds")]
    [InlineData("signals")]
    [InlineData("evidence")]
    [InlineData("recommendation")]
    public void Parse_ThrowsNamingTheField_WhenFieldIsMissing(string field)
    {
        var json = JsonNode.Parse(FindingJson.ToJsonLine(Some.Finding()))!.AsObject();
        json.Remove(field);

        var error = Should.Throw<FormatException>(() => FindingJson.Parse(json.ToJsonString()));

        error.Message.ShouldContain($"'{field}'");
    }

    [Theory]
    [InlineData("severity", "\"urgent\"")]
    [InlineData("time", "\"2024-03-01T12:00:00\"")]
    [InlineData("time", "\"yesterday\"")]
    [InlineData("eventIds", "[1]")]
    [InlineData("evidence", "[]")]
    [InlineData("title", "42")]
    public void Parse_ThrowsNamingTheField_WhenFieldIsInvalid(string field, string value)
    {
        var json = JsonNode.Parse(FindingJson.ToJsonLine(Some.Finding()))!.AsObject();
        json[field] = JsonNode.Parse(value);

        var error = Should.Throw<FormatException>(() => FindingJson.Parse(json.ToJsonString()));

        error.Message.ShouldContain($"'{field}'");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{} {}")]
    public void Parse_ThrowsFormatException_WhenNotAFindingObject(string json) =>
        Should.Throw<FormatException>(() => FindingJson.Parse(json));

    [Fact]
    public void Parse_IgnoresUnknownFields()
    {
        var json = JsonNode.Parse(FindingJson.ToJsonLine(Some.Finding()))!.AsObject();
        json["futureField"] = "x";

        FindingJson.Parse(json.ToJsonString()).Id.ShouldBe(Some.Finding().Id);
    }

    [Fact]
    public void Parse_KeepsEvidence_AfterTheDocumentIsGone()
    {
        var back = FindingJson.Parse(FindingJson.ToUtf8Bytes(Some.Finding()));
        GC.Collect();

        back.Evidence["sourceIPAddress"]!.GetValue<string>().ShouldBe("203.0.113.10");
    }

    [Fact]
    public void WriteTo_WritesAFindingInsideALargerDocument()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, FindingJson.WriterOptions))
        {
            writer.WriteStartArray();
            FindingJson.WriteTo(writer, Some.Finding(id: "a"));
            FindingJson.WriteTo(writer, Some.Finding(id: "b"));
            writer.WriteEndArray();
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        document.RootElement.EnumerateArray().Select(e => FindingJson.Read(e).Id).ShouldBe(["a", "b"]);
    }
}
