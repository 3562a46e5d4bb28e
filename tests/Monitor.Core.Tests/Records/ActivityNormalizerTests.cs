using System.Text.Json;
using System.Text.Json.Nodes;
using Monitor.Records;
using static Monitor.Testing.Some;

namespace Monitor.Core.Tests.Records;

public sealed class ActivityNormalizerTests
{
    [Fact]
    public async Task FillsEveryField_WhenRecordIsComplete()
    {
        var record = CloudTrail.Record(CloudTrail.AssumedRole());
        record["resources"] = new JsonArray(new JsonObject { ["ARN"] = "arn:aws:s3:::bucket" }, new JsonObject { ["ARN"] = "" }, null);

        var activity = await CloudTrailReading.ReadOneAsync(record);

        activity.Time.ShouldBe(new DateTimeOffset(2025, 1, 2, 0, 3, 45, TimeSpan.Zero));
        activity.EventId.ShouldBe("c1f2e3d4-b5a6-4789-9abc-def012345678");
        activity.EventSource.ShouldBe("iam.amazonaws.com");
        activity.Service.ShouldBe("iam");
        activity.EventName.ShouldBe("ListUsers");
        activity.Account.ShouldBe(CloudTrail.Account);
        activity.Region.ShouldBe("us-east-1");
        activity.AccessKeyId?.Value.ShouldBe("ASIAEXAMPLEKEYID");
        activity.Source.Kind.ShouldBe(SourceKind.Public);
        activity.UserAgent.ShouldStartWith("aws-cli/2.15.0");
        activity.Outcome.ShouldBe(Outcome.Success);
        activity.ReadOnly.ShouldBe(true);
        activity.EventType.ShouldBe("AwsApiCall");
        activity.MfaUsed.ShouldBe(true);
        activity.Resources.ShouldBe(["arn:aws:s3:::bucket"]);
        activity.Record.ShouldNotBeNull().EventName.ShouldBe("ListUsers");
        activity.Origin.ShouldBe(ActivityOrigin.CloudTrail);
    }

    [Theory]
    [InlineData("AccessDenied", Outcome.Denied)]
    [InlineData("AccessDeniedException", Outcome.Denied)]
    [InlineData("UnauthorizedOperation", Outcome.Denied)]
    [InlineData("Client.UnauthorizedOperation", Outcome.Denied)]
    [InlineData("Forbidden", Outcome.Denied)]
    [InlineData("UnauthorizedAccess", Outcome.Denied)]
    [InlineData("Server.AccessDenied", Outcome.Denied)]
    [InlineData("accessdenied", Outcome.Denied)]
    [InlineData("NoSuchEntity", Outcome.Failure)]
    [InlineData("ThrottlingException", Outcome.Failure)]
    public async Task ClassifiesTheOutcome_WhenErrorCodeIsSet(string errorCode, Outcome outcome)
    {
        var record = CloudTrail.Record();
        record["errorCode"] = errorCode;
        record["errorMessage"] = "no";

        var activity = await CloudTrailReading.ReadOneAsync(record);

        activity.Outcome.ShouldBe(outcome);
        activity.ErrorCode.ShouldBe(errorCode);
        activity.ErrorMessage.ShouldBe("no");
    }

    [Theory]
    [InlineData("Failure", Outcome.Failure)]
    [InlineData("Success", Outcome.Success)]
    public async Task ReadsTheSignInResult_WhenConsoleLogin(string result, Outcome outcome)
    {
        var record = CloudTrail.Record(CloudTrail.Root(), "ConsoleLogin", "signin.amazonaws.com");
        record["responseElements"] = new JsonObject { ["ConsoleLogin"] = result };
        record["additionalEventData"] = new JsonObject { ["MFAUsed"] = "No" };

        var activity = await CloudTrailReading.ReadOneAsync(record);

        activity.Outcome.ShouldBe(outcome);
        activity.MfaUsed.ShouldBe(false);
    }

    [Fact]
    public async Task LeavesMfaUnknown_WhenNothingSaysIt()
    {
        (await CloudTrailReading.ReadOneAsync(CloudTrail.Record())).MfaUsed.ShouldBeNull();
    }

    [Fact]
    public async Task UsesTheCallersAccount_WhenRecipientAccountIsMissing()
    {
        var record = CloudTrail.Record(CloudTrail.AwsAccount());
        record.Remove("recipientAccountId");

        (await CloudTrailReading.ReadOneAsync(record)).Account.ShouldBe(CloudTrail.OtherAccount);
    }

    [Fact]
    public async Task DropsTheAccessKey_WhenEmpty()
    {
        (await CloudTrailReading.ReadOneAsync(CloudTrail.Record(CloudTrail.Root()))).AccessKeyId.ShouldBeNull();
    }

    [Fact]
    public async Task FallsBackToTheRequestId_WhenEventIdIsMissing()
    {
        var record = CloudTrail.Record();
        record.Remove("eventID");

        (await CloudTrailReading.ReadOneAsync(record)).EventId.ShouldBe("3f0b6c6e-7d3a-4f2b-9c1d-0e9f8a7b6c5d");
    }

    [Fact]
    public async Task DerivesTheSameIdFromTheBytes_WhenNoEventIdNorRequestId()
    {
        var record = CloudTrail.Record();
        record.Remove("eventID");
        record.Remove("requestID");
        var other = (JsonObject)record.DeepClone();
        other["eventName"] = "ListRoles";

        var first = await CloudTrailReading.ReadOneAsync(record);
        var again = await CloudTrailReading.ReadOneAsync(record);
        var different = await CloudTrailReading.ReadOneAsync(other);

        first.EventId.ShouldMatch("^sha256:[0-9a-f]{32}$");
        again.EventId.ShouldBe(first.EventId);
        different.EventId.ShouldNotBe(first.EventId);
    }

    [Fact]
    public void DerivesAnIdFromTheTypedRecord_WhenNoBytesAreGiven()
    {
        var record = JsonSerializer.Deserialize("{\"eventTime\":\"2025-01-02T00:00:00Z\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\"}", CloudTrailJsonContext.Default.CloudTrailRecord)!;

        var first = ActivityNormalizer.Normalize(record).ShouldBeOfType<RecordNormalization.Accepted>();
        var second = ActivityNormalizer.Normalize(record).ShouldBeOfType<RecordNormalization.Accepted>();

        first.Activity.EventId.ShouldStartWith("sha256:");
        second.Activity.EventId.ShouldBe(first.Activity.EventId);
    }

    [Fact]
    public async Task CopiesNoSessionTokenIntoActivityFields_WhenResponseHoldsCredentials()
    {
        const string token = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN";
        var record = CloudTrail.Record(CloudTrail.IamUser(), "AssumeRole", "sts.amazonaws.com");
        record["responseElements"] = new JsonObject
        {
            ["credentials"] = new JsonObject { ["accessKeyId"] = "ASIANEWSESSION", ["sessionToken"] = token, ["expiration"] = "Jan 2, 2025, 1:03:45 AM" },
        };

        var activity = await CloudTrailReading.ReadOneAsync(record);

        (activity with { Record = null }).ToString().ShouldNotContain(token);
        activity.AccessKeyId?.Value.ShouldBe("AKIAEXAMPLEKEYID2");
    }
}
