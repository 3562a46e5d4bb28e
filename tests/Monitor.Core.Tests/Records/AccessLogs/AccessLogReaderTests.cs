using System.IO.Compression;
using System.Text;
using Monitor.Records;
using Monitor.Records.AccessLogs;
using Monitor.Testing;

namespace Monitor.Core.Tests.Records.AccessLogs;

public sealed class AccessLogReaderTests
{
    [Fact]
    public async Task ShapesActivityLikeS3DataEvent_WhenRoleReadsObject()
    {
        var line = Some.AccessLogLine(requester: $"arn:aws:sts::{Some.Account}:assumed-role/Reporting/job-42", key: "reports/2025/q1%20final.csv", requestId: "REQ123");

        var (activities, report) = await Some.ReadAccessLogAsync([line]);

        var activity = activities.ShouldHaveSingleItem();
        activity.EventId.ShouldBe("REQ123");
        activity.EventSource.ShouldBe("s3.amazonaws.com");
        activity.EventName.ShouldBe("GetObject");
        activity.EventType.ShouldBe("AwsApiCall");
        activity.Origin.ShouldBe(ActivityOrigin.S3AccessLog);
        activity.Time.ShouldBe(Some.Time);
        activity.Principal.Key.ShouldBe($"arn:aws:iam::{Some.Account}:role/Reporting");
        activity.Principal.SessionName.ShouldBe("job-42");
        activity.Account.ShouldBe(Some.Account);
        activity.Region.ShouldBe("us-east-1");
        activity.Resources.ShouldBe(["arn:aws:s3:::example-bucket/reports/2025/q1 final.csv", "arn:aws:s3:::example-bucket"]);
        activity.Source.Raw.ShouldBe("203.0.113.10");
        activity.UserAgent.ShouldBe("aws-cli/2.15.0 Python/3.11.6");
        activity.Outcome.ShouldBe(Outcome.Success);
        activity.ReadOnly.ShouldBe(true);
        activity.AccessKeyId.ShouldBeNull();
        activity.Record.ShouldBeNull();
        report.Records.ShouldBe(1);
        report.Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(403, "AccessDenied", Outcome.Denied)]
    [InlineData(403, "SignatureDoesNotMatch", Outcome.Failure)]
    [InlineData(404, "NoSuchKey", Outcome.Failure)]
    [InlineData(304, "-", Outcome.Success)]
    [InlineData(206, "-", Outcome.Success)]
    public async Task DecidesOutcome_WhenStatusAndErrorCodeGiven(int status, string errorCode, Outcome expected)
    {
        var (activities, _) = await Some.ReadAccessLogAsync([Some.AccessLogLine(operation: "REST.PUT.OBJECT", status: status, errorCode: errorCode)]);

        var activity = activities.ShouldHaveSingleItem();
        activity.Outcome.ShouldBe(expected);
        activity.ReadOnly.ShouldBe(false);
        activity.ErrorCode.ShouldBe(errorCode == "-" ? null : errorCode);
    }

    [Fact]
    public async Task ReportsBadLinesWithNumbers_WhileTheRestContinues()
    {
        string[] lines =
        [
            Some.AccessLogLine(requestId: "FIRST"),
            "garbage line",
            "",
            Some.AccessLogLine().Replace("/Jan/", "/Foo/", StringComparison.Ordinal),
            Some.AccessLogLine(requestId: "LAST"),
        ];

        var (activities, report) = await Some.ReadAccessLogAsync(lines, "s3://logs/a.log");

        activities.Select(a => a.EventId).ShouldBe(["FIRST", "LAST"]);
        report.Records.ShouldBe(4);
        report.Errors.Count.ShouldBe(2);
        report.Errors[0].ShouldStartWith("s3://logs/a.log: line 2: ");
        report.Errors[1].ShouldStartWith("s3://logs/a.log: line 4: unreadable time");
    }

