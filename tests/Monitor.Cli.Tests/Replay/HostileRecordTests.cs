using Monitor.Cli.Output;
using Monitor.Cli.Replay;
using Monitor.Detection;
using Monitor.Testing;

namespace Monitor.Cli.Tests.Replay;

/// <summary>
/// One hostile record between two good ones, replayed as a user would: the hostile record fails alone, named by its
/// input and position; the good records around it are committed and their findings printed; the exit code is 1.
/// Where real exports differ and the meaning is clear (an odd <c>resources</c> entry, a space-separated time), the
/// record is read, not refused.
/// </summary>
public sealed class HostileRecordTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("monitor-hostile-record-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string, string> Refused() => new()
    {
        { "surrogate-in-request", Login("HOSTILE").Replace("\"requestParameters\":null", "\"requestParameters\":{\"userName\":\"\\ud800\"}", StringComparison.Ordinal), "surrogate" },
        { "surrogate-in-response", Login("HOSTILE").Replace("{\"ConsoleLogin\":\"Success\"}", "{\"ConsoleLogin\":\"Success\",\"x\":\"\\udc00 tail\"}", StringComparison.Ordinal), "surrogate" },
        { "year-one", Login("HOSTILE").Replace("2026-11-10T17:20:00Z", "0001-01-01T00:00:00Z", StringComparison.Ordinal), "eventTime" },
        { "year-9999", Login("HOSTILE").Replace("2026-11-10T17:20:00Z", "9999-12-31T23:59:59Z", StringComparison.Ordinal), "eventTime" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task HostileRecord_FailsAlone_AndTheGoodRecordsAroundItArePrinted(string name, string hostile, string reason)
    {
        var file = Write($"{name}.json", "{\"Records\":[" + Login("GOOD-BEFORE") + "," + hostile + "," + Login("GOOD-AFTER", "17:25:00") + "]}");

        var (exit, findings, errors) = await ReplayAsync(file);

        exit.ShouldBe(1);
        var error = errors.ShouldHaveSingleItem();
        error.ShouldStartWith($"error: {file}: record 2: ");
        error.ShouldContain(reason, Case.Insensitive);
        findings.ShouldContain("GOOD-BEFORE");
        findings.ShouldContain("GOOD-AFTER");
        findings.ShouldNotContain("HOSTILE");
    }

    [Fact]
    public async Task AccessLogLineAtYearOne_FailsAlone_AndTheGoodLinesArePrinted()
    {
        var at = new DateTimeOffset(2026, 11, 10, 17, 41, 11, TimeSpan.Zero);
        var file = Write("access.log", string.Join('\n',
            Some.AccessLogLine(requester: "arn:aws:iam::111122223333:root", time: at, requestId: "GOOD-LINE-1"),
            Some.AccessLogLine(requester: "arn:aws:iam::111122223333:root", time: at, requestId: "HOSTILE").Replace("[10/Nov/2026:17:41:11 +0000]", "[01/Jan/0001:00:00:00 +1400]", StringComparison.Ordinal),
            Some.AccessLogLine(requester: "arn:aws:iam::111122223333:root", time: at, requestId: "GOOD-LINE-3")));

        var (exit, findings, errors) = await ReplayAsync(file);

        exit.ShouldBe(1);
        errors.ShouldHaveSingleItem().ShouldStartWith($"error: {file}: line 2: ");
        findings.ShouldContain("GOOD-LINE-1");
        findings.ShouldContain("GOOD-LINE-3");
        findings.ShouldNotContain("HOSTILE");
    }

    [Theory]
    [InlineData("odd-resources", "\"resources\":[{\"ARN\":{\"not\":\"a string\"}},42,\"x\"],")]
    [InlineData("space-separated-time", "")]
    public async Task ExportsThatDiffer_AreRead_WhereTheMeaningIsClear(string name, string extra)
    {
        var record = Login("LENIENT").Replace("\"eventVersion\"", extra + "\"eventVersion\"", StringComparison.Ordinal);
        if (name == "space-separated-time")
        {
            record = record.Replace("2026-11-10T17:20:00Z", "2026-11-10 17:20:00", StringComparison.Ordinal);
        }

        var (exit, findings, errors) = await ReplayAsync(Write($"{name}.json", "{\"Records\":[" + record + "]}"));

        exit.ShouldBe(0, string.Join('\n', errors));
        findings.ShouldContain("LENIENT");
    }

    /// <summary>A root console sign-in without MFA: every one is a finding, so each good record shows in the output.</summary>
    private static string Login(string eventId, string time = "17:20:00") =>
        $$"""{"eventVersion":"1.08","userIdentity":{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333"},"eventTime":"2026-11-10T{{time}}Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.66","userAgent":"Mozilla/5.0","requestParameters":null,"responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"MFAUsed":"No"},"eventID":"{{eventId}}","eventType":"AwsConsoleSignIn","recipientAccountId":"111122223333"}""";

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Exit, string[] EventIds, string[] Errors)> ReplayAsync(string file)
    {
        var output = new StringWriter { NewLine = "\n" };
        var errors = new StringWriter();
        var exit = await ReplayRun.ExecuteAsync(
            new ReplaySettings([file], Path.GetDirectoryName(file)!, ":memory:", OutputFormat.Jsonl, null, new DetectionOptions()),
            output, errors, TestContext.Current);
        var eventIds = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(line => FindingJson.Parse(line).EventIds).ToArray();
        return (exit, eventIds, errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToArray());
    }
}
