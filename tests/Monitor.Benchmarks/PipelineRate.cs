using System.Diagnostics;
using System.Globalization;
using Monitor.Detection;
using Monitor.Pipeline;
using Monitor.Sinks;
using Monitor.Testing.Fakes;

namespace Monitor.Benchmarks;

/// <summary>
/// <c>pipeline-rate [records]</c>: one timed pass of the whole ingest path (reader, every detector, state view
/// with per-chunk prefetch, commit, findings) over a generated gzip log (default 200,000 records), against the
/// in-memory store so the number is the pipeline's own, not a database's.
/// </summary>
internal static class PipelineRate
{
    public static async Task RunAsync(string[] args)
    {
        var records = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
        var gzip = Monitor.Testing.SyntheticCloudTrailStream.Gzipped(records);
        var options = new DetectionOptions();
        var store = new InMemoryStateStore();
        var ingestor = new Ingestor(Monitor.Testing.Fakes.NoObjects.Instance, store, DetectorCatalog.All(options), NullFindingSink.Instance, TimeProvider.System);

        var clock = Stopwatch.StartNew();
        using var stream = new MemoryStream(gzip, writable: false);
        var outcome = await ingestor.ProcessStreamAsync("pipeline-rate", stream, CancellationToken.None);
        clock.Stop();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{outcome.Records:N0} records, {outcome.Findings.Count:N0} findings, {store.Sightings.Count:N0} state keys in {clock.Elapsed.TotalSeconds:N2} s: {outcome.Records / clock.Elapsed.TotalSeconds:N0} records/s"));
    }
}
