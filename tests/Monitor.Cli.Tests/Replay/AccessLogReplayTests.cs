using System.IO.Compression;
using Monitor.Cli.Output;
using Monitor.Cli.Replay;
using Monitor.Detection;
using Monitor.Detection.PublicBuckets;
using Monitor.Envelopes;
using Monitor.Testing;

namespace Monitor.Cli.Tests.Replay;

public sealed class AccessLogReplayTests : IDisposable
{
    private static readonly string Objects = Path.Combine(RepositoryPaths.Events, "objects");
    private readonly string _folder = Directory.CreateTempSubdirectory("access-log-replay").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("looks-like.json")]
    [InlineData("no-extension")]
    public async Task ClassifiesByContent_WhateverTheName(string name)
    {
        var file = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(file, Some.AccessLogLine(time: new DateTimeOffset(2026, 11, 10, 8, 0, 0, TimeSpan.Zero)) + "\n", TestContext.Current);

        var classification = await InputClassifier.ClassifyAsync(file, TestContext.Current);

        classification.Shape.ShouldBe(InputShapes.AccessLog);
        classification.FirstTime.ShouldBe(new DateTimeOffset(2026, 11, 10, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task ClassifiesGzippedAccessLog()
    {
        var file = Path.Combine(_folder, "log.gz");
        await using (var gzip = new GZipStream(File.Create(file), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(System.Text.Encoding.UTF8.GetBytes(Some.AccessLogLine() + "\n"), TestContext.Current);
        }

        (await InputClassifier.ClassifyAsync(file, TestContext.Current)).Shape.ShouldBe(InputShapes.AccessLog);
    }

    [Fact]
    public async Task SqsSample_ReportsRootAndAnonymousAccess()
    {
        var findings = await ReplayAsync(new DetectionOptions());

        findings.ShouldContain(f => f.Detector == "root-usage" && f.Signals.Contains("s3-access-log") && f.Principal == "arn:aws:iam::111122223333:root");
        var anonymous = findings.Single(f => f.Detector == "public-bucket-access");
        anonymous.Evidence["bucket"]!.GetValue<string>().ShouldBe("example-prod-data");
        anonymous.Evidence["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldContain("exports/daily/summary 2026-11-09.csv");
    }

    [Fact]
    public async Task SqsSample_StaysQuietAboutTheBucket_WhenListedPublic()
    {
        var findings = await ReplayAsync(new DetectionOptions { PublicBuckets = new PublicBucketOptions { PublicBuckets = PublicBucketList.Parse("example-prod-*") } });

        findings.ShouldNotContain(f => f.Detector == "public-bucket-access");
    }

    private static async Task<List<Finding>> ReplayAsync(DetectionOptions options)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var sample = Path.Combine(RepositoryPaths.Events, "07-sqs-access-log.json");

        var exit = await ReplayRun.ExecuteAsync(new ReplaySettings([sample], Objects, ":memory:", OutputFormat.Jsonl, null, options), output, errors, TestContext.Current);

        exit.ShouldBe(0, errors.ToString());
        return [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(FindingJson.Parse)];
    }
}