    [Theory]
    [InlineData("01/Jan/0001:00:00:00 +1400")]
    [InlineData("31/Dec/9999:23:59:59 -1400")]
    [InlineData("01/Jan/0001:00:00:00 -1400")]
    [InlineData("31/Dec/9999:23:59:59 +1400")]
    [InlineData("31/Dec/1969:23:59:59 +0000")]
    [InlineData("01/Jan/1970:00:59:59 +0100")]
    [InlineData("01/Jan/2100:00:00:00 +0000")]
    [InlineData("02/Jan/2025:00:00:00 +1459")]
    [InlineData("02/Jan/2025:00:00:00 -1401")]
    [InlineData("29/Feb/2025:00:00:00 +0000")]
    [InlineData("02/Jan/0000:00:00:00 +0000")]
    public async Task RejectsTheLineAlone_WhenItsTimeIsOutOfRangeOrImpossible(string time)
    {
        string[] lines =
        [
            Some.AccessLogLine(requestId: "FIRST"),
            Some.AccessLogLine(requestId: "BAD").Replace("02/Jan/2025:00:00:00 +0000", time, StringComparison.Ordinal),
            Some.AccessLogLine(requestId: "LAST"),
        ];

        var (activities, report) = await Some.ReadAccessLogAsync(lines, "s3://logs/a.log");

        activities.Select(a => a.EventId).ShouldBe(["FIRST", "LAST"]);
        report.Records.ShouldBe(3);
        report.Errors.ShouldBe(["s3://logs/a.log: line 2: unreadable time (expected [dd/Mon/yyyy:HH:mm:ss +0000] within 1970-01-01 to 2100-01-01)"]);
    }

    [Fact]
    public async Task ALineWithoutAnHttpStatus_IsRead_AsNothingGranted()
    {
        // Entries of a multi-object delete carry "-" where other lines have the status.
        var batch = Some.AccessLogLine(requester: "-", operation: "BATCH.DELETE.OBJECT", requestId: "BATCH").Replace(" 200 - 512 ", " - - 512 ", StringComparison.Ordinal);
        var odd = Some.AccessLogLine(requestId: "ODD").Replace(" 200 - 512 ", " 2x0 - 512 ", StringComparison.Ordinal);

        var (activities, report) = await Some.ReadAccessLogAsync([batch, odd], "s3://logs/a.log");

        var activity = activities.ShouldHaveSingleItem();
        activity.EventId.ShouldBe("BATCH");
        activity.Outcome.ShouldBe(Outcome.Failure);
        report.Errors.ShouldHaveSingleItem().ShouldContain("unreadable HTTP status");
    }

    [Fact]
    public async Task RejectsTheLine_WhenItsTimeFieldIsEmpty()
    {
        // Found by the fuzzer: an empty time matched the empty cache of the last time read and became 0001-01-01.
        var empty = Some.AccessLogLine(requestId: "EMPTY").Replace("[02/Jan/2025:00:00:00 +0000]", "", StringComparison.Ordinal);

        var (activities, report) = await Some.ReadAccessLogAsync([empty, Some.AccessLogLine(requestId: "GOOD"), empty], "s3://logs/a.log");

        activities.ShouldHaveSingleItem().EventId.ShouldBe("GOOD");
        report.Errors.ShouldBe([
            "s3://logs/a.log: line 1: unreadable time (expected [dd/Mon/yyyy:HH:mm:ss +0000] within 1970-01-01 to 2100-01-01)",
            "s3://logs/a.log: line 3: unreadable time (expected [dd/Mon/yyyy:HH:mm:ss +0000] within 1970-01-01 to 2100-01-01)",
        ]);
    }

