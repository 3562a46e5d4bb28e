using System.Text.Json;
using Monitor.LeastPrivilege;
using Monitor.LeastPrivilege.Catalog;
using Monitor.LeastPrivilege.Mapping;
using Monitor.LeastPrivilege.Policies;
using Monitor.Testing;

namespace Monitor.Core.Tests.LeastPrivilege.Policies;

public sealed class PolicyBuilderTests
{
    private static readonly PolicyBuilder Builder = new(IamCatalog.Embedded);

    private static PrincipalUsage Observe(params Monitor.Records.Activity[] activities)
    {
        var aggregator = new UsageAggregator(ActionMapper.Embedded);
        foreach (var activity in activities)
        {
            aggregator.Observe(activity);
        }

        return aggregator.Principals.Values.Single();
    }

    [Fact]
    public void Build_GroupsActionsBySharedResources_SortedAndValid()
    {
        var usage = Observe(
            Some.Call("s3.amazonaws.com", "PutObject", """{"bucketName":"b","key":"k"}"""),
            Some.Call("s3.amazonaws.com", "GetObject", """{"bucketName":"b","key":"k"}"""),
            Some.Call("iam.amazonaws.com", "ListRoles"),
            Some.Call("s3.amazonaws.com", "ListBuckets"));

        var suggestion = Builder.Build(usage);

        suggestion.Reductions.ShouldBeEmpty();
        var document = suggestion.Documents.Single();
        document.Statements.Select(s => string.Join(',', s.Actions) + " on " + string.Join(',', s.Resources)).ShouldBe([
            "iam:ListRoles,s3:ListAllMyBuckets on *",
            "s3:GetObject,s3:PutObject on arn:aws:s3:::b/k",
        ]);
        using var json = JsonDocument.Parse(PolicyJson.ToJson(document));
        json.RootElement.GetProperty("Version").GetString().ShouldBe("2012-10-17");
        json.RootElement.GetProperty("Statement").EnumerateArray().ShouldAllBe(s => s.GetProperty("Effect").GetString() == "Allow");
        document.Statements.Select(s => s.Sid).ShouldBeUnique();
        document.Statements.ShouldAllBe(s => s.Sid.All(char.IsAsciiLetterOrDigit));
    }

    [Fact]
    public void Build_IsStable_WhateverTheOrderOfTheInput()
    {
        var calls = Enumerable.Range(0, 30).Select(i => Some.Call("dynamodb.amazonaws.com", i % 2 == 0 ? "GetItem" : "PutItem", $$"""{"tableName":"t{{i % 7}}"}""")).ToArray();

        var forward = PolicyJson.ToJson(Builder.Build(Observe(calls)).Documents[0]);
        var backward = PolicyJson.ToJson(Builder.Build(Observe([.. calls.Reverse()])).Documents[0]);

        backward.ShouldBe(forward);
    }

    [Fact]
    public void Build_PassRole_CarriesThePassedToServiceCondition()
    {
        var usage = Observe(Some.Call("lambda.amazonaws.com", "CreateFunction20150331", """{"functionName":"f","role":"arn:aws:iam::123456789012:role/x"}"""));

        var json = PolicyJson.ToJson(Builder.Build(usage).Documents[0]);

        json.ShouldContain("\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":\"lambda.amazonaws.com\"}}");
    }

    [Fact]
    public void Size_IgnoresWhitespace()
    {
        var document = new PolicyDocument([new PolicyStatement("A", ["s3:GetObject"], ["*"])]);

        PolicyJson.Size(document).ShouldBe(PolicyJson.ToJson(document, indented: true).Count(c => !char.IsWhiteSpace(c)));
    }

    [Fact]
    public void Build_UnderBudget_AppliesNoReduction()
    {
        var usage = Observe(Some.Call("s3.amazonaws.com", "GetObject", """{"bucketName":"b","key":"k"}"""));

        Builder.Build(usage).Reductions.ShouldBeEmpty();
    }

    [Fact]
    public void Build_OverBudget_CollapsesResourcesFirst()
    {
        // 40 roles of 4 name prefixes: too long as ARNs, fits once each prefix collapses.
        var calls = Enumerable.Range(0, 160).Select(i => Some.Call("iam.amazonaws.com", "GetRole", $$"""{"roleName":"team{{i % 4}}-application-role-{{i:D3}}-x"}""")).ToArray();

        var suggestion = Builder.Build(Observe(calls));

        suggestion.Reductions.ShouldBe(["collapse-resources"]);
        suggestion.Size.ShouldBeLessThanOrEqualTo(PolicyBudgets.Managed);
        suggestion.Documents.Single().Statements.Single().Resources.Count.ShouldBe(4);
    }

    [Fact]
    public void Build_OverBudget_WidensActionsOnlyAfterResources_AndSplitsLast()
    {
        var catalog = IamCatalog.Embedded;
        var calls = catalog.Services["ec2"].Actions.Values.Where(a => !a.SupportsResourceScoping).Take(400)
            .Select(a => Some.Call("ec2.amazonaws.com", a.Action.Name)).ToArray();

        var suggestion = Builder.Build(Observe(calls));

        suggestion.Reductions.ShouldBe(["collapse-resources", "resource-type-wildcards", "action-wildcards"]);
        suggestion.OverBudget.ShouldBeFalse();
        var granted = suggestion.Documents.SelectMany(d => d.Statements).SelectMany(s => s.Actions).SelectMany(catalog.Expand).Select(a => a.Action.ToString()).ToHashSet();
        granted.SetEquals(calls.Select(c => "ec2:" + catalog.Find("ec2", c.EventName)!.Action.Name)).ShouldBeTrue("catalog-safe prefixes grant exactly the used actions");
    }

    [Fact]
    public void Build_WhenNothingElseFits_SplitsIntoSeveralDocumentsWithinBudget()
    {
        var calls = IamCatalog.Embedded.Services.Values.Where(s => s.Prefix.StartsWith('c')).SelectMany(s => s.Actions.Values.Where(a => !a.SupportsResourceScoping).Take(60))
            .Select(a => Some.Call($"{a.Action.Service}.amazonaws.com", a.Action.Name)).ToArray();

        var suggestion = Builder.Build(Observe(calls));

        suggestion.Reductions[^1].ShouldBe("split");
        suggestion.Documents.Count.ShouldBeGreaterThan(1);
        suggestion.Documents.ShouldAllBe(d => PolicyJson.Size(d) <= PolicyBudgets.Managed);
    }

    [Fact]
    public void Build_InlineBudget_FitsMoreBeforeReducing()
    {
        var calls = Enumerable.Range(0, 160).Select(i => Some.Call("iam.amazonaws.com", "GetRole", $$"""{"roleName":"r-{{i:D3}}-{{new string('x', 20)}}"}""")).ToArray();
        var usage = Observe(calls);

        Builder.Build(usage, PolicyBudgets.RoleInline).Reductions.Count.ShouldBeLessThanOrEqualTo(Builder.Build(usage).Reductions.Count);
    }
}
