using Monitor.Records;
using Monitor.Testing;

namespace Monitor.Core.Tests.Records;

/// <summary>Reads the real CloudTrail logs in tests/data/cloudtrail (see SOURCES.md there for origin and licences).</summary>
public sealed class CloudTrailDatasetTests
{
    private static async Task<(int Files, int Records, int Activities, List<Activity> All, List<string> Errors)> ReadFolderAsync(string folder)
    {
        var files = Directory.GetFiles(RepositoryFolders.TestData("cloudtrail", folder), "*.json").Order(StringComparer.Ordinal).ToArray();
        var reader = new CloudTrailReader();
        var all = new List<Activity>();
        var errors = new List<string>();
        var records = 0;
        foreach (var file in files)
        {
            var report = new ReadReport(file);
            await using var stream = File.OpenRead(file);
            await foreach (var activity in reader.ReadAsync(stream, report, CancellationToken.None))
            {
                all.Add(activity);
            }

            records += report.Records;
            errors.AddRange(report.Errors);
        }

        return (files.Length, records, all.Count, all, errors);
    }

    [Fact]
    public async Task ReadsEveryRecord_WhenInvictusDataset()
    {
        var (files, records, activities, all, errors) = await ReadFolderAsync("invictus-ir_aws_dataset");

        errors.ShouldBeEmpty();
        files.ShouldBe(55);
        records.ShouldBe(2_900);
        activities.ShouldBe(2_900);
        all.Count(a => a.Principal.Type == PrincipalType.Unknown).ShouldBe(0);
        all.ShouldContain(a => a.Principal.Type == PrincipalType.AwsService && a.Principal.Key == "service:secretsmanager.amazonaws.com" && a.EventType == "AwsServiceEvent");
        all.ShouldContain(a => a.Principal.Key == "arn:aws:iam::123837392027:user/bert-jan");
        all.ShouldContain(a => a.Outcome == Outcome.Denied && a.EventName == "AssumeRole");
    }

    [Fact]
    public async Task ReadsEveryRecord_WhenStratusDetonationLogs()
    {
        var (files, records, activities, all, errors) = await ReadFolderAsync("stratus-red-team_detonation-logs");

        errors.ShouldBeEmpty();
        files.ShouldBe(35);
        records.ShouldBe(310);
        activities.ShouldBe(310);
        all.ShouldContain(a => a.Source.Kind == SourceKind.Invalid);
    }
}
