using System.Text;
using Monitor.Records.AccessLogs;
using Monitor.Testing;

namespace Monitor.Core.Tests.Records.AccessLogs;

public sealed class AccessLogParserTests
{
    private static AccessLogRecord Parse(string line)
    {
        var record = AccessLogParser.ParseRecord(line, out var error);
        error.ShouldBeNull();
        return record!;
    }

    private static IEnumerable<string> SampleLines() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "formats", "s3-server-access-log-sample.log"));

    [Fact]
    public void ReadsEveryDocumentedField_WhenLineHas27Fields()
    {
        var record = Parse(SampleLines().First());

        record.BucketOwner.ShouldBe(Some.CanonicalOwner);
        record.Bucket.ShouldBe("amzn-s3-demo-bucket1");
        record.Time.ShouldBe(new DateTimeOffset(2019, 2, 6, 0, 0, 38, TimeSpan.Zero));
        record.RemoteIp.ShouldBe("192.0.2.3");
        record.Requester.ShouldBe(Some.CanonicalOwner);
        record.RequestId.ShouldBe("3E57427F3EXAMPLE");
        record.Operation.ShouldBe("REST.GET.VERSIONING");
        record.Key.ShouldBeNull();
        record.RequestUri.ShouldBe("GET /amzn-s3-demo-bucket1?versioning HTTP/1.1");
        record.HttpStatus.ShouldBe(200);
        record.ErrorCode.ShouldBeNull();
        record.BytesSent.ShouldBe(113);
        record.ObjectSize.ShouldBeNull();
        record.TotalTimeMs.ShouldBe(7);
        record.TurnAroundTimeMs.ShouldBeNull();
        record.Referer.ShouldBeNull();
        record.UserAgent.ShouldBe("S3Console/0.4");
        record.VersionId.ShouldBeNull();
        record.HostId.ShouldBe("s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234=");
        record.SignatureVersion.ShouldBe("SigV4");
        record.CipherSuite.ShouldBe("ECDHE-RSA-AES128-GCM-SHA256");
        record.AuthenticationType.ShouldBe("AuthHeader");
        record.HostHeader.ShouldBe("amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com");
        record.TlsVersion.ShouldBe("TLSV1.2");
        record.AccessPointArn.ShouldBe("arn:aws:s3:us-west-1:123456789012:accesspoint/example-AP");
        record.AclRequired.ShouldBeTrue();
        record.Region.ShouldBe("us-east-1");
        record.FieldCount.ShouldBe(27);
    }

    [Fact]
    public void ReadsObjectFields_WhenPutObjectLine()
    {
        var record = Parse(SampleLines().Last());

        record.Operation.ShouldBe("REST.PUT.OBJECT");
        record.Key.ShouldBe("s3-dg.pdf");
        record.BytesSent.ShouldBeNull();
        record.ObjectSize.ShouldBe(4406583);
        record.TotalTimeMs.ShouldBe(41754);
        record.TurnAroundTimeMs.ShouldBe(28);
    }

    [Fact]
    public void ReadsErrorCode_WhenRequestFailed()
    {
        var record = Parse(SampleLines().ElementAt(2));

        record.HttpStatus.ShouldBe(404);
        record.ErrorCode.ShouldBe("NoSuchBucketPolicy");
    }

    [Fact]
    public void TreatsMissingTrailingFieldsAsAbsent_WhenOlderLineEndsAfterTlsVersion()
    {
        var record = Parse(SampleLines().Last());

        record.FieldCount.ShouldBe(24);
        record.TlsVersion.ShouldBe("TLSV1.1");
        record.AccessPointArn.ShouldBeNull();
        record.AclRequired.ShouldBeFalse();
        record.Region.ShouldBeNull();
    }

    [Theory]
    [InlineData(17)]
    [InlineData(19)]
    [InlineData(23)]
    [InlineData(25)]
    public void AcceptsShortLine_WhenOlderFormatEndsEarly(int fields)
    {
        var line = string.Join(' ', Tokens(Some.AccessLogLine()).Take(fields));

        var record = Parse(line);

        record.FieldCount.ShouldBe(fields);
        record.UserAgent.ShouldBe("aws-cli/2.15.0 Python/3.11.6");
        record.Region.ShouldBeNull();
    }

    [Fact]
    public void IgnoresExtraFields_WhenNewerFormatAddsSome()
    {
        var record = Parse(Some.AccessLogLine() + " future-field \"quoted future\" 42");

        record.FieldCount.ShouldBe(30);
        record.Region.ShouldBe("us-east-1");
    }

    [Fact]
    public void RejectsLine_WhenFewerFieldsThanUserAgent()
    {
        var line = string.Join(' ', Tokens(Some.AccessLogLine()).Take(16));

        AccessLogParser.ParseRecord(line, out var error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("16 fields");
    }

    [Fact]
    public void KeepsSpacesAndQuotes_WhenInsideUserAgent()
    {
        var record = Parse(Some.AccessLogLine(userAgent: "Mozilla/5.0 (X11; Linux) \\\"quoted\\\" and \"bare\"quotes"));

        record.UserAgent.ShouldBe("Mozilla/5.0 (X11; Linux) \"quoted\" and \"bare\"quotes");
        record.VersionId.ShouldBeNull();
        record.SignatureVersion.ShouldBe("SigV4");
    }

    [Fact]
    public void DecodesKey_WhenItHoldsEncodedSpacesQuotesAndUnicode()
    {
        var record = Parse(Some.AccessLogLine(key: "my%20folder/%22quoted%22%20file%2Bplus+sign%C3%A9.txt", requestUri: "GET /example-bucket/my%20folder/%22quoted%22 HTTP/1.1"));

        record.Key.ShouldBe("my folder/\"quoted\" file+plus+signé.txt");
        record.RequestUri.ShouldBe("GET /example-bucket/my%20folder/%22quoted%22 HTTP/1.1");
    }

    [Fact]
    public void KeepsSpacesInRequestUri_WhenClientSentThemRaw()
    {
        var record = Parse(Some.AccessLogLine(requestUri: "GET /example-bucket/a b \"c\"d HTTP/1.1"));

        record.RequestUri.ShouldBe("GET /example-bucket/a b \"c\"d HTTP/1.1");
        record.HttpStatus.ShouldBe(200);
    }

    [Theory]
    [InlineData("+0000", 0)]
    [InlineData("+0130", -90)]
    [InlineData("-0500", 300)]
    public void ReadsTimeWithOffset_WhenBracketedTimeHoldsASpace(string offset, int minutesToUtc)
    {
        var line = Some.AccessLogLine().Replace("+0000]", offset + "]", StringComparison.Ordinal);

        var record = Parse(line);

        record.Time.ShouldBe(Some.Time.AddMinutes(minutesToUtc));
        record.Time!.Value.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("[02/Jan/2025:00:00:00 +0000", "never closed")]
    [InlineData("\"GET /x HTTP/1.1", "never closed")]
    [InlineData("[02/Jan/2025:00:00:00 +0000]x", "no space after ']'")]
    public void RejectsLine_WhenBracketOrQuoteIsBroken(string broken, string reason)
    {
        var line = $"{Some.CanonicalOwner} bucket {broken} 192.0.2.1 - ID REST.GET.OBJECT key";

        AccessLogParser.ParseRecord(line, out var error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void RecognisesAccessLog_WhenFirstLineParses()
    {
        LogObjectReaderProbe.IsAccessLog(Some.AccessLogLine()).ShouldBeTrue();
        LogObjectReaderProbe.IsAccessLog("\n\n" + Some.AccessLogLine() + "\r\nmore").ShouldBeTrue();
        LogObjectReaderProbe.IsAccessLog("{\"Records\":[]}").ShouldBeFalse();
        LogObjectReaderProbe.IsAccessLog("[{\"eventVersion\":\"1.08\"}]").ShouldBeFalse();
        LogObjectReaderProbe.IsAccessLog("user,arn,user_creation_time").ShouldBeFalse();
        LogObjectReaderProbe.IsAccessLog(Some.AccessLogLine().Replace("[", "(", StringComparison.Ordinal).Replace("]", ")", StringComparison.Ordinal)).ShouldBeFalse();
    }

    [Fact]
    public void RecognisesAccessLog_WhenItStartsWithAUtf8ByteOrderMark()
    {
        var bom = new byte[] { 0xEF, 0xBB, 0xBF };

        Monitor.Records.LogObjectReader.IsAccessLog([.. bom, .. Encoding.UTF8.GetBytes(Some.AccessLogLine())]).ShouldBeTrue();
        Monitor.Records.LogObjectReader.IsAccessLog([.. bom, .. "\r\n"u8, .. Encoding.UTF8.GetBytes(Some.AccessLogLine())]).ShouldBeTrue();
        Monitor.Records.LogObjectReader.IsAccessLog([.. bom, .. "{\"Records\":[]}"u8]).ShouldBeFalse();
    }

    [Theory]
    [InlineData("01/Jan/0001:00:00:00 +1400")]
    [InlineData("31/Dec/9999:23:59:59 -1400")]
    [InlineData("31/Dec/1969:23:59:59 +0000")]
    public void RecognisesAccessLog_WhenTheFirstTimeIsWellFormedButOutOfRange(string time)
    {
        var line = Some.AccessLogLine().Replace("02/Jan/2025:00:00:00 +0000", time, StringComparison.Ordinal);

        LogObjectReaderProbe.IsAccessLog(line).ShouldBeTrue();
        Parse(line).Time.ShouldBeNull();
    }

    private static IEnumerable<string> Tokens(string line)
    {
        // Fields of a line built by Some.AccessLogLine: the time and the quoted fields hold spaces.
        var fields = new List<string>();
        var i = 0;
        while (i < line.Length)
        {
            var close = line[i] switch { '[' => line.IndexOf(']', i) + 1, '"' => line.IndexOf("\" ", i + 1, StringComparison.Ordinal) + 1, _ => -1 };
            var end = close > 0 ? close : line.IndexOf(' ', i) is var space and >= 0 ? space : line.Length;
            fields.Add(line[i..end]);
            i = end + 1;
        }

        return fields;
    }
}

internal static class LogObjectReaderProbe
{
    public static bool IsAccessLog(string text) => Monitor.Records.LogObjectReader.IsAccessLog(System.Text.Encoding.UTF8.GetBytes(text));
}
