using System.Text.Json.Nodes;
using Monitor.Detection;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection;

public sealed class FindingRuleTests
{
    private static readonly FindingRule Rule = new("root-usage", "root-console-login", Severity.High, "Root user signed in", "Enable MFA.");

    private static Finding Build(IReadOnlyList<string>? eventIds = null, IEnumerable<string>? signals = null, string? account = Some.Account, string? title = null) =>
        Rule.Build(["part", null], new FindingAbout(account, "arn:aws:iam::123456789012:root", Some.Time, eventIds ?? ["e1"]), signals ?? ["root-console-login"], new JsonObject { ["k"] = "v" }, title);

    [Fact]
    public void Build_FillsTheContractFromTheRule()
    {
        var finding = Build();

        finding.Id.ShouldBe(FindingId.For("root-usage", "part", null));
        finding.Detector.ShouldBe("root-usage");
        finding.Severity.ShouldBe(Severity.High);
        finding.Title.ShouldBe("Root user signed in");
        finding.Account.ShouldBe(Some.Account);
        finding.Principal.ShouldBe("arn:aws:iam::123456789012:root");
        finding.Time.ShouldBe(Some.Time);
        finding.EventIds.ShouldBe(["e1"]);
        finding.Signals.ShouldBe(["root-console-login"]);
        finding.Evidence["k"]!.GetValue<string>().ShouldBe("v");
        finding.Recommendation.ShouldBe("Enable MFA.");
    }

    [Fact]
    public void Build_UsesTheGivenTitle_WhenThereIsOne() => Build(title: "Root user signed in: 203.0.113.9").Title.ShouldBe("Root user signed in: 203.0.113.9");

    [Fact]
    public void Build_NamesTheAccountUnknown_WhenItIsNotKnown() => Build(account: null).Account.ShouldBe("unknown");

    [Fact]
    public void Build_SortsEventIds_DroppingEmptyAndRepeatedOnes() => Build(eventIds: ["e3", "", "e1", "e3", "e2"]).EventIds.ShouldBe(["e1", "e2", "e3"]);

    [Fact]
    public void Build_KeepsTheLowest50EventIds()
    {
        var ids = Build(eventIds: [.. Enumerable.Range(0, 60).Select(i => $"e{i:D2}").Reverse()]).EventIds;

        ids.Count.ShouldBe(Finding.MaxEventIds);
        ids[0].ShouldBe("e00");
        ids[^1].ShouldBe("e49");
    }

    [Fact]
    public void Build_KeepsSignalsInOrder_OnceEach() => Build(signals: ["root-console-login", "no-mfa", "root-console-login", "new-source-ip", "no-mfa"]).Signals.ShouldBe(["root-console-login", "no-mfa", "new-source-ip"]);

    [Fact]
    public void At_ChangesOnlyTheSeverity()
    {
        var critical = Rule.At(Severity.Critical);

        critical.ShouldBe(Rule with { Severity = Severity.Critical });
        Rule.Severity.ShouldBe(Severity.High);
    }

    [Fact]
    public void About_HoldsOneEvent_WhenGivenOneId() =>
        new FindingAbout(Some.Account, "p", Some.Time, "e1").EventIds.ShouldBe(["e1"]);
}
