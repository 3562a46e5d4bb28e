using System.Text.Json.Nodes;
using Monitor.Records;
using static Monitor.Core.Tests.Records.BetweenGoodRecords;
using static Monitor.Testing.Some;

namespace Monitor.Core.Tests.Records;

/// <summary>
/// Typed blocks of an unexpected shape are read leniently where their meaning is clear: the odd part reads as
/// absent and the record is kept, with no error.
/// </summary>
public sealed class CloudTrailReaderOddBlockTests
{
    [Theory]
    [InlineData("[\"arn:aws:s3:::loose-string\",{\"ARN\":\"arn:aws:s3:::bucket\"}]")]
    [InlineData("[42,{\"ARN\":\"arn:aws:s3:::bucket\"},true]")]
    [InlineData("[[{\"ARN\":\"arn:aws:s3:::nested\"}],{\"ARN\":\"arn:aws:s3:::bucket\"}]")]
    [InlineData("[{\"ARN\":{\"odd\":1}},{\"ARN\":\"arn:aws:s3:::bucket\"},null]")]
    [InlineData("[{\"ARN\":[\"x\"],\"accountId\":{},\"type\":[]},{\"ARN\":\"arn:aws:s3:::bucket\"}]")]
    public async Task DropsTheOddEntries_WhenResourcesHoldsNonObjects(string resources)
    {
        var record = CloudTrail.Record();
        record["resources"] = Marker;

        var (activities, report) = await ReadWithValueAsync(record, resources);

        report.Errors.ShouldBeEmpty();
        activities.Select(a => a.EventId).ShouldBe(["first", "c1f2e3d4-b5a6-4789-9abc-def012345678", "third"]);
        activities[1].Resources.ShouldBe(["arn:aws:s3:::bucket"]);
    }

    [Theory]
    [InlineData("\"x\"")]
    [InlineData("{}")]
    [InlineData("{\"ARN\":\"arn:aws:s3:::bucket\"}")]
    [InlineData("7")]
    [InlineData("false")]
    public async Task ReadsNoResources_WhenResourcesIsNotAnArray(string resources)
    {
        var record = CloudTrail.Record();
        record["resources"] = Marker;

        var (activities, report) = await ReadWithValueAsync(record, resources);

        report.Errors.ShouldBeEmpty();
        activities.Count.ShouldBe(3);
        activities[1].Resources.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("\"root\"")]
    [InlineData("12")]
    [InlineData("[{\"type\":\"Root\"}]")]
    [InlineData("true")]
    public async Task ReadsAnUnknownPrincipal_WhenUserIdentityIsNotAnObject(string identity)
    {
        var record = CloudTrail.Record();
        record["userIdentity"] = Marker;

        var (activities, report) = await ReadWithValueAsync(record, identity);

        report.Errors.ShouldBeEmpty();
        activities.Count.ShouldBe(3);
        activities[1].Principal.ShouldBe(Principal.Unknown);
        activities[1].Record!.UserIdentity.ShouldBeNull();
    }

    [Theory]
    [InlineData("sessionContext", "\"ctx\"")]
    [InlineData("sessionContext", "[1,2]")]
    [InlineData("sessionContext.sessionIssuer", "99")]
    [InlineData("sessionContext.attributes", "[]")]
    [InlineData("sessionContext.webIdFederationData", "\"web\"")]
    [InlineData("onBehalfOf", "\"user\"")]
    public async Task ReadsTheRestOfTheIdentity_WhenANestedBlockIsNotAnObject(string block, string value)
    {
        var identity = CloudTrail.AssumedRole(role: "Admin", session: "alice");
        identity["onBehalfOf"] = new JsonObject();
        identity["sessionContext"]!["webIdFederationData"] = new JsonObject();
        var parts = block.Split('.');
        var parent = parts.Length == 1 ? identity : identity[parts[0]]!.AsObject();
        parent[parts[^1]] = Marker;
        var record = CloudTrail.Record(identity);

        var (activities, report) = await ReadWithValueAsync(record, value);

        report.Errors.ShouldBeEmpty();
        activities.Count.ShouldBe(3);
        var principal = activities[1].Principal;
        principal.Type.ShouldBe(PrincipalType.AssumedRole);
        principal.Arn.ShouldBe($"arn:aws:sts::{CloudTrail.Account}:assumed-role/Admin/alice");
        principal.SessionName.ShouldBe("alice");
    }

    [Theory]
    [InlineData("\"plain text\"")]
    [InlineData("[1,{\"a\":null}]")]
    [InlineData("12.5")]
    public async Task KeepsTheRawValue_WhenAFreeFormBlockIsNotAnObject(string value)
    {
        var record = CloudTrail.Record();
        record["requestParameters"] = Marker;
        record["responseElements"] = Marker;
        record["additionalEventData"] = Marker;

        var (activities, report) = await ReadWithValueAsync(record, value);

        report.Errors.ShouldBeEmpty();
        var read = activities[1].Record!;
        read.RequestParameters!.Value.GetRawText().ShouldBe(value);
        read.ResponseElements!.Value.GetRawText().ShouldBe(value);
        read.AdditionalEventData!.Value.GetRawText().ShouldBe(value);
    }
}
