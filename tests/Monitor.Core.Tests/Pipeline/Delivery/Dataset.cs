using System.Text;
using Monitor.Core.Tests.Detection.Roles;
using Monitor.Detection;
using Monitor.Pipeline;
using Monitor.Records;
using Monitor.Records.CredentialReports;
using Monitor.Sinks;
using Monitor.Testing.Fakes;

namespace Monitor.Core.Tests.Pipeline.Delivery;

/// <summary>Objects read once into activities, with the credential reports that go with them, replayed under any plan.</summary>
internal sealed record Dataset(string Name, IReadOnlyList<IReadOnlyList<Activity>> Objects, IReadOnlyList<CredentialReport> Reports)
{
    private static readonly DetectionOptions Options = new();

    /// <summary>When the credential audit runs: the latest event of the dataset, whatever the delivery.</summary>
    public DateTimeOffset AsOf => Objects.SelectMany(o => o).Max(a => a.Time);

    public async Task<StoreDump> ReplayAsync(DeliveryPlan plan, int judgeSlice = DetectionEngine.JudgeSlice)
    {
        var store = new InMemoryStateStore();
        var engine = new DetectionEngine(DetectorCatalog.All(Options), store, judgeSlice);
        var auditor = new CredentialAuditor(store, NullFindingSink.Instance, Options.Credentials);
        foreach (var report in Reports)
        {
            await auditor.RecordAsync(report, CancellationToken.None);
        }

        var rejected = new List<string>();
        foreach (var message in plan.Arrange(Objects))
        {
            foreach (var chunk in message.Chunk(Math.Min(plan.ChunkSize, Math.Max(1, message.Count))))
            {
                var outcome = await engine.RunAsync(chunk, (activity, reason) => rejected.Add($"{activity.EventId}: {reason}"), CancellationToken.None);
                outcome.Errors.ShouldBeEmpty();
            }
        }

        rejected.ShouldBeEmpty();
        await auditor.AuditAsync(AsOf, CancellationToken.None);
        return await StoreDump.OfAsync(store);
    }
}

/// <summary>The datasets the order-independence properties run on.</summary>
internal static class Deliveries
{
    private static readonly Lazy<Task<Dataset>> Samples = new(() => LoadAsync(
        "samples",
        [.. new[] { "objects", "credentials", "stolen-workloads", "anonymous-data-events", "persistence" }.Select(f => Path.Combine(RepositoryFiles.Events, f))],
        [Path.Combine(RepositoryFiles.Events, "credentials", "credential-report.csv")]));

    private static readonly Lazy<Task<Dataset>> Real = new(() => LoadAsync("real logs", [RepositoryFiles.CloudTrailData], []));

    public static Task<Dataset> SamplesAsync() => Samples.Value;

    public static Task<Dataset> RealLogsAsync() => Real.Value;

    private static async Task<Dataset> LoadAsync(string name, string[] folders, string[] reports)
    {
        var reader = new LogObjectReader();
        var objects = new List<IReadOnlyList<Activity>>();
        foreach (var file in folders.SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories)).Where(IsLog).Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            var report = new ReadReport(file);
            var activities = new List<Activity>();
            await foreach (var activity in reader.ReadAsync(stream, report, CancellationToken.None))
            {
                activities.Add(activity);
            }

            report.Errors.ShouldBeEmpty();
            if (activities.Count > 0)
            {
                objects.Add(activities);
            }
        }

        var credentialReports = reports.Select(r => CredentialReportReader.Read(new StringReader(File.ReadAllText(r, Encoding.UTF8)), r)).ToArray();
        return new Dataset(name, objects, credentialReports);
    }

    private static bool IsLog(string file)
    {
        var name = Path.GetFileName(file);
        return !name.EndsWith(".md", StringComparison.Ordinal) && !name.EndsWith(".csv", StringComparison.Ordinal) && !name.Contains("Digest", StringComparison.Ordinal);
    }
}
