using System.Text.Json;
using Monitor.Cli.Output;
using Monitor.Cli.Replay;
using Monitor.Detection;
using Xunit.Abstractions;

namespace Monitor.Cli.Tests.Replay;

public sealed class HostileInputTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("monitor-hostile-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task EveryMalformedInput_YieldsAnErrorNamingIt_AndGoodInputsAreFullyProcessed()
    {
        var inputs = Path.Combine(_root, "inputs");
        var objects = Path.Combine(_root, "objects");
        HostileInputs.Write(inputs, objects);
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await ReplayRun.ExecuteAsync(
            new ReplaySettings([inputs], objects, ":memory:", OutputFormat.Json, null, new DetectionOptions()),
            output, errors, TestContext.Current);

        exit.ShouldBe(1, "some inputs failed");
        log.WriteLine(errors.ToString());
        var errorLines = errors.ToString().Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToArray();
        foreach (var (file, reason) in HostileInputs.Bad)
        {
            var mentions = errorLines.Where(l => l.Contains(file, StringComparison.Ordinal)).ToArray();
            mentions.Length.ShouldBe(1, $"{file} should yield exactly one error; errors were:\n{string.Join('\n', errorLines)}");
            var message = mentions[0][(mentions[0].IndexOf(file, StringComparison.Ordinal) + file.Length)..];
            message.ShouldContain(reason, Case.Insensitive, $"{file}: {mentions[0]}");
        }

        errorLines.Length.ShouldBe(HostileInputs.Bad.Count, string.Join('\n', errorLines));
        using var document = JsonDocument.Parse(output.ToString());
        // Good records: 00-good-log (1), 00-good-log2 (1), the record before the bad one in 06 (1),
        // and the object behind the good message of 10 (1).
        document.RootElement.GetProperty("records").GetInt32().ShouldBeGreaterThanOrEqualTo(4);
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("eventIds")[0].GetString()).ToArray();
        findings.ShouldContain("GOOD-EVENT-ID");
        findings.ShouldContain("GOOD-EVENT-2");
        findings.ShouldContain("GOOD-EVENT-3");
        findings.ShouldContain("GOOD-EVENT-6");
    }
}
