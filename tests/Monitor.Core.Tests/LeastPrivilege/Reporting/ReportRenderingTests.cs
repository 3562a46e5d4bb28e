using System.Text.Json;
using Monitor.LeastPrivilege;
using Monitor.LeastPrivilege.Catalog;
using Monitor.LeastPrivilege.Granted;
using Monitor.LeastPrivilege.Mapping;
using Monitor.LeastPrivilege.Reporting;
using Monitor.Records;
using Monitor.Testing;

namespace Monitor.Core.Tests.LeastPrivilege.Reporting;

public sealed class ReportRenderingTests
{
    private const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>|*[x](javascript:alert(3))`";

    private static LeastPrivilegeReport HostileReport()
    {
        var principal = new Principal(PrincipalType.IamUser, $"arn:aws:iam::123456789012:user/{Hostile}", $"arn:aws:iam::123456789012:user/{Hostile}", "123456789012");
        var usage = new UsageAggregator(ActionMapper.Embedded);
        usage.Observe(Some.Call("iam.amazonaws.com", Hostile, principal: principal));
        usage.Observe(Some.Call("iam.amazonaws.com", "GetUser", $$"""{"userName":"{{Hostile.Replace("\"", "", StringComparison.Ordinal)}}"}""", principal: principal));
        var granted = new GrantedPrincipal(principal.Key, Hostile, "user", [new GrantedPolicy(Hostile, "inline", [new GrantStatement(true, ["iam:PutUserPolicy"], [], ["*"], false)])]);
        return new ReportBuilder(IamCatalog.Embedded).Build(usage, [granted], Some.Time);
    }

    [Fact]
    public void Html_EscapesEveryHostileName()
    {
        var html = ReportHtml.Render(HostileReport());

        html.ShouldNotContain("<script");
        html.ShouldNotContain("<img");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain("default-src 'none'");
        html.ShouldContain("<svg");
    }

    [Fact]
    public void Html_IsSelfContained()
    {
        var html = ReportHtml.Render(HostileReport());

        html.ShouldNotContain("src=\"http");
        html.ShouldNotContain("href=\"http");
        html.ShouldNotContain("<script");
        html.ShouldNotContain("<link");
    }

    [Fact]
    public void Markdown_EscapesEveryHostileName()
    {
        var markdown = ReportMarkdown.Render(HostileReport());
        var outsideCode = string.Join('\n', markdown.Split("```json")[0]);

        outsideCode.ShouldNotContain("<script");
        outsideCode.ShouldNotContain("<img");
        outsideCode.ShouldNotContain("[x](");
        outsideCode.ShouldContain("&lt;script&gt;");
        outsideCode.ShouldContain("\\[x\\]\\(javascript:alert\\(3\\)\\)");
    }

    [Fact]
    public void Markdown_TableCellsCannotBeBrokenByPipes() =>
        MarkdownText.Escape("a|b\nc").ShouldBe("a\\|b c");

    [Fact]
    public void Json_IsValid_AndCarriesTheHostileTextAsData()
    {
        using var json = JsonDocument.Parse(ReportJson.Render(HostileReport()));

        var principal = json.RootElement.GetProperty("principals")[0];
        principal.GetProperty("principal").GetString().ShouldEndWith(Hostile);
        principal.GetProperty("unused").GetProperty("Permissions management")[0].GetString().ShouldBe("iam:PutUserPolicy");
        principal.GetProperty("unmapped")[0].GetProperty("eventName").GetString().ShouldBe(Hostile);
    }

    [Fact]
    public void Chart_HasOneBarGroupPerPrincipal()
    {
        var report = HostileReport();

        var svg = ReportChart.Svg(report.Principals);

        svg.ShouldStartWith("<svg");
        svg.ShouldContain("1 unused");
        svg.ShouldNotContain("<script");
    }
}