    [Theory]
    [InlineData("01/Jan/1970:00:00:00 +0000", "1970-01-01T00:00:00Z")]
    [InlineData("31/Dec/2099:23:59:59 +0000", "2099-12-31T23:59:59Z")]
    [InlineData("01/Jan/2100:13:59:59 +1400", "2099-12-31T23:59:59Z")]
    public async Task ReadsTheLine_WhenItsTimeIsAtTheEdgeOfTheRange(string time, string utc)
    {
        var line = Some.AccessLogLine().Replace("02/Jan/2025:00:00:00 +0000", time, StringComparison.Ordinal);

        var (activities, report) = await Some.ReadAccessLogAsync([line]);

        report.Errors.ShouldBeEmpty();
        activities.ShouldHaveSingleItem().Time.ShouldBe(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RejectsOnlyTheFirstLine_WhenTheFirstLineHasAnOutOfRangeTime()
    {
        var text = Some.AccessLogLine(requestId: "BAD").Replace("02/Jan/2025:00:00:00 +0000", "01/Jan/0001:00:00:00 +1400", StringComparison.Ordinal)
            + "\n" + Some.AccessLogLine(requestId: "GOOD") + "\n";
        var report = new ReadReport("s3://logs/a.log");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var activities = await new LogObjectReader().ReadAsync(stream, report, CancellationToken.None).ToListAsync();

        activities.ShouldHaveSingleItem().EventId.ShouldBe("GOOD");
        report.Errors.ShouldBe(["s3://logs/a.log: line 1: unreadable time (expected [dd/Mon/yyyy:HH:mm:ss +0000] within 1970-01-01 to 2100-01-01)"]);
    }

    [Fact]
    public async Task SkipsServiceLines_WhenS3ExpiresObjects()
    {
        var (activities, report) = await Some.ReadAccessLogAsync([Some.AccessLogLine(requester: "-", operation: "S3.EXPIRE.OBJECT"), Some.AccessLogLine()]);

        activities.Count.ShouldBe(1);
        report.Skipped.ShouldBe(1);
    }

    [Fact]
    public async Task ReadsEveryLine_WhenLinesSpanManyBuffersAndCrlf()
    {
        var lines = Enumerable.Range(0, 5_000).Select(i => Some.AccessLogLine(requestId: $"R{i}", key: $"data/{i}.bin") + "\r");

        var (activities, report) = await Some.ReadAccessLogAsync(lines);

        activities.Count.ShouldBe(5_000);
        activities[^1].Resources.ShouldBe(["arn:aws:s3:::example-bucket/data/4999.bin", "arn:aws:s3:::example-bucket"]);
        report.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task RejectsOverlongLine_AndReadsTheNextOne()
    {
        var report = new ReadReport("big.log");
        var text = Some.AccessLogLine(userAgent: new string('x', 5_000)) + "\n" + Some.AccessLogLine(requestId: "AFTER") + "\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var activities = await new AccessLogReader(maxLineBytes: 1024).ReadAsync(stream, report, CancellationToken.None).ToListAsync();

        activities.ShouldHaveSingleItem().EventId.ShouldBe("AFTER");
        report.Errors.ShouldHaveSingleItem().ShouldContain("line 1: longer than 1024 bytes");
    }

    [Fact]
    public async Task ReadsGzip_AndTakesOwnerAccountFromPartitionedKey()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Some.AccessLogLine(requester: "-") + "\n"));
        }

        compressed.Position = 0;
        var report = new ReadReport("s3://logs/access/111122223333/eu-west-1/website/2026/11/10/2026-11-10-00-00-00-ABCDEF");

        var activity = (await new LogObjectReader().ReadAsync(compressed, report, CancellationToken.None).ToListAsync()).ShouldHaveSingleItem();

        activity.Origin.ShouldBe(ActivityOrigin.S3AccessLog);
        activity.Principal.Type.ShouldBe(PrincipalType.Anonymous);
        activity.Account.ShouldBe("111122223333");
    }

    [Fact]
    public async Task UsesVersionAction_WhenRequestNamesVersionId()
    {
        var (activities, _) = await Some.ReadAccessLogAsync([Some.AccessLogLine(requestUri: "GET /example-bucket/reports/2025/q1.csv?versionId=3HL4kqtJlcpXroDTDmJ HTTP/1.1")]);

        activities.ShouldHaveSingleItem().EventName.ShouldBe("GetObjectVersion");
    }

    [Fact]
    public async Task NamesBucketArn_WhenOperationIsOnTheBucket()
    {
        var (activities, _) = await Some.ReadAccessLogAsync([Some.AccessLogLine(operation: "REST.GET.BUCKET", key: "-", region: "cn-north-1")]);

        var activity = activities.ShouldHaveSingleItem();
        activity.EventName.ShouldBe("ListBucket");
        activity.Resources.ShouldBe(["arn:aws-cn:s3:::example-bucket"]);
    }
}
